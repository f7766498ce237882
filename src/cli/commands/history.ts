import type { ScanReport } from '../../core/scan.js';
import { openStore } from '../../findings/store/open.js';
import type { RunKind, RunRecord, RunScope } from '../../findings/store/types.js';
import { padEnd, padStart } from '../../formats/ansi.js';
import { EXIT, UserError } from '../errors.js';
import type { Messages } from '../terminal.js';

export interface HistoryFlags {
  limit?: string;
  format: 'table' | 'json';
  store?: string;
}

/** How many runs `onus history` lists unless `--limit` says otherwise. */
export const DEFAULT_LIMIT = 20;

/**
 * Records a run in the findings store (`--store`, `ONUS_DATABASE_URL`, else `.onus/onus.db`) and says where on
 * stderr. A store that cannot be used is a UserError naming it; the caller has already delivered its report.
 */
export async function record(
  kind: RunKind,
  report: ScanReport,
  storeFlag: string | undefined,
  messages: Messages,
): Promise<RunRecord> {
  const store = await openStore(storeFlag === undefined ? {} : { store: storeFlag });
  try {
    const run = await store.recordRun(kind, report);
    messages.info(`recorded run ${run.id} in ${store.location}`);
    return run;
  } finally {
    await store.close();
  }
}

/** `onus history`: the recorded runs, most recent first. */
export async function history(flags: HistoryFlags): Promise<number> {
  const limit = parseLimit(flags.limit);
  const store = await openStore({
    ...(flags.store === undefined ? {} : { store: flags.store }),
    create: false,
  });
  try {
    const runs = await store.listRuns({ limit });
    process.stdout.write(
      flags.format === 'json' ? `${JSON.stringify(runs, null, 2)}\n` : formatHistory(runs, store.location),
    );
  } finally {
    await store.close();
  }
  return EXIT.ok;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UserError(`--limit: expected a whole number of runs, 1 or more, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const plural = (count: number, word: string) => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

/** `1 account, 4 regions, 199 checks`. */
export function describeScope(scope: RunScope): string {
  return [
    plural(scope.accounts.length, 'account'),
    plural(scope.regions.length, 'region'),
    plural(scope.checkIds.length, 'check'),
  ].join(', ');
}

/** `2026-11-28 19:53:01Z`. */
export function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function formatHistory(runs: readonly RunRecord[], location: string): string {
  if (runs.length === 0)
    return `No runs recorded in ${location} yet: \`onus scan\` records each run there.\n`;
  const header = ['RUN', 'KIND', 'WHEN', 'TARGET', 'SCOPE', 'FAIL', 'PASS', 'MUTED', 'NOT EVAL.', 'MANUAL'];
  const rows = runs.map((run) => [
    run.id,
    run.kind,
    when(run.startedAt),
    `${run.target.type} ${run.target.name}`,
    describeScope(run.scope),
    ...['FAIL', 'PASS', 'MUTED', 'NOT_EVALUATED', 'MANUAL'].map((status) => String(run.counts[status] ?? 0)),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = (column: number) => column >= 5;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric(column) ? padStart(cell, widths[column] ?? 0) : padEnd(cell, widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
