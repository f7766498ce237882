import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

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
  remediation: {
    text: 'Set a custom password policy with a minimum length of at least 14. UpdateAccountPasswordPolicy replaces the whole policy: every setting you leave out reverts to its default (a minimum length of 6, no reuse prevention), so pass all the settings you want to keep. CloudFormation has no resource for the account password policy.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --allow-users-to-change-password',
    terraform:
      'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length        = 14\n  password_reuse_prevention      = 24\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  allow_users_to_change_password = true\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
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
