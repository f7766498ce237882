import { describe } from 'vitest';
import {
  ALICE,
  ANONYMOUS,
  APP_ROLE_ARN,
  APP_SESSION,
  BOB,
  FULL_ACCESS,
  OWN,
  RCP_FULL_ACCESS,
  ROOT,
  allow,
  deny,
  itDecides,
  policy,
  type DecisionCase,
} from '../../testing/iam-decisions.js';

const GET = 's3:GetObject';
const OBJECTS = 'arn:aws:s3:::reports/*';
const EC2 = 'ec2:RunInstances';
const onlyS3Scp = policy(allow('s3:*', '*', { Sid: 'AllowS3' }));
const regionFence = policy(
  deny('*', '*', {
    Sid: 'OnlyEuWest1',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  }),
);

// AWS Organizations User Guide, "SCP evaluation": an action is allowed only if an SCP allows it at every level from
// the root through each OU to the account; an explicit Deny at any level denies it; SCPs never grant permissions.
describe('service control policies', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'FullAWSAccess at the root and the account leaves the identity policy in charge',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      scps: [[FULL_ACCESS], [FULL_ACCESS]],
      expected: 'allow',
      decidedBy: ['FullAWSAccess'],
    },
    {
      name: 'an OU that allows only S3 blocks EC2 for an administrator below it',
      principal: ALICE,
      action: EC2,
      identity: [allow('*')],
      scps: [[FULL_ACCESS], [onlyS3Scp], [FULL_ACCESS]],
      expected: 'implicit-deny',
      reason: /level 2 of 3/,
    },
    {
      name: 'an OU that allows only S3 lets S3 through',
      principal: ALICE,
      action: GET,
      identity: [allow('*')],
      scps: [[FULL_ACCESS], [onlyS3Scp], [FULL_ACCESS]],
      expected: 'allow',
      decidedBy: ['AllowS3'],
    },
    {
      name: 'an action must be allowed at every level: the account level allowing EC2 does not help',
      principal: ALICE,
      action: EC2,
      identity: [allow('*')],
      scps: [[onlyS3Scp], [FULL_ACCESS], [policy(allow('ec2:*'))]],
      expected: 'implicit-deny',
      reason: /level 1 of 3/,
    },
    {
      name: 'a level whose policies allow nothing denies everything',
      principal: ALICE,
      action: GET,
      identity: [allow('*')],
      scps: [[FULL_ACCESS], []],
      expected: 'implicit-deny',
      reason: /no policy attached/,
    },
    {
      name: 'one of several SCPs at a level allowing is enough',
      principal: ALICE,
      action: EC2,
      identity: [allow('*')],
      scps: [[FULL_ACCESS], [onlyS3Scp, policy(allow('ec2:*'))]],
      expected: 'allow',
    },
    {
      name: 'SCPs grant nothing: FullAWSAccess without an identity Allow is denied',
      principal: ALICE,
      action: GET,
      scps: [[FULL_ACCESS]],
      expected: 'implicit-deny',
    },
    {
      name: 'an SCP Deny wins over FullAWSAccess and an administrator policy',
      principal: ALICE,
      action: 's3:DeleteBucket',
      identity: [allow('*')],
      scps: [[FULL_ACCESS, policy(deny('s3:DeleteBucket', '*', { Sid: 'KeepBuckets' }))]],
      expected: 'explicit-deny',
      decidedBy: ['KeepBuckets'],
      reason: /service control policy/,
    },
    {
      name: 'a region fence denies a request outside the allowed region',
      principal: ALICE,
      action: EC2,
      context: { 'aws:requestedregion': 'us-east-1' },
      identity: [allow('*')],
      scps: [[FULL_ACCESS, regionFence]],
      expected: 'explicit-deny',
      decidedBy: ['OnlyEuWest1'],
    },
    {
      name: 'a region fence lets a request inside the allowed region through',
      principal: ALICE,
      action: EC2,
      context: { 'aws:requestedregion': 'eu-west-1' },
      identity: [allow('*')],
      scps: [[FULL_ACCESS, regionFence]],
      expected: 'allow',
    },
    {
      name: 'a region fence written with NotAction spares global services',
      principal: ALICE,
      action: 'iam:ListUsers',
      context: { 'aws:requestedregion': 'us-east-1' },
      identity: [allow('*')],
      scps: [
        [
          FULL_ACCESS,
          policy({
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*', 'organizations:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
          }),
        ],
      ],
      expected: 'allow',
    },
    {
      name: 'an SCP Deny with an exception for an admin role spares that role’s sessions',
      principal: APP_SESSION,
      action: 'cloudtrail:StopLogging',
      identity: [allow('*')],
      scps: [
        [
          FULL_ACCESS,
          policy(
            deny('cloudtrail:StopLogging', '*', {
              Condition: { ArnNotLike: { 'aws:PrincipalARN': APP_ROLE_ARN } },
            }),
          ),
        ],
      ],
      expected: 'allow',
    },
    {
      name: 'an SCP Deny with an exception for an admin role applies to everyone else',
      principal: ALICE,
      action: 'cloudtrail:StopLogging',
      identity: [allow('*')],
      scps: [
        [
          FULL_ACCESS,
          policy(
            deny('cloudtrail:StopLogging', '*', {
              Sid: 'ProtectTrail',
              Condition: { ArnNotLike: { 'aws:PrincipalARN': APP_ROLE_ARN } },
            }),
          ),
        ],
      ],
      expected: 'explicit-deny',
      decidedBy: ['ProtectTrail'],
    },
    {
      name: 'SCPs restrict the root user of a member account',
      principal: ROOT,
      action: EC2,
      scps: [[onlyS3Scp]],
      expected: 'implicit-deny',
    },
    {
      name: 'an SCP Deny refuses the root user of a member account',
      principal: ROOT,
      action: 's3:DeleteBucket',
      scps: [[FULL_ACCESS, policy(deny('s3:DeleteBucket'))]],
      expected: 'explicit-deny',
    },
    {
      name: 'SCPs limit what a resource policy grants to a member account’s user',
      principal: ALICE,
      action: GET,
      resourcePolicy: policy(allow(GET, OBJECTS, { Principal: { AWS: ALICE.arn } })),
      scps: [[policy(allow('ec2:*'))]],
      expected: 'implicit-deny',
    },
    {
      name: 'the management account (no SCPs given) is not restricted',
      principal: ALICE,
      action: EC2,
      identity: [allow('*')],
      scps: [],
      expected: 'allow',
    },
    {
      name: 'an SCP Allow with a condition applies when the condition holds',
      principal: ALICE,
      action: EC2,
      context: { 'aws:requestedregion': 'eu-west-1' },
      identity: [allow('*')],
      scps: [
        [policy(allow('*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))],
      ],
      expected: 'allow',
    },
    {
      name: 'an SCP Allow with a condition does not apply when it does not hold',
      principal: ALICE,
      action: EC2,
      context: { 'aws:requestedregion': 'us-east-1' },
      identity: [allow('*')],
      scps: [
        [policy(allow('*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))],
      ],
      expected: 'implicit-deny',
    },
  ]);
});

// AWS Organizations User Guide, "Resource control policies (RCPs)": RCPs set the maximum permissions on resources
// in member accounts, for every caller (including external and anonymous ones); RCPFullAWSAccess is attached by
// default; an explicit Deny in an RCP wins.
describe('resource control policies', () => {
  const dataPerimeter = policy({
    Sid: 'EnforceOrgIdentities',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: '*',
    Condition: {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    },
  });
  const bucketForBob = policy(allow(GET, OBJECTS, { Principal: { AWS: BOB.arn } }));
  itDecides(<DecisionCase[]>[
    {
      name: 'RCPFullAWSAccess leaves the bucket policy and identity policy in charge',
      principal: BOB,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: bucketForBob,
      rcps: [[RCP_FULL_ACCESS]],
      expected: 'allow',
      decidedBy: ['RCPFullAWSAccess'],
    },
    {
      name: 'a data-perimeter RCP refuses a caller from outside the organization although the bucket names it',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-zzz999' },
      identity: [allow('s3:*')],
      resourcePolicy: bucketForBob,
      rcps: [[RCP_FULL_ACCESS, dataPerimeter]],
      expected: 'explicit-deny',
      decidedBy: ['EnforceOrgIdentities'],
      reason: /resource control policy/,
    },
    {
      name: 'a data-perimeter RCP lets a caller from the organization through',
      principal: BOB,
      action: GET,
      context: { 'aws:principalorgid': 'o-abc123' },
      identity: [allow('s3:*')],
      resourcePolicy: bucketForBob,
      rcps: [[RCP_FULL_ACCESS, dataPerimeter]],
      expected: 'allow',
    },
    {
      name: 'a data-perimeter RCP refuses an anonymous reader of a public bucket',
      principal: ANONYMOUS,
      action: GET,
      resourcePolicy: policy(allow(GET, OBJECTS, { Principal: '*' })),
      rcps: [[RCP_FULL_ACCESS, dataPerimeter]],
      expected: 'explicit-deny',
    },
    {
      name: 'a data-perimeter RCP spares AWS service principals',
      principal: { type: 'service', arn: 'cloudtrail.amazonaws.com', account: null },
      action: 's3:PutObject',
      resourcePolicy: policy(
        allow('s3:PutObject', OBJECTS, { Principal: { Service: 'cloudtrail.amazonaws.com' } }),
      ),
      rcps: [[RCP_FULL_ACCESS, dataPerimeter]],
      expected: 'allow',
    },
    {
      name: 'an RCP requiring TLS refuses a plain-HTTP request from the same account',
      principal: ALICE,
      action: GET,
      context: { 'aws:securetransport': 'false' },
      identity: [allow('s3:*')],
      rcps: [
        [
          RCP_FULL_ACCESS,
          policy({
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      ],
      expected: 'explicit-deny',
      decidedBy: ['TlsOnly'],
    },
    {
      name: 'a level of RCPs without an Allow for the action denies it',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      rcps: [
        [RCP_FULL_ACCESS],
        [policy({ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' })],
      ],
      expected: 'implicit-deny',
      reason: /resource control policy at level 2/,
    },
    {
      name: 'RCPs grant nothing: RCPFullAWSAccess without any other Allow is denied',
      principal: ALICE,
      action: GET,
      rcps: [[RCP_FULL_ACCESS]],
      expected: 'implicit-deny',
    },
    {
      name: 'SCPs and RCPs both allowing leave the identity policy in charge',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      scps: [[FULL_ACCESS]],
      rcps: [[RCP_FULL_ACCESS]],
      expected: 'allow',
      decidedBy: ['FullAWSAccess', 'RCPFullAWSAccess'],
    },
    {
      name: 'the resource account’s RCPs apply to an external caller whose own account has no SCPs',
      principal: BOB,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: bucketForBob,
      rcps: [[policy({ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' })]],
      expected: 'implicit-deny',
    },
    {
      name: 'an RCP Deny for callers outside the account leaves a caller from the account alone',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      rcps: [
        [
          RCP_FULL_ACCESS,
          policy({
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:PrincipalAccount': OWN } },
          }),
        ],
      ],
      expected: 'allow',
    },
  ]);
});

// AWS Organizations User Guide, "Service control policies": SCPs affect only IAM users and roles of member accounts
// (the root user included), not service principals or anonymous callers.
describe('SCPs do not govern callers outside the account', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'a service principal allowed by a queue policy is not limited by SCPs given for the account',
      principal: { type: 'service', arn: 'sns.amazonaws.com', account: null },
      action: 'sqs:SendMessage',
      resource: { arn: `arn:aws:sqs:us-east-1:${OWN}:jobs`, account: OWN },
      resourcePolicy: policy(allow('sqs:SendMessage', '*', { Principal: { Service: 'sns.amazonaws.com' } })),
      scps: [[policy(allow('s3:*'))]],
      expected: 'allow',
    },
    {
      name: 'an anonymous reader of a public object is not limited by SCPs',
      principal: ANONYMOUS,
      action: GET,
      resourcePolicy: policy(allow(GET, OBJECTS, { Principal: '*' })),
      scps: [[policy(deny('s3:*'))]],
      expected: 'allow',
    },
  ]);
});
