import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ALLOW_EVERYTHING, iamUser, policy, READ_REPORTS } from '../../testing/iam-kinds.js';
import check from './iam-user-inline-policy-no-full-admin.js';

testCheck(check, {
  pass: [
    {
      name: 'a user without inline policies',
      resources: [iamUser('alice')],
      message: /^User alice has no inline/,
    },
    {
      name: 'a user whose inline policy reads one bucket',
      resources: [iamUser('bob', { inlinePolicies: [{ name: 'reports', document: READ_REPORTS }] })],
    },
  ],
  fail: [
    {
      name: 'a user with an inline policy allowing * on *',
      resources: [
        iamUser('ops-admin', {
          inlinePolicies: [
            { name: 'reports', document: READ_REPORTS },
            { name: 'break-glass', document: policy({ Sid: 'Admin', ...ALLOW_EVERYTHING }) },
          ],
        }),
      ],
      message:
        /^User ops-admin has full administrator access .* inline policy break-glass \(statement Admin\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'an inline policy of the user could not be parsed',
      resources: [
        withGap(iamUser('alice'), 'inlinePolicies', 'collection-error', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'collection-error',
    },
  ],
});
