import { withGap } from '../../testing/builders.js';
import { passwordPolicy } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-prevents-reuse.js';

testCheck(check, {
  pass: [
    {
      name: 'the policy remembers the last 24 passwords',
      resources: [passwordPolicy()],
      message: /last 24 passwords/,
    },
    {
      name: 'a lowered requirement of 5 accepts a policy remembering 5',
      resources: [passwordPolicy({ passwordReusePrevention: 5 })],
      thresholds: { reusePrevention: 5 },
    },
  ],
  fail: [
    {
      name: 'the account has no password policy, so reuse is allowed',
      resources: [passwordPolicy(null)],
      message: /No password policy: .*does not prevent password reuse/,
    },
    {
      name: 'the policy exists but does not prevent reuse',
      resources: [passwordPolicy({ passwordReusePrevention: null })],
      message: /^The password policy does not prevent password reuse/,
    },
    {
      name: 'the policy remembers only 5 passwords',
      resources: [passwordPolicy({ passwordReusePrevention: 5 })],
      message: /only 5 previous passwords \(24 required\)/,
    },
    {
      name: 'the policy remembers 23 passwords, one short',
      resources: [passwordPolicy({ passwordReusePrevention: 23 })],
      message: /only 23/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(passwordPolicy(), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
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
