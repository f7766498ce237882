import { describe } from 'vitest';
import {
  ALICE,
  APP_ROLE_ARN,
  APP_SESSION,
  BOB,
  CAROL,
  LAMBDA,
  OTHER,
  OWN,
  ROOT,
  allow,
  deny,
  itDecides,
  policy,
  type DecisionCase,
  type Json,
} from '../../testing/iam-decisions.js';
import type { RequestPrincipal, RequestResource } from './types.js';

const KEY: RequestResource = {
  arn: `arn:aws:kms:us-east-1:${OWN}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  account: OWN,
};
const DECRYPT = 'kms:Decrypt';
/** The default key policy: "Allows access to the AWS account and enables IAM policies". */
const enableIamPolicies: Json = {
  Sid: 'EnableIAMUserPermissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OWN}:root` },
  Action: 'kms:*',
  Resource: '*',
};
const keyPolicy = (...statements: Json[]) => policy(...statements);
type TargetedCase = Omit<DecisionCase, 'resource' | 'resourceKind'>;
const kmsCase = (testCase: TargetedCase): DecisionCase => ({
  ...testCase,
  resource: KEY,
  resourceKind: 'kms-key',
});

// AWS KMS Developer Guide, "Key policies in AWS KMS" and "Default key policy": the key policy is the primary
// way to control access; IAM policies grant access to a key only when its key policy allows the account.
describe('KMS: the key policy is the primary source of access', () => {
  itDecides(
    (<TargetedCase[]>[
      {
        name: 'the default key policy lets an IAM policy allowing kms:Decrypt work',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow(DECRYPT, KEY.arn, { Sid: 'AliceDecrypts' })],
        resourcePolicy: keyPolicy(enableIamPolicies),
        expected: 'allow',
        decidedBy: ['EnableIAMUserPermissions', 'AliceDecrypts'],
      },
      {
        name: 'the default key policy alone grants a user without an IAM policy nothing',
        principal: ALICE,
        action: DECRYPT,
        resourcePolicy: keyPolicy(enableIamPolicies),
        expected: 'implicit-deny',
        reason: /delegates to account 111122223333/,
      },
      {
        name: 'a key policy without the account statement makes IAM policies useless, even kms:*',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow('kms:*')],
        resourcePolicy: keyPolicy(allow('kms:*', '*', { Principal: { AWS: CAROL.arn } })),
        expected: 'implicit-deny',
        reason: /neither allows/,
      },
      {
        name: 'an administrator policy does not open a key whose policy does not allow the account',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow('*')],
        resourcePolicy: keyPolicy(allow('kms:Describe*', '*', { Principal: { AWS: CAROL.arn } })),
        expected: 'implicit-deny',
      },
      {
        name: 'a key policy naming the user grants it without an IAM policy',
        principal: CAROL,
        action: DECRYPT,
        resourcePolicy: keyPolicy(allow(DECRYPT, '*', { Sid: 'KeyUser', Principal: { AWS: CAROL.arn } })),
        expected: 'allow',
        decidedBy: ['KeyUser'],
      },
      {
        name: 'a key policy naming a role grants its sessions without an IAM policy',
        principal: APP_SESSION,
        action: DECRYPT,
        resourcePolicy: keyPolicy(allow([DECRYPT, 'kms:Encrypt'], '*', { Principal: { AWS: APP_ROLE_ARN } })),
        expected: 'allow',
      },
      {
        name: 'a key policy naming a role does not grant actions it does not list',
        principal: APP_SESSION,
        action: 'kms:ScheduleKeyDeletion',
        resourcePolicy: keyPolicy(allow([DECRYPT, 'kms:Encrypt'], '*', { Principal: { AWS: APP_ROLE_ARN } })),
        expected: 'implicit-deny',
      },
      {
        name: 'an account statement limited to kms:Describe* lets IAM policies grant only those',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow('kms:*')],
        resourcePolicy: keyPolicy({ ...enableIamPolicies, Action: 'kms:Describe*' }),
        expected: 'implicit-deny',
      },
      {
        name: 'an account statement limited to kms:Describe* lets IAM policies grant DescribeKey',
        principal: ALICE,
        action: 'kms:DescribeKey',
        identity: [allow('kms:*')],
        resourcePolicy: keyPolicy({ ...enableIamPolicies, Action: 'kms:Describe*' }),
        expected: 'allow',
      },
      {
        name: 'a Deny in the key policy wins over the IAM Allow',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow('kms:*')],
        resourcePolicy: keyPolicy(
          enableIamPolicies,
          deny(DECRYPT, '*', { Sid: 'NoDecryptForAlice', Principal: { AWS: ALICE.arn } }),
        ),
        expected: 'explicit-deny',
        decidedBy: ['NoDecryptForAlice'],
      },
      {
        name: 'a Deny in an IAM policy wins over the key policy naming the user',
        principal: CAROL,
        action: DECRYPT,
        identity: [deny('kms:*', '*', { Sid: 'NoKms' })],
        resourcePolicy: keyPolicy(allow(DECRYPT, '*', { Principal: { AWS: CAROL.arn } })),
        expected: 'explicit-deny',
        decidedBy: ['NoKms'],
      },
      {
        name: 'the root user uses the key through the default key policy',
        principal: ROOT,
        action: 'kms:ScheduleKeyDeletion',
        resourcePolicy: keyPolicy(enableIamPolicies),
        expected: 'allow',
      },
      {
        name: 'the root user is locked out of a key whose policy does not name the account',
        principal: ROOT,
        action: 'kms:ScheduleKeyDeletion',
        resourcePolicy: keyPolicy(allow('kms:*', '*', { Principal: { AWS: CAROL.arn } })),
        expected: 'implicit-deny',
      },
      {
        name: 'a key whose policy is unknown grants nothing',
        principal: ALICE,
        action: DECRYPT,
        identity: [allow('kms:*')],
        expected: 'implicit-deny',
        reason: /is unknown/,
      },
      {
        name: 'a key policy statement with kms:ViaService applies to requests through that service',
        principal: CAROL,
        action: DECRYPT,
        context: { 'kms:viaservice': 's3.us-east-1.amazonaws.com' },
        resourcePolicy: keyPolicy(
          allow(DECRYPT, '*', {
            Principal: { AWS: CAROL.arn },
            Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
          }),
        ),
        expected: 'allow',
      },
      {
        name: 'a key policy statement with kms:ViaService does not apply to direct calls',
        principal: CAROL,
        action: DECRYPT,
        resourcePolicy: keyPolicy(
          allow(DECRYPT, '*', {
            Principal: { AWS: CAROL.arn },
            Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
          }),
        ),
        expected: 'implicit-deny',
      },
      {
        name: 'a service principal named in the key policy (CloudWatch Logs) may use the key',
        principal: { type: 'service', arn: 'logs.us-east-1.amazonaws.com', account: null },
        action: 'kms:Encrypt',
        resourcePolicy: keyPolicy(
          enableIamPolicies,
          allow(['kms:Encrypt*', 'kms:Decrypt*'], '*', {
            Principal: { Service: 'logs.us-east-1.amazonaws.com' },
          }),
        ),
        expected: 'allow',
      },
      {
        name: 'a service principal not named in the key policy may not',
        principal: LAMBDA,
        action: 'kms:Encrypt',
        resourcePolicy: keyPolicy(enableIamPolicies),
        expected: 'implicit-deny',
      },
    ]).map(kmsCase),
  );
});

