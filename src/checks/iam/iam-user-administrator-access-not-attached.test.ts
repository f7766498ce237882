import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ADMINISTRATOR_ACCESS, iamUser } from '../../testing/iam-kinds.js';
import check from './iam-user-administrator-access-not-attached.js';

testCheck(check, {
  pass: [
    {
      name: 'a user with permissions from groups only',
      resources: [iamUser('alice')],
      message: /^User alice does not have AdministratorAccess attached directly$/,
    },
    {
      name: 'a user with ReadOnlyAccess attached',
      resources: [
        iamUser('auditor', { attachedManagedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }),
      ],
    },
  ],
  fail: [
    {
      name: 'a user with AdministratorAccess attached',
      resources: [iamUser('admin-bob', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] })],
      message: /^User admin-bob has AdministratorAccess attached directly$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the attached policies of the user could not be read',
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
