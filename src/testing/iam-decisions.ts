/**
 * Table-driven decision cases for the IAM policy engine: each case is a situation from the AWS documentation,
 * written with JSON policies as a customer would write them, and the decision AWS documents for it.
 */
import { expect, it } from 'vitest';
import { authorize } from '../iam/engine/evaluate.js';
import { parsePolicy } from '../iam/engine/parse.js';
import type {
  ContextValue,
  Decision,
  DecidingStatement,
  NamedPolicy,
  PolicySet,
  RequestPrincipal,
  RequestResource,
} from '../iam/engine/types.js';

export const OWN = '111122223333';
export const OTHER = '444455556666';

export const ALICE: RequestPrincipal = { type: 'user', arn: `arn:aws:iam::${OWN}:user/alice`, account: OWN };
export const CAROL: RequestPrincipal = { type: 'user', arn: `arn:aws:iam::${OWN}:user/carol`, account: OWN };
export const BOB: RequestPrincipal = { type: 'user', arn: `arn:aws:iam::${OTHER}:user/bob`, account: OTHER };
export const ROOT: RequestPrincipal = { type: 'root', arn: `arn:aws:iam::${OWN}:root`, account: OWN };
export const APP_ROLE_ARN = `arn:aws:iam::${OWN}:role/app`;
export const APP_ROLE: RequestPrincipal = { type: 'role', arn: APP_ROLE_ARN, account: OWN };
export const APP_SESSION: RequestPrincipal = {
  type: 'assumed-role',
  arn: `arn:aws:sts::${OWN}:assumed-role/app/build-42`,
  account: OWN,
  roleArn: APP_ROLE_ARN,
};
export const PARTNER_ROLE_ARN = `arn:aws:iam::${OTHER}:role/partner`;
export const PARTNER_SESSION: RequestPrincipal = {
  type: 'assumed-role',
  arn: `arn:aws:sts::${OTHER}:assumed-role/partner/sync`,
  account: OTHER,
  roleArn: PARTNER_ROLE_ARN,
};
export const FEDERATED: RequestPrincipal = {
  type: 'federated-user',
  arn: `arn:aws:sts::${OWN}:federated-user/dana`,
  account: OWN,
};
export const LAMBDA: RequestPrincipal = { type: 'service', arn: 'lambda.amazonaws.com', account: null };
export const ANONYMOUS: RequestPrincipal = { type: 'anonymous', arn: '*', account: null };

/** An object in a bucket of our account. */
export const REPORT: RequestResource = { arn: 'arn:aws:s3:::reports/2026/q3.csv', account: OWN };

export type Json = Record<string, unknown>;

export interface DecisionCase {
  /** The situation, as a user would describe it. */
  name: string;
  principal: RequestPrincipal;
  action: string;
  resource?: RequestResource;
  context?: Record<string, ContextValue>;
  /** Identity-based policy documents (or single statements, wrapped into a document). */
  identity?: Json[];
  resourcePolicy?: Json;
  boundary?: Json;
  session?: Json[];
  scps?: Json[][];
  rcps?: Json[][];
  resourceKind?: PolicySet['resourceKind'];
  expected: Decision;
  /** Sids that must be among the deciding statements. */
  decidedBy?: string[];
  /** A pattern the reason must match. */
  reason?: RegExp;
}

/** A policy document from statements. */
export function policy(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements };
}

function named(name: string, document: Json): NamedPolicy {
  const wrapped = 'Statement' in document ? document : policy(document);
  const parsed = parsePolicy(wrapped, name);
  if (!parsed.ok) throw new Error(`test policy ${name} does not parse: ${parsed.error}`);
  return { name, document: parsed.policy };
}

export function policySetOf(testCase: DecisionCase): PolicySet {
  return {
    identity: (testCase.identity ?? []).map((document, index) => named(`identity-${index + 1}`, document)),
    resource: testCase.resourcePolicy ? named('resource-policy', testCase.resourcePolicy) : null,
    boundary: testCase.boundary ? named('boundary', testCase.boundary) : null,
    session: (testCase.session ?? []).map((document, index) => named(`session-${index + 1}`, document)),
    scps: (testCase.scps ?? []).map((level, depth) =>
      level.map((document, index) => named(`scp-${depth + 1}.${index + 1}`, document)),
    ),
    rcps: (testCase.rcps ?? []).map((level, depth) =>
      level.map((document, index) => named(`rcp-${depth + 1}.${index + 1}`, document)),
    ),
    ...(testCase.resourceKind ? { resourceKind: testCase.resourceKind } : {}),
  };
}

export function decide(testCase: DecisionCase) {
  return authorize(
    {
      principal: testCase.principal,
      action: testCase.action,
      resource: testCase.resource ?? REPORT,
      context: testCase.context ?? {},
    },
    policySetOf(testCase),
  );
}

/** One `it` per case: the decision, the deciding sids and the reason. */
export function itDecides(cases: readonly DecisionCase[]): void {
  for (const testCase of cases) {
    it(`${testCase.name} -> ${testCase.expected}`, () => {
      const authorization = decide(testCase);
      expect(authorization.decision, authorization.reason).toBe(testCase.expected);
      const sids = authorization.deciding.map((statement: DecidingStatement) => statement.sid);
      for (const sid of testCase.decidedBy ?? []) expect(sids).toContain(sid);
      if (testCase.reason) expect(authorization.reason).toMatch(testCase.reason);
      expect(authorization.reason.length).toBeGreaterThan(0);
    });
  }
}

/** Statements used across the tables. */
export const allow = (
  action: string | string[],
  resource: string | string[] = '*',
  extra: Json = {},
): Json => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});
export const deny = (
  action: string | string[],
  resource: string | string[] = '*',
  extra: Json = {},
): Json => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});
export const FULL_ACCESS = policy({ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' });
export const RCP_FULL_ACCESS = policy({
  Sid: 'RCPFullAWSAccess',
  Effect: 'Allow',
  Principal: '*',
  Action: '*',
  Resource: '*',
});
