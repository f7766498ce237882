import type { Remediation } from '../../../core/check.js';

/**
 * One remediation for every password-policy check: UpdateAccountPasswordPolicy replaces the whole policy, so
 * fixing one setting must restate all of them, and the snippet is the same whichever check failed.
 */
export function passwordPolicyRemediation(fix: string): Remediation {
  return {
    text: `${fix} UpdateAccountPasswordPolicy replaces the whole policy: every setting you leave out reverts to its default (a minimum length of 6, no reuse prevention), so pass all the settings you want to keep. CloudFormation has no resource for the account password policy.`,
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --allow-users-to-change-password',
    terraform:
      'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length        = 14\n  password_reuse_prevention      = 24\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  allow_users_to_change_password = true\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  };
}
