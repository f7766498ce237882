import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-root-mfa-enabled',
  title: 'The root user has MFA enabled',
  description:
    'The root user can do anything in the account, including closing it. Its sign-in must need a second factor.',
  risk: 'Anyone who learns the root password (phishing, reuse, a leaked password manager) takes over the whole account.',
  severity: 'critical',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.root-user',
  scope: 'resource',
  reads: ['mfaActive'],
  remediation: {
    text: 'Sign in as the root user, open Security credentials, and assign an MFA device (a hardware key or passkey is best). AWS does not allow this through the API or infrastructure code.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  evaluate(root) {
    return root.attributes.mfaActive
      ? pass('The root user has an MFA device', { mfaActive: true })
      : fail('The root user has no MFA device', { mfaActive: false });
  },
});
