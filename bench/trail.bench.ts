/**
 * How fast `onus trail` reads CloudTrail logs, against `zcat | jq` applying one filter, on the same files in the
 * same run.
 *
 *   npm run bench:trail [-- --events 1000000]
 *
 * Generates a corpus of CloudTrail log files (`.json.gz`, 500 records each, in the S3 key layout of one account
 * and two regions) with a realistic mix: read-only Describe/List/Get calls, role sessions, S3 and KMS data events,
 * console logins, some AccessDenied errors, and a few planted attacks. Then, measured in this run:
 *
 * - `zcat FILES | jq -c '.Records[] | select(<4 predicates>)'`: jq applying ONE filter (StopLogging or
 *   DeleteTrail or root activity or AccessDenied), the usual hand tool;
 * - `onus trail DIR` (built, `node dist/cli/bin.js`): every bundled detection (single-event rules, windowed
 *   correlations, whole-period baselines), worker threads on every core, findings to /dev/null; and again with
 *   `--workers 1`, one thread, beside the one-thread floor.
 *
 * Each tool (and the floor) runs `--runs` times (default 3), in turn, and its best run counts: a shared machine's speed drifts
 * by a quarter within minutes, and taking each tool's best keeps that drift out of the ratio.
 *
 * Prints events/s of each, the ratio (goal: onus at least 5x jq), onus's events/s per core (goal: at least
 * 100,000) against the naive floor measured in the same run (gunzip and JSON.parse of every file and nothing
 * else, in one thread and in one thread per core), and its peak RSS from /usr/bin/time (goal: under 512 MB).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeTrailCorpus } from './trail-corpus.js';

const arg = process.argv.indexOf('--events');
const EVENTS = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1])) : 3;
const ROOT = new URL('..', import.meta.url).pathname;

function timed(
  command: string,
  args: string[],
  options: { input?: string } = {},
): { ms: number; stdout: string; rssKb: number } {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  const ms = performance.now() - start;
  if (run.status !== 0 && run.status !== 3) throw new Error(`${command} failed: ${run.stderr.slice(-500)}`);
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  return { ms, stdout: run.stdout, rssKb };
}

/** Source of the floor's worker threads: plain JavaScript, so it runs as is under tsx or node. */
const FLOOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
let events = 0;
for (const file of workerData) events += JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')).Records.length;
parentPort.postMessage(events);
`;

/** Events per second of gunzip + JSON.parse alone over every file, in `threads` threads. */
async function naiveFloor(files: readonly string[], threads: number): Promise<number> {
  const shares = Array.from({ length: threads }, (_, index) =>
    files.filter((_, position) => position % threads === index),
  );
  const start = performance.now();
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(FLOOR_WORKER, { eval: true, workerData: share });
          worker.once('message', (count: number) => {
            resolve(count);
          });
          worker.once('error', reject);
        }),
    ),
  );
  const events = counts.reduce((total, count) => total + count, 0);
  return events / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'onus-bench-trail-'));
  if (process.argv.includes('--corpus-only')) {
    writeTrailCorpus(dir, EVENTS);
    console.log(dir);
    return;
  }
  try {
    console.log(`building onus (dist/) ...`);
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    const start = performance.now();
    const { files, bytes } = writeTrailCorpus(dir, EVENTS);
    console.log(
      `corpus: ${EVENTS.toLocaleString('en-US')} events in ${String(files.length)} .json.gz files (${(bytes / 1024 / 1024).toFixed(0)} MB of JSON), generated in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );

    const filter =
      '.Records[] | select(.eventName == "StopLogging" or .eventName == "DeleteTrail" or .userIdentity.type == "Root" or .errorCode == "AccessDenied")';
    const cores = availableParallelism();
    const onusArgs = [
      join(ROOT, 'dist/cli/bin.js'),
      'trail',
      dir,
      '--format',
      'json',
      '--no-store',
      '-q',
      '--fail-on',
      'none',
    ];
    let jq: { ms: number; stdout: string; rssKb: number } | undefined;
    let onus: { ms: number; stdout: string; rssKb: number } | undefined;
    // The naive floor: gunzip and JSON.parse of every file, nothing else, in one thread and then in one
    // thread per core (the files shared between them); measured in every run too, best kept.
    let floorRate = 0;
    // onus with --workers 1: one thread on one core, beside the one-thread floor (no second thread competing).
    let oneThreadMs = Infinity;
    let oneThreadStdout = '';
    let floorAllCores = 0;
    for (let run = 1; run <= RUNS; run++) {
      const jqRun = timed('bash', [
        '-c',
        `find '${dir}' -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '${filter}' | wc -l`,
      ]);
      const onusRun = timed('node', onusArgs);
      const oneThreadRun = timed('node', [...onusArgs, '--workers', '1']);
      console.log(
        `run ${String(run)}/${String(RUNS)}: jq ${(jqRun.ms / 1000).toFixed(2)} s, onus ${(onusRun.ms / 1000).toFixed(2)} s, onus in one thread ${(oneThreadRun.ms / 1000).toFixed(2)} s`,
      );
      if (jq === undefined || jqRun.ms < jq.ms) jq = jqRun;
      if (onus === undefined || onusRun.ms < onus.ms) onus = onusRun;
      oneThreadMs = Math.min(oneThreadMs, oneThreadRun.ms);
      oneThreadStdout = oneThreadRun.stdout;
      floorRate = Math.max(floorRate, await naiveFloor(files, 1));
      floorAllCores = Math.max(floorAllCores, await naiveFloor(files, cores));
    }
    if (jq === undefined || onus === undefined) throw new Error('no run');
    const jqHits = Number(jq.stdout.trim());

    const report = JSON.parse(onus.stdout) as {
      input: { events: number };
      findings: { detectionId: string; eventCount: number }[];
    };
    if (report.input.events !== EVENTS)
      throw new Error(`onus read ${String(report.input.events)} events, not ${String(EVENTS)}`);

    const jqRate = EVENTS / (jq.ms / 1000);
    const onusRate = EVENTS / (onus.ms / 1000);
    console.log(`best of ${String(RUNS)} runs each:`);
    console.log(
      `zcat | jq (1 filter)     ${(jq.ms / 1000).toFixed(2)} s  ${Math.round(jqRate).toLocaleString('en-US')} events/s  (${String(jqHits)} matching records)`,
    );
    console.log(
      `onus trail (all ${String(report.findings.length)} findings) ${(onus.ms / 1000).toFixed(2)} s  ${Math.round(onusRate).toLocaleString('en-US')} events/s on ${String(cores)} cores, peak RSS ${(onus.rssKb / 1024).toFixed(0)} MB`,
    );
    const ratio = onusRate / jqRate;
    const perCore = onusRate / cores;
    console.log(
      `ratio: onus is ${ratio.toFixed(1)}x zcat | jq (goal: at least 5x) ${ratio >= 5 ? 'OK' : 'BELOW GOAL'}`,
    );
    console.log(
      `per core: ${Math.round(perCore).toLocaleString('en-US')} events/s (goal: at least 100,000) ${perCore >= 100_000 ? 'OK' : 'BELOW GOAL'}`,
    );
    console.log(
      `naive floor (gunzip + JSON.parse, nothing matched): ${Math.round(floorRate).toLocaleString('en-US')} events/s in one thread, ` +
        `${Math.round(floorAllCores / cores).toLocaleString('en-US')} events/s per core with ${String(cores)} threads; ` +
        `onus per core is ${(perCore / (floorAllCores / cores)).toFixed(2)}x the all-core floor`,
    );
    // Threads share the files, never the findings: one thread must find exactly what all of them found.
    const oneThreadReport = JSON.parse(oneThreadStdout) as typeof report;
    const tally = (findings: typeof report.findings): string =>
      JSON.stringify(findings.map((finding) => [finding.detectionId, finding.eventCount]).sort());
    if (tally(oneThreadReport.findings) !== tally(report.findings))
      throw new Error('onus found something else in one thread than in several');
    const oneThreadRate = EVENTS / (oneThreadMs / 1000);
    console.log(
      `one thread (--workers 1): ${Math.round(oneThreadRate).toLocaleString('en-US')} events/s, ` +
        `${(oneThreadRate / floorRate).toFixed(2)}x the one-thread floor`,
    );
    console.log(
      `peak RSS: ${(onus.rssKb / 1024).toFixed(0)} MB (goal: under 512 MB) ${onus.rssKb < 512 * 1024 ? 'OK' : 'OVER'}`,
    );
    const byDetection = new Map<string, number>();
    for (const finding of report.findings)
      byDetection.set(finding.detectionId, (byDetection.get(finding.detectionId) ?? 0) + finding.eventCount);
    console.log(
      `planted activity found: ${[...byDetection].map(([id, count]) => `${id} (${String(count)} events)`).join(', ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
