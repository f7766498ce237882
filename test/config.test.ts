import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onus } from './support/onus-cli.js';

/** A project directory with this config at its root, and a nested directory to run onus from. */
function project(name: string, text: string): { root: string; nested: string } {
  const root = mkdtempSync(join(tmpdir(), 'onus-project-'));
  const nested = join(root, 'infra', 'prod');
  mkdirSync(nested, { recursive: true });
  writeFileSync(join(root, name), text);
  return { root, nested };
}

type Finding = { checkId: string; status: string; resource: { id: string } };

describe('onus.config.yaml', () => {
  it('is found from a subdirectory and its thresholds change what fails', async () => {
    const baseline = await onus(['scan', '--demo', '--format', 'json', '-q', '--fail-on', 'none']);
    const keys = (text: string) =>
      (JSON.parse(text).findings as Finding[]).filter(
        (finding) => finding.checkId === 'iam-user-access-keys-rotated' && finding.status === 'FAIL',
      ).length;
    const { nested } = project(
      'onus.config.yaml',
      'thresholds:\n  iam-user-access-keys-rotated:\n    maxAgeDays: 30\n',
    );
    const strict = await onus(['scan', '--demo', '--format', 'json', '--fail-on', 'none'], {}, nested);
    expect(strict.code).toBe(0);
    expect(strict.stderr).toMatch(/^onus: using \.\.\/\.\.\/onus\.config\.yaml$/m);
    expect(keys(strict.stdout)).toBeGreaterThan(keys(baseline.stdout));
  });

  it('excludes checks and sets the exit threshold, and --no-config ignores it', async () => {
    const { nested } = project(
      'onus.config.json',
      JSON.stringify({ checks: { exclude: ['iam-*'] }, failOn: 'none' }),
    );
    const run = await onus(['scan', '--demo', '--format', 'json', '-q'], {}, nested);
    expect(run.code).toBe(0);
    const ids = new Set((JSON.parse(run.stdout).findings as Finding[]).map((finding) => finding.checkId));
    expect([...ids].some((id) => id.startsWith('iam-'))).toBe(false);
    expect(ids.size).toBeGreaterThan(10);

    const ignored = await onus(['scan', '--demo', '--format', 'json', '-q', '--no-config'], {}, nested);
    expect(ignored.code).toBe(3);
  });

  it('stops with exit code 2 and one line naming the file and the bad key', async () => {
    const { nested } = project(
      'onus.config.yaml',
      'thresholds:\n  iam-user-access-keys-rotated:\n    maxAgeDays: "90 days"\n',
    );
    const run = await onus(['scan', '--demo'], {}, nested);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'onus: ../../onus.config.yaml: thresholds.iam-user-access-keys-rotated.maxAgeDays: expected a number of 0 or more, got "90 days"',
    ]);
  });

  it('applies to compliance: excluded checks leave their requirements not evaluated', async () => {
    const { root } = project('onus.config.yaml', 'checks:\n  exclude: [iam-root-mfa-enabled]\n');
    const run = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'json', '-q'], {}, root);
    expect(run.code).toBe(0);
    const rootMfa = JSON.parse(run.stdout).results.find(
      (result: { requirement: { id: string } }) => result.requirement.id === '1.4',
    );
    expect(rootMfa).toMatchObject({
      status: 'not-evaluated',
      detail: expect.stringContaining('iam-root-mfa-enabled'),
    });
  });
});
