import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Finding } from '../../core/finding.js';
import type { ScanReport } from '../../core/scan.js';
import { UserError } from '../../cli/errors.js';
import {
  checkLimit,
  draftOf,
  exportOf,
  findingRow,
  latestExports,
  listRunsSql,
  runId,
  runOf,
  runRow,
  SQL,
  type ExportRow,
  type RunRow,
} from './common.js';
import {
  CREATE_SCHEMA_TABLE,
  migrate,
  migrationFailed,
  requireCurrent,
  migrationSql,
  SCHEMA_TABLE,
  type Migration,
  type MigrationTarget,
} from './migrations.js';
import type { ExportEntry, FindingHistory, RunKind, RunRecord, Store } from './types.js';

/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 30_000;

/** SQLite result codes that mean the file or the disk, not onus: the user's to fix. */
const USER_CODES =
  /^SQLITE_(NOTADB|CORRUPT|CANTOPEN|READONLY|IOERR|FULL|PERM|BUSY|LOCKED|AUTH|NOLFS|PROTOCOL)/;

export interface SqliteOptions {
  /** Create the file (and its directory) when missing; otherwise a missing file is an error. Default true. */
  create?: boolean;
  /** For tests: the migrations to apply instead of onus's own. */
  migrations?: readonly Migration[];
  /** Bring an older schema to the current version (default); false refuses one instead (read-only commands). */
  migrate?: boolean;
}

/** Opens (creating and migrating as needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  const location = path;
  if (options.create === false && !existsSync(path)) {
    throw new UserError(
      `store ${location}: no findings store there yet (onus scan records its runs there; --store chooses another)`,
    );
  }
  let db: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new UserError(`store ${location}: cannot open: ${reason(error)}`);
  }
  try {
    // WAL is a property of the file: set once by a command that writes, never by one that only reads.
    if (options.migrate !== false) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (options.migrate === false) await requireCurrent(migrationTarget(db, location), options.migrations);
    else await migrate(migrationTarget(db, location), options.migrations);
  } catch (error) {
    db.close();
    throw storeError(location, error);
  }
  return new SqliteStore(db, location);
}

function migrationTarget(db: Database.Database, location: string): MigrationTarget {
  const version = () =>
    (
      db.prepare(`SELECT COALESCE(MAX(version), 0) AS version FROM ${SCHEMA_TABLE}`).get() as {
        version: number;
      }
    ).version;
  return {
    location,
    peekVersion: () => {
      const table = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(SCHEMA_TABLE);
      return Promise.resolve(table === undefined ? null : version());
    },
    step: (choose) => {
      db.transaction(() => {
        db.exec(CREATE_SCHEMA_TABLE);
        const current = version();
        const migration = choose(current);
        if (!migration) return;
        try {
          db.exec(migrationSql(migration, 'sqlite'));
        } catch (error) {
          throw migrationFailed(location, migration, current, error);
        }
        db.prepare(`INSERT INTO ${SCHEMA_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
      }).immediate();
      return Promise.resolve();
    },
  };
}

class SqliteStore implements Store {
  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {}

  recordRun(kind: RunKind, report: ScanReport): Promise<RunRecord> {
    return this.guard(() => {
      const draft = draftOf(kind, report);
      const insertFinding = this.db.prepare(
        `INSERT INTO onus_findings
          (run_id, position, fingerprint, check_id, status, severity, account, region, resource_id, body)
          VALUES (@run_id, @position, @fingerprint, @check_id, @status, @severity, @account, @region, @resource_id, @body)`,
      );
      // IMMEDIATE takes the write lock first, so the sequence number read inside cannot be taken by another writer.
      const record = this.db.transaction(() => {
        const { seq } = this.db.prepare(SQL.nextSeq).get() as { seq: number };
        const row = runRow(runId(new Date(), seq), draft);
        this.db
          .prepare(SQL.insertRun)
          .run(
            row.id,
            seq,
            row.kind,
            row.started_at,
            row.finished_at,
            row.target,
            row.tool_version,
            row.scope,
            row.counts,
          );
        report.findings.forEach((finding, position) => {
          insertFinding.run({ run_id: row.id, ...findingRow(finding, position) });
        });
        return runOf(row);
      });
      return record.immediate();
    });
  }

  listRuns(options: { limit?: number; kind?: RunKind } = {}): Promise<RunRecord[]> {
    checkLimit(options.limit);
    return this.guard(() => {
      const params: (string | number)[] = [];
      if (options.kind) params.push(options.kind);
      if (options.limit) params.push(options.limit);
      const rows = this.db.prepare(listRunsSql(options.kind, options.limit)).all(...params) as RunRow[];
      return rows.map(runOf);
    });
  }

  getRun(id: string): Promise<RunRecord | null> {
    return this.guard(() => {
      const row = this.db.prepare(SQL.getRun).get(id) as RunRow | undefined;
      return row ? runOf(row) : null;
    });
  }

  findingsOf(runId: string): Promise<Finding[]> {
    return this.guard(() =>
      (this.db.prepare(SQL.findingsOf).all(runId) as { body: string }[]).map(
        (row) => JSON.parse(row.body) as Finding,
      ),
    );
  }

  history(fingerprints: readonly string[]): Promise<Map<string, FindingHistory>> {
    return this.guard(() => {
      const rows = this.db
        .prepare(
          `SELECT f.fingerprint AS fingerprint, MIN(r.started_at) AS first_seen, MAX(r.started_at) AS last_seen
            FROM onus_findings f JOIN onus_runs r ON r.id = f.run_id
            WHERE f.status = 'FAIL' AND f.fingerprint IN (SELECT value FROM json_each(?))
            GROUP BY f.fingerprint`,
        )
        .all(JSON.stringify(fingerprints)) as {
        fingerprint: string;
        first_seen: string;
        last_seen: string;
      }[];
      return new Map(
        rows.map((row) => [
          row.fingerprint,
          { fingerprint: row.fingerprint, firstSeen: row.first_seen, lastSeen: row.last_seen },
        ]),
      );
    });
  }

  exported(destination: string): Promise<ExportEntry[]> {
    return this.guard(() => (this.db.prepare(SQL.exported).all(destination) as ExportRow[]).map(exportOf));
  }

  recordExport(entries: readonly ExportEntry[]): Promise<void> {
    return this.guard(() => {
      const upsert = this.db.prepare(SQL.upsertExport);
      this.db
        .transaction(() => {
          for (const entry of latestExports(entries)) {
            upsert.run(
              entry.destination,
              entry.fingerprint,
              entry.checkId,
              entry.account,
              entry.region,
              entry.status,
              entry.exportedAt,
            );
          }
        })
        .immediate();
    });
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  /** Runs a synchronous body as a promise, turning the file's and the disk's problems into one-line errors. */
  private guard<T>(body: () => T): Promise<T> {
    try {
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(storeError(this.location, error));
    }
  }
}

function storeError(location: string, error: unknown): Error {
  if (error instanceof UserError) return error;
  if (error instanceof Database.SqliteError && USER_CODES.test(error.code)) {
    const hint = /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)
      ? ' (move the file aside, or give another --store)'
      : '';
    return new UserError(`store ${location}: ${error.message}${hint}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
