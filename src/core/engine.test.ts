import { describe, expect, it, vi } from 'vitest';
import { ACCOUNT, inventoryOf, NOW, REGION, resource, withGap } from '../testing/builders.js';
import { defineCheck } from './check.js';
import { runChecks } from './engine.js';
import { toFinding } from './finding.js';
import { fail, manual, pass } from './outcome.js';
import { summarize } from './summary.js';

/** Metadata every test check shares; the tests are about behaviour, not wording. */
const META = {
  title: 'test',
  description: 'test',
  risk: 'test',
  remediation: { text: 'fix', url: 'https://docs.aws.amazon.com/' },
};

const user = (name: string, mfaActive: boolean) =>
  resource('iam.user', name, {
    name,
    createdAt: NOW.toISOString(),
    passwordEnabled: true,
    passwordLastUsed: null,
    mfaActive,
    accessKeys: [],
    attachedManagedPolicies: [],
    inlinePolicies: [],
    groups: [],
    servicesLastAccessed: [],
  });

const detector = (region: string) =>
  resource(
    'guardduty.detector',
    `d-${region}`,
    {
      detectorId: `d-${region}`,
      status: 'ENABLED',
      features: {},
      highSeverityFindings: { findings: [], truncated: false },
    },
    { region },
  );

function mfaCheck(
  evaluate = vi.fn((u: { attributes: { mfaActive: boolean } }) =>
    u.attributes.mfaActive ? pass('ok') : fail('no mfa'),
  ),
) {
  const check = defineCheck({
    id: 'iam-test-mfa',
    ...META,
    severity: 'high',
    service: 'iam',
    domain: 'identity',
    kind: 'iam.user',
    scope: 'resource',
    reads: ['mfaActive'],
    evaluate: (u) => evaluate(u),
  });
  return { check, evaluate };
}

