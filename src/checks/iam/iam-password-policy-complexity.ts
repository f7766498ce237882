import { defineCheck } from '../../core/check.js';
import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { fail, pass } from '../../core/outcome.js';
import { passwordPolicyRemediation } from './support/password-policy.js';

/** The four character-type requirements, in the order they are reported. */
const REQUIREMENTS = [
  ['requireSymbols', 'symbols'],
  ['requireNumbers', 'numbers'],
  ['requireUppercaseCharacters', 'uppercase letters'],
  ['requireLowercaseCharacters', 'lowercase letters'],
] as const satisfies readonly (readonly [keyof PasswordPolicy, string])[];

export default defineCheck({
  id: 'iam-password-policy-complexity',
  title: 'The IAM password policy requires symbols, numbers, uppercase and lowercase letters',
  description:
    'The account password policy should require each of the four character types in IAM users’ console passwords (FSBP IAM.7). Without a custom policy, IAM’s default asks for only three of the four.',
  risk: 'Passwords drawn from fewer character types are easier to guess and crack, and every IAM user with a console password is a way into the account.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.password-policy',
  scope: 'resource',
  reads: ['policy'],
  remediation: passwordPolicyRemediation(
    'Set a custom password policy that requires symbols, numbers, uppercase and lowercase letters.',
  ),
  evaluate(account) {
    const { policy } = account.attributes;
    if (policy === null) {
      return fail(
        "No password policy: IAM's default does not require symbols, numbers, uppercase and lowercase letters",
        { policy: null, missing: REQUIREMENTS.map(([field]) => field) },
      );
    }
    const settings = Object.fromEntries(REQUIREMENTS.map(([field]) => [field, policy[field]]));
    const missing = REQUIREMENTS.filter(([field]) => !policy[field]);
    if (missing.length === 0) {
      return pass('The password policy requires symbols, numbers, uppercase and lowercase letters', settings);
    }
    return fail(`The password policy does not require ${missing.map(([, label]) => label).join(', ')}`, {
      ...settings,
      missing: missing.map(([field]) => field),
    });
  },
});
