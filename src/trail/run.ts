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
/**
 * S3 objects fetched ahead of the threads: a GET takes tens of milliseconds, scanning an object a few, so one
 * fetch at a time would leave the threads waiting. Bounds memory too (at most this many objects held).
 */
const S3_FETCHES_AHEAD = 16;

/**
 * The sources as the listing finds them: threads take them while it goes on, so reading starts with the first
 * page of a long S3 listing (or the first directory of a large tree) instead of after the last.
 */
class SourceQueue {
  private readonly items: (TrailSource | undefined)[] = [];
  private head = 0;
  private ended = false;
  private waiting: (() => void)[] = [];

  push(source: TrailSource): void {
    this.items.push(source);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  /** How many sources were listed so far (all of them once the listing has ended). */
  get listed(): number {
    return this.items.length;
  }

  get finished(): boolean {
    return this.ended;
  }

  /** Sources listed and not taken yet. */
  get waitingToBeTaken(): number {
    return this.items.length - this.head;
  }

  /** The next source if one is listed, left in the queue. */
  peek(): TrailSource | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** The next source if one is listed, without waiting. */
  poll(): TrailSource | undefined {
    if (this.head >= this.items.length) return undefined;
    const source = this.items[this.head];
    this.items[this.head++] = undefined;
    return source;
  }

  /** The next source, waiting for the listing when needed; undefined once every source was taken. */
  async take(): Promise<TrailSource | undefined> {
    for (;;) {
      const source = this.poll();
      if (source !== undefined || this.ended) return source;
      await this.change();
    }
  }

  /** Resolves once `count` sources are listed or the listing has ended. */
  async until(count: number): Promise<void> {
    while (!this.ended && this.items.length < count) await this.change();
  }

  private change(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/** What a worker is sent next: a few local files, or the bytes of one S3 object. */
type Work = { kind: 'files'; paths: string[] } | { kind: 'bytes'; bytes: Uint8Array; source: string };

/**
 * Hands out work to the workers: local files a few to a message while plenty are left, S3 objects fetched up to
 * {@link S3_FETCHES_AHEAD} ahead in the order they complete. An object that cannot be read is a problem and
 * counts as done.
 */
class WorkFeed {
  private readonly fetched: Work[] = [];
  private fetching = 0;
  private settled: (() => void)[] = [];

  constructor(
    private readonly queue: SourceQueue,
    private readonly s3: S3Client | undefined,
    private readonly threads: number,
    private readonly onFileDone: (files: number) => void,
    private readonly onProblem: (source: string, reason: string) => void,
  ) {}

  /** The next piece of work, waiting for a fetch or the listing; undefined once there is none left. */
  async next(): Promise<Work | undefined> {
    for (;;) {
      this.fetchAhead();
      const ready = this.fetched.shift();
      if (ready !== undefined) return ready;
      // A local file listed next goes at once rather than after the fetches in flight.
      if (this.fetching > 0 && this.queue.peek()?.kind !== 'file') {
        await new Promise<void>((resolve) => {
          this.settled.push(resolve);
        });
        continue;
      }
      const source = await this.queue.take();
      if (source === undefined) return undefined;
      if (source.kind === 'file') return { kind: 'files', paths: this.batchAfter(source.path) };
      if (source.kind === 's3') this.fetch(source);
    }
  }

  /** A local file and the local files listed right after it, while plenty are left for the other threads. */
  private batchAfter(path: string): string[] {
    const paths = [path];
    while (
      paths.length < FILES_PER_MESSAGE &&
      this.queue.peek()?.kind === 'file' &&
      this.queue.waitingToBeTaken > this.threads * FILES_PER_MESSAGE * 4
    ) {
      const more = this.queue.poll();
      if (more?.kind === 'file') paths.push(more.path);
    }
    return paths;
  }

  /** Starts fetches for the S3 objects listed next, up to the bound, stopping at anything else. */
  private fetchAhead(): void {
    while (this.fetching + this.fetched.length < S3_FETCHES_AHEAD) {
      const source = this.queue.peek();
      if (source?.kind !== 's3') return;
      this.queue.poll();
      this.fetch(source);
    }
  }

  private fetch(source: Extract<TrailSource, { kind: 's3' }>): void {
    this.fetching++;
    readS3Object(this.s3 as S3Client, source.bucket, source.key)
      .then(
        (bytes) => {
          this.fetched.push({ kind: 'bytes', bytes, source: sourceName(source) });
        },
        (error: unknown) => {
          this.onProblem(sourceName(source), `cannot read: ${describeError(error)}`);
          this.onFileDone(1);
        },
      )
      .finally(() => {
        this.fetching--;
        const settled = this.settled;
        this.settled = [];
        for (const resolve of settled) resolve();
      });
  }
}

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
 * Shares the work between the workers, at most three messages in flight each, and the main thread's scanner
 * when given (it then takes local files too, one at a time, letting the workers' replies in between); resolves
 * with every worker's partial.
 */
async function scanInWorkers(
  queue: SourceQueue,
  feed: WorkFeed,
  workers: readonly Worker[],
  onFileDone: (files: number) => void,
  main?: TrailScanner,
): Promise<ScanPartial[]> {
  const mainLane = async (scanner: TrailScanner): Promise<void> => {
    for (let source = await queue.take(); source !== undefined; source = await queue.take()) {
      if (source.kind !== 'file') continue;
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
      let feeding = false;
      let exhausted = false;
      let finishing = false;
      // One feeding loop per worker at a time: a reply arriving while it waits for the listing leaves it be.
      const fill = async (): Promise<void> => {
        if (feeding) return;
        feeding = true;
        try {
          while (!exhausted && inFlight < IN_FLIGHT_PER_WORKER) {
            const work = await feed.next();
            if (work === undefined) {
              exhausted = true;
              break;
            }
            inFlight++;
            if (work.kind === 'files') {
              worker.postMessage({ kind: 'files', paths: work.paths } satisfies WorkerRequest);
            } else {
              worker.postMessage(
                { kind: 'bytes', bytes: work.bytes, source: work.source } satisfies WorkerRequest,
                [work.bytes.buffer as ArrayBuffer],
              );
            }
          }
        } finally {
          feeding = false;
        }
        if (exhausted && inFlight === 0 && !finishing) {
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
        fill().catch(reject);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finishing) reject(new Error(`a trail worker stopped (exit code ${String(code)})`));
      });
      fill().catch(reject);
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
  if (options.inputs.includes('-')) {
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

  // The listing goes on while the files it has found are read.
  const queue = new SourceQueue();
  // Nothing in the listing throws by design; should it, the error is kept and thrown once the threads stop.
  let listingError: { error: unknown } | undefined;
  const listing = (async () => {
    try {
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
        if (source.kind !== 'stdin') queue.push(source);
      }
    } finally {
      queue.end();
    }
  })().catch((error: unknown) => {
    listingError = { error };
  });

  // Threads only pay off with a few files each: once enough files are listed for all of them (or the listing
  // has ended with fewer), the ones not needed stop.
  await queue.until((started.length + 1) * MIN_FILES_PER_WORKER);
  const threads = queue.finished
    ? Math.floor(queue.listed / MIN_FILES_PER_WORKER)
    : started.length + (mainScans ? 1 : 0);
  const useful = Math.min(started.length, mainScans ? threads - 1 : threads);
  const workers = useful >= (mainScans ? 1 : 2) ? started.slice(0, useful) : [];
  for (const idle of started.slice(workers.length)) void idle.terminate();
  let done = 0;
  const onFileDone = (files: number): void => {
    const before = done;
    done += files;
    if (Math.floor(done / 500) > Math.floor(before / 500)) {
      const of = queue.finished ? `of ${queue.listed.toLocaleString('en-US')} ` : '';
      progress(`read ${done.toLocaleString('en-US')} ${of}files`);
    }
  };
  const onProblem = (source: string, reason: string): void => {
    main.problem({ source, reason, count: 1 });
  };
  const feed = new WorkFeed(queue, options.s3, Math.max(1, workers.length), onFileDone, onProblem);
  const partials: ScanPartial[] = [];
  if (workers.length > 0) {
    partials.push(...(await scanInWorkers(queue, feed, workers, onFileDone, mainScans ? main : undefined)));
  } else {
    // One thread: S3 objects are still fetched ahead while it scans.
    for (let work = await feed.next(); work !== undefined; work = await feed.next()) {
      if (work.kind === 'files') {
        for (const path of work.paths) main.scanFile(path);
        onFileDone(work.paths.length);
      } else {
        main.scanBytes(work.bytes, work.source);
        onFileDone(1);
      }
    }
  }
  await listing;
  if (listingError !== undefined) throw listingError.error;
  partials.push(main.partial());
  return { scan: mergePartials(set, baseline, partials), set, ruleProblems, digestFiles };
}
