import { diffRuns, lineOf, sameScope, type DiffLine } from '../findings/diff.js';
import type { RunRecord, Store } from '../findings/store/types.js';

export const BUCKETS = ['new', 'resolved', 'stillFailing', 'muted', 'notRechecked'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_TITLES: Record<Bucket, string> = {
  new: 'New',
  resolved: 'Resolved',
  stillFailing: 'Still failing',
  muted: 'Muted since',
  notRechecked: 'Not re-checked',
};

/** A request for something the store does not have: 404, with a message for the page. */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** A run id as the store makes them (`20261128T195301Z-00002a`); anything else is never looked up. */
export const RUN_ID = /^[0-9A-Za-z._-]{1,100}$/;

/** What `onus diff --format json` gives, plus whether the two runs share a scope. */
export interface ServedDiff {
  from: RunRecord;
  to: RunRecord;
  sameScope: boolean;
  counts: Record<Bucket, number>;
  lines: Record<Bucket, DiffLine[]>;
}

/** The run before `run` with its kind and scope, if any (`runs` most recent first). */
export function previousOf(run: RunRecord, runs: readonly RunRecord[]): RunRecord | undefined {
  const index = runs.findIndex((candidate) => candidate.id === run.id);
  return runs.slice(index + 1).find((candidate) => sameScope(candidate, run));
}

function named(id: string, runs: readonly RunRecord[]): RunRecord {
  const run = RUN_ID.test(id) ? runs.find((candidate) => candidate.id === id) : undefined;
  if (!run) throw new NotFound(`no run '${id}' in the store`);
  return run;
}

/**
 * Run A against run B. B defaults to the latest run; A to the run before B with the same scope, as
 * `onus diff` chooses them.
 */
export async function diffOf(store: Store, a: string | null, b: string | null): Promise<ServedDiff> {
  const runs = await store.listRuns();
  const latest = runs[0];
  if (!latest) throw new NotFound('no runs recorded in the store yet: `onus scan` records each run there');
  const to = b ? named(b, runs) : latest;
  const from = a ? named(a, runs) : previousOf(to, runs);
  if (!from) {
    throw new NotFound(
      `run ${to.id} is the only one of its scope in the store: scan again with the same scope, or choose two runs`,
    );
  }
  const changes = diffRuns(
    { run: from, findings: await store.findingsOf(from.id) },
    { run: to, findings: await store.findingsOf(to.id) },
  );
  const seen = await store.history([
    ...new Set(BUCKETS.flatMap((bucket) => changes[bucket].map((entry) => entry.fingerprint))),
  ]);
  const lines = Object.fromEntries(
    BUCKETS.map((bucket) => [bucket, changes[bucket].map((entry) => lineOf(entry, seen))]),
  ) as Record<Bucket, DiffLine[]>;
  const counts = Object.fromEntries(BUCKETS.map((bucket) => [bucket, lines[bucket].length])) as Record<
    Bucket,
    number
  >;
  return { from, to, sameScope: sameScope(from, to), counts, lines };
}

/** `/api/diff`: the same shape as `onus diff --format json`. */
export function diffJson(diff: ServedDiff): unknown {
  return { from: diff.from, to: diff.to, sameScope: diff.sameScope, counts: diff.counts, ...diff.lines };
}
