import { describe, expect, it } from 'vitest';
import type { AccessKey } from '../../core/kinds/iam.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './iam-user-access-keys-rotated.js';

const key = (
  id: string | null,
  ageDays: number | null,
  status: AccessKey['status'] = 'Active',
): AccessKey => ({
  id,
  status,
  createdAt: ageDays === null ? null : daysAgo(ageDays),
  lastUsedAt: null,
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

const OLD = 'AKIAOLDOLDOLDOLDOLD1';
const NEW = 'AKIANEWNEWNEWNEWNEW2';

testCheck(check, {
  pass: [
    {
      name: 'the only active key is a month old',
      resources: [user('ci', [key(NEW, 30)])],
      message: /at most 90 days old \(oldest: 30 days\)/,
    },
    { name: 'a key exactly 90 days old is still within the limit', resources: [user('ci', [key(NEW, 90)])] },
    {
      name: 'an ancient key that is inactive does not count',
      resources: [user('ci', [key(OLD, 700, 'Inactive'), key(NEW, 10)])],
    },
    {
      name: 'a 45-day-old key passes the default 90-day limit',
      resources: [user('ci', [key(NEW, 45)])],
    },
  ],
  fail: [
    {
      name: 'the active key is four months old',
      resources: [user('ci', [key(OLD, 120)])],
      message: new RegExp(`^ci has an active access key older than 90 days: ${OLD} \\(120 days\\)$`),
    },
    { name: 'a key one day past the limit', resources: [user('ci', [key(OLD, 91)])], message: /91 days/ },
    {
      name: 'one of two active keys is stale: only that one is named',
      resources: [user('ci', [key(OLD, 200), key(NEW, 5)])],
      message: new RegExp(`older than 90 days: ${OLD} \\(200 days\\)$`),
    },
    {
      name: 'both active keys are stale',
      resources: [user('ci', [key(OLD, 400), key(NEW, 100)])],
      message: /2 active access keys older than 90 days: .*\(400 days\), .*\(100 days\)/,
    },
    {
      name: 'a stale key fails even when the other active key has no known creation date',
      resources: [user('ci', [key(null, null), key(OLD, 150)])],
      message: new RegExp(`${OLD} \\(150 days\\)`),
    },
    {
      name: 'a key without an id is named by its position',
      resources: [user('ci', [key(null, 10, 'Inactive'), key(null, 100)])],
      message: /access key 2 \(100 days\)/,
    },
    {
      name: 'a stricter 30-day limit makes a 45-day-old key stale',
      resources: [user('ci', [key(NEW, 45)])],
      thresholds: { maxAgeDays: 30 },
      message: /older than 30 days: .*\(45 days\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the creation date of the only active key was not collected',
      resources: [user('ci', [key(NEW, null)])],
      reason: 'not-collected',
      message: new RegExp(`Could not tell how old ci's active access key ${NEW} is`),
    },
    {
      name: 'a fresh key does not make up for another active key of unknown age',
      resources: [user('ci', [key(NEW, 5), key(OLD, null)])],
      reason: 'not-collected',
      message: new RegExp(OLD),
    },
    {
      name: 'the user’s access keys could not be listed',
      resources: [withGap(user('ci', [key(NEW, 5)]), 'accessKeys', 'access-denied', 'iam:ListAccessKeys')],
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
  skip: [
    { name: 'a user with no access keys gets no result', resources: [user('alice', [])] },
    {
      name: 'a user whose only key is inactive, however old, gets no result',
      resources: [user('retired', [key(OLD, 900, 'Inactive')])],
    },
  ],
});

describe('iam-user-access-keys-rotated evidence', () => {
  it('lists each stale key with its id and age, and leaves fresh keys out', () => {
    const [result] = runCase(check, {
      name: 'two stale keys and a fresh one',
      resources: [user('ci', [key(OLD, 400), key(NEW, 100)])],
    });
    expect(result?.evidence).toEqual({
      maxAgeDays: 90,
      staleKeys: [
        { id: OLD, ageDays: 400, createdAt: daysAgo(400) },
        { id: NEW, ageDays: 100, createdAt: daysAgo(100) },
      ],
    });
  });

  it('records the threshold that was applied', () => {
    const [result] = runCase(check, {
      name: 'override',
      resources: [user('ci', [key(NEW, 45)])],
      thresholds: { maxAgeDays: 30 },
    });
    expect(result?.evidence).toMatchObject({ maxAgeDays: 30, staleKeys: [{ id: NEW, ageDays: 45 }] });
  });
});
