import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { DOMAINS } from '../src/core/domain.js';
import { loadFramework } from '../src/frameworks/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DEMO = join(ROOT, 'examples/demo-account.json');
const ESC = '\u001b[';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the onus CLI from source as a user would run the binary. */
function onus(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'onus-cli-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('onus scan --demo', () => {
  it('reports failing findings in every responsibility domain, with coverage, and exits 3', async () => {
    const run = await onus(['scan', '--demo', '--format', 'json']);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout);
    const failingDomains = new Set(
      report.findings.filter((f: any) => f.status === 'FAIL').map((f: any) => f.domain),
    );
    expect([...failingDomains].sort()).toEqual([...DOMAINS].sort());
    expect(report.summary.coverage.ratio).toBeGreaterThan(0.5);
    expect(report.summary.coverage.ratio).toBeLessThan(1);
    const reasons = new Set(
      report.findings.filter((f: any) => f.status === 'NOT_EVALUATED').map((f: any) => f.reason),
    );
    expect(reasons).toContain('access-denied');
    expect(reasons).toContain('region-disabled');
    expect(report.findings.some((f: any) => f.status === 'PASS')).toBe(true);
  });

  it('opens the table with the summary by domain and coverage, then lists failures and what was not evaluated', async () => {
    const run = await onus(['scan', '--demo', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^onus scan/);
    expect(out).toMatch(/Identity & access\s+\d+\s+\d+/);
    expect(out).toMatch(/Coverage: \d+\.\d% \(\d+ of \d+ check × resource pairs evaluated\)/);
    expect(out.indexOf('Coverage:')).toBeLessThan(out.indexOf('Failed ('));
    expect(out.indexOf('Failed (')).toBeLessThan(out.indexOf('Not evaluated ('));
    expect(out).toMatch(/CRITICAL\s+iam-root-mfa-enabled/);
    expect(out).toContain('access-denied: s3:GetBucketPolicy');
    expect(out).not.toContain(ESC);
    expect(run.stderr).toMatch(/^onus: loaded examples\/demo-account\.json: 1 account, \d+ resources$/m);
  });

  it('exits 3 only for failures at or above --fail-on', async () => {
    expect((await onus(['scan', '--demo', '--fail-on', 'critical', '-q'])).code).toBe(3);
    const highOnly = await onus([
      'scan',
      '--demo',
      '--checks',
      'guardduty-enabled',
      '--fail-on',
      'critical',
      '-q',
    ]);
    expect(highOnly.code).toBe(0);
    expect(highOnly.stdout).toContain('guardduty-enabled');
    expect(highOnly.stdout).not.toContain('iam-root-mfa-enabled');
  });

  it('runs only the checks of the severities asked for', async () => {
    const run = await onus(['scan', '--demo', '--severity', 'critical', '--format', 'json', '-q']);
    const report = JSON.parse(run.stdout);
    const severities = new Set(report.findings.map((f: any) => f.severity));
    expect([...severities]).toEqual(['critical']);
  });

  it('writes the report to --output and keeps stdout empty; --quiet silences stderr', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'onus-out-')), 'report.json');
    const run = await onus([
      'scan',
      '--demo',
      '--format',
      'json',
      '--output',
      file,
      '--quiet',
      '--fail-on',
      'none',
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(await readFile(file, 'utf8')).summary.totals.FAIL).toBeGreaterThan(0);
  });

  it('colours the table only when allowed: FORCE_COLOR on, NO_COLOR and --no-color off', async () => {
    expect((await onus(['scan', '--demo', '-q'], { FORCE_COLOR: '1' })).stdout).toContain(`${ESC}31m`);
    expect((await onus(['scan', '--demo', '-q'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(
      ESC,
    );
    expect((await onus(['scan', '--demo', '-q', '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain(
      ESC,
    );
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  it('a snapshot that is not JSON', async () => {
    const file = await tempFile('broken.json', '{\n  "schemaVersion": 1,\n  "accounts": [\n');
    expectOneLineError(
      await onus(['scan', '--snapshot', file]),
      /broken\.json: not valid JSON at line 4, column 1/,
    );
  });

  it('a snapshot with a wrong type at a path', async () => {
    const snapshot = JSON.parse(await readFile(DEMO, 'utf8'));
    snapshot.accounts[0].regions['eu-west-1'].resources[0].attributes.publicAccessBlock = 'yes';
    const file = await tempFile('typed.json', JSON.stringify(snapshot));
    expectOneLineError(
      await onus(['scan', '--snapshot', file]),
      /typed\.json: \$\.accounts\[0\]\.regions\["eu-west-1"\]\.resources\[0\]\.attributes\.publicAccessBlock: expected object, received string$/,
    );
  });

  it('a snapshot of an unknown schemaVersion', async () => {
    const file = await tempFile('future.json', JSON.stringify({ schemaVersion: 99, accounts: [] }));
    expectOneLineError(
      await onus(['scan', '--snapshot', file]),
      /unknown schemaVersion 99; this onus reads schemaVersion 1/,
    );
  });

  it('a missing snapshot file, an unknown check id, an unknown format, nothing to scan', async () => {
    expectOneLineError(
      await onus(['scan', '--snapshot', '/no/such.json']),
      /cannot read snapshot \/no\/such\.json: no such file/,
    );
    expectOneLineError(
      await onus(['scan', '--demo', '--checks', 'iam-root-mfa']),
      /--checks: unknown check id iam-root-mfa/,
    );
    expectOneLineError(await onus(['scan', '--demo', '--format', 'xml']), /--format.*xml.*table, json/);
    expectOneLineError(
      await onus(['scan', '--region', 'mars-1']),
      /--region: 'mars-1' is not an AWS region name/,
    );
    expectOneLineError(await onus(['scan', '--demo', '--bogus']), /unknown option '--bogus'/);
  });

  it('AWS options that do not fit together', async () => {
    expectOneLineError(await onus(['scan', '--org']), /--org needs --org-role NAME/);
    expectOneLineError(
      await onus(['collect', '--external-id', 'x']),
      /--external-id goes with --role-arn or --org/,
    );
    expectOneLineError(
      await onus(['scan', '--concurrency', '0']),
      /--concurrency: expected a whole number from 1 to 512/,
    );
    expectOneLineError(
      await onus(['scan', '--rate', 'iam=fast']),
      /--rate: expected service=calls-per-second .* got 'iam=fast'/,
    );
  });
});

describe('live scanning without credentials', () => {
  it('says in one line that the credentials cannot be used, and exits 2', async () => {
    const noCredentials = {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    };
    expectOneLineError(
      await onus(['scan'], noCredentials),
      /^onus: cannot use the AWS credentials: .*--profile or --role-arn\)$/,
    );
  });
});

describe('onus compliance', () => {
  it('lists every CIS v5.0.0 recommendation with a status, and a score that says what it leaves out', async () => {
    const run = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'json', '-q']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.results).toHaveLength(63);
    for (const result of report.results)
      expect(['pass', 'fail', 'manual', 'not-evaluated']).toContain(result.status);
    expect(report.totals.fail).toBeGreaterThan(0);
    expect(report.totals.manual).toBeGreaterThan(0);
    const table = await onus(['compliance', 'cis-5.0', '--demo', '-q']);
    expect(table.stdout).toMatch(
      /^Score: \d+\.\d% of the \d+ requirements evaluated; \d+ not evaluated and \d+ manual are not in it$/m,
    );
    const csv = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'csv', '-q']);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(64);
    const markdown = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'markdown', '-q']);
    expect(markdown.stdout).toMatch(/^## CIS Amazon Web Services Foundations Benchmark v5\.0\.0/);
  });

  it('assesses CIS v3.0.0, FSBP and NIST SP 800-53 Rev. 5 over the demo account', async () => {
    for (const [id, count] of [
      ['cis-3.0', 62],
      ['fsbp', loadFramework('fsbp').requirements.length],
      ['nist-800-53-r5', loadFramework('nist-800-53-r5').requirements.length],
    ] as const) {
      const run = await onus(['compliance', id, '--demo', '--format', 'json', '-q']);
      expect(run.code, id).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.framework.id).toBe(id);
      expect(report.results, id).toHaveLength(count);
      expect(report.totals.fail, id).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown framework in one line', async () => {
    expectOneLineError(
      await onus(['compliance', 'cis-9', '--demo']),
      /unknown framework 'cis-9' \(onus knows: cis-5\.0, cis-3\.0, fsbp, nist-800-53-r5\)/,
    );
  });
});

describe('onus checks', () => {
  it('--json lists every check with its metadata and remediation', async () => {
    const run = await onus(['checks', '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout);
    expect(listed.map((check: any) => check.id)).toEqual(CHECKS.map((check) => check.id));
    for (const check of listed) {
      expect(check).toMatchObject({
        title: expect.any(String),
        severity: expect.any(String),
        domain: expect.any(String),
        kind: expect.any(String),
        reads: expect.any(Array),
        remediation: { text: expect.any(String), url: expect.stringMatching(/^https:\/\//) },
      });
    }
  });

  it('prints a readable table by default', async () => {
    const run = await onus(['checks']);
    expect(run.stdout).toMatch(/^ID\s+SEVERITY\s+DOMAIN\s+TITLE/);
    expect(run.stdout).toMatch(/iam-root-mfa-enabled\s+critical\s+Identity & access/);
  });
});
