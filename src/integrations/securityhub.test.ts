import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import type { ExportEntry, RunScope } from '../findings/store/types.js';
import { toAsff, type AsffFinding } from '../formats/asff.js';
import { ACCOUNT } from '../testing/builders.js';
import {
  MAX_BATCH_BYTES,
  MAX_FINDING_BYTES,
  exportToSecurityHub,
  fitFinding,
  formatPlan,
  planCalls,
  type ExportItem,
  type ExportOptions,
} from './securityhub.js';

const securityhub = mockClient(SecurityHubClient);
const client = new SecurityHubClient({ region: 'eu-west-1' });
const NOW = new Date('2026-06-01T12:00:00Z');
const CHECK = 's3-bucket-public-access-blocked';
const SCOPE: RunScope = { accounts: [ACCOUNT], regions: ['eu-west-1'], checkIds: [CHECK] };

function finding(index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    checkId: CHECK,
    status: 'FAIL',
    reason: null,
    message: `bucket-${index} allows public access`,
    evidence: {},
    resource: {
      kind: 's3.bucket',
      id: `bucket-${index}`,
      name: `bucket-${index}`,
      arn: `arn:aws:s3:::bucket-${index}`,
      account: ACCOUNT,
      region: 'eu-west-1',
    },
    gap: null,
    fingerprint: `fp-${String(index).padStart(4, '0')}`,
    title: 'S3 buckets block public access',
    severity: 'high',
    service: 's3',
    domain: 'data',
    risk: 'Public data.',
    remediation: { text: 'Block public access.', url: 'https://docs.aws.amazon.com/s3/' },
    compliance: [],
    ...overrides,
  };
}

