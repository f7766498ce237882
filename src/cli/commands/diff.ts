import { severityRank } from '../../core/severity.js';
import { diffRuns, lineOf, sameScope, type DiffLine, type RunDiff } from '../../findings/diff.js';
import { openStore } from '../../findings/store/open.js';
import type { FindingHistory, RunRecord, Store } from '../../findings/store/types.js';
import type { Paint } from '../../formats/ansi.js';
import { EXIT, UserError } from '../errors.js';
import { paintFor } from '../terminal.js';
import { describeScope, when } from './history.js';

export interface DiffFlags {
  format: 'table' | 'json';
  store?: string;
  color: boolean;
}

const BUCKETS = ['new', 'resolved', 'stillFailing', 'muted', 'notRechecked'] as const;
type Bucket = (typeof BUCKETS)[number];

/**
 * `onus diff [A] [B]`: what changed from run A to run B. With no runs named, the latest run against the one
 * before it with the same scope; with one, that run against the latest. `latest` and `previous` name those.
 */
export async function diff(a: string | undefined, b: string | undefined, flags: DiffFlags): Promise<number> {
  const store = await openStore({
    ...(flags.store === undefined ? {} : { store: flags.store }),
    create: false,
  });
  try {
    const runs = await store.listRuns();
    if (runs.length === 0) {
      throw new UserError(
        `diff: no runs recorded in ${store.location}; \`onus scan\` records each run there`,
      );
    }
    const from = resolve(a ?? 'previous', runs, store.location);
    const to = resolve(b ?? 'latest', runs, store.location);
    if (!sameScope(from, to) && flags.format === 'table') {
      process.stderr.write(
        `onus: runs ${from.id} and ${to.id} have different scopes; failures outside ${to.id}'s are listed as not re-checked, never resolved\n`,
      );
    }
    const changes = diffRuns(
      { run: from, findings: await store.findingsOf(from.id) },
      { run: to, findings: await store.findingsOf(to.id) },
    );
    const seen = await seenOf(store, changes);
    const lines = Object.fromEntries(
      BUCKETS.map((bucket) => [bucket, changes[bucket].map((entry) => lineOf(entry, seen))]),
    ) as Record<Bucket, DiffLine[]>;
    process.stdout.write(
      flags.format === 'json'
        ? `${JSON.stringify(
            {
              from,
              to,
              counts: Object.fromEntries(BUCKETS.map((bucket) => [bucket, lines[bucket].length])),
              ...lines,
            },
            null,
            2,
          )}\n`
        : formatDiff(from, to, lines, paintFor(process.stdout, flags.color)),
    );
  } finally {
    await store.close();
  }
  return EXIT.ok;
}

/** A run named by id (or a prefix of one that is unique), `latest`, or `previous`. */
function resolve(name: string, runs: readonly RunRecord[], location: string): RunRecord {
  const latest = runs[0] as RunRecord;
  if (name === 'latest') return latest;
  if (name === 'previous') {
    const previous = runs.slice(1).find((run) => sameScope(run, latest));
    if (!previous) {
      throw new UserError(
        `diff: the latest run (${latest.id}: ${latest.kind}, ${describeScope(latest.scope)}) is the only one of its scope in ${location}; scan again with the same scope, or name two runs (see \`onus history\`)`,
      );
    }
    return previous;
  }
  const exact = runs.find((run) => run.id === name);
  if (exact) return exact;
  const matches = runs.filter((run) => run.id.startsWith(name));
  if (matches.length === 1) return matches[0] as RunRecord;
  throw new UserError(
    matches.length === 0
      ? `diff: no run '${name}' in ${location} (see \`onus history\`; or name latest, previous)`
      : `diff: '${name}' names ${String(matches.length)} runs in ${location}; give more of the id`,
  );
}

async function seenOf(store: Store, changes: RunDiff): Promise<Map<string, FindingHistory>> {
  const fingerprints = new Set(
    BUCKETS.flatMap((bucket) => changes[bucket].map((entry) => entry.fingerprint)),
  );
  return store.history([...fingerprints]);
}

const TITLES: Record<Bucket, string> = {
  new: 'New',
  resolved: 'Resolved',
  stillFailing: 'Still failing',
  muted: 'Muted since',
  notRechecked: 'Not re-checked',
};

function formatDiff(from: RunRecord, to: RunRecord, lines: Record<Bucket, DiffLine[]>, paint: Paint): string {
  const run = (label: string, record: RunRecord) =>
    `${label} ${paint.bold(record.id)}  ${when(record.startedAt)}  ${record.target.type} ${record.target.name}  (${describeScope(record.scope)})`;
  const out = [run('From', from), run('To  ', to)];
  const colour: Record<Bucket, (text: string) => string> = {
    new: paint.red,
    resolved: paint.green,
    stillFailing: paint.yellow,
    muted: paint.dim,
    notRechecked: paint.cyan,
  };
  for (const bucket of BUCKETS) {
    const entries = [...lines[bucket]].sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
    if (entries.length === 0 && (bucket === 'muted' || bucket === 'notRechecked')) continue;
    out.push('', paint.bold(colour[bucket](`${TITLES[bucket]} (${String(entries.length)})`)));
    for (const entry of entries) {
      const status = bucket === 'stillFailing' || bucket === 'new' ? '' : `  now ${entry.after ?? 'absent'}`;
      out.push(
        `  ${entry.severity.padEnd(8)}  ${paint.bold(entry.checkId)}  ${entry.account} ${entry.region} ${entry.resource.name}${status}`,
        `            ${entry.message}${entry.firstSeen ? paint.dim(`  (failing since ${when(entry.firstSeen)}, last ${when(entry.lastSeen ?? entry.firstSeen)})`) : ''}`,
      );
    }
  }
  out.push(
    '',
    `${String(lines.new.length)} new, ${String(lines.resolved.length)} resolved, ${String(lines.stillFailing.length)} still failing` +
      (lines.notRechecked.length > 0 ? `, ${String(lines.notRechecked.length)} not re-checked` : '') +
      (lines.muted.length > 0 ? `, ${String(lines.muted.length)} muted` : ''),
  );
  return `${out.join('\n')}\n`;
}
