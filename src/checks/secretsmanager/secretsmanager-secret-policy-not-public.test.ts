import { REGION, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { secret } from '../../testing/kinds.js';
import check from './secretsmanager-secret-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const withPolicy = (policy: Record<string, unknown> | null) => secret('prod/db', { policy });

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [withPolicy(null)], message: /prod\/db has no resource policy/ },
    {
      name: 'it is shared with one other account',
      resources: [withPolicy(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'reads only through a VPC endpoint',
      resources: [
        withPolicy(policy(grant({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } } }))),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        withPolicy(
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
      resources: [withPolicy(policy(grant()))],
      message: /^Secret prod\/db is public: anyone can secretsmanager:GetSecretValue \(statement Everyone\)$/,
    },
    {
      name: 'anyone can overwrite the value',
      resources: [withPolicy(policy(grant({ Action: 'secretsmanager:PutSecretValue' })))],
      message: /anyone can secretsmanager:PutSecretValue/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(withPolicy(null), 'policy', 'access-denied', 'secretsmanager:GetResourcePolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'secretsmanager.secret', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
