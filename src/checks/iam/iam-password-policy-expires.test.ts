import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { withGap } from '../../testing/builders.js';
import { passwordPolicy } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-expires.js';

/** The CIS policy, with passwords expiring after 90 days. */
const account = (overrides: Partial<PasswordPolicy> | null = {}) =>
  passwordPolicy(overrides && { maxPasswordAge: 90, ...overrides });

testCheck(check, {
  pass: [
    { name: 'passwords expire after 90 days', resources: [account()], message: /expire after 90 days/ },
    { name: 'passwords expire after 60 days', resources: [account({ maxPasswordAge: 60 })] },
    {
      name: 'a relaxed 365-day limit accepts a yearly expiry',
      resources: [account({ maxPasswordAge: 365 })],
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
      resources: [account({ maxPasswordAge: null })],
      message: /never expires passwords/,
    },
    {
      name: 'passwords expire only after 91 days',
      resources: [account({ maxPasswordAge: 91 })],
      message: /only after 91 days \(at most 90 days required\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(account(), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
      reason: 'access-denied',
    },
  ],
});
