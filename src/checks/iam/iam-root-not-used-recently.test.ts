import { describe, expect, it } from 'vitest';
import type { AccessKey } from '../../core/kinds/iam.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './iam-root-not-used-recently.js';

const root = (passwordUsedDaysAgo: number | null, accessKeys: AccessKey[] = []) =>
  resource('iam.root-user', 'root', {
    arn: 'arn:aws:iam::111122223333:root',
    mfaActive: true,
    hardwareMfa: true,
    accessKeys,
    passwordLastUsed: passwordUsedDaysAgo === null ? null : daysAgo(passwordUsedDaysAgo),
  });
const key = (usedDaysAgo: number | null, status: AccessKey['status'] = 'Active'): AccessKey => ({
  id: null,
  status,
  createdAt: daysAgo(2000),
  lastUsedAt: usedDaysAgo === null ? null : daysAgo(usedDaysAgo),
});

testCheck(check, {
  pass: [
    { name: 'root has never signed in nor used a key', resources: [root(null)], message: /never been used/ },
    {
      name: 'root last signed in a year ago',
      resources: [root(365)],
      message: /last used 365 days ago/,
    },
    {
      name: 'root signed in exactly 90 days ago',
      resources: [root(90)],
    },
    {
      name: 'root has an old key last used long ago and a key never used',
      resources: [root(400, [key(200), key(null)])],
      message: /last used 200 days ago/,
    },
  ],
  fail: [
    {
      name: 'root signed in to the console last week',
      resources: [root(7)],
      message: /used in the last 90 days: password \(7 days ago\)$/,
    },
    {
      name: 'a root access key was used yesterday though the password was not',
      resources: [root(null, [key(1)])],
      message: /: access key 1 \(1 days ago\)$/,
    },
    {
      name: 'a root key now inactive was still used last month',
      resources: [root(500, [key(30, 'Inactive')])],
      message: /30 days ago/,
    },
    {
      name: 'a stricter 365-day window catches a sign-in 200 days ago',
      resources: [root(200)],
      thresholds: { days: 365 },
      message: /last 365 days/,
    },
  ],
  notEvaluated: [
    {
      name: 'the credential report could not be read',
      resources: [withGap(root(null), 'passwordLastUsed', 'access-denied', 'iam:GetCredentialReport')],
      reason: 'access-denied',
    },
    {
      name: 'root’s access keys could not be read',
      resources: [withGap(root(300), 'accessKeys', 'throttled', 'iam:GetCredentialReport')],
      reason: 'throttled',
    },
  ],
});

describe('iam-root-not-used-recently evidence', () => {
  it('names each recent use with its date', () => {
    const [result] = runCase(check, { name: 'recent', resources: [root(3, [key(10)])] });
    expect(result?.evidence).toEqual({
      days: 90,
      recentUses: [
        { credential: 'password', lastUsed: daysAgo(3), daysAgo: 3 },
        { credential: 'access key 1', lastUsed: daysAgo(10), daysAgo: 10 },
      ],
    });
  });
});
