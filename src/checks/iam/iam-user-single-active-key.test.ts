import type { AccessKey } from '../../core/kinds/iam.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './iam-user-single-active-key.js';

const key = (id: string | null, status: AccessKey['status'] = 'Active'): AccessKey => ({
  id,
  status,
  createdAt: daysAgo(30),
  lastUsedAt: daysAgo(1),
});
const user = (name: string, accessKeys: AccessKey[]) =>
  resource('iam.user', name, {
    name,
    createdAt: daysAgo(1000),
    passwordEnabled: false,
    passwordLastUsed: null,
    mfaActive: false,
    accessKeys,
    attachedManagedPolicies: [],
    inlinePolicies: [],
    groups: [],
    servicesLastAccessed: [],
  });

testCheck(check, {
  pass: [
    {
      name: 'a CI user with one active key',
      resources: [user('ci', [key('AKIAONE')])],
      message: /one active access key \(AKIAONE\)/,
    },
    {
      name: 'a finished rotation: one active key and one deactivated',
      resources: [user('ci', [key('AKIAOLD', 'Inactive'), key('AKIANEW')])],
    },
    {
      name: 'a user whose keys are all inactive',
      resources: [user('retired', [key('AKIAOLD', 'Inactive')])],
      message: /no active access key/,
    },
  ],
  fail: [
    {
      name: 'a rotation left half-done with both keys active',
      resources: [user('ci', [key('AKIAOLD'), key('AKIANEW')])],
      message: /^ci has 2 active access keys: AKIAOLD, AKIANEW$/,
    },
    {
      name: 'two active keys without ids are named by position',
      resources: [user('ci', [key(null), key(null)])],
      message: /access key 1, access key 2/,
    },
  ],
  notEvaluated: [
    {
      name: 'the user’s access keys could not be listed',
      resources: [withGap(user('ci', [key('AKIAONE')]), 'accessKeys', 'access-denied', 'iam:ListAccessKeys')],
      reason: 'access-denied',
    },
    {
      name: 'IAM users could not be listed',
      resources: [],
      scopeGaps: [
        { region: 'global', kind: 'iam.user', field: '*', reason: 'throttled', action: 'iam:ListUsers' },
      ],
      reason: 'throttled',
    },
  ],
  skip: [{ name: 'a console-only user with no access keys', resources: [user('alice', [])] }],
});
