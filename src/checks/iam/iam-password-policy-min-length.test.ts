import { withGap } from '../../testing/builders.js';
import { passwordPolicy } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-password-policy-min-length.js';

testCheck(check, {
  pass: [
    {
      name: 'the policy requires 14 characters',
      resources: [passwordPolicy()],
      message: /at least 14 characters/,
    },
    {
      name: 'the policy requires more than 14 characters',
      resources: [passwordPolicy({ minimumPasswordLength: 20 })],
    },
    {
      name: 'a lowered 12-character requirement accepts a 12-character policy',
      resources: [passwordPolicy({ minimumPasswordLength: 12 })],
      thresholds: { minimumLength: 12 },
    },
  ],
  fail: [
    {
      name: 'the account has no password policy, so IAM’s 8-character default applies',
      resources: [passwordPolicy(null)],
      message: /No password policy: .*8 characters/,
    },
    {
      name: 'the policy requires 13 characters',
      resources: [passwordPolicy({ minimumPasswordLength: 13 })],
      message: /accepts 13-character passwords \(at least 14 required\)/,
    },
    {
      name: 'the policy keeps the API default of 6 characters',
      resources: [passwordPolicy({ minimumPasswordLength: 6 })],
      message: /6-character/,
    },
    {
      name: 'a raised 16-character requirement rejects a 14-character policy',
      resources: [passwordPolicy()],
      thresholds: { minimumLength: 16 },
      message: /at least 16 required/,
    },
  ],
  notEvaluated: [
    {
      name: 'the password policy could not be read',
      resources: [withGap(passwordPolicy(), 'policy', 'access-denied', 'iam:GetAccountPasswordPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the password policy was not collected at all',
      resources: [],
      scopeGaps: [{ region: 'global', kind: 'iam.password-policy', field: '*', reason: 'collection-error' }],
      reason: 'collection-error',
    },
  ],
});
