import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

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
  remediation: {
    text: 'Set a custom password policy that remembers the last 24 passwords. UpdateAccountPasswordPolicy replaces the whole policy: every setting you leave out reverts to its default (a minimum length of 6, no reuse prevention), so pass all the settings you want to keep. CloudFormation has no resource for the account password policy.',
    cli: 'aws iam update-account-password-policy --password-reuse-prevention 24 --minimum-password-length 14 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --allow-users-to-change-password',
    terraform:
      'resource "aws_iam_account_password_policy" "this" {\n  password_reuse_prevention      = 24\n  minimum_password_length        = 14\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  allow_users_to_change_password = true\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
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
