import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-user-console-mfa',
  title: 'IAM users with a console password have MFA enabled',
  description:
    'Every IAM user who can sign in to the AWS Management Console with a password must also need a second factor. Users without a console password are not concerned.',
  risk: 'A phished, guessed or reused password is enough to sign in as the user and act with all of their permissions.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'passwordEnabled', 'mfaActive'],
  appliesTo: (user) => user.attributes.passwordEnabled,
  remediation: {
    text: 'Have the user assign an MFA device (a passkey or security key is best, an authenticator app otherwise) from their Security credentials page, or assign one for them in the IAM console. If the user does not need the console, delete their console password instead. Better still, move people to IAM Identity Center and keep IAM users for the few cases that need them. MFA devices cannot be enabled from infrastructure code: enabling needs codes from the device.',
    cli: '# a virtual device, enabled with two consecutive codes from the authenticator app:\naws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <user>-qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name <user> --serial-number arn:aws:iam::<account-id>:mfa/<user> --authentication-code1 <code> --authentication-code2 <next-code>\n\n# or, if the user does not need the console:\naws iam delete-login-profile --user-name <user>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  evaluate(user) {
    const { name, mfaActive } = user.attributes;
    return mfaActive
      ? pass(`${name} signs in to the console with MFA`, { passwordEnabled: true, mfaActive: true })
      : fail(`${name} can sign in to the console with a password alone: no MFA device`, {
          passwordEnabled: true,
          mfaActive: false,
        });
  },
});
