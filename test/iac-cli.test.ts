import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { ScanReport } from '../src/core/scan.js';
import { sarifValidator } from '../src/testing/formats.js';
import { onus, ROOT } from './support/onus-cli.js';

/** Every `onus finds: <check-id> [in <address prefix>]` marker in the shipped examples. */
function markers(dir: string): { file: string; line: number; check: string; within: string | null }[] {
  const found: { file: string; line: number; check: string; within: string | null }[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      found.push(...markers(path));
      continue;
    }
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const marker = /onus finds: ([a-z0-9-]+)(?: in ([\w.[\]"-]+))?/.exec(text);
        if (marker?.[1]) {
          found.push({
            file: relative(ROOT, path),
            line: index + 1,
            check: marker[1],
            within: marker[2] ?? null,
          });
        }
      });
  }
  return found;
}

/** The first line of the resource block a line sits in (a Terraform `resource` or a CloudFormation logical id). */
function blockStart(file: string, line: number): number {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  for (let index = line - 1; index >= 0; index--) {
    if (/^resource "|^ {2}[A-Za-z0-9]+:\s*$/.test(lines[index] ?? '')) return index + 1;
  }
  return 1;
}

describe('onus iac', () => {
  it('finds every deliberate misconfiguration in examples/, each on its file and line', async () => {
    const run = await onus(['iac', 'examples/', '--format', 'json', '--no-config']);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as ScanReport;
    const failed = report.findings.filter((finding) => finding.status === 'FAIL');
    const planted = markers(join(ROOT, 'examples/iac'));
    expect(planted.length).toBeGreaterThanOrEqual(12);
    for (const marker of planted) {
      const hits = failed.filter((finding) => finding.checkId === marker.check);
      const where = `${marker.file}:${String(marker.line)} ${marker.check}`;
      if (marker.within) {
        expect(
          hits.some((finding) => finding.resource.name === marker.within),
          where,
        ).toBe(true);
        continue;
      }
      const start = blockStart(marker.file, marker.line);
      expect(
        hits.some(
          (finding) =>
            finding.resource.location?.file === marker.file &&
            finding.resource.location.line >= start &&
            finding.resource.location.line <= marker.line,
        ),
        `${where}: ${hits.map((f) => JSON.stringify(f.resource.location)).join(', ')}`,
      ).toBe(true);
    }
    // Inline ignores mute, with their reason, and do not fail the run on their own.
    const muted = report.findings.filter((finding) => finding.status === 'MUTED');
    expect(muted.map((finding) => finding.suppression?.reason)).toEqual(
      expect.arrayContaining([
        'public website access logs, no personal data (ticket SEC-42)',
        'public status notifications carry no data (ticket SEC-43)',
      ]),
    );
    // Not a live scan: no account-scoped check runs on code.
    expect(report.findings.every((finding) => finding.resource.kind !== 'aws.account')).toBe(true);
  });

  it('writes SARIF that validates and points at the failing line', async () => {
    const run = await onus(['iac', 'examples/iac/cloudformation', '--format', 'sarif', '--no-config', '-q']);
    expect(run.code, run.stderr).toBe(3);
    const sarif = JSON.parse(run.stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: unknown }[] }[] }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = sarif.runs[0]?.results ?? [];
    const rotation = results.find((result) => result.ruleId === 'kms-key-rotation-enabled');
    const text = readFileSync(join(ROOT, 'examples/iac/cloudformation/web-app.yaml'), 'utf8').split('\n');
    const line = text.findIndex((entry) => entry.includes('EnableKeyRotation: false')) + 1;
    expect(rotation?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/iac/cloudformation/web-app.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: expect.any(Number) as number },
    });
  });

  it('writes a self-contained HTML report of code and records the run in the store, as an iac run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-iac-html-'));
    const store = join(dir, 'onus.db');
    const out = join(dir, 'report.html');
    const run = await onus(['iac', 'examples/iac/terraform', '--format', 'html', '-o', out, '--no-config'], {
      ONUS_DATABASE_URL: store,
    });
    expect(run.code, run.stderr).toBe(3);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
    expect(html).toContain('iam-role-trust-not-public');
    const history = await onus(['history', '--format', 'json', '--store', store]);
    expect(history.code, history.stderr).toBe(0);
    const runs = JSON.parse(history.stdout) as { kind: string; target: { type: string } }[];
    expect(runs.map((recorded) => recorded.kind)).toEqual(['iac']);
  });

  it('reports a broken file in one line with its location, exits 2, and still reports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-iac-bad-'));
    writeFileSync(
      join(dir, 'good.yaml'),
      'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n',
    );
    writeFileSync(
      join(dir, 'broken.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [unclosed\n',
    );
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_kms_key" "k" {\n  enable_key_rotation = \n}\n');
    writeFileSync(join(dir, 'blob.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    const run = await onus(['iac', dir, '--format', 'json', '--no-config', '--no-store']);
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('onus: error: '));
    expect(errors).toHaveLength(2);
    expect(errors.find((line) => line.includes('broken.yaml'))).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(errors.find((line) => line.includes('main.tf'))).toMatch(/main\.tf:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(
      report.findings.some(
        (finding) => finding.checkId === 'kms-key-rotation-enabled' && finding.status === 'FAIL',
      ),
    ).toBe(true);
  });
});
