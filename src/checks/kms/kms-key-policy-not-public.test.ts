import { REGION, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { kmsKey } from '../../testing/kinds.js';
import check from './kms-key-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'kms:Decrypt',
  Resource: '*',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const key = (policy: Record<string, unknown>) => kmsKey({ policy });

testCheck(check, {
  pass: [
    {
      name: 'it is shared with one other account',
      resources: [key(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: "the default key policy, which defers to the account's IAM policies",
      resources: [kmsKey()],
    },
    {
      name: 'every principal may use it through the account (kms:CallerAccount)',
      resources: [
        key(
          policy(
            grant({
              Condition: {
                StringEquals: {
                  'kms:CallerAccount': '111122223333',
                  'kms:ViaService': 'ec2.eu-west-1.amazonaws.com',
                },
              },
            }),
          ),
        ),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        key(
          policy(
            grant(),
            grant({
              Sid: 'OrgOnly',
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          ),
        ),
      ],
      message: /confined by Deny statement OrgOnly/,
    },
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [key(policy(grant()))],
      message:
        /^Key 1234abcd-12ab-34cd-56ef-1234567890ab is public: anyone can kms:Decrypt \(statement Everyone\)$/,
    },
    {
      name: 'kms:ViaService alone lets any account use it through the service',
      resources: [
        key(
          policy(grant({ Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } })),
        ),
      ],
      message: /anyone can kms:Decrypt/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(key(policy()), 'policy', 'access-denied', 'kms:GetKeyPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'kms.key', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'an AWS managed key, whose policy AWS writes', resources: [kmsKey({ keyManager: 'AWS' })] }],
});
