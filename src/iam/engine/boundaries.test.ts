import { describe } from 'vitest';
import {
  ALICE,
  APP_ROLE,
  APP_ROLE_ARN,
  APP_SESSION,
  BOB,
  FEDERATED,
  OWN,
  allow,
  deny,
  itDecides,
  policy,
  type DecisionCase,
} from '../../testing/iam-decisions.js';

const GET = 's3:GetObject';
const OBJECTS = 'arn:aws:s3:::reports/*';
const onlyEc2 = policy(allow('ec2:*', '*', { Sid: 'BoundaryEc2' }));
const onlyS3 = policy(allow('s3:*', '*', { Sid: 'BoundaryS3' }));
const grantTo = (arn: string, sid = 'Grant') =>
  policy(allow(GET, OBJECTS, { Sid: sid, Principal: { AWS: arn } }));

// IAM User Guide, "Permissions boundaries for IAM entities": the effective permissions are the intersection of the
// identity-based policies and the boundary; a boundary grants nothing by itself.
describe('permissions boundaries limit identity-based policies', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'identity policy and boundary both allow the action',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*', '*', { Sid: 'Identity' })],
      boundary: onlyS3,
      expected: 'allow',
      decidedBy: ['Identity', 'BoundaryS3'],
    },
    {
      name: 'an administrator policy is cut down to the boundary: S3 outside it is denied',
      principal: ALICE,
      action: GET,
      identity: [allow('*')],
      boundary: onlyEc2,
      expected: 'implicit-deny',
      reason: /permissions boundary boundary does not/,
    },
    {
      name: 'an administrator policy is cut down to the boundary: EC2 inside it is allowed',
      principal: ALICE,
      action: 'ec2:RunInstances',
      identity: [allow('*')],
      boundary: onlyEc2,
      expected: 'allow',
    },
    {
      name: 'a boundary that allows the action grants nothing without an identity policy',
      principal: ALICE,
      action: GET,
      boundary: onlyS3,
      expected: 'implicit-deny',
    },
    {
      name: 'an explicit Deny in the boundary wins over the identity Allow',
      principal: ALICE,
      action: 's3:DeleteBucket',
      identity: [allow('s3:*')],
      boundary: policy(allow('s3:*'), deny('s3:DeleteBucket', '*', { Sid: 'NoDeleteBucket' })),
      expected: 'explicit-deny',
      decidedBy: ['NoDeleteBucket'],
    },
    {
      name: 'a boundary with a region condition allows inside the region',
      principal: ALICE,
      action: 'ec2:RunInstances',
      context: { 'aws:requestedregion': 'eu-west-1' },
      identity: [allow('ec2:*')],
      boundary: policy(
        allow('ec2:*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
      ),
      expected: 'allow',
    },
    {
      name: 'a boundary with a region condition denies outside the region',
      principal: ALICE,
      action: 'ec2:RunInstances',
      context: { 'aws:requestedregion': 'us-east-1' },
      identity: [allow('ec2:*')],
      boundary: policy(
        allow('ec2:*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
      ),
      expected: 'implicit-deny',
    },
    {
      name: 'a boundary written with NotAction iam:* keeps IAM out of an administrator',
      principal: ALICE,
      action: 'iam:CreateUser',
      identity: [allow('*')],
      boundary: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      expected: 'implicit-deny',
    },
    {
      name: 'a role’s boundary limits its sessions just as a user’s does',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('*')],
      boundary: onlyEc2,
      expected: 'implicit-deny',
    },
  ]);
});

// IAM User Guide, "Policy evaluation logic" (resource-based policies and permissions boundaries) and "Permissions
// boundaries for IAM entities": within an account, an implicit deny in a boundary does not limit what a resource
// policy grants to an IAM user's ARN or to a role session's ARN; it does limit what it grants to a role's ARN.
describe('resource-based policies and permissions boundaries within one account', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'a bucket policy naming the user grants it although its boundary does not allow S3',
      principal: ALICE,
      action: GET,
      boundary: onlyEc2,
      resourcePolicy: grantTo(ALICE.arn, 'AliceReads'),
      expected: 'allow',
      decidedBy: ['AliceReads'],
    },
    {
      name: 'a bucket policy naming the account does not get past the user’s boundary',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      boundary: onlyEc2,
      resourcePolicy: grantTo(`arn:aws:iam::${OWN}:root`),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming the role session ARN grants it although the boundary does not allow S3',
      principal: APP_SESSION,
      action: GET,
      boundary: onlyEc2,
      resourcePolicy: grantTo(APP_SESSION.arn, 'SessionReads'),
      expected: 'allow',
      decidedBy: ['SessionReads'],
    },
    {
      name: 'a bucket policy naming the role ARN is limited by the role’s boundary',
      principal: APP_SESSION,
      action: GET,
      boundary: onlyEc2,
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming the role ARN grants the session when the boundary allows, without identity policy',
      principal: APP_SESSION,
      action: GET,
      boundary: onlyS3,
      resourcePolicy: grantTo(APP_ROLE_ARN, 'RoleReads'),
      expected: 'allow',
      decidedBy: ['RoleReads'],
    },
    {
      name: 'a bucket policy naming the role ARN grants a session of a role without boundary',
      principal: APP_SESSION,
      action: GET,
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'allow',
    },
    {
      name: 'a role itself (as modelled, not a session) named by a bucket policy is limited by its boundary',
      principal: APP_ROLE,
      action: GET,
      boundary: onlyEc2,
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'implicit-deny',
    },
    {
      name: 'a role itself named by a bucket policy is allowed when it has no boundary',
      principal: APP_ROLE,
      action: GET,
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'allow',
    },
    {
      name: 'an explicit Deny in the boundary overrides a bucket policy naming the user',
      principal: ALICE,
      action: GET,
      boundary: policy(allow('*'), deny('s3:*', '*', { Sid: 'NeverS3' })),
      resourcePolicy: grantTo(ALICE.arn),
      expected: 'explicit-deny',
      decidedBy: ['NeverS3'],
    },
    {
      name: 'a bucket policy naming Principal "*" grants a bounded session (treated as naming the caller)',
      principal: APP_SESSION,
      action: GET,
      boundary: onlyEc2,
      resourcePolicy: policy(allow(GET, OBJECTS, { Principal: '*' })),
      expected: 'allow',
    },
  ]);
});

