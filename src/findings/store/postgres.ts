import pg from 'pg';
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
  numbered,
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

/** Advisory lock keys (`onus`, then what they guard): migrations, and the run sequence. */
const LOCK = 0x6f6e7573;
const MIGRATION_LOCK = 1;
const RUN_LOCK = 2;
/** Findings per INSERT: one JSON parameter each, so a big run is a few statements, not thousands. */
const BATCH = 2000;

/**
 * SQLSTATE classes that are the user's to fix: connection (08), authorization (28), no such database (3D),
 * resources (53), server shut down (57), system (58), permission denied (42501), read-only transaction (25006).
 */
const USER_STATES = /^(08|28|3D|53|57|58|42501|25006)/;

export interface PostgresOptions {
  /** For tests: the migrations to apply instead of onus's own. */
  migrations?: readonly Migration[];
  /** Bring an older schema to the current version (default); false refuses one instead (read-only commands). */
  migrate?: boolean;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    for (const key of ['password', 'sslpassword']) parsed.searchParams.delete(key);
    return parsed.toString();
  } catch {
    return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1@');
  }
}

/** Connects to (and migrates as needed) the PostgreSQL store at `url`. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const location = redactUrl(url);
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 15_000 });
  } catch (error) {
    throw new UserError(`store ${location}: ${message(error)}`);
  }
  // An idle connection the server closes is not this process's emergency: the next query reconnects.
  pool.on('error', () => undefined);
  const store = new PostgresStore(pool, location);
  try {
    if (options.migrate === false) await requireCurrent(store.migrationTarget(), options.migrations);
    else await migrate(store.migrationTarget(), options.migrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw storeError(location, error);
  }
  return store;
}

class PostgresStore implements Store {
  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  migrationTarget(): MigrationTarget {
    return {
      location: this.location,
      peekVersion: () =>
        this.session(async (client) => {
          const { rows } = await client.query<{ present: boolean }>(
            `SELECT to_regclass('${SCHEMA_TABLE}') IS NOT NULL AS present`,
          );
          return rows[0]?.present ? await version(client) : null;
        }),
      step: (choose) =>
        this.transaction(async (client) => {
          await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK, MIGRATION_LOCK]);
          await client.query(CREATE_SCHEMA_TABLE);
          const current = await version(client);
          const migration = choose(current);
          if (!migration) return;
          try {
            await client.query(migrationSql(migration, 'postgres'));
          } catch (error) {
            throw migrationFailed(this.location, migration, current, error);
          }
          await client.query(`INSERT INTO ${SCHEMA_TABLE} (version, name, applied_at) VALUES ($1, $2, $3)`, [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
        }),
    };
  }

  recordRun(kind: RunKind, report: ScanReport): Promise<RunRecord> {
    const draft = draftOf(kind, report);
    return this.transaction(async (client) => {
      // Writers take turns for the sequence number, as SQLite's BEGIN IMMEDIATE makes them.
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK, RUN_LOCK]);
      const next = await client.query<{ seq: string }>(SQL.nextSeq);
      const seq = Number(next.rows[0]?.seq ?? 1);
      const row = runRow(runId(new Date(), seq), draft);
      await client.query(numbered(SQL.insertRun), [
        row.id,
        seq,
        row.kind,
        row.started_at,
        row.finished_at,
        row.target,
        row.tool_version,
        row.scope,
        row.counts,
      ]);
      for (let start = 0; start < report.findings.length; start += BATCH) {
        const rows = report.findings
          .slice(start, start + BATCH)
          .map((finding, index) => findingRow(finding, start + index));
        await client.query(
          `INSERT INTO onus_findings
            (run_id, position, fingerprint, check_id, status, severity, account, region, resource_id, body)
            SELECT $1, x.position, x.fingerprint, x.check_id, x.status, x.severity, x.account, x.region,
              x.resource_id, x.body
            FROM json_to_recordset($2::json) AS x(position integer, fingerprint text, check_id text,
              status text, severity text, account text, region text, resource_id text, body text)`,
          [row.id, JSON.stringify(rows)],
        );
      }
      return runOf(row);
    });
  }

  async listRuns(options: { limit?: number; kind?: RunKind } = {}): Promise<RunRecord[]> {
    checkLimit(options.limit);
    const params: (string | number)[] = [];
    if (options.kind) params.push(options.kind);
    if (options.limit) params.push(options.limit);
    const { rows } = await this.query<RunRow>(numbered(listRunsSql(options.kind, options.limit)), params);
    return rows.map(runOf);
  }

  async getRun(id: string): Promise<RunRecord | null> {
    const { rows } = await this.query<RunRow>(numbered(SQL.getRun), [id]);
    return rows[0] ? runOf(rows[0]) : null;
  }

  async findingsOf(runId: string): Promise<Finding[]> {
    const { rows } = await this.query<{ body: string }>(numbered(SQL.findingsOf), [runId]);
    return rows.map((row) => JSON.parse(row.body) as Finding);
  }

  async history(fingerprints: readonly string[]): Promise<Map<string, FindingHistory>> {
    const { rows } = await this.query<{ fingerprint: string; first_seen: string; last_seen: string }>(
      `SELECT f.fingerprint, MIN(r.started_at) AS first_seen, MAX(r.started_at) AS last_seen
        FROM onus_findings f JOIN onus_runs r ON r.id = f.run_id
        WHERE f.status = 'FAIL' AND f.fingerprint = ANY($1::text[])
        GROUP BY f.fingerprint`,
      [fingerprints],
    );
    return new Map(
      rows.map((row) => [
        row.fingerprint,
        { fingerprint: row.fingerprint, firstSeen: row.first_seen, lastSeen: row.last_seen },
      ]),
    );
  }

  async exported(destination: string): Promise<ExportEntry[]> {
    const { rows } = await this.query<ExportRow>(numbered(SQL.exported), [destination]);
    return rows.map(exportOf);
  }

  async recordExport(entries: readonly ExportEntry[]): Promise<void> {
    const latest = latestExports(entries);
    if (latest.length === 0) return;
    await this.query(
      `INSERT INTO onus_exports (destination, fingerprint, check_id, account, region, status, exported_at)
        SELECT x."destination", x."fingerprint", x."checkId", x."account", x."region", x."status", x."exportedAt"
        FROM json_to_recordset($1::json) AS x("destination" text, "fingerprint" text, "checkId" text,
          "account" text, "region" text, "status" text, "exportedAt" text)
        ON CONFLICT (destination, fingerprint) DO UPDATE SET
          check_id = excluded.check_id, account = excluded.account, region = excluded.region,
          status = excluded.status, exported_at = excluded.exported_at
        WHERE excluded.exported_at >= onus_exports.exported_at`,
      [JSON.stringify(latest)],
    );
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
    return this.session((client) => client.query<R>(sql, params));
  }

  /** Runs `body` on one connection, turning connection and permission problems into one-line errors. */
  private async session<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new UserError(`store ${this.location}: cannot connect: ${message(error)}`);
    }
    let broken: Error | undefined;
    try {
      return await body(client);
    } catch (error) {
      if (error instanceof Error && !(error instanceof UserError)) broken = error;
      throw storeError(this.location, error);
    } finally {
      // A connection that failed mid-transaction is dropped rather than handed to the next caller.
      client.release(broken);
    }
  }

  private transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.session(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await body(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
}

async function version(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT MAX(version) AS version FROM ${SCHEMA_TABLE}`,
  );
  return rows[0]?.version ?? 0;
}

function storeError(location: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (USER_STATES.test(code) || /^E[A-Z]+$/.test(code))) {
    return new UserError(`store ${location}: ${message(error)}`);
  }
  if (error instanceof Error && /Connection terminated|timeout/i.test(error.message)) {
    return new UserError(`store ${location}: ${error.message}`);
  }
  return error;
}

/** An error's message; Node's AggregateError (every address refused) has none of its own. */
function message(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors[0] instanceof Error) {
    return error.errors[0].message;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return String(error);
}
