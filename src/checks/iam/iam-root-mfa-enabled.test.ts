import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-root-mfa-enabled.js';

const root = (mfaActive: boolean) =>
  resource('iam.root-user', 'root', {
    arn: 'arn:aws:iam::111122223333:root',
    mfaActive,
    hardwareMfa: null,
    accessKeys: [],
    passwordLastUsed: null,
  });

testCheck(check, {
  pass: [{ name: 'root has an MFA device', resources: [root(true)] }],
  fail: [{ name: 'root has no MFA device', resources: [root(false)], message: /no MFA/ }],
  notEvaluated: [
    {
      name: 'the credential report could not be read',
      resources: [withGap(root(true), 'mfaActive', 'access-denied', 'iam:GetCredentialReport')],
      reason: 'access-denied',
    },
    {
      name: 'IAM could not be listed at all',
      resources: [],
      scopeGaps: [{ region: 'global', kind: 'iam.root-user', field: '*', reason: 'throttled' }],
      reason: 'throttled',
    },
  ],
});
