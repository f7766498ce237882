/**
 * Properties the IAM User Guide's "Policy evaluation logic" implies for every policy set, checked on generated
 * policies and requests: an explicit Deny always wins, Allows only ever add access, Denies only ever remove it, and
 * the answer depends neither on chance nor on the order statements and policies are written in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from './evaluate.js';
import { parsePolicy } from './parse.js';
import type {
  AccessRequest,
  NamedPolicy,
  PolicySet,
  PolicyStatement,
  RequestPrincipal,
  RequestResource,
} from './types.js';
import {
  ALICE,
  ANONYMOUS,
  APP_ROLE,
  APP_ROLE_ARN,
  APP_SESSION,
  BOB,
  FEDERATED,
  LAMBDA,
  OTHER,
  OWN,
  PARTNER_SESSION,
  ROOT,
} from '../../testing/iam-decisions.js';

const RUNS = { numRuns: 500 };

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'ec2:RunInstances',
  'iam:CreateUser',
  'kms:Decrypt',
  'sts:AssumeRole',
];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', 'ec2:*', 'iam:*', 'kms:*', '*'];
const RESOURCES: RequestResource[] = [
  { arn: 'arn:aws:s3:::reports/q3.csv', account: OWN },
  { arn: 'arn:aws:s3:::drop/file.csv', account: null },
  { arn: `arn:aws:kms:us-east-1:${OWN}:key/k-1`, account: OWN },
  { arn: `arn:aws:kms:us-east-1:${OTHER}:key/k-2`, account: OTHER },
  { arn: APP_ROLE_ARN, account: OWN },
  { arn: '*', account: OWN },
];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::reports/*',
  'arn:aws:s3:::*',
  `arn:aws:kms:*:${OWN}:key/*`,
  APP_ROLE_ARN,
];
const PRINCIPALS: RequestPrincipal[] = [
  ALICE,
  BOB,
  ROOT,
  APP_ROLE,
  APP_SESSION,
  PARTNER_SESSION,
  FEDERATED,
  LAMBDA,
  ANONYMOUS,
];
const PRINCIPAL_BLOCKS: unknown[] = [
  '*',
  { AWS: ALICE.arn },
  { AWS: OWN },
  { AWS: `arn:aws:iam::${OTHER}:root` },
  { AWS: APP_ROLE_ARN },
  { AWS: APP_SESSION.arn },
  { AWS: [BOB.arn, FEDERATED.arn] },
  { Service: 'lambda.amazonaws.com' },
];
const CONDITIONS: (Record<string, unknown> | undefined)[] = [
  undefined,
  { Bool: { 'aws:SecureTransport': 'false' } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
  { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:*` } },
];

const oneOrMany = <T>(values: readonly T[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }),
  );

/** A statement as JSON; `withPrincipal` for resource policies and RCPs. */
const statementJson = (withPrincipal: boolean) =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      not: fc.boolean(),
      actions: oneOrMany(ACTION_PATTERNS),
      notResource: fc.boolean(),
      resources: oneOrMany(RESOURCE_PATTERNS),
      principal: fc.constantFrom(...PRINCIPAL_BLOCKS),
      condition: fc.constantFrom(...CONDITIONS),
    })
    .map(({ effect, not, actions, notResource, resources, principal, condition }) => ({
      Effect: effect,
      [not ? 'NotAction' : 'Action']: actions,
      [notResource ? 'NotResource' : 'Resource']: resources,
      ...(withPrincipal ? { Principal: principal } : {}),
      ...(condition ? { Condition: condition } : {}),
    }));

let counter = 0;
function named(statements: unknown[]): NamedPolicy {
  const name = `generated-${++counter}`;
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: statements }, name);
  if (!parsed.ok) throw new Error(parsed.error);
  return { name, document: parsed.policy };
}

const policyOf = (withPrincipal: boolean) =>
  fc.array(statementJson(withPrincipal), { minLength: 1, maxLength: 4 }).map(named);

