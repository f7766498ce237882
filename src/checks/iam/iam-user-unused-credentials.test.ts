import { describe, expect, it } from 'vitest';
import type { AccessKey } from '../../core/kinds/iam.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './iam-user-unused-credentials.js';

interface UserOptions {
  createdDaysAgo?: number;
  passwordEnabled?: boolean;
  passwordUsedDaysAgo?: number | null;
  accessKeys?: AccessKey[];
}
const user = (name: string, options: UserOptions = {}) =>
  resource('iam.user', name, {
    name,
    createdAt: daysAgo(options.createdDaysAgo ?? 1000),
    passwordEnabled: options.passwordEnabled ?? false,
    passwordLastUsed:
      options.passwordUsedDaysAgo === undefined || options.passwordUsedDaysAgo === null
        ? null
        : daysAgo(options.passwordUsedDaysAgo),
    mfaActive: true,
    accessKeys: options.accessKeys ?? [],
    attachedManagedPolicies: [],
    inlinePolicies: [],
    groups: [],
    servicesLastAccessed: [],
  });
const key = (
  id: string,
  createdDaysAgo: number | null,
  usedDaysAgo: number | null,
  status: AccessKey['status'] = 'Active',
): AccessKey => ({
  id,
  status,
  createdAt: createdDaysAgo === null ? null : daysAgo(createdDaysAgo),
  lastUsedAt: usedDaysAgo === null ? null : daysAgo(usedDaysAgo),
});

testCheck(check, {
  pass: [
    {
      name: 'a console user who signed in yesterday',
      resources: [user('alice', { passwordEnabled: true, passwordUsedDaysAgo: 1 })],
      message: /all used in the last 45 days/,
    },
    {
      name: 'a CI user whose key was used this morning',
      resources: [user('ci', { accessKeys: [key('AKIACI', 400, 0)] })],
    },
    {
      name: 'a user created last week who has not signed in yet',
      resources: [user('newhire', { createdDaysAgo: 7, passwordEnabled: true, passwordUsedDaysAgo: null })],
      message: /created 7 days ago/,
    },
    {
      name: 'a key created ten days ago and never used',
      resources: [user('ci', { accessKeys: [key('AKIANEW', 10, null)] })],
    },
    {
      name: 'an inactive key unused for years does not count',
      resources: [user('ci', { accessKeys: [key('AKIAOLD', 900, 800, 'Inactive'), key('AKIANEW', 90, 2)] })],
    },
    {
      name: 'a console password last used 44 days ago',
      resources: [user('bob', { passwordEnabled: true, passwordUsedDaysAgo: 44 })],
    },
  ],
  fail: [
    {
      name: 'a console password last used three months ago',
      resources: [user('bob', { passwordEnabled: true, passwordUsedDaysAgo: 90 })],
      message: /^bob has credentials unused for 45 days or more: console password unused for 90 days$/,
    },
    {
      name: 'a console password unused for exactly 45 days',
      resources: [user('bob', { passwordEnabled: true, passwordUsedDaysAgo: 45 })],
      message: /unused for 45 days/,
    },
    {
      name: 'a console password never used by a user created last year',
      resources: [user('ghost', { createdDaysAgo: 365, passwordEnabled: true, passwordUsedDaysAgo: null })],
      message: /console password never used for 365 days/,
    },
    {
      name: 'an active key created 60 days ago and never used',
      resources: [user('ci', { accessKeys: [key('AKIAIDLE', 60, null)] })],
      message: /access key AKIAIDLE never used for 60 days/,
    },
    {
      name: 'a recently used password does not excuse an idle key',
      resources: [
        user('carol', {
          passwordEnabled: true,
          passwordUsedDaysAgo: 2,
          accessKeys: [key('AKIAIDLE', 500, 100)],
        }),
      ],
      message: /access key AKIAIDLE unused for 100 days$/,
    },
    {
      name: 'a stricter 30-day window makes a key used 35 days ago stale',
      resources: [user('ci', { accessKeys: [key('AKIACI', 400, 35)] })],
      thresholds: { days: 30 },
      message: /30 days or more: access key AKIACI unused for 35 days/,
    },
  ],
  notEvaluated: [
    {
      name: 'an active key with neither a last use nor a creation date',
      resources: [user('ci', { accessKeys: [key('AKIAUNKNOWN', null, null)] })],
      reason: 'not-collected',
      message: /AKIAUNKNOWN/,
    },
    {
      name: 'the credential report could not be read for the console password',
      resources: [
        withGap(
          user('alice', { passwordEnabled: true, passwordUsedDaysAgo: 1 }),
          'passwordLastUsed',
          'access-denied',
          'iam:GetCredentialReport',
        ),
      ],
      reason: 'access-denied',
    },
    {
      name: 'whether the user has a console password could not be read',
      resources: [withGap(user('alice'), 'passwordEnabled', 'access-denied', 'iam:GetLoginProfile')],
      reason: 'access-denied',
    },
  ],
  skip: [
    { name: 'a user with neither a console password nor an access key', resources: [user('role-only')] },
    {
      name: 'a user whose only key is inactive',
      resources: [user('retired', { accessKeys: [key('AKIAOLD', 900, 800, 'Inactive')] })],
    },
  ],
});

describe('iam-user-unused-credentials evidence', () => {
  it('lists only the stale credentials with their idle days', () => {
    const [result] = runCase(check, {
      name: 'mixed',
      resources: [
        user('carol', {
          passwordEnabled: true,
          passwordUsedDaysAgo: 50,
          accessKeys: [key('AKIAIDLE', 500, 100), key('AKIAFRESH', 500, 1)],
        }),
      ],
    });
    expect(result?.evidence).toEqual({
      days: 45,
      stale: [
        { credential: 'console password', idleDays: 50, lastUsed: daysAgo(50) },
        { credential: 'access key AKIAIDLE', idleDays: 100, lastUsed: daysAgo(100) },
      ],
    });
  });
});
