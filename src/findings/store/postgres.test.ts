import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from './contract.js';
import { openStore } from './open.js';
import { openPostgresStore, redactUrl } from './postgres.js';

/**
 * The store contract against a real PostgreSQL server: `.ci/run` starts one and sets ONUS_TEST_POSTGRES_URL.
 * Each test gets its own schema (through the connection's search_path), dropped at the end.
 */
const URL_ = process.env.ONUS_TEST_POSTGRES_URL;

describe('redactUrl', () => {
  it('strips the password from the URL and its query', () => {
    expect(redactUrl('postgres://onus:s3cr%40t@db.example.com:5432/onus?sslmode=require&password=x')).toBe(
      'postgres://onus@db.example.com:5432/onus?sslmode=require',
    );
    expect(redactUrl('postgresql://db.example.com/onus')).toBe('postgresql://db.example.com/onus');
  });
});

if (URL_) {
  const base = URL_;
  const schemas: string[] = [];
  const withSchema = (schema: string) =>
    `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const admin = async <T>(body: (client: pg.Client) => Promise<T>, url = base): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  afterAll(async () => {
    await admin(async (client) => {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });
  });

  describe('PostgreSQL store', () => {
    storeContract(
      { describe, it, expect, afterAll },
      {
        fresh: async () => {
          const schema = `onus_test_${randomBytes(6).toString('hex')}`;
          schemas.push(schema);
          await admin((client) => client.query(`CREATE SCHEMA ${schema}`));
          return withSchema(schema);
        },
        open: (location, migrations, options) =>
          openPostgresStore(location, { ...(migrations ? { migrations } : {}), ...options }),
        exec: (location, sql) =>
          admin(async (client) => (await client.query<Record<string, unknown>>(sql)).rows, location),
        badInputs: () => {
          const url = new URL(base);
          const unreachable = `postgres://onus:s3cret-pw@127.0.0.1:9/onus`;
          const missing = new URL(base);
          missing.pathname = '/onus_no_such_database';
          return Promise.resolve([
            {
              what: 'an unreachable server',
              location: unreachable,
              shown: 'postgres://onus@127.0.0.1:9/onus',
              message: /cannot connect: connect ECONNREFUSED 127\.0\.0\.1:9/,
              secret: 's3cret-pw',
            },
            {
              what: 'a database that does not exist',
              location: missing.toString(),
              shown: redactUrl(missing.toString()),
              message: /database "onus_no_such_database" does not exist/,
            },
            {
              what: 'a server that does not speak PostgreSQL',
              location: `postgresql://${url.username}:pw@127.0.0.1:9/x`,
              shown: `postgresql://${url.username}@127.0.0.1:9/x`,
              message: /cannot connect/,
              secret: ':pw@',
            },
          ]);
        },
      },
    );

    it('openStore picks PostgreSQL for a postgres:// or postgresql:// URL, and the store is named without its password', async () => {
      const store = await openStore({ store: base.replace(/^postgres(ql)?:/, 'postgresql:') });
      expect(store.location).toBe(redactUrl(base.replace(/^postgres(ql)?:/, 'postgresql:')));
      await store.close();
    });
  });
} else if (process.env.CI) {
  describe('PostgreSQL store', () => {
    it('runs against a real server in CI', () => {
      throw new Error(
        'ONUS_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL store tests (.ci/run starts a server and sets it)',
      );
    });
  });
} else {
  describe('PostgreSQL store', () => {
    it.skip('skipped: ONUS_TEST_POSTGRES_URL is not set (set it to a PostgreSQL database to run the store contract; CI always does)', () =>
      undefined);
  });
}