/** Generated policies rarely allow a given request; mixing in a policy that allows everything makes allows common. */
const ALLOW_ALL = named([{ Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' }]);
const ALLOW_ALL_PRINCIPALS = named([
  { Sid: 'AllowAllPrincipals', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
]);
const withPrincipalOrAll = fc.oneof(policyOf(true), fc.constant(ALLOW_ALL_PRINCIPALS));
const withoutPrincipalOrAll = fc.oneof(policyOf(false), fc.constant(ALLOW_ALL));

const policySet: fc.Arbitrary<PolicySet> = fc.record({
  identity: fc.array(withoutPrincipalOrAll, { maxLength: 3 }),
  resource: fc.option(withPrincipalOrAll, { nil: null }),
  boundary: fc.option(withoutPrincipalOrAll, { nil: null }),
  session: fc.array(withoutPrincipalOrAll, { maxLength: 2 }),
  scps: fc.array(fc.array(withoutPrincipalOrAll, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  rcps: fc.array(fc.array(withPrincipalOrAll, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  resourceKind: fc.constantFrom(undefined, 'other' as const, 'kms-key' as const, 'iam-role-trust' as const),
});

const request: fc.Arbitrary<AccessRequest> = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: fc.record(
    {
      'aws:securetransport': fc.constantFrom('true', 'false'),
      'aws:principalorgid': fc.constantFrom('o-1', 'o-2'),
      'aws:requestedregion': fc.constantFrom('eu-west-1', 'us-east-1'),
    },
    { requiredKeys: [] },
  ),
});

type Slot = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';
const SLOTS: Slot[] = ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'];

function withStatement(policy: NamedPolicy, statement: PolicyStatement): NamedPolicy {
  return {
    ...policy,
    document: { ...policy.document, statements: [...policy.document.statements, statement] },
  };
}

/**
 * Adds a statement to an existing policy of the slot (or, for identity policies and levels, as a new policy),
 * so the set gains a statement without gaining a new limiting policy such as a boundary or a session policy.
 */
function addStatement(set: PolicySet, slot: Slot, statement: PolicyStatement): PolicySet {
  const alone: NamedPolicy = {
    name: `added-${++counter}`,
    document: { version: '2012-10-17', id: null, statements: [statement] },
  };
  switch (slot) {
    case 'identity':
      return { ...set, identity: [...set.identity, alone] };
    case 'resource':
      return { ...set, resource: set.resource ? withStatement(set.resource, statement) : alone };
    case 'boundary':
      return set.boundary ? { ...set, boundary: withStatement(set.boundary, statement) } : set;
    case 'session':
      return set.session.length > 0
        ? { ...set, session: [withStatement(set.session[0]!, statement), ...set.session.slice(1)] }
        : set;
    case 'scp':
      return set.scps.length > 0 ? { ...set, scps: [[...set.scps[0]!, alone], ...set.scps.slice(1)] } : set;
    case 'rcp':
      return set.rcps.length > 0 ? { ...set, rcps: [[...set.rcps[0]!, alone], ...set.rcps.slice(1)] } : set;
  }
}

function parsedStatement(json: unknown): PolicyStatement {
  return named([json]).document.statements[0]!;
}

function withoutStatements(set: PolicySet, drop: (statement: PolicyStatement) => boolean): PolicySet {
  const strip = (policy: NamedPolicy): NamedPolicy => ({
    ...policy,
    document: {
      ...policy.document,
      statements: policy.document.statements.filter((statement) => !drop(statement)),
    },
  });
  return {
    ...set,
    identity: set.identity.map(strip),
    resource: set.resource && strip(set.resource),
    boundary: set.boundary && strip(set.boundary),
    session: set.session.map(strip),
    scps: set.scps.map((level) => level.map(strip)),
    rcps: set.rcps.map((level) => level.map(strip)),
  };
}

function reversed(set: PolicySet): PolicySet {
  const flip = (policy: NamedPolicy): NamedPolicy => ({
    ...policy,
    document: { ...policy.document, statements: [...policy.document.statements].reverse() },
  });
  return {
    ...set,
    identity: set.identity.map(flip).reverse(),
    resource: set.resource && flip(set.resource),
    boundary: set.boundary && flip(set.boundary),
    session: set.session.map(flip).reverse(),
    scps: set.scps.map((level) => level.map(flip).reverse()).reverse(),
    rcps: set.rcps.map((level) => level.map(flip).reverse()).reverse(),
  };
}

/**
 * Where a Deny can be added so that it applies: callers without identity (services, anonymous, web identities) are
 * governed only by the resource policy and RCPs; a new SCP or RCP level is not invented; a role's trust policy
 * governs only the sts:AssumeRole family. Null when nowhere applies (the request is then denied anyway).
 */
function applicableSlot(request: AccessRequest, set: PolicySet, slot: Slot): Slot | null {
  const withoutIdentity = ['service', 'anonymous', 'web-identity', 'saml'].includes(request.principal.type);
  const resourceApplies = set.resourceKind !== 'iam-role-trust' || request.action.startsWith('sts:');
  if (slot === 'rcp' && set.rcps.length > 0) return 'rcp';
  if (resourceApplies && (withoutIdentity || slot === 'resource' || slot === 'rcp')) return 'resource';
  if (withoutIdentity) return set.rcps.length > 0 ? 'rcp' : null;
  if (slot === 'scp' && set.scps.length > 0) return 'scp';
  return 'identity';
}

describe('properties of the decision (IAM User Guide, "Policy evaluation logic")', () => {
  it('adding an explicit Deny that matches the request always gives explicit-deny', () => {
    fc.assert(
      fc.property(
        request,
        policySet,
        fc.constantFrom<Slot>('identity', 'resource', 'scp', 'rcp'),
        (req, set, slot) => {
          const denyAll = parsedStatement({
            Effect: 'Deny',
            Principal: '*',
            Action: req.action,
            Resource: '*',
          });
          const target = applicableSlot(req, set, slot);
          fc.pre(target !== null);
          const authorization = authorize(req, addStatement(set, target, denyAll));
          expect(authorization.decision).toBe('explicit-deny');
          expect(authorization.deciding.some((statement) => statement.effect === 'Deny')).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('adding an Allow statement never turns an allow into a deny', () => {
    fc.assert(
      fc.property(
        request,
        policySet,
        fc.constantFrom(...SLOTS),
        statementJson(true),
        (req, set, slot, json) => {
          if (authorize(req, set).decision !== 'allow') return;
          const statement = parsedStatement({ ...json, Effect: 'Allow' });
          expect(authorize(req, addStatement(set, slot, statement)).decision).toBe('allow');
        },
      ),
      RUNS,
    );
  });

  it('adding an Allow statement never turns an implicit deny into an explicit deny', () => {
    fc.assert(
      fc.property(
        request,
        policySet,
        fc.constantFrom(...SLOTS),
        statementJson(true),
        (req, set, slot, json) => {
          const before = authorize(req, set).decision;
          const statement = parsedStatement({ ...json, Effect: 'Allow' });
          const after = authorize(req, addStatement(set, slot, statement)).decision;
          if (before !== 'explicit-deny') expect(after).not.toBe('explicit-deny');
        },
      ),
      RUNS,
    );
  });

  it('removing Deny statements never turns an allow into a deny', () => {
    fc.assert(
      fc.property(request, policySet, fc.double({ min: 0, max: 1, noNaN: true }), (req, set, share) => {
        if (authorize(req, set).decision !== 'allow') return;
        let index = 0;
        const dropped = withoutStatements(
          set,
          (statement) => statement.effect === 'Deny' && index++ % 2 < share * 2,
        );
        expect(authorize(req, dropped).decision).toBe('allow');
      }),
      RUNS,
    );
  });

  it('removing every Deny statement leaves no explicit deny', () => {
    fc.assert(
      fc.property(request, policySet, (req, set) => {
        const noDenies = withoutStatements(set, (statement) => statement.effect === 'Deny');
        expect(authorize(req, noDenies).decision).not.toBe('explicit-deny');
      }),
      RUNS,
    );
  });

  it('gives the same decision every time and whatever the order of statements, policies and levels', () => {
    fc.assert(
      fc.property(request, policySet, (req, set) => {
        const first = authorize(req, set);
        expect(authorize(req, set)).toEqual(first);
        expect(authorize(req, reversed(set)).decision).toBe(first.decision);
      }),
      RUNS,
    );
  });

  it('an explicit deny always names at least one Deny statement, an implicit deny none', () => {
    fc.assert(
      fc.property(request, policySet, (req, set) => {
        const authorization = authorize(req, set);
        if (authorization.decision === 'explicit-deny') {
          expect(authorization.deciding.length).toBeGreaterThan(0);
          expect(authorization.deciding.every((statement) => statement.effect === 'Deny')).toBe(true);
        }
        if (authorization.decision === 'implicit-deny') expect(authorization.deciding).toEqual([]);
        if (authorization.decision === 'allow') {
          expect(authorization.deciding.every((statement) => statement.effect === 'Allow')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
