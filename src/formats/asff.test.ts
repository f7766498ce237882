import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import type { Finding } from '../core/finding.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { DEMO_SNAPSHOT } from '../cli/package-info.js';
import { readSnapshotFile } from '../sources/snapshot/read.js';
import { ACCOUNT } from '../testing/builders.js';
import { asffResourceType, formatAsff, productArn, toAsff, type AsffFinding } from './asff.js';

/**
 * Validates ASFF against the Security Hub API model (test/fixtures/asff/shapes.json, from botocore): required
 * members, types, enums, min/max and patterns, the length and count limits the model's documentation states,
 * and no member the model does not have.
 */
interface ShapeRef {
  shape: string;
  documentation?: string;
  timestamp?: boolean;
}
interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'double' | 'boolean' | 'long';
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
}
const MODEL = JSON.parse(
  readFileSync(new URL('../../test/fixtures/asff/shapes.json', import.meta.url), 'utf8'),
) as { shapes: Record<string, Shape> };

/** Limits stated in a member's documentation, as the API model writes them. */
function documentedLimits(doc = ''): {
  maxLength?: number;
  minLength?: number;
  exactLength?: number;
  maxItems?: number;
  minItems?: number;
  maxPairs?: number;
  maxKey?: number;
  maxValue?: number;
} {
  const limits: ReturnType<typeof documentedLimits> = {};
  const num = (re: RegExp) => {
    const m = re.exec(doc);
    return m?.[1] ? Number(m[1]) : undefined;
  };
  const maxLength = num(/Maximum (?:length )?of (\d+)(?: length)?\./) ?? num(/Maximum of (\d+) length/);
  const minLength = num(/Minimum (?:length )?of (\d+)(?: length)?\./) ?? num(/Minimum of (\d+) length/);
  const exact = num(/Length Constraints: (\d+)\./);
  const maxItems = num(/Maximum number of (\d+) items?/);
  const minItems = num(/Minimum number of (\d+) items?/);
  const pairs =
    /up to (\d+) key-value pairs.*key can contain up to (\d+) characters.*value can contain up to (\d+)/.exec(
      doc,
    );
  if (doc.includes('Length Constraints')) {
    if (maxLength !== undefined) limits.maxLength = maxLength;
    if (minLength !== undefined) limits.minLength = minLength;
    if (exact !== undefined) limits.exactLength = exact;
  }
  if (doc.includes('Array Members')) {
    if (maxItems !== undefined) limits.maxItems = maxItems;
    if (minItems !== undefined) limits.minItems = minItems;
  }
  if (pairs) {
    limits.maxPairs = Number(pairs[1]);
    limits.maxKey = Number(pairs[2]);
    limits.maxValue = Number(pairs[3]);
  }
  return limits;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function validate(value: unknown, ref: ShapeRef, path: string, errors: string[]): void {
  const shape = MODEL.shapes[ref.shape];
  if (!shape) {
    errors.push(`${path}: shape ${ref.shape} is not in the vendored model`);
    return;
  }
  const limits = documentedLimits(ref.documentation);
  const length = (text: string) => Array.from(text).length;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected an object (${ref.shape})`);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined) errors.push(`${path}.${name}: required by ${ref.shape}`);
      }
      for (const [name, member] of Object.entries(record)) {
        if (member === undefined) continue;
        const memberRef = shape.members?.[name];
        if (!memberRef) errors.push(`${path}.${name}: ${ref.shape} has no member ${name}`);
        else validate(member, memberRef, `${path}.${name}`, errors);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        errors.push(`${path}: expected a list (${ref.shape})`);
        return;
      }
      if (limits.maxItems !== undefined && value.length > limits.maxItems)
        errors.push(`${path}: ${value.length} items, at most ${limits.maxItems}`);
      if (limits.minItems !== undefined && value.length < limits.minItems)
        errors.push(`${path}: ${value.length} items, at least ${limits.minItems}`);
      if (shape.max !== undefined && value.length > shape.max)
        errors.push(`${path}: over ${shape.max} items`);
      if (shape.min !== undefined && value.length < shape.min)
        errors.push(`${path}: under ${shape.min} items`);
      value.forEach((item, index) => {
        validate(item, shape.member as ShapeRef, `${path}[${index}]`, errors);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected a map (${ref.shape})`);
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      if (limits.maxPairs !== undefined && entries.length > limits.maxPairs)
        errors.push(`${path}: ${entries.length} pairs, at most ${limits.maxPairs}`);
      for (const [key, item] of entries) {
        validate(key, shape.key as ShapeRef, `${path} key ${JSON.stringify(key.slice(0, 40))}`, errors);
        validate(item, shape.value as ShapeRef, `${path}.${key}`, errors);
        if (limits.maxKey !== undefined && length(key) > limits.maxKey)
          errors.push(`${path}: key of ${length(key)} characters, at most ${limits.maxKey}`);
        if (limits.maxValue !== undefined && typeof item === 'string' && length(item) > limits.maxValue)
          errors.push(`${path}.${key}: ${length(item)} characters, at most ${limits.maxValue}`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        errors.push(`${path}: expected a string (${ref.shape})`);
        return;
      }
      if (shape.enum && !shape.enum.includes(value))
        errors.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
      if (shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, 's').test(value))
        errors.push(`${path}: does not match ${shape.pattern}`);
      if (shape.max !== undefined && length(value) > shape.max)
        errors.push(`${path}: over ${shape.max} chars`);
      if (shape.min !== undefined && length(value) < shape.min)
        errors.push(`${path}: under ${shape.min} chars`);
      if (limits.maxLength !== undefined && length(value) > limits.maxLength)
        errors.push(`${path}: ${length(value)} characters, at most ${limits.maxLength}`);
      if (limits.minLength !== undefined && length(value) < limits.minLength)
        errors.push(`${path}: ${length(value)} characters, at least ${limits.minLength}`);
      if (limits.exactLength !== undefined && length(value) !== limits.exactLength)
        errors.push(`${path}: ${length(value)} characters, exactly ${limits.exactLength}`);
      if (ref.timestamp && !TIMESTAMP.test(value)) errors.push(`${path}: not an ASFF timestamp`);
      return;
    }
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) errors.push(`${path}: expected an integer`);
      else if (
        (shape.max !== undefined && (value as number) > shape.max) ||
        (shape.min !== undefined && (value as number) < shape.min)
      )
        errors.push(`${path}: out of range`);
      return;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path}: expected a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`);
      return;
  }
}

function asffErrors(finding: unknown): string[] {
  const errors: string[] = [];
  validate(finding, { shape: 'AwsSecurityFinding' }, 'finding', errors);
  return errors;
}

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
