import type { Resource } from '../core/resource.js';
import { withGap } from './builders.js';
import type { CheckCase } from './check-tester.js';

/** Resource-policy fixtures shared by the *-policy-not-public check tests. */

type Statement = Record<string, unknown>;

/** A resource policy document holding `statements`. */
export function resourcePolicy(...statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** Statement `Everyone`: allows every principal `action` on `resource`, unconditionally unless overridden. */
export function grantToEveryone(action: string, resource: string, overrides: Statement = {}): Statement {
  return {
    Sid: 'Everyone',
    Effect: 'Allow',
    Principal: '*',
    Action: action,
    Resource: resource,
    ...overrides,
  };
}

/** How a test puts a policy on its resource, and the public grant it starts from. */
export interface PolicySubject {
  withPolicy: (policy: Record<string, unknown>) => Resource;
  grant: (overrides?: Statement) => Statement;
}

/**
 * The cases every *-policy-not-public test shares: a grant to one other account and a grant to everyone confined
 * by an organization Deny both pass; a policy that could not be read is not evaluated.
 */
export function policyCases({ withPolicy, grant }: PolicySubject): {
  sharedWithAnotherAccount: CheckCase;
  confinedToOrganization: CheckCase;
  notRead: (target: Resource, action: string) => CheckCase;
} {
  const outsideOrganization = grant({
    Sid: 'OrgOnly',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  });
  return {
    sharedWithAnotherAccount: {
      name: 'it is shared with one other account',
      resources: [
        withPolicy(resourcePolicy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }))),
      ],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    confinedToOrganization: {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [withPolicy(resourcePolicy(grant(), outsideOrganization))],
      message: /confined by Deny statement OrgOnly/,
    },
    notRead: (target, action) => ({
      name: 'the policy could not be read',
      resources: [withGap(target, 'policy', 'access-denied', action)],
      reason: 'access-denied',
    }),
  };
}