// IAM User Guide, "Session policies" and "Policy evaluation logic": a session's permissions are the intersection of
// the role's identity-based policies and its session policies; a resource policy naming the session ARN is not
// limited by the session policy, one naming the role ARN is.
describe('session policies', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'identity policy and session policy both allow',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('s3:*', '*', { Sid: 'RoleS3' })],
      session: [policy(allow(GET, '*', { Sid: 'SessionRead' }))],
      expected: 'allow',
      decidedBy: ['RoleS3', 'SessionRead'],
    },
    {
      name: 'the session policy does not allow what the role may do',
      principal: APP_SESSION,
      action: 's3:PutObject',
      identity: [allow('s3:*')],
      session: [policy(allow(GET))],
      expected: 'implicit-deny',
      reason: /session policy/,
    },
    {
      name: 'a session policy grants nothing the role’s policies do not',
      principal: APP_SESSION,
      action: GET,
      session: [policy(allow('*'))],
      expected: 'implicit-deny',
    },
    {
      name: 'an explicit Deny in a session policy wins',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      session: [policy(allow('*'), deny(GET, '*', { Sid: 'SessionNoRead' }))],
      expected: 'explicit-deny',
      decidedBy: ['SessionNoRead'],
    },
    {
      name: 'one of several session policies (inline and managed) allowing is enough',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      session: [policy(allow('ec2:*')), policy(allow('s3:Get*'))],
      expected: 'allow',
    },
    {
      name: 'identity ∩ boundary ∩ session: all three allow',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('*')],
      boundary: onlyS3,
      session: [policy(allow('s3:GetObject'))],
      expected: 'allow',
    },
    {
      name: 'identity ∩ boundary ∩ session: the boundary leaves S3 out',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('*')],
      boundary: onlyEc2,
      session: [policy(allow('s3:GetObject'))],
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming the session ARN is not limited by the session policy',
      principal: APP_SESSION,
      action: GET,
      session: [policy(allow('ec2:*'))],
      resourcePolicy: grantTo(APP_SESSION.arn),
      expected: 'allow',
    },
    {
      name: 'a bucket policy naming the role ARN is limited by the session policy',
      principal: APP_SESSION,
      action: GET,
      session: [policy(allow('ec2:*'))],
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming the role ARN grants the session when its session policy allows',
      principal: APP_SESSION,
      action: GET,
      session: [policy(allow('s3:*'))],
      resourcePolicy: grantTo(APP_ROLE_ARN),
      expected: 'allow',
    },
    {
      name: 'a bucket policy naming the federated user session ARN is not limited by its session policy',
      principal: FEDERATED,
      action: GET,
      session: [policy(allow('ec2:*'))],
      resourcePolicy: grantTo(FEDERATED.arn),
      expected: 'allow',
    },
    {
      name: 'a federated user session is limited to its session policy for identity grants',
      principal: FEDERATED,
      action: GET,
      identity: [allow('*')],
      session: [policy(allow('ec2:*'))],
      expected: 'implicit-deny',
    },
  ]);
});

// IAM User Guide, "Permissions boundaries for IAM entities" (Important box): a resource-policy Deny with
// NotPrincipal always denies a principal that has a permissions boundary, whatever NotPrincipal lists.
// ("AWS JSON policy elements: NotPrincipal": to except a user, list both the user and its account.)
describe('NotPrincipal with Deny and permissions boundaries', () => {
  const exceptAlice = policy(allow(GET, OBJECTS, { Principal: { AWS: ALICE.arn } }), {
    Sid: 'OnlyAlice',
    Effect: 'Deny',
    NotPrincipal: { AWS: [ALICE.arn, `arn:aws:iam::${OWN}:root`] },
    Action: 's3:*',
    Resource: OBJECTS,
  });
  itDecides(<DecisionCase[]>[
    {
      name: 'the excepted user without a boundary is allowed',
      principal: ALICE,
      action: GET,
      resourcePolicy: exceptAlice,
      expected: 'allow',
    },
    {
      name: 'the excepted user is denied anyway once it has a permissions boundary',
      principal: ALICE,
      action: GET,
      boundary: onlyS3,
      identity: [allow('s3:*')],
      resourcePolicy: exceptAlice,
      expected: 'explicit-deny',
      decidedBy: ['OnlyAlice'],
    },
    {
      name: 'another principal is denied by the NotPrincipal Deny',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: exceptAlice,
      expected: 'explicit-deny',
      decidedBy: ['OnlyAlice'],
    },
  ]);
});

// IAM User Guide, "Cross-account policy evaluation logic": the boundary limits the caller's side of a
// cross-account request.
describe('boundaries across accounts', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'an external user named by the bucket policy is still limited by its own boundary',
      principal: BOB,
      action: GET,
      identity: [allow('s3:*')],
      boundary: onlyEc2,
      resourcePolicy: grantTo(BOB.arn),
      expected: 'implicit-deny',
    },
    {
      name: 'an external user whose boundary allows S3 gets in',
      principal: BOB,
      action: GET,
      identity: [allow('s3:*')],
      boundary: onlyS3,
      resourcePolicy: grantTo(BOB.arn),
      expected: 'allow',
    },
  ]);
});
