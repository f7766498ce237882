import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockAccount, MOCK_ACCOUNT } from '../src/testing/mock-account.js';
import { onusInProcess } from './support/in-process.js';

const onus = onusInProcess;

type Finding = {
  checkId: string;
  status: string;
  resource: { region: string; id: string };
  gap: { action?: string } | null;
  fingerprint: string;
};

describe('live scan against a mocked AWS account', () => {
  let mocks: ReturnType<typeof mockAccount>;
  beforeEach(() => {
    mocks = mockAccount();
  });
  afterEach(() => {
    for (const mock of Object.values(mocks).flat()) mock.restore();
  });

  it('finds the same as scanning the snapshot that `onus collect` wrote', async () => {
    const live = await onus('scan', '--format', 'json', '-q', '--fail-on', 'none');
    expect(live.code).toBe(0);
    const file = join(await mkdtemp(join(tmpdir(), 'onus-live-')), 'inventory.json');
    expect((await onus('collect', '-o', file, '-q')).code).toBe(0);
    const offline = await onus('scan', '--snapshot', file, '--format', 'json', '-q', '--fail-on', 'none');
    expect(offline.code).toBe(0);

    const strip = (text: string) => {
      const report = JSON.parse(text);
      return report.findings.map(({ checkId, status, reason, message, resource, gap, fingerprint }: any) => ({
        checkId,
        status,
        reason,
        message,
        resource,
        gap,
        fingerprint,
      }));
    };
    const liveFindings = strip(live.stdout);
    expect(liveFindings.length).toBeGreaterThan(15);
    expect(strip(offline.stdout)).toEqual(liveFindings);
    expect(JSON.parse(live.stdout).accounts).toEqual([{ id: MOCK_ACCOUNT, alias: null }]);
  });

  it('reports what it could not call as NOT_EVALUATED naming the denied action, never PASS', async () => {
    const { stdout } = await onus('scan', '--format', 'json', '-q', '--fail-on', 'none');
    const findings: Finding[] = JSON.parse(stdout).findings;
    const of = (checkId: string, region: string) =>
      findings.filter((finding) => finding.checkId === checkId && finding.resource.region === region);

    expect(of('ec2-instance-imdsv2-required', 'eu-west-1')).toEqual([
      expect.objectContaining({
        status: 'NOT_EVALUATED',
        gap: expect.objectContaining({ action: 'ec2:DescribeInstances' }),
      }),
    ]);
    expect(of('kms-key-rotation-enabled', 'eu-west-1')).toEqual([
      expect.objectContaining({
        status: 'NOT_EVALUATED',
        gap: expect.objectContaining({ action: 'kms:GetKeyRotationStatus' }),
      }),
    ]);
    // What could be seen is still judged.
    expect(of('ec2-instance-imdsv2-required', 'us-east-1')).toEqual([
      expect.objectContaining({ status: 'FAIL' }),
    ]);
    expect(of('kms-key-rotation-enabled', 'us-east-1')).toEqual([
      expect.objectContaining({ status: 'FAIL' }),
    ]);
  });

  it('judges every topic and records opt-in regions that are off without scanning them', async () => {
    const { stdout } = await onus('scan', '--format', 'json', '-q', '--fail-on', 'none');
    const report = JSON.parse(stdout);
    const failed = new Set(
      report.findings.filter((f: Finding) => f.status === 'FAIL').map((f: Finding) => f.checkId),
    );
    for (const checkId of [
      'iam-root-mfa-enabled',
      'iam-user-console-mfa',
      'iam-user-access-keys-rotated',
      'iam-password-policy-min-length',
      's3-account-public-access-block',
      's3-bucket-public-access-block',
      's3-bucket-deny-insecure-transport',
      'ec2-security-group-no-open-admin-ports',
      'ec2-ebs-encryption-by-default',
      'cloudtrail-log-file-validation-enabled',
      'guardduty-enabled',
      'secretsmanager-secret-rotation-enabled',
    ]) {
      expect(failed, checkId).toContain(checkId);
    }
    const passed = report.findings.filter((f: Finding) => f.status === 'PASS').map((f: Finding) => f.checkId);
    expect(passed).toContain('cloudtrail-multi-region-trail-logging');
    expect(report.collection.skippedRegions).toEqual(['af-south-1']);
    expect(report.regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('scans only the regions asked for, and reports a named region that is not enabled as region-disabled', async () => {
    const { stdout } = await onus(
      'scan',
      '--region',
      'eu-west-1,af-south-1',
      '--format',
      'json',
      '-q',
      '--fail-on',
      'none',
    );
    const report = JSON.parse(stdout);
    expect(report.regions).toEqual(['af-south-1', 'eu-west-1']);
    const guardduty = report.findings.filter((f: Finding) => f.checkId === 'guardduty-enabled');
    expect(
      guardduty.map((f: Finding & { reason: string }) => [f.resource.region, f.status, f.reason]),
    ).toEqual([
      ['af-south-1', 'NOT_EVALUATED', 'region-disabled'],
      ['eu-west-1', 'FAIL', null],
    ]);
  });
});
