import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-prevents-reuse.js';

const CIS: PasswordPolicy = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  maxPasswordAge: null,
  passwordReusePrevention: 24,
  hardExpiry: false,
};
const account = (policy: PasswordPolicy | null) =>
  resource('iam.password-policy', '111122223333', { policy });

testCheck(check, {
  pass: [
    {
      name: 'the policy remembers the last 24 passwords',
      resources: [account(CIS)],
      message: /last 24 passwords/,
    },
    {
      name: 'a lowered requirement of 5 accepts a policy remembering 5',
      resources: [account({ ...CIS, passwordReusePrevention: 5 })],
      thresholds: { reusePrevention: 5 },
    },
  ],
  fail: [
    {
      name: 'the account has no password policy, so reuse is allowed',
      resources: [account(null)],
      message: /No password policy: .*does not prevent password reuse/,
    },
    {
      name: 'the policy exists but does not prevent reuse',
      resources: [account({ ...CIS, passwordReusePrevention: null })],
      message: /^The password policy does not prevent password reuse/,
    },
    {
      name: 'the policy remembers only 5 passwords',
      resources: [account({ ...CIS, passwordReusePrevention: 5 })],
      message: /only 5 previous passwords \(24 required\)/,
    },
    {
      name: 'the policy remembers 23 passwords, one short',
      resources: [account({ ...CIS, passwordReusePrevention: 23 })],
      message: /only 23/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(account(CIS), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'IAM was throttled while reading account settings',
      resources: [],
      scopeGaps: [
        {
          region: 'global',
          kind: 'iam.password-policy',
          field: '*',
          reason: 'throttled',
          action: 'iam:GetAccountPasswordPolicy',
        },
      ],
      reason: 'throttled',
    },
  ],
});
