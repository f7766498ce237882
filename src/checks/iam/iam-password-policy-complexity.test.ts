import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-complexity.js';

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
      name: 'the policy requires all four character types',
      resources: [account(CIS)],
      message: /requires symbols, numbers, uppercase and lowercase/,
    },
  ],
  fail: [
    {
      name: 'the account has no password policy',
      resources: [account(null)],
      message: /^No password policy/,
    },
    {
      name: 'the policy does not require symbols',
      resources: [account({ ...CIS, requireSymbols: false })],
      message: /^The password policy does not require symbols$/,
    },
    {
      name: 'the policy requires only lowercase letters',
      resources: [
        account({ ...CIS, requireSymbols: false, requireNumbers: false, requireUppercaseCharacters: false }),
      ],
      message: /does not require symbols, numbers, uppercase letters$/,
    },
    {
      name: 'a long policy without lowercase letters still fails',
      resources: [account({ ...CIS, minimumPasswordLength: 32, requireLowercaseCharacters: false })],
      message: /does not require lowercase letters$/,
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

describe('iam-password-policy-complexity evidence', () => {
  it('lists the four settings and the missing ones', () => {
    const [result] = runCase(check, {
      name: 'no numbers',
      resources: [account({ ...CIS, requireNumbers: false })],
    });
    expect(result?.evidence).toEqual({
      requireSymbols: true,
      requireNumbers: false,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      missing: ['requireNumbers'],
    });
  });
});
