import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { passwordPolicyRemediation } from './support/password-policy.js';

export default defineCheck({
  id: 'iam-password-policy-prevents-reuse',
  title: 'The IAM password policy prevents password reuse',
  description:
    'The account password policy can remember IAM users’ previous passwords (up to 24) and refuse them when a password is changed. Without a custom policy, IAM does not prevent reuse.',
  risk: 'Users cycle back to a password that was exposed, so a forced change after a leak or an expiry does not shut the attacker out.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.password-policy',
  scope: 'resource',
  reads: ['policy'],
  thresholds: {
    reusePrevention: {
      default: 24,
      description: 'The fewest previous passwords the policy must remember (IAM allows at most 24)',
    },
  },
  remediation: passwordPolicyRemediation(
    'Set a custom password policy that remembers the last 24 passwords.',
  ),
  evaluate(account, ctx) {
    const { policy } = account.attributes;
    const required = ctx.thresholds.reusePrevention;
    if (policy === null) {
      return fail(
        `No password policy: IAM's default does not prevent password reuse (${required} required)`,
        {
          policy: null,
          passwordReusePrevention: null,
          required,
        },
      );
    }
    const remembered = policy.passwordReusePrevention;
    if (remembered === null) {
      return fail(`The password policy does not prevent password reuse (${required} required)`, {
        passwordReusePrevention: null,
        required,
      });
    }
    return remembered >= required
      ? pass(`The password policy refuses the last ${remembered} passwords`, {
          passwordReusePrevention: remembered,
          required,
        })
      : fail(`The password policy remembers only ${remembered} previous passwords (${required} required)`, {
          passwordReusePrevention: remembered,
          required,
        });
  },
});
