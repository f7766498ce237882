import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, policy } from '../../testing/iam-kinds.js';
import check from './iam-role-trust-not-public.js';

const trusting = (statement: Record<string, unknown>) =>
  iamRole('shared', { trustPolicy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }) });

testCheck(check, {
  pass: [
    {
      name: 'a role trusted by the EC2 service',
      resources: [iamRole('app')],
      message: /^Role app can be assumed only by the principals its trust policy names$/,
    },
    {
      name: 'a role open to "*" but only within the organization',
      resources: [
        trusting({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ],
    },
    {
      name: 'a role open to {"AWS": "*"} but only with the agreed external id',
      resources: [
        trusting({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'sts:ExternalId': 'f3a9c1e7' } } }),
      ],
    },
  ],
  fail: [
    {
      name: 'a role anyone can assume',
      resources: [trusting({ Sid: 'Anyone', Principal: { AWS: '*' } })],
      message: /^Role shared can be assumed by anyone: statement Anyone trusts every principal/,
    },
    {
      name: 'a role open to "*" whose organization condition is only IfExists',
      resources: [
        trusting({
          Principal: '*',
          Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        }),
      ],
    },
    {
      name: 'a role open to "*" whose account condition matches any account',
      resources: [trusting({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalAccount': '*' } } })],
    },
    {
      name: 'a role open to "*" whose only condition is on the source IP',
      resources: [trusting({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })],
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
