/**
 * An `onus trail` run: list the sources, share the files between threads (each parses and matches whole
 * files; the main thread is one of them for local files), read stdin and LookupEvents in the main thread,
 * then merge what every thread saw. Memory stays bounded by the files in flight (a few per worker), the
 * findings' evidence and the events that feed windowed detections.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { S3Client } from '@aws-sdk/client-s3';

import type { DetectionSet, RuleFileProblem } from './detections.js';
import { describeError } from './read/errors.js';
import type { TrailFilters } from './read/filters.js';
import { listTrailSources, sourceName, type TrailSource } from './read/sources.js';
import { readStdin } from './read/stdin.js';
import { mergePartials, TrailScanner, type MergedScan, type ScanPartial } from './scanner.js';
import { detectionSetFor, type WorkerReply, type WorkerRequest, type WorkerSetup } from './setup.js';

/** The S3 reader loads the AWS SDK: only when an input is s3://. */
async function readS3Object(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  return (await import('./read/s3.js')).readS3Object(client, bucket, key);
}

export interface TrailRunOptions {
  /** Files, directories, `s3://bucket/prefix` and `-` (stdin). Empty: the live account's LookupEvents. */
  inputs: string[];
  filters: TrailFilters;
  /** `--rules DIR`: users' Sigma rules, added to the bundled ones. */
  ruleDirectory?: string;
  /**
   * Threads reading files (default: one per core): for local files the main thread and N-1 workers, for S3 N
   * workers fed by the main thread; 0 or 1 scans in the main thread only.
   */
  workers?: number;
  s3?: S3Client;
  stdin?: NodeJS.ReadableStream;
  /** For LookupEvents: a client per region, and the regions to read. */
  lookup?: { client: (region: string) => CloudTrailClient; regions: string[] };
  /** Progress notes for a terminal ("read 120 of 5,000 files"). */
  onProgress?: (note: string) => void;
  now?: () => Date;
}

export interface TrailRun {
  scan: MergedScan;
  set: DetectionSet;
  ruleProblems: RuleFileProblem[];
  digestFiles: number;
}

/** Below this, threads cost more to start than they save. */
const MIN_FILES_PER_WORKER = 4;
const IN_FLIGHT_PER_WORKER = 3;
const FILES_PER_MESSAGE = 4;