function entry(fingerprint: string, overrides: Partial<ExportEntry> = {}): ExportEntry {
  return {
    destination: `securityhub:${ACCOUNT}:eu-west-1`,
    fingerprint,
    checkId: CHECK,
    account: ACCOUNT,
    region: 'eu-west-1',
    status: 'FAILED',
    exportedAt: '2026-05-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A clock that only moves when the code under test sleeps: no real time passes in these tests. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

function options(overrides: Partial<ExportOptions> = {}): ExportOptions {
  const time = fakeTime();
  return {
    client,
    findings: [],
    scope: SCOPE,
    previous: [],
    now: NOW,
    homeRegion: 'us-east-1',
    apply: true,
    clock: time.clock,
    sleep: time.sleep,
    ...overrides,
  };
}

function sentFindings(): AsffFinding[][] {
  return securityhub
    .commandCalls(BatchImportFindingsCommand)
    .map((call) => call.args[0].input.Findings ?? []);
}

function item(asff: AsffFinding, index: number): ExportItem {
  return {
    kind: 'new',
    fingerprint: `fp-${index}`,
    checkId: CHECK,
    account: ACCOUNT,
    region: 'eu-west-1',
    status: 'FAILED',
    asff,
  };
}

describe('exportToSecurityHub', () => {
  beforeEach(() => {
    securityhub.reset();
    securityhub
      .on(BatchImportFindingsCommand)
      .resolves({ FailedCount: 0, SuccessCount: 0, FailedFindings: [] });
  });

  it('sends 250 failing findings in 3 calls of at most 100 and records each', async () => {
    const findings = Array.from({ length: 250 }, (_, i) => finding(i));
    const report = await exportToSecurityHub(options({ findings }));
    expect(securityhub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 3);
    expect(sentFindings().map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(report).toMatchObject({ sent: 250, failed: [], counts: { new: 250, updated: 0, resolved: 0 } });
    expect(report.entries).toHaveLength(250);
    expect(report.entries[0]).toMatchObject({
      destination: `securityhub:${ACCOUNT}:eu-west-1`,
      status: 'FAILED',
    });
  });

  it('makes no call in a dry run (the default) and shows the plan instead', async () => {
    const findings = Array.from({ length: 120 }, (_, i) => finding(i));
    const report = await exportToSecurityHub({ ...options({ findings }), apply: undefined });
    expect(securityhub).not.toHaveReceivedAnyCommand();
    expect(report).toMatchObject({ applied: false, sent: 0, entries: [] });
    expect(report.calls.map((call) => call.items.length)).toEqual([100, 20]);
    const plan = formatPlan(report);
    expect(plan).toContain('dry run');
    expect(plan).toContain(
      `securityhub:BatchImportFindings account ${ACCOUNT} region eu-west-1: 100 finding(s)`,
    );
    expect(plan).toContain('120 new, 0 updated, 0 resolved');
  });

  it('sends each finding to its own account and Region, global resources to the home Region', async () => {
    const findings = [
      finding(1),
      finding(2, { resource: { ...finding(2).resource, region: 'us-west-2' } }),
      finding(3, { resource: { ...finding(3).resource, kind: 'iam.user', region: 'global' } }),
      finding(4, { resource: { ...finding(4).resource, account: '444455556666' } }),
    ];
    const report = await exportToSecurityHub(options({ findings }));
    expect(report.calls.map((call) => `${call.account}/${call.region}`).sort()).toEqual(
      [
        `444455556666/eu-west-1`,
        `${ACCOUNT}/eu-west-1`,
        `${ACCOUNT}/us-east-1`,
        `${ACCOUNT}/us-west-2`,
      ].sort(),
    );
    for (const batch of sentFindings()) {
      const regions = new Set(batch.map((f) => /securityhub:([^:]+):/.exec(f.ProductArn ?? '')?.[1]));
      expect(regions.size).toBe(1);
    }
  });

  it('splits calls so none is over 6 MB', () => {
    // 60 findings of ~200 KB: 100 would fit the count limit but not the byte limit.
    const big = Array.from({ length: 60 }, (_, i) => {
      const asff = toAsff(finding(i), { now: NOW.toISOString(), homeRegion: 'us-east-1' });
      return item({ ...asff, ProductFields: { ...asff.ProductFields, padding: 'p'.repeat(200_000) } }, i);
    });
    const { calls } = planCalls(big, 'us-east-1');
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      expect(
        Buffer.byteLength(JSON.stringify({ Findings: call.items.map((i) => i.asff) })),
      ).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    }
    expect(calls.reduce((sum, call) => sum + call.items.length, 0)).toBe(60);
  });

  it('shrinks a 300 KB finding below 240 KB and keeps its identity; reports one that cannot fit', () => {
    const asff = toAsff(finding(1), { now: NOW.toISOString(), homeRegion: 'us-east-1' });
    const huge = {
      ...asff,
      Description: 'd'.repeat(1024),
      ProductFields: {
        ...asff.ProductFields,
        ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'v'.repeat(2000)])),
      },
    };
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeGreaterThan(300_000);
    const fitted = fitFinding(huge);
    expect(fitted).not.toBeNull();
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThan(MAX_FINDING_BYTES);
    expect(fitted).toMatchObject({ Id: asff.Id, Compliance: { Status: 'FAILED' } });
    expect(fitted?.ProductFields).toMatchObject({ 'onus/fingerprint': 'fp-0001', 'onus/truncated': 'true' });

    const unshrinkable = { ...asff, GeneratorId: 'g'.repeat(300_000) };
    const { calls, unfit } = planCalls([item(unshrinkable, 9), item(asff, 1)], 'us-east-1');
    expect(unfit).toHaveLength(1);
    expect(calls[0]?.items).toHaveLength(1);
  });

  it('retries the findings Security Hub lists as failed, then reports those that keep failing', async () => {
    const findings = Array.from({ length: 5 }, (_, i) => finding(i));
    const flaky = 'onus/fp-0001';
    const broken = 'onus/fp-0003';
    securityhub
      .on(BatchImportFindingsCommand)
      .resolvesOnce({
        FailedCount: 2,
        SuccessCount: 3,
        FailedFindings: [
          { Id: flaky, ErrorCode: 'InternalFailure', ErrorMessage: 'try again' },
          { Id: broken, ErrorCode: 'InvalidInput', ErrorMessage: 'bad field' },
        ],
      })
      .resolvesOnce({
        FailedCount: 1,
        SuccessCount: 1,
        FailedFindings: [{ Id: broken, ErrorCode: 'InvalidInput', ErrorMessage: 'bad field' }],
      })
      .resolves({
        FailedCount: 1,
        SuccessCount: 0,
        FailedFindings: [{ Id: broken, ErrorCode: 'InvalidInput', ErrorMessage: 'bad field' }],
      });
    const time = fakeTime();
    const report = await exportToSecurityHub(
      options({ findings, clock: time.clock, sleep: time.sleep, maxAttempts: 3 }),
    );
    expect(securityhub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 3);
    expect(sentFindings().map((batch) => batch.map((f) => f.Id))).toEqual([
      findings.map((f) => `onus/${f.fingerprint}`),
      [flaky, broken],
      [broken],
    ]);
    expect(report.sent).toBe(4);
    expect(report.failed).toEqual([
      expect.objectContaining({ id: broken, reason: 'InvalidInput: bad field (after 3 attempts)' }),
    ]);
    expect(report.entries.map((e) => e.fingerprint)).not.toContain('fp-0003');
    // Backed off between attempts, growing.
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000]);
  });

  it('retries a throttled call and reports an access error without retrying it', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    securityhub
      .on(BatchImportFindingsCommand)
      .rejectsOnce(throttled)
      .resolves({ FailedCount: 0, FailedFindings: [] });
    const report = await exportToSecurityHub(options({ findings: [finding(1)] }));
    expect(securityhub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 2);
    expect(report).toMatchObject({ sent: 1, failed: [] });

    securityhub.reset();
    const denied = Object.assign(new Error('not authorized to perform securityhub:BatchImportFindings'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    securityhub.on(BatchImportFindingsCommand).rejects(denied);
    const refused = await exportToSecurityHub(options({ findings: [finding(1), finding(2)] }));
    expect(securityhub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 1);
    expect(refused.failed).toHaveLength(2);
    expect(refused.failed[0]?.reason).toContain('AccessDeniedException');
    expect(refused.entries).toEqual([]);
  });

  it('starts at most 10 calls a second (25 calls take at least 2.4 s of the fake clock)', async () => {
    const findings = Array.from({ length: 2500 }, (_, i) => finding(i));
    const time = fakeTime();
    const starts: number[] = [];
    securityhub.on(BatchImportFindingsCommand).callsFake(() => {
      starts.push(time.clock());
      return { FailedCount: 0, FailedFindings: [] };
    });
    await exportToSecurityHub(options({ findings, clock: time.clock, sleep: time.sleep }));
    expect(starts).toHaveLength(25);
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(2400);
    for (let i = 10; i < starts.length; i++) {
      // Any 11 consecutive starts span at least one second.
      expect((starts[i] ?? 0) - (starts[i - 10] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
  });

  it('resolves earlier FAILED exports that pass now or are gone, only within the evaluated scope', async () => {
    const passing = finding(1, { status: 'PASS' });
    const stillFailing = finding(2);
    const previous = [
      entry('fp-0001'), // passes now: resolved
      entry('fp-0002'), // still failing: updated
      entry('gone-in-scope'), // absent, its check, account and region were evaluated: resolved
      entry('other-region', { region: 'ap-south-1' }), // absent, region not evaluated: left alone
      entry('other-check', { checkId: 'iam-root-mfa' }), // absent, check not run: left alone
      entry('other-account', { account: '999988887777' }), // absent, account not scanned: left alone
      entry('already-passed', { status: 'PASSED' }), // resolved before: nothing to do
    ];
    const report = await exportToSecurityHub(options({ findings: [passing, stillFailing], previous }));
    expect(report.counts).toEqual({ new: 0, updated: 1, resolved: 2 });
    const sent = sentFindings().flat();
    expect(sent.map((f) => f.Id).sort()).toEqual(['onus/fp-0001', 'onus/fp-0002', 'onus/gone-in-scope']);
    for (const id of ['onus/fp-0001', 'onus/gone-in-scope']) {
      expect(sent.find((f) => f.Id === id)).toMatchObject({
        Compliance: { Status: 'PASSED' },
        Workflow: { Status: 'RESOLVED' },
      });
    }
    expect(report.resolved).toBe(2);
    expect(
      report.entries
        .filter((e) => e.status === 'PASSED')
        .map((e) => e.fingerprint)
        .sort(),
    ).toEqual(['fp-0001', 'gone-in-scope']);
  });

  it('resolves a gone finding with its last known details when the store has them', async () => {
    const last = finding(7);
    const report = await exportToSecurityHub(
      options({ previous: [entry(last.fingerprint)], known: new Map([[last.fingerprint, last]]) }),
    );
    expect(report.counts.resolved).toBe(1);
    expect(sentFindings()[0]?.[0]).toMatchObject({
      Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::bucket-7' }],
      Compliance: { Status: 'PASSED' },
    });
  });
});
