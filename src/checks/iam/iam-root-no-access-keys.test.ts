import type { AccessKey } from '../../core/kinds/iam.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-root-no-access-keys.js';

/** Root's keys as the credential report gives them: no key id. */
const key = (status: AccessKey['status']): AccessKey => ({
  id: null,
  status,
  createdAt: daysAgo(400),
  lastUsedAt: status === 'Active' ? daysAgo(2) : null,
});
const root = (accessKeys: AccessKey[]) =>
  resource('iam.root-user', 'root', {
    arn: 'arn:aws:iam::111122223333:root',
    mfaActive: true,
    hardwareMfa: true,
    accessKeys,
    passwordLastUsed: null,
  });

testCheck(check, {
  pass: [{ name: 'root has no access keys', resources: [root([])], message: /no access keys/ }],
  fail: [
    {
      name: 'root has an active access key',
      resources: [root([key('Active')])],
      message: /1 active access key$/,
    },
    {
      name: 'root has only an inactive access key, which could be reactivated',
      resources: [root([key('Inactive')])],
      message: /1 inactive access key$/,
    },
    {
      name: 'root has one active and one inactive key',
      resources: [root([key('Active'), key('Inactive')])],
      message: /1 active and 1 inactive access keys/,
    },
    {
      name: 'root has two active keys',
      resources: [root([key('Active'), key('Active')])],
      message: /2 active access keys/,
    },
  ],
  notEvaluated: [
    {
      name: 'the credential report could not be read',
      resources: [withGap(root([]), 'accessKeys', 'access-denied', 'iam:GetCredentialReport')],
      reason: 'access-denied',
    },
    {
      name: 'the root user could not be observed at all',
      resources: [],
      scopeGaps: [{ region: 'global', kind: 'iam.root-user', field: '*', reason: 'collection-error' }],
      reason: 'collection-error',
    },
  ],
});
