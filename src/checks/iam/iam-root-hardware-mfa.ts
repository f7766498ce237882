import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-root-hardware-mfa',
  title: 'The root user’s MFA is a hardware device',
  description:
    'The root user should sign in with a hardware MFA device (a FIDO security key or a hardware TOTP token) rather than a virtual authenticator app. A root user with no MFA at all fails too (CIS 1.5).',
  risk: 'A virtual MFA lives on a phone or laptop that can be lost, cloned, backed up to the cloud or compromised by malware; whoever holds it and the root password controls the whole account.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.root-user',
  scope: 'resource',
  reads: ['mfaActive', 'hardwareMfa'],
  remediation: {
    text: 'Sign in as the root user, open Security credentials, assign a FIDO security key or a hardware TOTP token, then remove the virtual MFA device. Keep the device in a safe with a second registered device for recovery. AWS does not allow this through the API or infrastructure code (CloudFormation and Terraform have no resource for root MFA).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  evaluate(root) {
    const { mfaActive, hardwareMfa } = root.attributes;
    if (!mfaActive) {
      return fail('The root user has no MFA device, hardware or virtual', { mfaActive, hardwareMfa });
    }
    if (hardwareMfa === true) {
      return pass('The root user’s MFA is a hardware device', { mfaActive, hardwareMfa });
    }
    if (hardwareMfa === false) {
      return fail('The root user’s MFA is a virtual device, not a hardware one', { mfaActive, hardwareMfa });
    }
    return notEvaluated(
      {
        field: 'hardwareMfa',
        reason: 'not-collected',
        action: 'iam:ListVirtualMFADevices',
        detail: 'root has MFA but whether the device is virtual or hardware is unknown',
      },
      'The root user has MFA, but whether it is a hardware device could not be told',
    );
  },
});
