import { UserError } from '../../cli/errors.js';

/**
 * The store's schema, as numbered migrations shared by SQLite and PostgreSQL. Timestamps are ISO-8601 text and
 * JSON is text in both, so one statement serves both dialects; a migration that cannot be written once gives
 * one text per dialect.
 *
 * Each migration runs in its own transaction together with its row in `onus_schema_migrations`, so a database
 * is at one version or the next, never in between. Migrators exclude each other: SQLite by `BEGIN IMMEDIATE`,
 * PostgreSQL by a transaction-scoped advisory lock. Never edit a shipped migration: add the next one.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string | Record<Dialect, string>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, findings and exports',
    sql: `
      CREATE TABLE onus_runs (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        target TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        scope TEXT NOT NULL,
        counts TEXT NOT NULL
      );
      CREATE INDEX onus_runs_kind ON onus_runs (kind, seq);
      CREATE TABLE onus_findings (
        run_id TEXT NOT NULL REFERENCES onus_runs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        check_id TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (run_id, position)
      );
      CREATE INDEX onus_findings_fingerprint ON onus_findings (fingerprint, status);
      CREATE INDEX onus_findings_check ON onus_findings (check_id, account, region);
      CREATE TABLE onus_exports (
        destination TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        check_id TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        status TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        PRIMARY KEY (destination, fingerprint)
      );
    `,
  },
];

export const SCHEMA_TABLE = 'onus_schema_migrations';
export const CREATE_SCHEMA_TABLE = `CREATE TABLE IF NOT EXISTS ${SCHEMA_TABLE} (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export function migrationSql(migration: Migration, dialect: Dialect): string {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql[dialect];
}

/** What a backend gives the migrator. */
export interface MigrationTarget {
  location: string;
  /** The version without taking any lock: null when the version table does not exist yet. */
  peekVersion(): Promise<number | null>;
  /**
   * In one transaction that excludes every other migrator: creates the version table if needed, reads the
   * version, and applies and records the migration `choose` picks for it, if any. Committed when it returns,
   * rolled back when anything throws; a failing migration throws `migrationFailed(...)`. SQLite runs it
   * without yielding to the event loop: another connection of the same process waiting for the lock would
   * block the thread that holds it.
   */
  step(choose: (version: number) => Migration | undefined): Promise<void>;
}

export function migrationFailed(
  location: string,
  migration: Migration,
  version: number,
  error: unknown,
): UserError {
  return new UserError(
    `store ${location}: migration ${String(migration.version)} (${migration.name}) failed, the database stays at version ${String(version)}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Brings a database to the latest version, one migration per transaction. Safe to run from any number of
 * processes at once: each re-reads the version under the lock, so a migration is applied exactly once.
 */
export async function migrate(
  target: MigrationTarget,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const peeked = await target.peekVersion();
  if (peeked !== null) {
    tooNew(target.location, peeked, latest);
    if (peeked === latest) return latest;
  }
  for (;;) {
    const state = { done: false };
    await target.step((version) => {
      tooNew(target.location, version, latest);
      const next = migrations.find((migration) => migration.version > version);
      state.done = next === undefined;
      return next;
    });
    if (state.done) return latest;
  }
}

/**
 * For a command that only reads (`onus serve`): checks that the database is at the latest version without
 * changing anything. An older schema, or none, is refused in one line saying which command upgrades it.
 */
export async function requireCurrent(
  target: MigrationTarget,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const latest = migrations.at(-1)?.version ?? 0;
  const version = (await target.peekVersion()) ?? 0;
  tooNew(target.location, version, latest);
  if (version < latest) {
    throw new UserError(
      `store ${target.location}: its schema is version ${String(version)}, older than this onus's ${String(latest)}, and this command only reads: upgrade it with \`onus history --store ${target.location}\` (which migrates it), then run this again`,
    );
  }
}

function tooNew(location: string, version: number, latest: number): void {
  if (version > latest) {
    throw new UserError(
      `store ${location}: its schema is version ${String(version)}, written by a newer onus; this onus knows up to version ${String(latest)}: upgrade onus, or use another --store`,
    );
  }
}
