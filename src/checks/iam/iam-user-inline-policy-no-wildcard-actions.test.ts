import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamUser, policy, READ_REPORTS } from '../../testing/iam-kinds.js';
import check from './iam-user-inline-policy-no-wildcard-actions.js';

testCheck(check, {
  pass: [
    {
      name: 'a user whose inline policy lists the S3 actions it needs',
      resources: [iamUser('alice', { inlinePolicies: [{ name: 'reports', document: READ_REPORTS }] })],
      message: /^User alice allows no whole service/,
    },
    { name: 'a user without inline policies', resources: [iamUser('bob')] },
  ],
  fail: [
    {
      name: 'a CI user whose inline policy allows every CloudFormation and IAM action',
      resources: [
        iamUser('ci-deploy', {
          inlinePolicies: [
            {
              name: 'deploy',
              document: policy({ Effect: 'Allow', Action: ['cloudformation:*', 'iam:*'], Resource: '*' }),
            },
          ],
        }),
      ],
      message:
        /^User ci-deploy allows whole services: cloudformation:\* in inline policy deploy; iam:\* in inline policy deploy$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the user inline policies could not be read',
      resources: [
        withGap(iamUser('alice'), 'inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'access-denied',
    },
  ],
});
