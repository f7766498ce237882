import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-root-hardware-mfa.js';

const root = (mfaActive: boolean, hardwareMfa: boolean | null) =>
  resource('iam.root-user', 'root', {
    arn: 'arn:aws:iam::111122223333:root',
    mfaActive,
    hardwareMfa,
    accessKeys: [],
    passwordLastUsed: null,
  });

testCheck(check, {
  pass: [
    {
      name: 'root signs in with a hardware security key',
      resources: [root(true, true)],
      message: /hardware device/,
    },
  ],
  fail: [
    {
      name: 'root uses an authenticator app',
      resources: [root(true, false)],
      message: /virtual device/,
    },
    { name: 'root has no MFA at all', resources: [root(false, null)], message: /no MFA/ },
    {
      name: 'root has no MFA even though the device type field says hardware',
      resources: [root(false, true)],
      message: /no MFA/,
    },
  ],
  notEvaluated: [
    {
      name: 'root has MFA but its device type is unknown',
      resources: [root(true, null)],
      reason: 'not-collected',
      message: /could not be told/,
    },
    {
      name: 'virtual MFA devices could not be listed',
      resources: [withGap(root(true, null), 'hardwareMfa', 'access-denied', 'iam:ListVirtualMFADevices')],
      reason: 'access-denied',
    },
    {
      name: 'the credential report could not be read',
      resources: [withGap(root(true, true), 'mfaActive', 'access-denied', 'iam:GetCredentialReport')],
      reason: 'access-denied',
    },
  ],
});
