import type { ScanReport } from '../core/scan.js';
import type { Messages } from '../cli/terminal.js';
import { sameScope } from '../findings/diff.js';
import { openStore } from '../findings/store/open.js';
import type { RunKind, RunRecord, Store } from '../findings/store/types.js';
import type { TrendPoint } from '../formats/html-report.js';

/** How many runs the report's trend shows at most. */
export const TREND_RUNS = 30;
/** How far back the store is read to find them (runs of other scopes are skipped). */
const LOOK_BACK = 500;

/** evaluated / (every result but MANUAL), from a run's counts, as `summarize` computes coverage. */
export function coverageOf(counts: Record<string, number>): number | null {
  const count = (status: string) => counts[status] ?? 0;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0) - count('MANUAL');
  const evaluated = count('PASS') + count('FAIL') + count('MUTED');
  return total <= 0 ? null : evaluated / total;
}

export function trendPoint(run: RunRecord): TrendPoint {
  const count = (status: string) => run.counts[status] ?? 0;
  return {
    runId: run.id,
    finishedAt: run.finishedAt,
    counts: {
      PASS: count('PASS'),
      FAIL: count('FAIL'),
      NOT_EVALUATED: count('NOT_EVALUATED'),
      MUTED: count('MUTED'),
    },
    coverage: coverageOf(run.counts),
  };
}

/**
 * The trend ending with `run`: the runs of its kind and scope recorded up to it, oldest first, at most `limit`.
 * Reads only.
 */
export async function trendOf(store: Store, run: RunRecord, limit = TREND_RUNS): Promise<TrendPoint[]> {
  const runs = await store.listRuns({ kind: run.kind, limit: LOOK_BACK });
  const index = runs.findIndex((candidate) => candidate.id === run.id);
  const upTo = index === -1 ? [run, ...runs] : runs.slice(index);
  return upTo
    .filter((candidate) => sameScope(candidate, run))
    .slice(0, limit)
    .reverse()
    .map(trendPoint);
}

/**
 * Records a run as `record` (commands/history.ts) does, and returns the trend ending with it, for
 * `onus scan --format html`.
 */
export async function recordWithTrend(
  kind: RunKind,
  report: ScanReport,
  storeFlag: string | undefined,
  messages: Messages,
): Promise<{ run: RunRecord; trend: TrendPoint[] }> {
  const store = await openStore(storeFlag === undefined ? {} : { store: storeFlag });
  try {
    const run = await store.recordRun(kind, report);
    messages.info(`recorded run ${run.id} in ${store.location}`);
    return { run, trend: await trendOf(store, run) };
  } finally {
    await store.close();
  }
}
