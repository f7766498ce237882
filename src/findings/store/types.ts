import type { Finding } from '../../core/finding.js';
import type { ScanReport } from '../../core/scan.js';

/**
 * The findings store: every run (scan, iac, secrets, trail) with its findings, so that later runs can say what
 * is new, what was fixed and what is still failing, and exports can say what they sent. One interface, two
 * backends: embedded SQLite (`.onus/onus.db`, the default) and PostgreSQL (`--store postgres://...` or
 * `ONUS_DATABASE_URL`), sharing one schema through numbered migrations.
 */

export type RunKind = 'scan' | 'iac' | 'secrets' | 'trail';

/** What a run looked at: findings outside it are never called resolved by it. */
export interface RunScope {
  accounts: string[];
  regions: string[];
  checkIds: string[];
}

export interface RunRecord {
  /** Assigned by the store: sortable, unique (`20261128T195301Z-1a2b3c`). */
  id: string;
  kind: RunKind;
  startedAt: string;
  finishedAt: string;
  target: ScanReport['target'];
  toolVersion: string;
  scope: RunScope;
  /** Counts by status, as the report's summary has them. */
  counts: Record<string, number>;
}

/** A finding's life across runs of the same scope. */
export interface FindingHistory {
  fingerprint: string;
  /** When it was first recorded FAILING, and when last. */
  firstSeen: string;
  lastSeen: string;
}

/** What an export (Security Hub) sent, per finding, so the next export can resolve what passes now. */
export interface ExportEntry {
  destination: string; // e.g. `securityhub:123456789012:eu-west-1`
  fingerprint: string;
  checkId: string;
  account: string;
  region: string;
  /** The compliance status sent: FAILED while failing, PASSED once resolved. */
  status: 'FAILED' | 'PASSED';
  exportedAt: string;
}

export interface Store {
  /** Where it lives, for messages: a file path or a URL without its password. */
  readonly location: string;
  /** Records a run and its findings in one transaction; concurrent writers lose nothing. */
  recordRun(kind: RunKind, report: ScanReport): Promise<RunRecord>;
  /** Most recent first. */
  listRuns(options?: { limit?: number; kind?: RunKind }): Promise<RunRecord[]>;
  /** A run by id, or null. */
  getRun(id: string): Promise<RunRecord | null>;
  findingsOf(runId: string): Promise<Finding[]>;
  /** First and last time each fingerprint was recorded failing (across every run). */
  history(fingerprints: readonly string[]): Promise<Map<string, FindingHistory>>;
  /** The latest export entry per fingerprint for a destination. */
  exported(destination: string): Promise<ExportEntry[]>;
  recordExport(entries: readonly ExportEntry[]): Promise<void>;
  close(): Promise<void>;
}
