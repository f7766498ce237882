import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onus } from '../../../test/support/onus-cli.js';
import type { Finding } from '../../core/finding.js';
import { openStore } from '../../findings/store/open.js';
import type { RunScope } from '../../findings/store/types.js';
import { ACCOUNT } from '../../testing/builders.js';
import { exportFindings } from './export.js';

const securityhub = mockClient(SecurityHubClient);
const CHECK = 's3-bucket-public-access-blocked';
const SCOPE: RunScope = { accounts: [ACCOUNT], regions: ['eu-west-1'], checkIds: [CHECK] };

function bucketFinding(name: string, status: Finding['status']): Finding {
  return {
    checkId: CHECK,
    status,
    reason: null,
    message: `${name}: public access`,
    evidence: {},
    resource: {
      kind: 's3.bucket',
      id: name,
      name,
      arn: `arn:aws:s3:::${name}`,
      account: ACCOUNT,
      region: 'eu-west-1',
    },
    gap: null,
    fingerprint: `fp-${name}`,
    title: 'S3 buckets block public access',
    severity: 'high',
    service: 's3',
    domain: 'data',
    risk: 'Public data.',
    remediation: { text: 'Block public access.', url: 'https://docs.aws.amazon.com/s3/' },
    compliance: [],
  };
}

describe('Security Hub export through the store', () => {
  beforeEach(() => {
    securityhub.reset();
    securityhub.on(BatchImportFindingsCommand).resolves({ FailedCount: 0, FailedFindings: [] });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  it('records what it sent, and the next export resolves the bucket that was fixed', async () => {
    const store = await openStore({ store: join(mkdtempSync(join(tmpdir(), 'onus-sh-')), 'onus.db') });
    try {
      const first = [bucketFinding('a', 'FAIL'), bucketFinding('b', 'FAIL')];
      expect(await exportFindings(store, first, SCOPE, { apply: true })).toBe(0);
      expect(securityhub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 1);
      expect((await store.exported(`securityhub:${ACCOUNT}:eu-west-1`)).map((e) => e.status)).toEqual([
        'FAILED',
        'FAILED',
      ]);

      securityhub.resetHistory();
      const second = [bucketFinding('a', 'FAIL'), bucketFinding('b', 'PASS')];
      expect(await exportFindings(store, second, SCOPE, { apply: true })).toBe(0);
      const sent = securityhub.commandCalls(BatchImportFindingsCommand)[0]?.args[0].input.Findings ?? [];
      expect(sent.map((f) => [f.Id, f.Compliance?.Status])).toEqual([
        ['onus/fp-a', 'FAILED'],
        ['onus/fp-b', 'PASSED'],
      ]);
      const entries = await store.exported(`securityhub:${ACCOUNT}:eu-west-1`);
      expect(entries.find((e) => e.fingerprint === 'fp-b')?.status).toBe('PASSED');

      // A dry run sends nothing and records nothing.
      securityhub.resetHistory();
      expect(await exportFindings(store, [], SCOPE, {})).toBe(0);
      expect(securityhub).not.toHaveReceivedAnyCommand();
    } finally {
      await store.close();
    }
  });
});

describe('onus CLI: ASFF and Security Hub', () => {
  it('writes the demo account as ASFF and shows the export plan without sending', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'onus-sh-cli-'));
    const asff = await onus(['scan', '--demo', '--format', 'asff', '--fail-on', 'none'], {}, cwd);
    expect(asff.code).toBe(0);
    const findings = JSON.parse(asff.stdout) as { SchemaVersion: string }[];
    expect(findings.length).toBeGreaterThan(100);
    expect(findings.every((f) => f.SchemaVersion === '2018-10-08')).toBe(true);

    const plan = await onus(['scan', '--demo', '--securityhub', '--fail-on', 'none', '-q'], {}, cwd);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toMatch(/dry run: nothing is sent/);
    expect(plan.stderr).toMatch(
      /call 1: securityhub:BatchImportFindings account \d{12} region [a-z0-9-]+: \d+ finding/,
    );
  });

  it('says in one line what is wrong: --apply without --securityhub, nothing recorded to export', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'onus-sh-cli-'));
    const apply = await onus(['scan', '--demo', '--apply'], {}, cwd);
    expect(apply).toMatchObject({ code: 2, stderr: 'onus: --apply goes with --securityhub\n' });
    const empty = await onus(['export', 'securityhub', '--store', join(cwd, 'none.db')], {}, cwd);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
  });
});