describe('engine', () => {
  it('records NOT_EVALUATED with the gap reason and never calls the check when a read field is a gap', () => {
    const { check, evaluate } = mfaCheck();
    const hidden = withGap(user('bob', false), 'mfaActive', 'access-denied', 'iam:GetCredentialReport');
    const results = runChecks(inventoryOf([hidden, user('alice', true)]), [check], { now: NOW });
    expect(results.map((r) => [r.resource.id, r.status, r.reason])).toEqual([
      ['alice', 'PASS', null],
      ['bob', 'NOT_EVALUATED', 'access-denied'],
    ]);
    expect(results[1]?.gap?.action).toBe('iam:GetCredentialReport');
    expect(evaluate).toHaveBeenCalledTimes(1);
  });

  it('evaluates a resource whose gaps are on fields the check does not read', () => {
    const { check } = mfaCheck();
    const partlyHidden = withGap(user('carol', true), 'accessKeys', 'throttled');
    const [result] = runChecks(inventoryOf([partlyHidden]), [check], { now: NOW });
    expect(result?.status).toBe('PASS');
  });

  it('decides whether a check applies before looking at gaps on the fields it only needs to evaluate', () => {
    const check = defineCheck({
      id: 'iam-test-console',
      ...META,
      severity: 'high',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      reads: ['passwordEnabled', 'mfaActive'],
      appliesTo: (u) => u.attributes.passwordEnabled,
      evaluate: (u) => (u.attributes.mfaActive ? pass('ok') : fail('no mfa')),
    });
    const service = {
      ...user('robot', false),
      attributes: { ...user('robot', false).attributes, passwordEnabled: false },
    };
    const results = runChecks(
      inventoryOf([
        withGap(service, 'mfaActive'),
        withGap(user('human', false), 'mfaActive', 'throttled'),
        withGap(user('unknown', true), 'passwordEnabled', 'access-denied'),
      ]),
      [check],
      { now: NOW },
    );
    expect(results.map((r) => `${r.resource.id}:${r.status}:${r.reason ?? ''}`)).toEqual([
      'human:NOT_EVALUATED:throttled',
      'unknown:NOT_EVALUATED:access-denied',
    ]);
  });

  it('turns a throwing check into NOT_EVALUATED(check-error) for that resource and goes on', () => {
    const { check } = mfaCheck(
      vi.fn((u: { attributes: { mfaActive: boolean } }) => {
        if (!u.attributes.mfaActive) throw new TypeError('boom');
        return pass('ok');
      }),
    );
    const results = runChecks(
      inventoryOf([user('alice', true), user('bob', false), user('carol', true)]),
      [check],
      {
        now: NOW,
      },
    );
    expect(results.map((r) => `${r.resource.id}:${r.status}:${r.reason ?? ''}`)).toEqual([
      'alice:PASS:',
      'bob:NOT_EVALUATED:check-error',
      'carol:PASS:',
    ]);
    expect(results[1]?.message).toContain('boom');
  });

  it('gives the same output whatever order resources and checks come in', () => {
    const { check } = mfaCheck();
    const other = defineCheck({
      id: 'guardduty-test',
      ...META,
      severity: 'low',
      service: 'guardduty',
      domain: 'detection',
      kind: 'guardduty.detector',
      scope: 'region',
      reads: ['status'],
      evaluate: (scope) => (scope.resources.length > 0 ? pass('on') : fail('off')),
    });
    const items = [user('zed', true), user('amy', false), detector('us-east-1'), detector('eu-west-1')];
    const forward = runChecks(inventoryOf(items), [check, other], { now: NOW });
    const backward = runChecks(inventoryOf([...items].reverse()), [other, check], { now: NOW });
    expect(backward).toEqual(forward);
    expect(forward.map((r) => `${r.checkId} ${r.resource.id}`)).toEqual([
      'guardduty-test eu-west-1',
      'guardduty-test us-east-1',
      'iam-test-mfa amy',
      'iam-test-mfa zed',
    ]);
  });

  it('never passes a kind that could not be listed: one NOT_EVALUATED for the region instead', () => {
    const { check, evaluate } = mfaCheck();
    const inventory = inventoryOf([], {
      scopeGaps: [
        { region: 'global', kind: 'iam.user', field: '*', reason: 'access-denied', action: 'iam:ListUsers' },
      ],
    });
    const results = runChecks(inventory, [check], { now: NOW });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      status: 'NOT_EVALUATED',
      reason: 'access-denied',
      resource: { id: '*' },
    });
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('reports a kind the inventory never collected as NOT_EVALUATED(not-collected), not as compliant', () => {
    const { check } = mfaCheck();
    const results = runChecks(inventoryOf([], { kinds: ['s3.bucket'] }), [check], { now: NOW });
    expect(results).toMatchObject([{ status: 'NOT_EVALUATED', reason: 'not-collected' }]);
  });

  it('gives a region-scoped check one result per region, and NOT_EVALUATED where the region is disabled', () => {
    const check = defineCheck({
      id: 'guardduty-test',
      ...META,
      severity: 'high',
      service: 'guardduty',
      domain: 'detection',
      kind: 'guardduty.detector',
      scope: 'region',
      reads: ['status'],
      evaluate: (scope) => (scope.resources.length > 0 ? pass('on') : fail('off')),
    });
    const inventory = inventoryOf([detector('us-east-1')], {
      regions: [REGION],
      scopeGaps: [{ region: 'me-central-1', kind: '*', field: '*', reason: 'region-disabled' }],
    });
    const results = runChecks(inventory, [check], { now: NOW });
    expect(results.map((r) => `${r.resource.region}:${r.status}`)).toEqual([
      'eu-west-1:FAIL',
      'me-central-1:NOT_EVALUATED',
      'us-east-1:PASS',
    ]);
  });

  it('passes threshold overrides to the check', () => {
    const check = defineCheck({
      id: 'iam-test-threshold',
      ...META,
      severity: 'low',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      reads: ['name'],
      thresholds: { limit: { default: 5, description: 'a limit' } },
      evaluate: (u, ctx) => (u.attributes.name.length <= ctx.thresholds.limit ? pass('short') : fail('long')),
    });
    const inventory = inventoryOf([user('margaret', true)]);
    expect(runChecks(inventory, [check], { now: NOW })[0]?.status).toBe('FAIL');
    expect(
      runChecks(inventory, [check], { now: NOW, thresholds: { 'iam-test-threshold': { limit: 10 } } })[0]
        ?.status,
    ).toBe('PASS');
  });

  it('looks across every account with account "*", so an organization-wide control counts for members', () => {
    const check = defineCheck({
      ...META,
      id: 'cloudtrail-test-org',
      severity: 'high',
      service: 'cloudtrail',
      domain: 'logging',
      kind: 'iam.root-user',
      scope: 'resource',
      reads: ['arn'],
      related: { 'cloudtrail.trail': ['isOrganizationTrail'] },
      evaluate: (_root, ctx) =>
        ctx
          .related('cloudtrail.trail', { account: '*' })
          .some((trail) => ctx.read(trail, 'isOrganizationTrail'))
          ? pass('covered by an organization trail')
          : fail('no organization trail'),
    });
    const root = (account: string) =>
      resource(
        'iam.root-user',
        'root',
        {
          arn: `arn:aws:iam::${account}:root`,
          mfaActive: true,
          hardwareMfa: null,
          accessKeys: [],
          passwordLastUsed: null,
        },
        { account },
      );
    const orgTrail = resource(
      'cloudtrail.trail',
      'org',
      {
        name: 'org',
        homeRegion: REGION,
        isMultiRegionTrail: true,
        isOrganizationTrail: true,
        isLogging: true,
        logFileValidationEnabled: true,
        s3BucketName: null,
        kmsKeyId: null,
        managementEvents: { read: true, write: true },
        cloudWatchLogsLogGroupArn: null,
        latestCloudWatchLogsDeliveryAt: null,
        s3DataEvents: { read: false, write: false },
      },
      { account: ACCOUNT },
    );
    const results = runChecks(inventoryOf([root(ACCOUNT), root('999988887777'), orgTrail]), [check], {
      now: NOW,
    });
    expect(results.map((r) => `${r.resource.account}:${r.status}`)).toEqual([
      `${ACCOUNT}:PASS`,
      '999988887777:PASS',
    ]);
  });

  it('turns a lookup of an undeclared related kind into a check error, not a silent empty list', () => {
    const check = defineCheck({
      id: 'iam-test-related',
      ...META,
      severity: 'low',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      reads: ['name'],
      evaluate: (u, ctx) =>
        ctx.related('s3.bucket', { account: u.account }).length > 0 ? pass('x') : fail('y'),
    });
    const [result] = runChecks(inventoryOf([user('amy', true)]), [check], { now: NOW });
    expect(result).toMatchObject({ status: 'NOT_EVALUATED', reason: 'check-error' });
  });

  it('supports MANUAL results, which stay outside coverage', () => {
    const check = defineCheck({
      id: 'iam-test-manual',
      ...META,
      severity: 'low',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.root-user',
      scope: 'account',
      reads: ['arn'],
      evaluate: () => manual('Confirm the security contact in the Account console'),
    });
    const { check: mfa } = mfaCheck();
    const inventory = inventoryOf([
      user('amy', true),
      user('bob', false),
      withGap(user('cat', false), 'mfaActive'),
    ]);
    const results = runChecks(inventory, [check, mfa], { now: NOW });
    const findings = results.map((r) => toFinding(r, r.checkId === check.id ? check : mfa));
    const summary = summarize(findings);
    expect(summary.totals).toMatchObject({ MANUAL: 1, PASS: 1, FAIL: 1, NOT_EVALUATED: 1 });
    expect(summary.coverage).toEqual({ evaluated: 2, total: 3, ratio: 2 / 3 });
    expect(summary.passRate).toBe(0.5);
    expect(results.find((r) => r.checkId === check.id)?.resource).toMatchObject({
      kind: 'aws.account',
      id: ACCOUNT,
    });
  });
});

describe('fingerprint', () => {
  it('is stable across rescans and differs per check, account, region and resource', async () => {
    const { fingerprintOf } = await import('./finding.js');
    const base = fingerprintOf('s3-x', ACCOUNT, 'us-east-1', 'bucket');
    expect(fingerprintOf('s3-x', ACCOUNT, 'us-east-1', 'bucket')).toBe(base);
    expect(
      new Set([
        base,
        fingerprintOf('s3-y', ACCOUNT, 'us-east-1', 'bucket'),
        fingerprintOf('s3-x', '999988887777', 'us-east-1', 'bucket'),
        fingerprintOf('s3-x', ACCOUNT, 'eu-west-1', 'bucket'),
        fingerprintOf('s3-x', ACCOUNT, 'us-east-1', 'bucket2'),
      ]).size,
    ).toBe(5);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
  });
});
