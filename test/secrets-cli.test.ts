import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import type { ReportedSecret } from '../src/cli/commands/secrets.js';
import { base62, crc32 } from '../src/secrets/rules/validators.js';
import { KEY_ID, SECRET_KEY, parseCsv, sarifValidator } from '../src/testing/formats.js';
import { onus, ROOT, TEST_STORE } from './support/onus-cli.js';

const EXAMPLES = 'examples/secrets';

interface Report {
  findings: ReportedSecret[];
}

/** Every `planted: <rule-id> [+N]` marker: the secret of that rule on the marker's line (or N lines below). */
function planted(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      found.push(...planted(path));
      continue;
    }
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const marker = /planted: ([a-z0-9-]+)(?: \+(\d+))?/.exec(text);
        if (marker?.[1]) {
          found.push(`${relative(ROOT, path)}:${String(index + 1 + Number(marker[2] ?? 0))} ${marker[1]}`);
        }
      });
  }
  return found.sort();
}

function where(findings: readonly ReportedSecret[]): string[] {
  return findings.map((finding) => `${finding.path}:${String(finding.line)} ${finding.ruleId}`).sort();
}

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'onus-secrets-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The whole secret a finding points at, read back from the file (the report never carries it). */
function secretOf(finding: ReportedSecret): string {
  const text = readFileSync(join(ROOT, finding.path), 'utf8');
  const lines = text.split('\n');
  const offset = lines.slice(0, finding.line - 1).reduce((sum, line) => sum + line.length + 1, 0);
  return text.slice(offset + finding.column - 1, offset + finding.column - 1 + finding.length);
}

const AWS_LINES = `aws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`;

/** onus with text on stdin (the shared helper gives the child no stdin). */
function onusWithStdin(args: string[], input: string): { code: number; stdout: string; stderr: string } {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ONUS_DATABASE_URL: TEST_STORE },
  });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

