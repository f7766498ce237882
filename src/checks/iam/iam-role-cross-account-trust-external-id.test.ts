import { ACCOUNT, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, policy } from '../../testing/iam-kinds.js';
import check from './iam-role-cross-account-trust-external-id.js';

const VENDOR = '999988887777';
const trusting = (statement: Record<string, unknown>) =>
  iamRole('vendor-audit', {
    trustPolicy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }),
  });

testCheck(check, {
  pass: [
    {
      name: 'a role trusted by a service',
      resources: [iamRole('app')],
      message: /^Role app trusts no other account/,
    },
    {
      name: 'a role trusted by a role of the same account',
      resources: [trusting({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/admin` } })],
    },
    {
      name: 'a vendor role that requires the external id',
      resources: [
        trusting({
          Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
          Condition: { StringEquals: { 'sts:ExternalId': 'c8f1-2a9d' } },
        }),
      ],
    },
    {
      name: 'an account of the same organization, checked by aws:PrincipalOrgID',
      resources: [
        trusting({
          Principal: { AWS: VENDOR },
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        }),
      ],
    },
    {
      name: 'a GitHub Actions role (federated principals are not accounts)',
      resources: [
        trusting({
          Principal: {
            Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
        }),
      ],
    },
  ],
  fail: [
    {
      name: 'a vendor account trusted without an external id',
      resources: [trusting({ Principal: { AWS: `arn:aws:iam::${VENDOR}:root` } })],
      message: /^Role vendor-audit can be assumed from account 999988887777 without sts:ExternalId/,
    },
    {
      name: 'a bare account id among same-account principals, with an IfExists external id',
      resources: [
        trusting({
          Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, VENDOR] },
          Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'x' } },
        }),
      ],
      message: /from account 999988887777 .*\(999988887777\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trust policy could not be parsed',
      resources: [
        withGap(iamRole('app'), 'trustPolicy', 'collection-error', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'collection-error',
    },
  ],
});
