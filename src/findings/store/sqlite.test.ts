import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../cli/errors.js';
import { storeContract, testFinding, testReport } from './contract.js';
import { openStore } from './open.js';
import { openSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'onus-sqlite-store-'));
let n = 0;
const fresh = () => join(dir, `store-${String(++n)}`, 'onus.db');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite store', () => {
  storeContract(
    { describe, it, expect, afterAll },
    {
      fresh: () => Promise.resolve(fresh()),
      open: (location, migrations, options) =>
        openSqliteStore(location, { ...(migrations ? { migrations } : {}), ...options }),
      exec: (location, sql) => {
        const db = new Database(location);
        try {
          const statement = db.prepare(sql);
          if (!statement.reader) {
            statement.run();
            return Promise.resolve([]);
          }
          return Promise.resolve(statement.all() as Record<string, unknown>[]);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          db.close();
        }
      },
      badInputs: async () => {
        const text = join(dir, 'notes.txt');
        writeFileSync(text, 'these are my notes, not a database\n'.repeat(200));

        // A real store whose schema page is then overwritten: SQLite finds it malformed.
        const corrupt = fresh();
        const store = await openSqliteStore(corrupt);
        await store.recordRun('scan', testReport([testFinding('s3-a', 'FAIL')]));
        await store.close();
        const bytes = readFileSync(corrupt);
        bytes.fill(0xa5, 100, 4096);
        writeFileSync(corrupt, bytes);

        const blocker = join(dir, 'a-file');
        writeFileSync(blocker, '');
        const under = join(blocker, 'onus.db');
        return [
          { what: 'a text file', location: text, shown: text, message: /file is not a database/ },
          { what: 'a corrupt database', location: corrupt, shown: corrupt, message: /malformed/ },
          {
            what: 'a path under a file',
            location: under,
            shown: under,
            message: /cannot open: EEXIST: file already exists/,
          },
        ];
      },
    },
  );

  it('a URL of another database is refused, not taken for a file name', async () => {
    await expect(openStore({ store: 'mysql://onus:pw@db.example.com/onus' })).rejects.toThrow(
      new UserError(
        'store mysql://db.example.com/onus: not a store onus knows: give a file path (SQLite) or a postgres:// URL',
      ),
    );
  });

  it('is created with its directory; a read-only command does not create one', async () => {
    const location = fresh();
    await expect(openSqliteStore(location, { create: false })).rejects.toThrow(
      new UserError(
        `store ${location}: no findings store there yet (onus scan records its runs there; --store chooses another)`,
      ),
    );
    const store = await openStore({ store: location });
    expect(store.location).toBe(location);
    await store.close();
    const db = new Database(location, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
