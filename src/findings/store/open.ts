import { join } from 'node:path';
import { UserError } from '../../cli/errors.js';
import type { Store } from './types.js';

/** Where the store lives unless `--store` or `ONUS_DATABASE_URL` says otherwise, under the working directory. */
export const DEFAULT_STORE = join('.onus', 'onus.db');

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The store a command uses: `--store`, else `ONUS_DATABASE_URL`, else `.onus/onus.db`. */
export function storeLocation(store: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return store ?? (env.ONUS_DATABASE_URL || DEFAULT_STORE);
}

/**
 * Opens the findings store: a `postgres://` or `postgresql://` URL is PostgreSQL, anything else a SQLite file
 * (created with its directory unless `create` is false). Either is migrated to the current schema on open,
 * unless `migrate` is false (a command that only reads): then an older schema is refused. A store that cannot
 * be used (not a database, corrupt, unreachable, from a newer onus) is a `UserError` naming it, password
 * stripped.
 */
export async function openStore(
  options: { store?: string; create?: boolean; migrate?: boolean } = {},
): Promise<Store> {
  const location = storeLocation(options.store);
  const migrate = options.migrate ?? true;
  // Each backend's driver is loaded only when used: most commands never touch a store.
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(location, { migrate });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new UserError(
      `store ${location.replace(/\/\/[^@/]*@/, '//')}: not a store onus knows: give a file path (SQLite) or a postgres:// URL`,
    );
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(location, { create: options.create ?? true, migrate });
}
