import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { passwordPolicyRemediation } from './support/password-policy.js';

export default defineCheck({
  id: 'iam-password-policy-min-length',
  title: 'The IAM password policy requires long passwords',
  description:
    'The account password policy sets the minimum length of IAM users’ console passwords. Without a custom policy, IAM applies its default: at least 8 characters with three of four character types.',
  risk: 'Short passwords fall to guessing, spraying and offline cracking; every IAM user with a console password is a way into the account.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.password-policy',
  scope: 'resource',
  reads: ['policy'],
  thresholds: {
    minimumLength: { default: 14, description: 'The shortest minimum password length the policy may set' },
  },
  remediation: passwordPolicyRemediation(
    'Set a custom password policy with a minimum length of at least 14.',
  ),
  evaluate(account, ctx) {
    const { policy } = account.attributes;
    const required = ctx.thresholds.minimumLength;
    if (policy === null) {
      return fail(
        `No password policy: IAM's default accepts passwords of 8 characters (at least ${required} required)`,
        { policy: null, minimumPasswordLength: 8, required },
      );
    }
    const length = policy.minimumPasswordLength;
    return length >= required
      ? pass(`Passwords must be at least ${length} characters`, { minimumPasswordLength: length, required })
      : fail(`The password policy accepts ${length}-character passwords (at least ${required} required)`, {
          minimumPasswordLength: length,
          required,
        });
  },
});
