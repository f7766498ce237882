import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFinding, testReport } from '../src/findings/store/contract.js';
import { openStore } from '../src/findings/store/open.js';
import type { RunRecord } from '../src/findings/store/types.js';
import { REPORT_CSP } from '../src/formats/html-report.js';
import { get, startServe, type ServeProcess } from './serve.process.js';

/**
 * `onus serve --store postgres://...`: the dashboard over a PostgreSQL store. `.ci/run` starts a throwaway
 * server and sets ONUS_TEST_POSTGRES_URL; without it the test skips, except in CI, where it fails.
 */
const BASE = process.env.ONUS_TEST_POSTGRES_URL;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (BASE) {
  describe('onus serve over PostgreSQL', () => {
    const schema = `onus_serve_${randomBytes(6).toString('hex')}`;
    const url = `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const runs: RunRecord[] = [];
    let serving: ServeProcess | undefined;

    beforeAll(async () => {
      await admin(BASE, `CREATE SCHEMA ${schema}`);
      const store = await openStore({ store: url });
      try {
        runs.push(await store.recordRun('scan', testReport([testFinding('s3.public', 'FAIL')])));
        runs.push(
          await store.recordRun(
            'scan',
            testReport([testFinding('s3.public', 'PASS')], { generatedAt: '2026-06-02T12:00:00.000Z' }),
          ),
        );
      } finally {
        await store.close();
      }
      serving = await startServe(['--store', url]);
    });

    afterAll(async () => {
      await serving?.stop();
      await admin(BASE, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });

    it('lists the runs and serves a run as the report, the diff between them, and stops on SIGINT', async () => {
      const [first, second] = runs as [RunRecord, RunRecord];
      if (!serving) throw new Error('onus serve did not start');
      const index = await get(serving.port, '/');
      expect(index.status).toBe(200);
      expect(index.body).toContain('2 run(s) in postgres');
      expect(index.body).toContain(`href="/runs/${first.id}"`);
      expect(index.body).toContain(`href="/runs/${second.id}"`);

      const page = await get(serving.port, `/runs/${second.id}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(`${REPORT_CSP}; frame-ancestors 'none'`);
      const island = /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(page.body);
      const data = JSON.parse(island?.[1] ?? 'null') as {
        findings: { checkId: string; status: string }[];
        trend: { runId: string }[];
      };
      expect(data.findings.map((f) => `${f.checkId} ${f.status}`)).toEqual(['s3.public PASS']);
      expect(data.trend.map((point) => point.runId)).toEqual([first.id, second.id]);

      const diff = await get(serving.port, '/diff');
      expect(diff.body).toContain('Resolved (1)');
      expect(await serving.stop()).toBe(0);
    });
  });
} else if (process.env.CI) {
  describe('onus serve over PostgreSQL', () => {
    it('runs against a real server in CI', () => {
      throw new Error(
        'ONUS_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL serve test (.ci/run starts a server and sets it)',
      );
    });
  });
} else {
  describe('onus serve over PostgreSQL', () => {
    it.skip('skipped: ONUS_TEST_POSTGRES_URL is not set (CI always sets it)', () => undefined);
  });
}
