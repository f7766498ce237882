import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamUser, READ_REPORTS } from '../../testing/iam-kinds.js';
import check from './iam-user-no-attached-policies.js';

testCheck(check, {
  pass: [
    {
      name: 'a user who gets every permission from the developers group',
      resources: [iamUser('alice')],
      message: /^User alice has no policy of its own/,
    },
  ],
  fail: [
    {
      name: 'a user with a managed policy attached straight to them',
      resources: [iamUser('bob', { attachedManagedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })],
      message: /^User bob .*managed arn:aws:iam::aws:policy\/ReadOnlyAccess attached/,
    },
    {
      name: 'a user with an inline policy of their own',
      resources: [iamUser('carol', { inlinePolicies: [{ name: 'reports', document: READ_REPORTS }] })],
      message: /^User carol .*inline reports$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the account authorization details could not be read',
      resources: [
        withGap(
          iamUser('alice'),
          'attachedManagedPolicies',
          'access-denied',
          'iam:GetAccountAuthorizationDetails',
        ),
      ],
      reason: 'access-denied',
    },
  ],
});
