import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-user-console-mfa.js';

const user = (name: string, { passwordEnabled = true, mfaActive = true } = {}) =>
  resource(
    'iam.user',
    name,
    {
      name,
      createdAt: daysAgo(300),
      passwordEnabled,
      passwordLastUsed: passwordEnabled ? daysAgo(1) : null,
      mfaActive,
      accessKeys: [],
      attachedManagedPolicies: [],
      inlinePolicies: [],
      groups: [],
      servicesLastAccessed: [],
    },
    { arn: `arn:aws:iam::111122223333:user/${name}` },
  );

testCheck(check, {
  pass: [
    { name: 'a console user has MFA', resources: [user('alice')], message: /alice signs in .* with MFA/ },
    {
      name: 'every console user has MFA, and a service user without a password is left out',
      resources: [
        user('alice'),
        user('bob'),
        user('ci-deployer', { passwordEnabled: false, mfaActive: false }),
      ],
    },
  ],
  fail: [
    {
      name: 'a console user has no MFA',
      resources: [user('alice', { mfaActive: false })],
      message: /^alice .*password alone/,
    },
  ],
  notEvaluated: [
    {
      name: 'the credential report could not be read for the user',
      resources: [withGap(user('alice'), 'mfaActive', 'access-denied', 'iam:GetCredentialReport')],
      reason: 'access-denied',
    },
    {
      name: 'whether the user has a console password could not be read',
      resources: [withGap(user('alice'), 'passwordEnabled', 'access-denied', 'iam:GetLoginProfile')],
      reason: 'access-denied',
    },
    {
      name: 'IAM users could not be listed',
      resources: [],
      scopeGaps: [
        { region: 'global', kind: 'iam.user', field: '*', reason: 'access-denied', action: 'iam:ListUsers' },
      ],
      reason: 'access-denied',
      message: /IAM user: could not list/,
    },
  ],
  skip: [
    {
      name: 'a user without a console password gets no result, MFA or not',
      resources: [
        user('ci-deployer', { passwordEnabled: false, mfaActive: false }),
        user('backup-bot', { passwordEnabled: false, mfaActive: true }),
      ],
    },
  ],
});
