import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import type { Finding } from '../core/finding.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { DEMO_SNAPSHOT } from '../cli/package-info.js';
import { readSnapshotFile } from '../sources/snapshot/read.js';
import { asffErrors } from '../testing/asff.js';
import { ACCOUNT } from '../testing/builders.js';
import { asffResourceType, formatAsff, productArn, toAsff, type AsffFinding } from './asff.js';

const NOW = '2026-06-01T12:00:00.000Z';
const HOME = 'us-east-1';

function findingOf(overrides: Partial<Finding> = {}): Finding {
  return {
    checkId: 's3-bucket-public-access-blocked',
    status: 'FAIL',
    reason: null,
    message: 'Bucket logs-archive allows public access.',
    evidence: { blockPublicAcls: false },
    resource: {
      kind: 's3.bucket',
      id: 'logs-archive',
      name: 'logs-archive',
      arn: 'arn:aws:s3:::logs-archive',
      account: ACCOUNT,
      region: 'eu-west-1',
    },
    gap: null,
    fingerprint: '0123456789abcdef0123456789abcdef',
    title: 'S3 buckets block public access',
    severity: 'high',
    service: 's3',
    domain: 'data',
    risk: 'Anyone on the internet could read the data.',
    remediation: {
      text: 'Turn on Block Public Access for the bucket.',
      url: 'https://docs.aws.amazon.com/s3/',
    },
    compliance: [],
    ...overrides,
  };
}

describe('the vendored model validator', () => {
  it('rejects what the model forbids, so a passing finding means something', () => {
    const good = toAsff(findingOf(), { now: NOW, homeRegion: HOME });
    expect(asffErrors(good)).toEqual([]);
    const bad = {
      ...good,
      Title: 'x'.repeat(257),
      Severity: { Label: 'SEVERE' },
      Extra: 1,
      Resources: [],
      AwsAccountId: '123',
      CreatedAt: 'yesterday',
    } as unknown as AsffFinding;
    delete (bad as { Description?: string }).Description;
    const errors = asffErrors(bad).join('\n');
    expect(errors).toMatch(/Title: 257 characters, at most 256/);
    expect(errors).toMatch(/Severity.Label: "SEVERE" is not one of/);
    expect(errors).toMatch(/AwsSecurityFinding has no member Extra/);
    expect(errors).toMatch(/Resources: 0 items, at least 1/);
    expect(errors).toMatch(/Description: required/);
    expect(errors).toMatch(/AwsAccountId: 3 characters, exactly 12/);
    expect(errors).toMatch(/CreatedAt: not an ASFF timestamp/);
  });
});

