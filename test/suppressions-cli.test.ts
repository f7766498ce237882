import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onus, ROOT } from './support/onus-cli.js';

/** A config file with this text in a fresh directory; returns its path. */
function config(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'onus-suppressions-')), 'onus.config.yaml');
  writeFileSync(file, text);
  return file;
}

// In the demo account this check fails on exactly one AMI, bastion-base, so muting it decides the exit code.
const CHECK = ['--checks', 'ec2-image-not-public'];

const suppression = (expires: string) =>
  config(
    [
      'suppressions:',
      '  - check: ec2-image-not-public',
      '    resource: bastion-*',
      '    region: us-east-1',
      '    reason: shared with the partner account on purpose (ticket SEC-142)',
      `    expires: ${expires}`,
    ].join('\n'),
  );

type Finding = {
  checkId: string;
  status: string;
  resource: { name: string };
  suppression?: { reason: string; expires: string | null; entry: { index: number } };
};

describe('suppressions in onus scan', () => {
  it('show a muted finding as MUTED with its reason, and leave it out of the failures and the exit code', async () => {
    const file = suppression('2099-12-31');
    const table = await onus(['scan', '--demo', ...CHECK, '--config', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Total\s+1\s+0\s+1\s+0\s+1$/m);
    expect(table.stdout).not.toContain('Failed (');
    expect(table.stdout).toContain(
      [
        'Muted (1)',
        '  HIGH      ec2-image-not-public  ec2.image bastion-base (us-east-1)',
        '            AMI ami-0a1b2c3d4e5f60002 (bastion-base) can be launched by any AWS account',
        '            muted: shared with the partner account on purpose (ticket SEC-142) (expires 2099-12-31)',
      ].join('\n'),
    );

    const json = await onus(['scan', '--demo', ...CHECK, '--config', file, '--format', 'json', '-q']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      findings: Finding[];
      summary: { totals: Record<string, number> };
    };
    const muted = report.findings.filter((finding) => finding.status === 'MUTED');
    expect(muted.map((finding) => finding.resource.name)).toEqual(['bastion-base']);
    expect(muted[0]?.suppression).toMatchObject({
      reason: 'shared with the partner account on purpose (ticket SEC-142)',
      expires: '2099-12-31',
      entry: { index: 0 },
    });
    expect(report.summary.totals).toMatchObject({ FAIL: 0, MUTED: 1 });
  });

  it('warn about an expired suppression, even with --quiet, and stop muting', async () => {
    const file = suppression('2020-01-01');
    const run = await onus(['scan', '--demo', ...CHECK, '--config', file, '-q']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Failed (1)');
    expect(run.stdout).not.toContain('Muted (');
    expect(run.stderr).toBe(
      `onus: warning: ${relative(ROOT, file)}: suppressions[0] (check ec2-image-not-public) expired on 2020-01-01; it no longer mutes\n`,
    );
  });

  it.each([[['map', '--demo']], [['compliance', 'cis-5.0', '--demo']]])(
    'are read by onus %j too',
    async (args) => {
      const run = await onus([...args, '--config', suppression('2020-01-01'), '-q', '--format', 'json']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /^onus: warning: .*suppressions\[0\] .* expired on 2020-01-01; it no longer mutes$/m,
      );
    },
  );

  it.each([
    [
      'suppressions:\n  - check: ec2-image-not-public\n    reason: ok\n  - check: "s3-*"\n    tags: { env: prod }\n',
      'suppressions[1].reason: required',
    ],
    [
      'suppressions:\n  - check: ec2-image-not-public\n    resource: "/(bastion/"\n    reason: ok\n',
      'suppressions[0].resource: not a valid regular expression (Unterminated group), got "/(bastion/"',
    ],
    [
      'suppressions:\n  - check: ec2-imagez-*\n    reason: ok\n',
      "suppressions[0].check: 'ec2-imagez-*' matches no check (see `onus checks`)",
    ],
  ])('that are wrong stop the run with exit 2 and one line', async (text, message) => {
    const file = config(text);
    const run = await onus(['scan', '--demo', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`onus: ${relative(ROOT, file)}: ${message}\n`);
  });
});
