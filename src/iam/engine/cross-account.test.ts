import { describe } from 'vitest';
import {
  ALICE,
  BOB,
  OTHER,
  OWN,
  PARTNER_ROLE_ARN,
  PARTNER_SESSION,
  allow,
  deny,
  itDecides,
  policy,
  type DecisionCase,
} from '../../testing/iam-decisions.js';

const GET = 's3:GetObject';
const OBJECTS = 'arn:aws:s3:::reports/*';
const grantTo = (principal: unknown, sid = 'Grant', extra: Record<string, unknown> = {}) =>
  policy(allow(GET, OBJECTS, { Sid: sid, Principal: principal, ...extra }));
const bobMayRead = allow('s3:GetObject', OBJECTS, { Sid: 'BobReads' });

// IAM User Guide, "Cross-account policy evaluation logic": a request from another account is allowed only when the
// identity-based policy in the caller's account AND the resource-based policy in the resource's account allow it.
describe('cross-account requests need both sides', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'an external user allowed by its own policy but not by the bucket (no bucket policy) is denied',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      expected: 'implicit-deny',
      reason: /cross-account/,
    },
    {
      name: 'an external user allowed by its own policy and named in the bucket policy may read',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo({ AWS: BOB.arn }, 'BucketGrantsBob'),
      expected: 'allow',
      decidedBy: ['BobReads', 'BucketGrantsBob'],
    },
    {
      name: 'an external user named in the bucket policy without an identity Allow is denied',
      principal: BOB,
      action: GET,
      resourcePolicy: grantTo({ AWS: BOB.arn }),
      expected: 'implicit-deny',
      reason: /no identity-based policy/,
    },
    {
      name: 'a bucket policy naming the external account root lets that account’s users in when they are allowed',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo({ AWS: `arn:aws:iam::${OTHER}:root` }),
      expected: 'allow',
    },
    {
      name: 'a bucket policy naming the external account by id works the same way',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo({ AWS: OTHER }),
      expected: 'allow',
    },
    {
      name: 'a bucket policy naming the external account does not help a user without an identity Allow',
      principal: BOB,
      action: GET,
      resourcePolicy: grantTo({ AWS: OTHER }),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming only the owning account does not let an external user in',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo({ AWS: `arn:aws:iam::${OWN}:root` }),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy for Principal "*" lets in an external user whose own policy allows',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo('*'),
      expected: 'allow',
    },
    {
      name: 'a bucket policy for Principal "*" does not let in an external user whose own policy is silent',
      principal: BOB,
      action: GET,
      resourcePolicy: grantTo('*'),
      expected: 'implicit-deny',
    },
    {
      name: 'an external user allowed only for another action is denied',
      principal: BOB,
      action: 's3:PutObject',
      identity: [bobMayRead],
      resourcePolicy: policy(allow('s3:*', OBJECTS, { Principal: { AWS: BOB.arn } })),
      expected: 'implicit-deny',
    },
  ]);
});

// IAM User Guide, "AWS global condition context keys" (aws:PrincipalOrgID, aws:PrincipalAccount): Principal "*"
// restricted by a condition on the caller's organization or account is not open to the world.
describe('Principal "*" restricted by the caller’s organization or account', () => {
  const orgOnly = grantTo('*', 'OrgReads', {
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
  });
  itDecides(<DecisionCase[]>[
    {
      name: 'a caller from the organization gets in',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-abc123' },
      identity: [bobMayRead],
      resourcePolicy: orgOnly,
      expected: 'allow',
      decidedBy: ['OrgReads'],
    },
    {
      name: 'a caller from another organization does not',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-zzz999' },
      identity: [bobMayRead],
      resourcePolicy: orgOnly,
      expected: 'implicit-deny',
    },
    {
      name: 'a caller outside any organization does not',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: orgOnly,
      expected: 'implicit-deny',
    },
    {
      name: 'a condition on aws:PrincipalAccount admits exactly that account (derived from the caller)',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo('*', 'Partner', {
        Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER } },
      }),
      expected: 'allow',
    },
    {
      name: 'a Deny for callers outside the organization refuses an outsider even when named',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-zzz999' },
      identity: [bobMayRead],
      resourcePolicy: policy(
        allow(GET, OBJECTS, { Principal: { AWS: BOB.arn } }),
        deny('s3:*', OBJECTS, {
          Sid: 'OrgOnly',
          Principal: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      ),
      expected: 'explicit-deny',
      decidedBy: ['OrgOnly'],
    },
    {
      name: 'a Deny for callers outside the organization leaves a member of it alone',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-abc123' },
      identity: [bobMayRead],
      resourcePolicy: policy(
        allow(GET, OBJECTS, { Principal: { AWS: BOB.arn } }),
        deny('s3:*', OBJECTS, {
          Principal: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      ),
      expected: 'allow',
    },
  ]);
});

// IAM User Guide, "Cross-account policy evaluation logic": explicit denies in either account win; role sessions
// from the other account may be named by role ARN or by session ARN.
describe('denies and role sessions across accounts', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'a Deny in the external user’s own policy wins over the bucket’s Allow',
      principal: BOB,
      action: GET,
      identity: [bobMayRead, deny('s3:*', '*', { Sid: 'BobNoS3' })],
      resourcePolicy: grantTo({ AWS: BOB.arn }),
      expected: 'explicit-deny',
      decidedBy: ['BobNoS3'],
    },
    {
      name: 'a Deny in the bucket policy for the external user wins over both Allows',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: policy(
        allow(GET, OBJECTS, { Principal: { AWS: OTHER } }),
        deny(GET, OBJECTS, { Sid: 'NotBob', Principal: { AWS: BOB.arn } }),
      ),
      expected: 'explicit-deny',
      decidedBy: ['NotBob'],
    },
    {
      name: 'a session of an external role named by its role ARN reads when its role policy allows',
      principal: PARTNER_SESSION,
      action: GET,
      identity: [allow('s3:GetObject')],
      resourcePolicy: grantTo({ AWS: PARTNER_ROLE_ARN }),
      expected: 'allow',
    },
    {
      name: 'a session of an external role named by its session ARN still needs its role policy',
      principal: PARTNER_SESSION,
      action: GET,
      resourcePolicy: grantTo({ AWS: PARTNER_SESSION.arn }),
      expected: 'implicit-deny',
    },
    {
      name: 'a session of an external role is limited by its session policy',
      principal: PARTNER_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      session: [policy(allow('sqs:*'))],
      resourcePolicy: grantTo({ AWS: PARTNER_ROLE_ARN }),
      expected: 'implicit-deny',
    },
    {
      name: 'a session of a different external role is not let in by another role’s grant',
      principal: PARTNER_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: grantTo({ AWS: `arn:aws:iam::${OTHER}:role/other` }),
      expected: 'implicit-deny',
    },
    {
      name: 'a same-account user next to the external one needs no bucket policy',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:GetObject')],
      expected: 'allow',
    },
    {
      name: 'a resource whose account is unknown (S3 ARNs carry none) is taken as the caller’s own',
      principal: BOB,
      action: GET,
      resource: { arn: 'arn:aws:s3:::partner-drop/file.csv', account: null },
      identity: [allow('s3:GetObject')],
      expected: 'allow',
    },
    {
      name: 'the caller’s SCPs apply to its cross-account request',
      principal: BOB,
      action: GET,
      identity: [bobMayRead],
      resourcePolicy: grantTo({ AWS: BOB.arn }),
      scps: [[policy(allow('ec2:*'))]],
      expected: 'implicit-deny',
      reason: /service control policy/,
    },
  ]);
});
