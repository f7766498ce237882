import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ALLOW_EVERYTHING, iamGroup, policy } from '../../testing/iam-kinds.js';
import check from './iam-group-inline-policy-no-full-admin.js';

testCheck(check, {
  pass: [
    {
      name: 'a group whose inline policy reads one bucket',
      resources: [iamGroup('developers')],
      message: /^Group developers has no inline policy granting/,
    },
  ],
  fail: [
    {
      name: 'a group of four with an inline policy allowing * on *',
      resources: [
        iamGroup('ops', {
          memberCount: 4,
          inlinePolicies: [{ name: 'all', document: policy(ALLOW_EVERYTHING) }],
        }),
      ],
      message: /^Group ops \(4 member\(s\)\) has full administrator access .* inline policy all/,
    },
  ],
  notEvaluated: [
    {
      name: 'the group inline policies could not be read',
      resources: [
        withGap(iamGroup('ops'), 'inlinePolicies', 'throttled', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'throttled',
    },
  ],
});
