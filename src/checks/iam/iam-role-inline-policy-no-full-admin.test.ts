import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ALLOW_EVERYTHING, iamRole, policy, serviceLinkedRole } from '../../testing/iam-kinds.js';
import check from './iam-role-inline-policy-no-full-admin.js';

const adminInline = [{ name: 'everything', document: policy(ALLOW_EVERYTHING) }];

testCheck(check, {
  pass: [
    {
      name: 'a role whose inline policy reads one bucket',
      resources: [iamRole('app')],
      message: /^Role app has no inline policy granting/,
    },
  ],
  fail: [
    {
      name: 'a deployment role with an inline policy allowing * on *',
      resources: [iamRole('deployer', { inlinePolicies: adminInline })],
      message: /^Role deployer has full administrator access \(\* on \*\) through inline policy everything/,
    },
  ],
  notEvaluated: [
    {
      name: 'the role inline policies could not be read',
      resources: [
        withGap(iamRole('app'), 'inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'a service-linked role, whose policies AWS writes',
      resources: [serviceLinkedRole({ inlinePolicies: adminInline })],
    },
  ],
});
