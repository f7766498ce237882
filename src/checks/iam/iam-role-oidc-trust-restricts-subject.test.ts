import { ACCOUNT, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, policy } from '../../testing/iam-kinds.js';
import check from './iam-role-oidc-trust-restricts-subject.js';

const github = (condition: Record<string, unknown>) =>
  iamRole('github-deploy', {
    trustPolicy: policy({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    }),
  });

testCheck(check, {
  pass: [
    {
      name: 'a deploy role limited to the main branch of one repository',
      resources: [
        github({
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/main' },
        }),
      ],
      message: /^Role github-deploy restricts which OIDC token subjects/,
    },
  ],
  fail: [
    {
      name: 'a deploy role checking only the audience',
      resources: [
        github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
      ],
      message: /any repository on GitHub can assume it$/,
    },
    {
      name: 'a deploy role whose subject condition matches everything',
      resources: [github({ StringLike: { 'token.actions.githubusercontent.com:sub': '*' } })],
    },
  ],
  notEvaluated: [
    {
      name: 'the trust policy could not be parsed',
      resources: [
        withGap(github({}), 'trustPolicy', 'collection-error', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'collection-error',
    },
  ],
  skip: [{ name: 'a role trusted by the EC2 service', resources: [iamRole('app')] }],
});
