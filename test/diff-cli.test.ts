import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onus, ROOT, type Run } from './support/onus-cli.js';

/** The demo account's one customer-managed key without rotation: fixing it should change one finding only. */
const KEY = '9b2d4f6a-8c0e-4a2b-9d4f-6a8c0e2b4d6f';
const ROTATION = 'kms-key-rotation-enabled';

interface Line {
  checkId: string;
  resource: { id: string };
  before: string | null;
  after: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A fresh store, and the demo snapshot with the key's rotation turned on. */
function setUp(): { env: { ONUS_DATABASE_URL: string }; fixed: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'onus-diff-'));
  const snapshot = JSON.parse(readFileSync(join(ROOT, 'examples/demo-account.json'), 'utf8'));
  let changed = 0;
  for (const account of snapshot.accounts) {
    for (const region of Object.values<{ resources: any[] }>(account.regions)) {
      for (const resource of region.resources) {
        if (resource.kind === 'kms.key' && resource.id === KEY) {
          resource.attributes.rotationEnabled = true;
          changed++;
        }
      }
    }
  }
  expect(changed).toBe(1);
  const fixed = join(dir, 'demo-account-fixed.json');
  writeFileSync(fixed, JSON.stringify(snapshot));
  return { env: { ONUS_DATABASE_URL: join(dir, 'store', 'onus.db') }, fixed, dir };
}

const show = (lines: Line[]) => lines.map((line) => `${line.checkId} ${line.resource.id}`);

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('onus diff', () => {
  it('after fixing one resource between two scans, shows exactly that finding resolved', async () => {
    const { env, fixed } = setUp();
    const before = await onus(['scan', '--demo', '--no-config', '--format', 'json'], env);
    expect(before.code).toBe(3);
    expect(before.stderr).toMatch(/^onus: recorded run \d{8}T\d{6}Z-[0-9a-f]{6} in .*onus\.db$/m);
    const after = await onus(['scan', '--snapshot', fixed, '--no-config', '--format', 'json', '-q'], env);
    expect(after.code).toBe(3);

    const run = await onus(['diff', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(show(diff.resolved)).toEqual([`${ROTATION} ${KEY}`]);
    expect(diff.resolved[0]).toMatchObject({ before: 'FAIL', after: 'PASS' });
    expect(diff.new).toEqual([]);
    expect(diff.notRechecked).toEqual([]);
    expect(diff.muted).toEqual([]);
    const failingBefore = JSON.parse(before.stdout).findings.filter((f: any) => f.status === 'FAIL');
    expect(diff.stillFailing).toHaveLength(failingBefore.length - 1);
    expect(diff.counts).toEqual({
      new: 0,
      resolved: 1,
      stillFailing: failingBefore.length - 1,
      muted: 0,
      notRechecked: 0,
    });

    // First and last seen failing: the resolved one only in the first run, the others in both.
    expect(diff.from.target).toEqual({ type: 'demo', name: 'examples/demo-account.json' });
    expect(diff.resolved[0]).toMatchObject({ firstSeen: diff.from.startedAt, lastSeen: diff.from.startedAt });
    expect(diff.stillFailing[0]).toMatchObject({
      firstSeen: diff.from.startedAt,
      lastSeen: diff.to.startedAt,
    });

    // The same by id, and as a table.
    const table = await onus(['diff', diff.from.id, 'latest'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Resolved \(1\)$/m);
    expect(table.stdout).toMatch(new RegExp(`^  medium\\s+${ROTATION}  123456789012 us-east-1 `, 'm'));
    expect(table.stdout).toMatch(/^New \(0\)$/m);
    expect(table.stdout).toMatch(
      new RegExp(`^0 new, 1 resolved, ${String(failingBefore.length - 1)} still failing$`, 'm'),
    );

    const history = await onus(['history', '--format', 'json'], env);
    const runs = JSON.parse(history.stdout);
    expect(runs.map((r: any) => r.id)).toEqual([diff.to.id, diff.from.id]);
    expect(runs[0]).toMatchObject({ kind: 'scan', target: { type: 'snapshot', name: fixed } });
    expect(runs[1].counts.FAIL).toBe(failingBefore.length);
  });

  it('a scan limited to other checks never marks the unchecked findings resolved', async () => {
    const { env, fixed } = setUp();
    const full = await onus(['scan', '--demo', '--no-config', '-q', '--format', 'json'], env);
    expect(full.code).toBe(3);
    const failing = (JSON.parse(full.stdout).findings as any[])
      .filter((finding) => finding.status === 'FAIL')
      .map((finding) => `${finding.checkId} ${finding.resource.id}`);
    const MFA = 's3-bucket-mfa-delete-enabled';
    const limited = await onus(['scan', '--snapshot', fixed, '--no-config', '-q', '--checks', MFA], env);
    expect(limited.code).toBe(3);

    // The default pairs runs of the same scope: there is only one of each.
    expectOneLineError(
      await onus(['diff'], env),
      /^onus: diff: the latest run \(\S+: scan, 1 account, 4 regions, 1 check\) is the only one of its scope in /,
    );

    const [latest, first] = await ids(env);
    const run = await onus(['diff', first ?? '', latest ?? '', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff.resolved).toEqual([]);
    expect(diff.new).toEqual([]);
    // The check both runs evaluated is compared; every other failure, the fixed key's included, was not
    // looked at by the limited scan: not re-checked, never resolved.
    const mfa = failing.filter((line) => line.startsWith(`${MFA} `));
    expect(mfa.length).toBeGreaterThan(0);
    expect(show(diff.stillFailing).sort()).toEqual(mfa.sort());
    expect(show(diff.notRechecked).sort()).toEqual(failing.filter((line) => !mfa.includes(line)).sort());
    expect(show(diff.notRechecked)).toContain(`${ROTATION} ${KEY}`);
    expect(diff.notRechecked.every((line: Line) => line.after === null)).toBe(true);
  });

  it('a store that is not a database, or cannot be reached, is one line and exit 2; the scan report still comes out', async () => {
    const { dir } = setUp();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database\n'.repeat(100));
    const [history, scan, postgres] = await Promise.all([
      onus(['history', '--store', notes]),
      onus(['scan', '--demo', '--no-config', '--format', 'json', '-q', '--store', notes]),
      onus(['diff'], { ONUS_DATABASE_URL: 'postgres://onus:hunter2@127.0.0.1:9/onus' }),
    ]);
    expectOneLineError(history, new RegExp(`^onus: store ${notes}: file is not a database`));
    expect(history.stdout).toBe('');
    expectOneLineError(scan, new RegExp(`^onus: store ${notes}: file is not a database`));
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(0);
    expectOneLineError(
      postgres,
      /^onus: store postgres:\/\/onus@127\.0\.0\.1:9\/onus: cannot connect: connect ECONNREFUSED/,
    );
    expect(postgres.stderr).not.toContain('hunter2');
  });

  it('history and diff do not create a store; --no-store records nothing', async () => {
    const { env } = setUp();
    const [history, scan] = await Promise.all([
      onus(['history'], env),
      onus(['scan', '--demo', '--no-config', '-q', '--no-store'], env),
    ]);
    expectOneLineError(history, /^onus: store .*onus\.db: no findings store there yet/);
    expect(scan.code).toBe(3);
    expectOneLineError(await onus(['history'], env), /no findings store there yet/);
  });
});

async function ids(env: Record<string, string>): Promise<string[]> {
  const history = await onus(['history', '--format', 'json'], env);
  return JSON.parse(history.stdout).map((run: { id: string }) => run.id);
}