describe('onus secrets', () => {
  it('finds exactly the planted secrets in examples/secrets/ and nothing in its decoys', async () => {
    const run = await onus(['secrets', `${EXAMPLES}/`, '--format', 'json']);
    expect(run.code, run.stderr).toBe(3);
    const expected = planted(join(ROOT, EXAMPLES));
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const report = JSON.parse(run.stdout) as Report;
    expect(where(report.findings)).toEqual(expected);
    // The decoys are there, and clean: documented keys, lock-file hashes, UUIDs, a base64 image, placeholders.
    for (const decoy of ['docs/credentials.md', 'web/package-lock.json', 'web/ids.json', 'web/logo.css']) {
      expect(statSync(join(ROOT, EXAMPLES, decoy)).size).toBeGreaterThan(100);
      expect(report.findings.filter((finding) => finding.path === `${EXAMPLES}/${decoy}`)).toEqual([]);
    }
  });

  it('finds in the whole examples/ tree the secrets planted there and nothing else', async () => {
    // examples/secrets/ plants secrets for this command; the demo account plants some for the live secrets
    // checks (marked in its generator's sources, and found again in the JSON it generates).
    const run = await onus(['secrets', 'examples/', '--format', 'json']);
    expect(run.code, run.stderr).toBe(3);
    const findings = (JSON.parse(run.stdout) as Report).findings;
    const generated = findings.filter((finding) => finding.path === 'examples/demo-account.json');
    const written = findings.filter((finding) => finding.path !== 'examples/demo-account.json');
    expect([...new Set(where(written))]).toEqual(planted(join(ROOT, 'examples')));
    expect(generated.length).toBeGreaterThan(0);
    const plantedHashes = new Set(written.map((finding) => finding.hash));
    expect(generated.filter((finding) => !plantedHashes.has(finding.hash))).toEqual([]);
  });

  it('prints file:line:column, rule and the redacted value in the table', async () => {
    const run = await onus(['secrets', EXAMPLES]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(
      /examples\/secrets\/app\/settings\.py:7:22\s+aws-access-key-id\s+AKIA…\(20 chars, sha256:[0-9a-f]{12}\)/,
    );
  });

  it('with --store records the run, so onus diff shows the secret added since the last run', async () => {
    const root = tree({ 'config/settings.env': AWS_LINES });
    const store = join(mkdtempSync(join(tmpdir(), 'onus-secrets-store-')), 'onus.db');
    const first = await onus(['secrets', root, '--store', store, '-q']);
    expect(first.code).toBe(3);
    const token = ['ghp', '_', 'Zr8Kq2Lm5Np7Qs9Tv1Wx3Yz4Ab6Cd8'].join('');
    writeFileSync(
      join(root, 'deploy.sh'),
      `export GITHUB_TOKEN=${token}${base62(crc32(token.slice(4)), 6)}\n`,
    );
    const second = await onus(['secrets', root, '--store', store]);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/recorded run/);
    const diff = await onus(['diff', '--store', store, '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    const report = JSON.parse(diff.stdout) as {
      new: { checkId: string; resource: { id: string } }[];
      stillFailing: unknown[];
    };
    expect(report.new.map((finding) => [finding.checkId, finding.resource.id.endsWith('deploy.sh')])).toEqual(
      [['secret-github-pat', true]],
    );
    expect(report.stillFailing).toHaveLength(2);
    expect(diff.stdout).not.toContain(token);
  });

  it('never prints a whole planted secret, in any format', async () => {
    const json = await onus(['secrets', EXAMPLES, '--format', 'json']);
    const findings = (JSON.parse(json.stdout) as Report).findings;
    const secrets = findings.map(secretOf);
    expect(secrets).toContain(KEY_ID);
    expect(secrets).toContain(SECRET_KEY);
    for (const secret of secrets) expect(secret.length).toBeGreaterThanOrEqual(16);
    const formats = ['table', 'json', 'sarif', 'csv'];
    const runs = await Promise.all(formats.map((format) => onus(['secrets', EXAMPLES, '--format', format])));
    for (const [index, run] of runs.entries()) {
      const format = formats[index];
      expect(run.code).toBe(3);
      expect(run.stdout.length).toBeGreaterThan(200);
      for (const secret of secrets) {
        expect(run.stdout, format).not.toContain(secret);
        expect(run.stderr, format).not.toContain(secret);
      }
    }
  });

  it('writes SARIF that validates against the 2.1.0 schema, one result per finding with its location', async () => {
    const run = await onus(['secrets', EXAMPLES, '--format', 'sarif']);
    expect(run.code).toBe(3);
    const log = JSON.parse(run.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(
      results
        .map(
          (result) =>
            `${result.locations[0]?.physicalLocation.artifactLocation.uri ?? ''}:${String(result.locations[0]?.physicalLocation.region.startLine)} ${result.ruleId}`,
        )
        .sort(),
    ).toEqual(planted(join(ROOT, EXAMPLES)));
  });

  it('writes CSV with a row per finding', async () => {
    const run = await onus(['secrets', EXAMPLES, '--format', 'csv']);
    const rows = parseCsv(run.stdout);
    expect(rows[0]?.slice(0, 4)).toEqual(['path', 'line', 'column', 'rule_id']);
    expect(rows.length - 1).toBe(planted(join(ROOT, EXAMPLES)).length);
  });

  it('reads stdin for -', () => {
    const run = onusWithStdin(['secrets', '-', '--format', 'json'], `config:\n  ${AWS_LINES}`);
    expect(run.code, run.stderr).toBe(3);
    expect(where((JSON.parse(run.stdout) as Report).findings)).toEqual([
      '<stdin>:2 aws-access-key-id',
      '<stdin>:3 aws-secret-access-key',
    ]);
    expect(onusWithStdin(['secrets', '-'], 'nothing to see\n').code).toBe(0);
  });

  it('respects .gitignore by default and reads everything with --no-gitignore', async () => {
    const root = tree({
      '.gitignore': 'local.env\nbuild/\n',
      'app.py': AWS_LINES,
      'local.env': AWS_LINES,
      'build/bundle.js': AWS_LINES,
    });
    const honoured = await onus(['secrets', '.', '--format', 'json'], {}, root);
    expect(honoured.code).toBe(3);
    expect(new Set((JSON.parse(honoured.stdout) as Report).findings.map((finding) => finding.path))).toEqual(
      new Set(['app.py']),
    );
    const all = await onus(['secrets', '.', '--format', 'json', '--no-gitignore'], {}, root);
    expect(new Set((JSON.parse(all.stdout) as Report).findings.map((finding) => finding.path))).toEqual(
      new Set(['app.py', 'local.env', 'build/bundle.js']),
    );
  });

  it('skips binary files', async () => {
    const root = tree({
      'blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(AWS_LINES)]),
      'clean.txt': 'hello\n',
    });
    const run = await onus(['secrets', '.', '--format', 'json'], {}, root);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Report).findings).toEqual([]);
    writeFileSync(join(root, 'text.txt'), AWS_LINES);
    expect((await onus(['secrets', '.'], {}, root)).code).toBe(3);
  });

  it('mutes a line with onus:ignore, and only the named rule with onus:ignore <rule-id>', async () => {
    const root = tree({
      'a.py': [
        `key = "${KEY_ID}"  # onus:ignore`,
        `secret = "${SECRET_KEY}"  # onus:ignore aws-access-key-id`,
      ].join('\n'),
    });
    const run = await onus(['secrets', 'a.py', '--format', 'json'], {}, root);
    expect(run.code).toBe(3);
    expect(where((JSON.parse(run.stdout) as Report).findings)).toEqual(['a.py:2 aws-secret-access-key']);
  });

  it('reports findings under test fixtures as such', async () => {
    const root = tree({ 'tests/conf.py': AWS_LINES });
    const run = await onus(['secrets', '.', '--format', 'json'], {}, root);
    expect(run.code).toBe(3);
    const findings = (JSON.parse(run.stdout) as Report).findings;
    expect(findings.length).toBe(2);
    expect(findings.every((finding) => finding.testFixture)).toBe(true);
    expect((await onus(['secrets', '.'], {}, root)).stdout).toContain('(test fixture)');
  });

  it('accepts a baseline whose fingerprints survive line moves, and reports new secrets', async () => {
    const root = tree({ 'app.py': AWS_LINES });
    const written = await onus(['secrets', '.', '--write-baseline', 'baseline.json'], {}, root);
    expect(written.code, written.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as {
      fingerprints: string[];
    };
    expect(baseline.fingerprints).toHaveLength(2);
    expect(JSON.stringify(baseline)).not.toContain(SECRET_KEY);

    writeFileSync(join(root, 'app.py'), `# moved down\n\n\n${AWS_LINES}`);
    const moved = await onus(['secrets', '.', '--baseline', 'baseline.json', '--format', 'json'], {}, root);
    expect(moved.code, moved.stderr).toBe(0);
    expect((JSON.parse(moved.stdout) as Report).findings).toEqual([]);

    writeFileSync(join(root, 'app.py'), `${AWS_LINES}db_password = "Zx9vQ2mK7pL4wR8t"\n`);
    const added = await onus(['secrets', '.', '--baseline', 'baseline.json', '--format', 'json'], {}, root);
    expect(added.code).toBe(3);
    expect(where((JSON.parse(added.stdout) as Report).findings)).toEqual(['app.py:3 generic-password']);
    expect((await onus(['secrets', '.', '--format', 'json'], {}, root)).code).toBe(3);
  });

  it('exits 2 on bad input after reporting the rest, 0 when clean', async () => {
    const root = tree({ 'app.py': AWS_LINES, 'clean.txt': 'nothing\n', 'bad.json': '{' });
    const missing = await onus(['secrets', 'app.py', 'missing.py', '--format', 'json'], {}, root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.py');
    expect((JSON.parse(missing.stdout) as Report).findings).toHaveLength(2);
    const badBaseline = await onus(['secrets', 'clean.txt', '--baseline', 'bad.json'], {}, root);
    expect(badBaseline.code).toBe(2);
    expect(badBaseline.stderr).toContain('--baseline');
    expect((await onus(['secrets', 'clean.txt'], {}, root)).code).toBe(0);
    expect((await onus(['secrets', 'clean.txt', '--format', 'csv'], {}, root)).code).toBe(0);
  });
});
