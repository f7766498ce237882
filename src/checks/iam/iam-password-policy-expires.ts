import { defineCheck, type Remediation } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { passwordPolicyRemediation } from './support/password-policy.js';

/** The shared password-policy fix, with the expiry setting this check needs added to each snippet. */
function withMaxAge(remediation: Remediation): Remediation {
  return {
    ...remediation,
    cli: `${remediation.cli ?? 'aws iam update-account-password-policy'} --max-password-age 90`,
    terraform: remediation.terraform?.replace(/\n}$/, '\n  max_password_age               = 90\n}'),
  };
}

export default defineCheck({
  id: 'iam-password-policy-expires',
  title: 'The IAM password policy makes passwords expire within 90 days',
  description:
    'The account password policy can make IAM users’ console passwords expire after a number of days. This check requires an expiry no longer than the threshold; without a custom policy, passwords never expire. NIST SP 800-63B advises against periodic expiry and the CIS benchmark no longer asks for it; keep this check where a framework you follow (e.g. PCI DSS for password-only access) still requires it.',
  risk: 'A password that never expires stays valid indefinitely after it leaks, until someone notices and changes it.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.password-policy',
  scope: 'resource',
  reads: ['policy'],
  thresholds: {
    days: { default: 90, description: 'The longest maximum password age, in days, the policy may set' },
  },
  remediation: withMaxAge(
    passwordPolicyRemediation('Set a custom password policy with a maximum password age of at most 90 days.'),
  ),
  evaluate(account, ctx) {
    const { policy } = account.attributes;
    const days = ctx.thresholds.days;
    if (policy === null) {
      return fail(`No password policy: passwords never expire (at most ${days} days required)`, {
        policy: null,
        maxPasswordAge: null,
        days,
      });
    }
    const age = policy.maxPasswordAge;
    if (age === null) {
      return fail(`The password policy never expires passwords (at most ${days} days required)`, {
        maxPasswordAge: null,
        days,
      });
    }
    return age <= days
      ? pass(`Passwords expire after ${age} days`, { maxPasswordAge: age, days })
      : fail(`Passwords expire only after ${age} days (at most ${days} days required)`, {
          maxPasswordAge: age,
          days,
        });
  },
});