// AWS KMS Developer Guide, "Allowing users in other accounts to use a KMS key": the key policy must allow the
// external account (or principal) and the external account's IAM policies must allow the principal.
describe('KMS across accounts', () => {
  itDecides(
    (<TargetedCase[]>[
      {
        name: 'a key policy allowing the external account plus the external user’s IAM policy allow use',
        principal: BOB,
        action: DECRYPT,
        identity: [allow(DECRYPT, KEY.arn, { Sid: 'BobUsesKey' })],
        resourcePolicy: keyPolicy(
          enableIamPolicies,
          allow(DECRYPT, '*', { Sid: 'Partner', Principal: { AWS: `arn:aws:iam::${OTHER}:root` } }),
        ),
        expected: 'allow',
        decidedBy: ['Partner', 'BobUsesKey'],
      },
      {
        name: 'a key policy allowing the external account is not enough without the external IAM policy',
        principal: BOB,
        action: DECRYPT,
        resourcePolicy: keyPolicy(allow(DECRYPT, '*', { Principal: { AWS: OTHER } })),
        expected: 'implicit-deny',
      },
      {
        name: 'a key policy naming the external user directly still needs the external IAM policy',
        principal: BOB,
        action: DECRYPT,
        resourcePolicy: keyPolicy(allow(DECRYPT, '*', { Principal: { AWS: BOB.arn } })),
        expected: 'implicit-deny',
      },
      {
        name: 'an external IAM policy alone does not open a key whose policy ignores the account',
        principal: BOB,
        action: DECRYPT,
        identity: [allow('kms:*')],
        resourcePolicy: keyPolicy(enableIamPolicies),
        expected: 'implicit-deny',
      },
    ]).map(kmsCase),
  );
});