/** The worker's script; from source (tests, `tsx`) a small script registering tsx first, then the TypeScript. */
function workerScript(): { script: string | URL; eval: boolean } {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href;
    const worker = new URL('./worker.ts', import.meta.url).href;
    return {
      script: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`,
      eval: true,
    };
  }
  return { script: new URL('./worker.js', import.meta.url), eval: false };
}

/** Workers start loading the detections at once, while the main thread lists the sources. */
function startWorkers(count: number, setup: WorkerSetup): Worker[] {
  const { script, eval: evaluated } = workerScript();
  return Array.from({ length: count }, () => new Worker(script, { workerData: setup, eval: evaluated }));
}

/**
 * Shares sources between the workers, at most three messages in flight each, and the main thread's scanner
 * when given (it then takes local files too, one at a time, letting the workers' replies in between); resolves
 * with every worker's partial.
 */
async function scanInWorkers(
  sources: readonly TrailSource[],
  workers: readonly Worker[],
  s3: S3Client | undefined,
  onFileDone: (files: number) => void,
  onProblem: (source: string, reason: string) => void,
  main?: TrailScanner,
): Promise<ScanPartial[]> {
  let next = 0;
  const mainLane = async (scanner: TrailScanner): Promise<void> => {
    for (;;) {
      const source = sources[next];
      if (source?.kind !== 'file') return;
      next++;
      scanner.scanFile(source.path);
      onFileDone(1);
      await new Promise<void>((resolve) => {
        setImmediate(resolve);
      });
    }
  };
  const run = (worker: Worker): Promise<ScanPartial> =>
    new Promise<ScanPartial>((resolve, reject) => {
      let inFlight = 0;
      let finishing = false;
      const feed = async (): Promise<void> => {
        while (inFlight < IN_FLIGHT_PER_WORKER && next < sources.length) {
          const source = sources[next++];
          if (source === undefined) break;
          if (source.kind === 'file') {
            // A few local files to a message, while there are plenty left for the other workers.
            const paths = [source.path];
            const batch =
              sources.length - next > workers.length * FILES_PER_MESSAGE * 4 ? FILES_PER_MESSAGE : 1;
            while (paths.length < batch && sources[next]?.kind === 'file') {
              const more = sources[next++];
              if (more?.kind === 'file') paths.push(more.path);
            }
            inFlight++;
            worker.postMessage({ kind: 'files', paths } satisfies WorkerRequest);
          } else if (source.kind === 's3') {
            inFlight++;
            try {
              const bytes = await readS3Object(s3 as S3Client, source.bucket, source.key);
              worker.postMessage(
                { kind: 'bytes', bytes, source: sourceName(source) } satisfies WorkerRequest,
                [bytes.buffer as ArrayBuffer],
              );
            } catch (error) {
              inFlight--;
              onProblem(sourceName(source), `cannot read: ${describeError(error)}`);
              onFileDone(1);
            }
          }
        }
        if (inFlight === 0 && next >= sources.length && !finishing) {
          finishing = true;
          worker.postMessage({ kind: 'finish' } satisfies WorkerRequest);
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'partial') {
          resolve(reply.partial);
          void worker.terminate();
          return;
        }
        inFlight--;
        onFileDone(reply.files);
        feed().catch(reject);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finishing) reject(new Error(`a trail worker stopped (exit code ${String(code)})`));
      });
      feed().catch(reject);
    });
  const [partials] = await Promise.all([Promise.all(workers.map(run)), main ? mainLane(main) : undefined]);
  return partials;
}

export async function runTrail(options: TrailRunOptions): Promise<TrailRun> {
  const ruleDirectories = options.ruleDirectory === undefined ? [] : [options.ruleDirectory];
  const wanted = options.workers ?? availableParallelism();
  const hasFiles = options.inputs.some((input) => input !== '-');
  // Reading local files, the main thread is one of the threads: it has the detections loaded already and starts
  // while the workers boot. Reading S3 it stays free to fetch objects for the workers.
  const mainScans = !options.inputs.some((input) => input.startsWith('s3://'));
  const workerCount = mainScans ? wanted - 1 : wanted;
  const started =
    wanted >= 2 && workerCount >= 1 && hasFiles
      ? startWorkers(workerCount, { ruleDirectories, filters: options.filters })
      : [];
  const { set, baseline, problems: ruleProblems } = detectionSetFor(ruleDirectories);
  const main = new TrailScanner(set, options.filters, baseline);
  const progress = options.onProgress ?? (() => undefined);

  let digestFiles = 0;
  const sources: TrailSource[] = [];
  let stdinSeen = false;
  for await (const source of listTrailSources(options.inputs, options.filters, {
    ...(options.s3 ? { s3: options.s3 } : {}),
    ...(options.now ? { now: options.now } : {}),
    onProblem: (problem) => {
      main.problem(problem);
    },
    onDigestSkipped: () => {
      digestFiles++;
    },
  })) {
    if (source.kind === 'stdin') stdinSeen = true;
    else sources.push(source);
  }

  if (stdinSeen) {
    for await (const batch of readStdin(options.stdin ?? process.stdin)) {
      for (const problem of batch.problems) main.problem(problem);
      main.scanEvents(batch.events, 'stdin');
    }
  }

  if (options.inputs.length === 0 && options.lookup) {
    const since =
      options.filters.since ?? new Date((options.now?.() ?? new Date()).getTime() - 90 * 86_400_000);
    for (const region of options.lookup.regions) {
      progress(`reading the last events of ${region} (cloudtrail:LookupEvents)`);
      try {
        const { lookupEvents } = await import('./read/lookup.js');
        for await (const page of lookupEvents(options.lookup.client(region), {
          since,
          ...(options.filters.until ? { until: options.filters.until } : {}),
          region,
          onProblem: (problem) => {
            main.problem(problem);
          },
        })) {
          main.scanEvents(page, `lookup-events ${region}`);
        }
      } catch (error) {
        main.problem({ source: `lookup-events ${region}`, reason: describeError(error), count: 1 });
      }
    }
  }

  // Threads only pay off with a few files each; the ones not needed stop at once.
  const threads = Math.floor(sources.length / MIN_FILES_PER_WORKER);
  const useful = Math.min(started.length, mainScans ? threads - 1 : threads);
  const workers = useful >= (mainScans ? 1 : 2) ? started.slice(0, useful) : [];
  for (const idle of started.slice(workers.length)) void idle.terminate();
  let done = 0;
  const onFileDone = (files: number): void => {
    const before = done;
    done += files;
    if (Math.floor(done / 500) > Math.floor(before / 500))
      progress(`read ${done.toLocaleString('en-US')} of ${sources.length.toLocaleString('en-US')} files`);
  };
  const partials: ScanPartial[] = [];
  if (workers.length > 0) {
    partials.push(
      ...(await scanInWorkers(
        sources,
        workers,
        options.s3,
        onFileDone,
        (source, reason) => {
          main.problem({ source, reason, count: 1 });
        },
        mainScans ? main : undefined,
      )),
    );
  } else {
    for (const source of sources) {
      if (source.kind === 'file') main.scanFile(source.path);
      else if (source.kind === 's3') {
        try {
          main.scanBytes(
            await readS3Object(options.s3 as S3Client, source.bucket, source.key),
            sourceName(source),
          );
        } catch (error) {
          main.problem({
            source: sourceName(source),
            reason: `cannot read: ${describeError(error)}`,
            count: 1,
          });
        }
      }
      onFileDone(1);
    }
  }
  partials.push(main.partial());
  return { scan: mergePartials(set, baseline, partials), set, ruleProblems, digestFiles };
}
