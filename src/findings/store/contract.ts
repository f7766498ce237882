import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../cli/errors.js';
import { fingerprintOf, type Finding } from '../../core/finding.js';
import type { Status } from '../../core/result.js';
import type { ScanReport } from '../../core/scan.js';
import { summarize } from '../../core/summary.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { ExportEntry, Store } from './types.js';

/**
 * The behaviour every store backend owes, as one test suite that SQLite and PostgreSQL both run
 * (`sqlite.test.ts`, `postgres.test.ts`). Test-only; vitest comes in as a parameter so this file loads nothing
 * at run time.
 */

export const ACCOUNT = '111122223333';

export function testFinding(
  checkId: string,
  status: Status,
  resource = 'bucket-a',
  region = 'eu-west-1',
): Finding {
  return {
    checkId,
    status,
    reason: status === 'NOT_EVALUATED' ? 'access-denied' : null,
    message: `${checkId} on ${resource}: ${status}`,
    evidence: { policy: { Statement: [{ Effect: 'Allow', Principal: '*' }] }, note: 'ünïcödé ✓', n: 3 },
    resource: { kind: 's3.bucket', id: resource, name: resource, arn: null, account: ACCOUNT, region },
    gap: null,
    fingerprint: fingerprintOf(checkId, ACCOUNT, region, resource),
    title: `title of ${checkId}`,
    severity: 'high',
    service: 's3',
    domain: 'data',
    risk: 'risk',
    remediation: { text: 'fix it', url: 'https://docs.aws.amazon.com/' },
    compliance: [{ framework: 'cis', version: '5.0', requirement: '2.1.1' }],
  };
}

export function testReport(findings: Finding[], overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    tool: { name: 'onus', version: '9.9.9-test' },
    generatedAt: '2026-06-01T12:00:00.000Z',
    target: { type: 'snapshot', name: 'inventory.json' },
    collection: {
      source: 'snapshot',
      startedAt: '2026-05-01T08:00:00.000Z',
      finishedAt: '2026-05-01T08:05:00.000Z',
      caller: null,
      partition: 'aws',
      regions: ['us-east-1', 'eu-west-1'],
      skippedRegions: [],
      kinds: ['s3.bucket'],
      errors: [],
      tool: { name: 'onus', version: '9.9.9-test' },
    },
    accounts: [{ id: ACCOUNT, alias: null }],
    regions: ['eu-west-1'],
    resourceCount: findings.length,
    checkIds: [...new Set(findings.map((finding) => finding.checkId))].sort(),
    findings,
    summary: summarize(findings),
    ...overrides,
  };
}

export interface BadInput {
  what: string;
  location: string;
  /** The error must name the store as this (a URL without its password). */
  shown: string;
  message: RegExp;
  /** Text that must not appear in the error (a password). */
  secret?: string;
}

export interface StoreHarness {
  /** A location for a new, empty database. */
  fresh(): Promise<string>;
  /** `migrate: false` opens it as a command that only reads does. */
  open(location: string, migrations?: readonly Migration[], options?: { migrate?: boolean }): Promise<Store>;
  /** Runs SQL against the database directly, to inspect or tamper with it. */
  exec(location: string, sql: string): Promise<Record<string, unknown>[]>;
  /** This backend's bad inputs: each must fail to open with one line naming the store. */
  badInputs(): Promise<BadInput[]>;
}

export interface TestApi {
  describe: typeof describe;
  it: typeof it;
  expect: typeof expect;
  afterAll: typeof afterAll;
}

const ROOT = new URL('../../..', import.meta.url).pathname;
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Records `count` runs from another process (test/fixtures/store/record-runs.ts). */
function recordFromProcess(location: string, count: number, tag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'test/fixtures/store/record-runs.ts'), location, String(count), tag],
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`recording process failed: ${stderr}`));
        else resolve();
      },
    );
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