const ROLE_TRUST: RequestResource = { arn: APP_ROLE_ARN, account: OWN };
const ASSUME = 'sts:AssumeRole';
const trustCase = (testCase: TargetedCase): DecisionCase => ({
  ...testCase,
  resource: ROLE_TRUST,
  resourceKind: 'iam-role-trust',
});
const trust = (principal: unknown, extra: Json = {}, action: string | string[] = ASSUME) =>
  policy({ Sid: 'Trust', Effect: 'Allow', Principal: principal, Action: action, ...extra });
const mayAssume = allow(ASSUME, APP_ROLE_ARN, { Sid: 'MayAssume' });
const WEB_IDENTITY: RequestPrincipal = {
  type: 'web-identity',
  arn: 'cognito-identity.amazonaws.com',
  account: null,
};
const SAML_IDP = `arn:aws:iam::${OWN}:saml-provider/Okta`;
const SAML: RequestPrincipal = { type: 'saml', arn: SAML_IDP, account: null };

// IAM User Guide, "Cross account resource access in IAM" and "Granting a user permissions to switch roles": to
// assume a role the trust policy must allow the caller; in the same account a trust policy naming the user suffices,
// one naming the account needs an identity Allow; across accounts both are needed.
describe('role trust policies', () => {
  itDecides(
    (<TargetedCase[]>[
      {
        name: 'a trust policy naming the user lets it assume the role without an identity Allow',
        principal: ALICE,
        action: ASSUME,
        resourcePolicy: trust({ AWS: ALICE.arn }),
        expected: 'allow',
        decidedBy: ['Trust'],
      },
      {
        name: 'a trust policy naming the account lets a user with an identity Allow assume the role',
        principal: ALICE,
        action: ASSUME,
        identity: [mayAssume],
        resourcePolicy: trust({ AWS: `arn:aws:iam::${OWN}:root` }),
        expected: 'allow',
        decidedBy: ['Trust', 'MayAssume'],
      },
      {
        name: 'a trust policy naming the account does not let a user without an identity Allow assume the role',
        principal: ALICE,
        action: ASSUME,
        resourcePolicy: trust({ AWS: OWN }),
        expected: 'implicit-deny',
      },
      {
        name: 'an identity Allow does not let a user assume a role whose trust policy does not name it',
        principal: ALICE,
        action: ASSUME,
        identity: [allow('sts:AssumeRole')],
        resourcePolicy: trust({ AWS: CAROL.arn }),
        expected: 'implicit-deny',
        reason: /trust policy/,
      },
      {
        name: 'iam:PassRole on a role is decided by identity policies: its trust policy does not govern it',
        principal: ALICE,
        action: 'iam:PassRole',
        identity: [allow('iam:PassRole', APP_ROLE_ARN, { Sid: 'MayPass' })],
        resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }),
        expected: 'allow',
        decidedBy: ['MayPass'],
      },
      {
        name: 'a trust policy naming the user grants nothing but assuming the role (not iam:GetRole)',
        principal: ALICE,
        action: 'iam:GetRole',
        resourcePolicy: trust({ AWS: ALICE.arn }, {}, '*'),
        expected: 'implicit-deny',
      },
      {
        name: 'an administrator cannot assume a role trusting only a service',
        principal: ALICE,
        action: ASSUME,
        identity: [allow('*')],
        resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }),
        expected: 'implicit-deny',
      },
      {
        name: 'the service the role trusts may assume it',
        principal: LAMBDA,
        action: ASSUME,
        resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }),
        expected: 'allow',
      },
      {
        name: 'another service may not',
        principal: { type: 'service', arn: 'ec2.amazonaws.com', account: null },
        action: ASSUME,
        resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }),
        expected: 'implicit-deny',
      },
      {
        name: 'an external account’s user with an identity Allow assumes a role trusting that account',
        principal: BOB,
        action: ASSUME,
        identity: [mayAssume],
        resourcePolicy: trust({ AWS: `arn:aws:iam::${OTHER}:root` }),
        expected: 'allow',
      },
      {
        name: 'an external account’s user without an identity Allow does not',
        principal: BOB,
        action: ASSUME,
        resourcePolicy: trust({ AWS: `arn:aws:iam::${OTHER}:root` }),
        expected: 'implicit-deny',
      },
      {
        name: 'an external user named in the trust policy still needs its own identity Allow',
        principal: BOB,
        action: ASSUME,
        resourcePolicy: trust({ AWS: BOB.arn }),
        expected: 'implicit-deny',
      },
      {
        name: 'a trust policy requiring an external id lets in a caller presenting it',
        principal: BOB,
        action: ASSUME,
        context: { 'sts:externalid': 'x-7781' },
        identity: [mayAssume],
        resourcePolicy: trust(
          { AWS: OTHER },
          { Condition: { StringEquals: { 'sts:ExternalId': 'x-7781' } } },
        ),
        expected: 'allow',
      },
      {
        name: 'a trust policy requiring an external id refuses a caller without it',
        principal: BOB,
        action: ASSUME,
        identity: [mayAssume],
        resourcePolicy: trust(
          { AWS: OTHER },
          { Condition: { StringEquals: { 'sts:ExternalId': 'x-7781' } } },
        ),
        expected: 'implicit-deny',
      },
      {
        name: 'a Deny in the trust policy wins',
        principal: ALICE,
        action: ASSUME,
        resourcePolicy: policy(
          { Effect: 'Allow', Principal: { AWS: OWN }, Action: ASSUME },
          { Sid: 'NotAlice', Effect: 'Deny', Principal: { AWS: ALICE.arn }, Action: 'sts:*' },
        ),
        identity: [mayAssume],
        expected: 'explicit-deny',
        decidedBy: ['NotAlice'],
      },
      {
        name: 'a web identity federated through Cognito assumes the role with the audience it trusts',
        principal: WEB_IDENTITY,
        action: 'sts:AssumeRoleWithWebIdentity',
        context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' },
        resourcePolicy: trust(
          { Federated: 'cognito-identity.amazonaws.com' },
          { Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' } } },
          'sts:AssumeRoleWithWebIdentity',
        ),
        expected: 'allow',
      },
      {
        name: 'a web identity of another audience does not',
        principal: WEB_IDENTITY,
        action: 'sts:AssumeRoleWithWebIdentity',
        context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-9' },
        resourcePolicy: trust(
          { Federated: 'cognito-identity.amazonaws.com' },
          { Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' } } },
          'sts:AssumeRoleWithWebIdentity',
        ),
        expected: 'implicit-deny',
      },
      {
        name: 'a SAML identity provider the role trusts may assume it with SAML',
        principal: SAML,
        action: 'sts:AssumeRoleWithSAML',
        resourcePolicy: trust({ Federated: SAML_IDP }, {}, 'sts:AssumeRoleWithSAML'),
        expected: 'allow',
      },
      {
        name: 'a role session named by its role ARN in the trust policy is limited by that role’s boundary',
        principal: {
          ...APP_SESSION,
          arn: `arn:aws:sts::${OWN}:assumed-role/ci/run-1`,
          roleArn: `arn:aws:iam::${OWN}:role/ci`,
        },
        action: ASSUME,
        boundary: policy(allow('s3:*')),
        resourcePolicy: trust({ AWS: `arn:aws:iam::${OWN}:role/ci` }),
        expected: 'implicit-deny',
      },
      {
        name: 'a role session named by its role ARN in the trust policy assumes the role when unbounded',
        principal: {
          ...APP_SESSION,
          arn: `arn:aws:sts::${OWN}:assumed-role/ci/run-1`,
          roleArn: `arn:aws:iam::${OWN}:role/ci`,
        },
        action: ASSUME,
        resourcePolicy: trust({ AWS: `arn:aws:iam::${OWN}:role/ci` }),
        expected: 'allow',
      },
    ]).map(trustCase),
  );
});
