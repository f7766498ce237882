import type { Finding } from '../../core/finding.js';
import type { ScanReport } from '../../core/scan.js';
import type { ExportEntry, RunKind, RunRecord, RunScope } from './types.js';

/** What both backends write for a run, before the store assigns its sequence number and id. */
export interface RunDraft {
  kind: RunKind;
  startedAt: string;
  finishedAt: string;
  target: ScanReport['target'];
  toolVersion: string;
  scope: RunScope;
  counts: Record<string, number>;
}

/** A run as stored: the record's fields, JSON as text. */
export interface RunRow {
  id: string;
  kind: string;
  started_at: string;
  finished_at: string;
  target: string;
  tool_version: string;
  scope: string;
  counts: string;
}

/** A finding as stored: the indexed columns, and the whole finding as JSON. */
export interface FindingRow {
  position: number;
  fingerprint: string;
  check_id: string;
  status: string;
  severity: string;
  account: string;
  region: string;
  resource_id: string;
  body: string;
}

export interface ExportRow {
  destination: string;
  fingerprint: string;
  check_id: string;
  account: string;
  region: string;
  status: string;
  exported_at: string;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * What a report looked at. Regions are those in the collection's scope (including any that could not be
 * scanned) and those holding resources; global resources are collected with every account, so `global` is
 * covered wherever the account is (see `covers`).
 */
export function scopeOf(report: ScanReport): RunScope {
  return {
    accounts: sorted(report.accounts.map((account) => account.id)),
    regions: sorted(
      [...report.collection.regions, ...report.regions].filter((region) => region !== 'global'),
    ),
    checkIds: sorted(report.checkIds),
  };
}

/**
 * A run starts when its inventory was collected if that happened in the same run (a live scan), else when it
 * was evaluated; a snapshot collected last month and scanned today is today's run.
 */
export function draftOf(kind: RunKind, report: ScanReport): RunDraft {
  return {
    kind,
    startedAt: report.target.type === 'live' ? report.collection.startedAt : report.generatedAt,
    finishedAt: report.generatedAt,
    target: report.target,
    toolVersion: report.tool.version,
    scope: scopeOf(report),
    counts: { ...report.summary.totals },
  };
}

/** `20261128T195301Z-00002a`: when it was recorded, then the store's sequence number, so ids sort in order. */
export function runId(recordedAt: Date, seq: number): string {
  const stamp = recordedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${seq.toString(16).padStart(6, '0')}`;
}

export function runRow(id: string, draft: RunDraft): RunRow {
  return {
    id,
    kind: draft.kind,
    started_at: draft.startedAt,
    finished_at: draft.finishedAt,
    target: JSON.stringify(draft.target),
    tool_version: draft.toolVersion,
    scope: JSON.stringify(draft.scope),
    counts: JSON.stringify(draft.counts),
  };
}

export function runOf(row: RunRow): RunRecord {
  return {
    id: row.id,
    kind: row.kind as RunKind,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    target: JSON.parse(row.target) as RunRecord['target'],
    toolVersion: row.tool_version,
    scope: JSON.parse(row.scope) as RunScope,
    counts: JSON.parse(row.counts) as Record<string, number>,
  };
}

export function findingRow(finding: Finding, position: number): FindingRow {
  return {
    position,
    fingerprint: finding.fingerprint,
    check_id: finding.checkId,
    status: finding.status,
    severity: finding.severity,
    account: finding.resource.account,
    region: finding.resource.region,
    resource_id: finding.resource.id,
    body: JSON.stringify(finding),
  };
}

export function exportOf(row: ExportRow): ExportEntry {
  return {
    destination: row.destination,
    fingerprint: row.fingerprint,
    checkId: row.check_id,
    account: row.account,
    region: row.region,
    status: row.status as ExportEntry['status'],
    exportedAt: row.exported_at,
  };
}

/** The entries to write: the latest per destination and fingerprint (a batch may name one twice). */
export function latestExports(entries: readonly ExportEntry[]): ExportEntry[] {
  const latest = new Map<string, ExportEntry>();
  for (const entry of entries) {
    const key = `${entry.destination}\u0000${entry.fingerprint}`;
    const seen = latest.get(key);
    if (!seen || entry.exportedAt >= seen.exportedAt) latest.set(key, entry);
  }
  return [...latest.values()];
}

export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new RangeError(`listRuns: limit must be a positive integer, got ${String(limit)}`);
  }
}

/** The SQL both dialects share; placeholders are written `?` and numbered for PostgreSQL. */
export const SQL = {
  nextSeq: 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM onus_runs',
  insertRun: `INSERT INTO onus_runs (id, seq, kind, started_at, finished_at, target, tool_version, scope, counts)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getRun: 'SELECT * FROM onus_runs WHERE id = ?',
  findingsOf: 'SELECT body FROM onus_findings WHERE run_id = ? ORDER BY position',
  exported: `SELECT destination, fingerprint, check_id, account, region, status, exported_at
    FROM onus_exports WHERE destination = ? ORDER BY fingerprint`,
  upsertExport: `INSERT INTO onus_exports (destination, fingerprint, check_id, account, region, status, exported_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (destination, fingerprint) DO UPDATE SET
      check_id = excluded.check_id, account = excluded.account, region = excluded.region,
      status = excluded.status, exported_at = excluded.exported_at
    WHERE excluded.exported_at >= onus_exports.exported_at`,
};

export function listRunsSql(kind: RunKind | undefined, limit: number | undefined): string {
  return `SELECT * FROM onus_runs${kind ? ' WHERE kind = ?' : ''} ORDER BY seq DESC${limit ? ' LIMIT ?' : ''}`;
}

/** `?` placeholders as PostgreSQL's `$1`, `$2`, ... */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${String(++n)}`);
}
