import { describe, expect, it } from 'vitest';
import { withGap } from '../../testing/builders.js';
import { passwordPolicy } from '../../testing/kinds.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-complexity.js';

testCheck(check, {
  pass: [
    {
      name: 'the policy requires all four character types',
      resources: [passwordPolicy()],
      message: /requires symbols, numbers, uppercase and lowercase/,
    },
  ],
  fail: [
    {
      name: 'the account has no password policy',
      resources: [passwordPolicy(null)],
      message: /^No password policy/,
    },
    {
      name: 'the policy does not require symbols',
      resources: [passwordPolicy({ requireSymbols: false })],
      message: /^The password policy does not require symbols$/,
    },
    {
      name: 'the policy requires only lowercase letters',
      resources: [
        passwordPolicy({ requireSymbols: false, requireNumbers: false, requireUppercaseCharacters: false }),
      ],
      message: /does not require symbols, numbers, uppercase letters$/,
    },
    {
      name: 'a long policy without lowercase letters still fails',
      resources: [passwordPolicy({ minimumPasswordLength: 32, requireLowercaseCharacters: false })],
      message: /does not require lowercase letters$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(passwordPolicy(), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
      reason: 'access-denied',
    },
  ],
});

describe('iam-password-policy-complexity evidence', () => {
  it('lists the four settings and the missing ones', () => {
    const [result] = runCase(check, {
      name: 'no numbers',
      resources: [passwordPolicy({ requireNumbers: false })],
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