describe('ASFF', () => {
  let report: ScanReport;
  beforeAll(async () => {
    const loaded = await readSnapshotFile(DEMO_SNAPSHOT);
    if (!loaded.ok) throw new Error(loaded.error);
    report = scanInventory(loaded.inventory, CHECKS, {
      now: new Date(loaded.inventory.collection.finishedAt),
      generatedAt: new Date(NOW),
      tool: { name: 'onus', version: 'test' },
      target: { type: 'demo', name: 'demo' },
    });
  });

  it('gives every finding of the demo account a valid ASFF record with a stable, unique Id', () => {
    const findings = JSON.parse(formatAsff(report, { homeRegion: HOME })) as AsffFinding[];
    expect(findings.length).toBe(report.findings.length);
    expect(findings.length).toBeGreaterThan(100);
    const errors = findings.flatMap((finding) => asffErrors(finding).map((e) => `${finding.Id ?? ''}: ${e}`));
    expect(errors).toEqual([]);
    expect(new Set(findings.map((finding) => finding.Id)).size).toBe(findings.length);
    const again = JSON.parse(formatAsff(report, { homeRegion: HOME })) as AsffFinding[];
    expect(again.map((finding) => finding.Id)).toEqual(findings.map((finding) => finding.Id));
  });

  it('puts each finding under the default product of its own account and Region, global ones at home', () => {
    const findings = report.findings.map((finding) => toAsff(finding, { now: NOW, homeRegion: HOME }));
    for (const finding of findings) {
      expect(finding.ProductArn).toBe(productArn(finding.AwsAccountId ?? '', finding.Region ?? ''));
      expect(finding.Resources?.[0]?.Region).toBe(finding.Region);
    }
    const iam = report.findings.find((finding) => finding.resource.region === 'global');
    expect(iam && toAsff(iam, { now: NOW, homeRegion: HOME }).Region).toBe(HOME);
  });

  it('maps status, severity, resource type and compliance the way Security Hub reads them', () => {
    const failing = toAsff(
      findingOf({
        compliance: [
          { framework: 'fsbp', version: '1.0.0', requirement: 'S3.8' },
          { framework: 'cis-5.0', version: '5.0.0', requirement: '2.1.4' },
        ],
      }),
      { now: NOW, homeRegion: HOME },
    );
    expect(failing).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: 'onus/0123456789abcdef0123456789abcdef',
      ProductArn: `arn:aws:securityhub:eu-west-1:${ACCOUNT}:product/${ACCOUNT}/default`,
      GeneratorId: 'onus/s3-bucket-public-access-blocked',
      Severity: { Label: 'HIGH' },
      Resources: [
        { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::logs-archive', Partition: 'aws', Region: 'eu-west-1' },
      ],
      Compliance: {
        Status: 'FAILED',
        SecurityControlId: 'S3.8',
        RelatedRequirements: ['fsbp 1.0.0/S3.8', 'cis-5.0 5.0.0/2.1.4'],
      },
      Workflow: { Status: 'NEW' },
      RecordState: 'ACTIVE',
    });
    expect(failing.ProductFields?.['onus/fingerprint']).toBe('0123456789abcdef0123456789abcdef');
    expect(toAsff(findingOf({ status: 'PASS' }), { now: NOW, homeRegion: HOME })).toMatchObject({
      Compliance: { Status: 'PASSED' },
      Workflow: { Status: 'RESOLVED' },
    });
    expect(
      toAsff(findingOf({ status: 'NOT_EVALUATED' }), { now: NOW, homeRegion: HOME }).Compliance?.Status,
    ).toBe('NOT_AVAILABLE');
    expect(toAsff(findingOf({ status: 'MANUAL' }), { now: NOW, homeRegion: HOME }).Compliance?.Status).toBe(
      'WARNING',
    );
    expect(asffResourceType('iam.user')).toBe('AwsIamUser');
    expect(asffResourceType('logs.log-group')).toBe('Other');
  });

  it('stays valid for hostile input: huge, blank, control characters, emoji, many tags and requirements', () => {
    const hostile = findingOf({
      title: `${'T'.repeat(300)}😀`,
      message: '   ',
      risk: '\u0000\u0001',
      remediation: { text: 'r'.repeat(5000), url: 'javascript:alert(1)' },
      evidence: { blob: 'e'.repeat(100_000) },
      checkId: 'c'.repeat(600),
      fingerprint: 'f'.repeat(600),
      compliance: Array.from({ length: 80 }, (_, i) => ({
        framework: 'cis-5.0',
        version: '5.0.0',
        requirement: `${i}`,
      })),
      resource: {
        kind: 'x'.repeat(300),
        id: 'i'.repeat(5000),
        name: '',
        arn: null,
        account: ACCOUNT,
        region: 'global',
        tags: Object.fromEntries(
          Array.from({ length: 80 }, (_, i) => [`k${i}${'k'.repeat(200)}`, i % 2 ? '' : 'v'.repeat(400)]),
        ),
      },
    });
    const asff = toAsff(hostile, { now: NOW, homeRegion: HOME });
    expect(asffErrors(asff)).toEqual([]);
    // A blank message falls back to the title rather than sending an empty Description.
    expect(asff.Description?.startsWith('TTT')).toBe(true);
    expect(asff.Remediation?.Recommendation?.Url).toBeUndefined();
    expect(Array.from(asff.Title ?? '')).toHaveLength(256);
  });
});