export function storeContract({ describe, it, expect, afterAll }: TestApi, harness: StoreHarness): void {
  const open: Store[] = [];
  const use = async (
    location: string,
    migrations?: readonly Migration[],
    options?: { migrate?: boolean },
  ) => {
    const store = await harness.open(location, migrations, options);
    open.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(open.map((store) => store.close()));
  });

  const sample = () => [
    testFinding('s3-a', 'FAIL'),
    testFinding('s3-a', 'PASS', 'bucket-b'),
    testFinding('s3-b', 'NOT_EVALUATED', 'bucket-a', 'us-east-1'),
  ];

  describe('runs and findings', () => {
    it('records a run with its findings, and reads both back, also after reopening', async () => {
      const location = await harness.fresh();
      const store = await use(location);
      const report = testReport(sample());
      const run = await store.recordRun('scan', report);
      expect(run).toMatchObject({
        kind: 'scan',
        startedAt: report.generatedAt,
        finishedAt: report.generatedAt,
        target: report.target,
        toolVersion: '9.9.9-test',
        scope: { accounts: [ACCOUNT], regions: ['eu-west-1', 'us-east-1'], checkIds: ['s3-a', 's3-b'] },
        counts: { FAIL: 1, PASS: 1, NOT_EVALUATED: 1, MANUAL: 0, MUTED: 0 },
      });
      expect(run.id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
      expect(await store.getRun(run.id)).toEqual(run);
      expect(await store.findingsOf(run.id)).toEqual(report.findings);
      await store.close();

      const again = await use(location);
      expect(await again.getRun(run.id)).toEqual(run);
      expect(await again.findingsOf(run.id)).toEqual(report.findings);
    });

    it('a live run starts when its collection started', async () => {
      const store = await use(await harness.fresh());
      const report = testReport(sample(), { target: { type: 'live', name: 'account 111122223333' } });
      const run = await store.recordRun('scan', report);
      expect(run.startedAt).toBe(report.collection.startedAt);
      expect(run.finishedAt).toBe(report.generatedAt);
    });

    it('an unknown run is null and has no findings; a run without findings is recorded', async () => {
      const store = await use(await harness.fresh());
      expect(await store.getRun('20260101T000000Z-000001')).toBeNull();
      expect(await store.findingsOf('20260101T000000Z-000001')).toEqual([]);
      const run = await store.recordRun('secrets', testReport([]));
      expect(await store.findingsOf(run.id)).toEqual([]);
      expect(await store.listRuns()).toEqual([run]);
    });

    it('lists runs most recent first, with a limit and by kind; ids sort in recording order', async () => {
      const store = await use(await harness.fresh());
      const first = await store.recordRun('scan', testReport(sample()));
      const second = await store.recordRun('iac', testReport(sample()));
      const third = await store.recordRun('scan', testReport(sample()));
      const ids = (runs: { id: string }[]) => runs.map((run) => run.id);
      expect(ids(await store.listRuns())).toEqual([third.id, second.id, first.id]);
      expect([first.id, second.id, third.id].sort()).toEqual([first.id, second.id, third.id]);
      expect(ids(await store.listRuns({ limit: 2 }))).toEqual([third.id, second.id]);
      expect(ids(await store.listRuns({ kind: 'scan' }))).toEqual([third.id, first.id]);
      expect(ids(await store.listRuns({ kind: 'scan', limit: 1 }))).toEqual([third.id]);
      expect(await store.listRuns({ kind: 'trail' })).toEqual([]);
    });
  });

  describe('history', () => {
    it('gives when each fingerprint was first and last recorded failing, across runs', async () => {
      const store = await use(await harness.fresh());
      const failing = testFinding('s3-a', 'FAIL');
      const passing = testFinding('s3-a', 'PASS');
      const other = testFinding('s3-b', 'FAIL', 'bucket-z');
      const at = (day: string) => `2026-06-${day}T12:00:00.000Z`;
      await store.recordRun('scan', testReport([failing], { generatedAt: at('02') }));
      await store.recordRun('scan', testReport([failing, other], { generatedAt: at('03') }));
      await store.recordRun('scan', testReport([passing, other], { generatedAt: at('04') }));
      await store.recordRun('scan', testReport([failing], { generatedAt: at('05') }));
      const never = testFinding('s3-c', 'PASS');
      await store.recordRun('scan', testReport([never], { generatedAt: at('06') }));

      const history = await store.history([failing.fingerprint, other.fingerprint, never.fingerprint]);
      expect(Object.fromEntries(history)).toEqual({
        [failing.fingerprint]: { fingerprint: failing.fingerprint, firstSeen: at('02'), lastSeen: at('05') },
        [other.fingerprint]: { fingerprint: other.fingerprint, firstSeen: at('03'), lastSeen: at('04') },
      });
      expect((await store.history([])).size).toBe(0);
    });
  });

  describe('exports', () => {
    const entry = (fingerprint: string, status: ExportEntry['status'], exportedAt: string): ExportEntry => ({
      destination: 'securityhub:111122223333:eu-west-1',
      fingerprint,
      checkId: 's3-a',
      account: ACCOUNT,
      region: 'eu-west-1',
      status,
      exportedAt,
    });

    it('keeps the latest entry per fingerprint and destination', async () => {
      const store = await use(await harness.fresh());
      expect(await store.exported('securityhub:111122223333:eu-west-1')).toEqual([]);
      await store.recordExport([
        entry('a', 'FAILED', '2026-06-01T00:00:00.000Z'),
        entry('b', 'FAILED', '2026-06-01T00:00:00.000Z'),
        {
          ...entry('a', 'FAILED', '2026-06-01T00:00:00.000Z'),
          destination: 'securityhub:111122223333:us-east-1',
        },
      ]);
      await store.recordExport([
        entry('a', 'PASSED', '2026-06-02T00:00:00.000Z'),
        // Recorded later but older: does not replace what was sent since.
        entry('b', 'PASSED', '2026-05-01T00:00:00.000Z'),
        // Named twice in one batch: the later wins.
        entry('c', 'FAILED', '2026-06-02T00:00:00.000Z'),
        entry('c', 'PASSED', '2026-06-03T00:00:00.000Z'),
      ]);
      await store.recordExport([]);
      expect(await store.exported('securityhub:111122223333:eu-west-1')).toEqual([
        entry('a', 'PASSED', '2026-06-02T00:00:00.000Z'),
        entry('b', 'FAILED', '2026-06-01T00:00:00.000Z'),
        entry('c', 'PASSED', '2026-06-03T00:00:00.000Z'),
      ]);
      expect(await store.exported('securityhub:111122223333:us-east-1')).toHaveLength(1);
    });
  });

  describe('concurrent writers', () => {
    it('8 concurrent recordRun calls through separate store instances lose nothing', async () => {
      const location = await harness.fresh();
      const stores = await Promise.all(Array.from({ length: 8 }, () => use(location)));
      const runs = await Promise.all(
        stores.map((store, index) =>
          store.recordRun(
            'scan',
            testReport(
              Array.from({ length: 50 }, (_, n) =>
                testFinding('s3-a', 'FAIL', `bucket-${String(index)}-${String(n)}`),
              ),
            ),
          ),
        ),
      );
      const reader = stores[0] as Store;
      const listed = await reader.listRuns();
      expect(new Set(listed.map((run) => run.id))).toEqual(new Set(runs.map((run) => run.id)));
      for (const run of runs) expect(await reader.findingsOf(run.id)).toHaveLength(50);
    });

    it('several processes opening a new database and writing at once lose nothing', async () => {
      const location = await harness.fresh();
      await Promise.all([1, 2, 3, 4].map((n) => recordFromProcess(location, 3, `p${String(n)}`)));
      const store = await use(location);
      const runs = await store.listRuns();
      expect(runs).toHaveLength(12);
      const tags = await Promise.all(
        runs.map(async (run) => (await store.findingsOf(run.id)).map((finding) => finding.resource.id)),
      );
      expect(tags.flat().sort()).toEqual(
        [1, 2, 3, 4]
          .flatMap((n) =>
            [0, 1, 2].flatMap((i) => [`p${String(n)}-${String(i)}-a`, `p${String(n)}-${String(i)}-b`]),
          )
          .sort(),
      );
    });
  });

  describe('migrations', () => {
    it('are applied once: reopening changes nothing, concurrent opens of a new database agree', async () => {
      const location = await harness.fresh();
      const stores = await Promise.all(Array.from({ length: 6 }, () => use(location)));
      const run = await (stores[0] as Store).recordRun('scan', testReport(sample()));
      for (const store of stores) expect(await store.getRun(run.id)).toEqual(run);
      await use(location);
      const versions = await harness.exec(
        location,
        'SELECT version FROM onus_schema_migrations ORDER BY version',
      );
      expect(versions.map((row) => Number(row.version))).toEqual(
        MIGRATIONS.map((migration) => migration.version),
      );
    });

    it('a migration that fails leaves the database at the version before it, never half-migrated', async () => {
      const location = await harness.fresh();
      const run = await (await use(location)).recordRun('scan', testReport(sample()));
      const latest = MIGRATIONS.at(-1)?.version ?? 0;
      const broken: Migration = {
        version: latest + 1,
        name: 'broken on purpose',
        sql: 'CREATE TABLE onus_half_done (x INTEGER); INSERT INTO onus_no_such_table VALUES (1);',
      };
      const error = await rejection(use(location, [...MIGRATIONS, broken]));
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toContain(
        `migration ${String(latest + 1)} (broken on purpose) failed, the database stays at version ${String(latest)}`,
      );
      expect(error.message).not.toContain('\n');
      await expect(harness.exec(location, 'SELECT x FROM onus_half_done')).rejects.toThrow();
      const store = await use(location);
      expect(await store.findingsOf(run.id)).toHaveLength(3);

      const fixed: Migration = { ...broken, name: 'fixed', sql: 'CREATE TABLE onus_half_done (x INTEGER);' };
      await use(location, [...MIGRATIONS, fixed]);
      expect(await harness.exec(location, 'SELECT x FROM onus_half_done')).toEqual([]);
    });

    it('a command that only reads refuses an older schema in one line naming the upgrade, and changes nothing', async () => {
      const location = await harness.fresh();
      const run = await (await use(location)).recordRun('scan', testReport(sample()));
      const latest = MIGRATIONS.at(-1)?.version ?? 0;
      const next: Migration = {
        version: latest + 1,
        name: 'next',
        sql: 'CREATE TABLE onus_next (x INTEGER);',
      };
      const versions = async () =>
        (await harness.exec(location, 'SELECT version FROM onus_schema_migrations ORDER BY version')).map(
          (row) => Number(row.version),
        );
      const before = await versions();

      const error = await rejection(use(location, [...MIGRATIONS, next], { migrate: false }));
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(
        new RegExp(
          `^store .+: its schema is version ${String(latest)}, older than this onus's ${String(latest + 1)}, and this command only reads: upgrade it with \`onus history --store .+\``,
        ),
      );
      expect(error.message).not.toContain('\n');
      expect(await versions()).toEqual(before);
      await expect(harness.exec(location, 'SELECT x FROM onus_next')).rejects.toThrow();

      // At the current version it opens and reads; once upgraded (as `onus history` does), so does the newer onus.
      expect(await (await use(location, undefined, { migrate: false })).getRun(run.id)).toEqual(run);
      await use(location, [...MIGRATIONS, next]);
      const upgraded = await use(location, [...MIGRATIONS, next], { migrate: false });
      expect(await upgraded.findingsOf(run.id)).toHaveLength(3);
    });

    it('a database from a newer onus is refused, in one line naming it', async () => {
      const location = await harness.fresh();
      await use(location);
      await harness.exec(
        location,
        "INSERT INTO onus_schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')",
      );
      for (const migrate of [true, false]) {
        const error = await rejection(use(location, undefined, { migrate }));
        expect(error).toBeInstanceOf(UserError);
        expect(error.message).toMatch(/schema is version 999, written by a newer onus/);
        expect(error.message).not.toContain('\n');
      }
    });
  });

  describe('bad database input', () => {
    it('each bad input is one line naming the store, never a stack trace or a password', async () => {
      for (const bad of await harness.badInputs()) {
        const error = await rejection(use(bad.location));
        expect(error, bad.what).toBeInstanceOf(UserError);
        expect(error.message, bad.what).toContain(`store ${bad.shown}`);
        expect(error.message, bad.what).toMatch(bad.message);
        expect(error.message, bad.what).not.toContain('\n');
        if (bad.secret) expect(error.message, bad.what).not.toContain(bad.secret);
      }
    });
  });
}
