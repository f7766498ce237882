/**
 * How fast `onus trail s3://bucket/prefix` reads when every S3 call takes time, against the same files read
 * from the local disk in the same run.
 *
 *   npm run bench:trail-s3 [-- --events 200000 --latency 30 --runs 3]
 *
 * S3 is mocked in this process (aws-sdk-client-mock, as in the tests): ListObjectsV2 answers up to 1,000 keys a
 * page and GetObject answers the object, each after `--latency` milliseconds. onus reads the bucket as
 * `onus trail s3://...` does (the main thread lists and fetches, worker threads scan) and the same files as
 * `onus trail DIR` does; each runs `--runs` times in turn and its best run counts.
 *
 * The lower bound is the local read: no latency at all. Fetching one object at a time per thread would add
 * files x latency / threads on top of it; fetching ahead while the threads scan (and reading while the listing
 * goes on) is meant to hide it: the goal is S3 within 1.5x of local.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

import { runTrail } from '../src/trail/run.js';
import { writeTrailCorpus } from './trail-corpus.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

// As the CLI does: onus pins its SDK versions, so the SDK's notice about Node 20 says nothing to act on here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const EVENTS = option('--events', 200_000);
const LATENCY_MS = option('--latency', 30);
const RUNS = Math.max(1, option('--runs', 3));
const BUCKET = 'bench-trail-bucket';
const PAGE = 1000;

const after = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** A bucket holding `objects`, answering like S3: prefixes and keys a level at a time, 1,000 a page. */
function serveBucket(objects: ReadonlyMap<string, Uint8Array>): { lists: () => number; gets: () => number } {
  const s3 = mockClient(S3Client);
  const keys = [...objects.keys()].sort();
  let lists = 0;
  let gets = 0;
  s3.on(ListObjectsV2Command).callsFake(
    async (input: {
      Prefix?: string;
      Delimiter?: string;
      ContinuationToken?: string;
      StartAfter?: string;
    }) => {
      lists++;
      await after(LATENCY_MS);
      const prefix = input.Prefix ?? '';
      const entries: { key?: string; prefix?: string }[] = [];
      const seen = new Set<string>();
      for (const key of keys) {
        if (!key.startsWith(prefix) || (input.StartAfter !== undefined && key <= input.StartAfter)) continue;
        const cut = input.Delimiter === undefined ? -1 : key.indexOf(input.Delimiter, prefix.length);
        if (cut === -1) entries.push({ key });
        else {
          const common = key.slice(0, cut + 1);
          if (!seen.has(common)) entries.push({ prefix: common });
          seen.add(common);
        }
      }
      const start = Number(input.ContinuationToken ?? '0');
      const page = entries.slice(start, start + PAGE);
      const more = start + PAGE < entries.length;
      return {
        Contents: page.flatMap((entry) =>
          entry.key === undefined ? [] : [{ Key: entry.key, Size: objects.get(entry.key)?.length ?? 0 }],
        ),
        CommonPrefixes: page.flatMap((entry) =>
          entry.prefix === undefined ? [] : [{ Prefix: entry.prefix }],
        ),
        IsTruncated: more,
        ...(more ? { NextContinuationToken: String(start + PAGE) } : {}),
      };
    },
  );
  s3.on(GetObjectCommand).callsFake(async (input: { Key: string }) => {
    gets++;
    await after(LATENCY_MS);
    const bytes = objects.get(input.Key) ?? new Uint8Array();
    // A copy per read: the worker it is sent to takes ownership of its memory.
    return { Body: { transformToByteArray: () => Promise.resolve(new Uint8Array(bytes)) } };
  });
  return { lists: () => lists, gets: () => gets };
}

async function timedRun(
  inputs: string[],
  client: S3Client | undefined,
): Promise<{ ms: number; events: number; findings: string }> {
  const start = performance.now();
  const run = await runTrail({ inputs, filters: {}, ...(client ? { s3: client } : {}) });
  const ms = performance.now() - start;
  const findings = JSON.stringify(
    run.scan.findings.map((finding) => [finding.detectionId, finding.eventCount]).sort(),
  );
  return { ms, events: run.scan.events, findings };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'onus-bench-trail-s3-'));
  try {
    const { files } = writeTrailCorpus(dir, EVENTS);
    const objects = new Map(files.map((path) => [relative(dir, path), new Uint8Array(readFileSync(path))]));
    const calls = serveBucket(objects);
    const client = new S3Client({ region: 'eu-west-1' });
    const threads = availableParallelism();
    console.log(
      `corpus: ${EVENTS.toLocaleString('en-US')} events in ${String(files.length)} .json.gz objects; every S3 call answers after ${String(LATENCY_MS)} ms; ${String(threads)} cores`,
    );
    let local: { ms: number; events: number; findings: string } | undefined;
    let s3: { ms: number; events: number; findings: string } | undefined;
    let perRun = { lists: 0, gets: 0 };
    // Each run's S3 time over the local time just before it: the machine's drift touches both alike.
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const localRun = await timedRun([dir], undefined);
      const before = { lists: calls.lists(), gets: calls.gets() };
      const s3Run = await timedRun([`s3://${BUCKET}/AWSLogs/`], client);
      perRun = { lists: calls.lists() - before.lists, gets: calls.gets() - before.gets };
      console.log(
        `run ${String(run)}/${String(RUNS)}: local ${(localRun.ms / 1000).toFixed(2)} s, s3 ${(s3Run.ms / 1000).toFixed(2)} s`,
      );
      ratios.push(s3Run.ms / localRun.ms);
      if (local === undefined || localRun.ms < local.ms) local = localRun;
      if (s3 === undefined || s3Run.ms < s3.ms) s3 = s3Run;
    }
    if (local === undefined || s3 === undefined) throw new Error('no run');
    if (s3.events !== EVENTS || local.events !== EVENTS)
      throw new Error(
        `read ${String(s3.events)} events from S3 and ${String(local.events)} locally, not ${String(EVENTS)}`,
      );
    if (s3.findings !== local.findings) throw new Error('S3 and the local copy gave different findings');
    const rate = (ms: number): string => Math.round(EVENTS / (ms / 1000)).toLocaleString('en-US');
    const ratio = s3.ms / local.ms;
    const unhidden = (files.length * LATENCY_MS) / threads / 1000;
    console.log(`best of ${String(RUNS)} runs each:`);
    console.log(`local files (lower bound) ${(local.ms / 1000).toFixed(2)} s  ${rate(local.ms)} events/s`);
    console.log(
      `s3://                     ${(s3.ms / 1000).toFixed(2)} s  ${rate(s3.ms)} events/s  (${String(perRun.lists)} ListObjectsV2 pages, ${String(perRun.gets)} GetObject per run)`,
    );
    console.log(
      `ratio: S3 is ${ratio.toFixed(2)}x the local read (goal: within 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER'}; ` +
        `one GET at a time per thread would add about ${unhidden.toFixed(1)} s`,
    );
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `run by run: ${ratios.map((value) => `${value.toFixed(2)}x`).join(', ')} (median ${(sorted[sorted.length >> 1] ?? 0).toFixed(2)}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
