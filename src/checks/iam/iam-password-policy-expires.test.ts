import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-expires.js';

const CIS: PasswordPolicy = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  maxPasswordAge: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};
const account = (policy: PasswordPolicy | null) =>
  resource('iam.password-policy', '111122223333', { policy });

testCheck(check, {
  pass: [
    { name: 'passwords expire after 90 days', resources: [account(CIS)], message: /expire after 90 days/ },
    { name: 'passwords expire after 60 days', resources: [account({ ...CIS, maxPasswordAge: 60 })] },
    {
      name: 'a relaxed 365-day limit accepts a yearly expiry',
      resources: [account({ ...CIS, maxPasswordAge: 365 })],
      thresholds: { days: 365 },
    },
  ],
  fail: [
    {
      name: 'the account has no password policy',
      resources: [account(null)],
      message: /No password policy: passwords never expire/,
    },
    {
      name: 'the policy never expires passwords',
      resources: [account({ ...CIS, maxPasswordAge: null })],
      message: /never expires passwords/,
    },
    {
      name: 'passwords expire only after 91 days',
      resources: [account({ ...CIS, maxPasswordAge: 91 })],
      message: /only after 91 days \(at most 90 days required\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(account(CIS), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
      reason: 'access-denied',
    },
  ],
});
