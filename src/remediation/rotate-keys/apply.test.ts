import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../../testing/aws.js';
import { RotationAccount, mockRotationAccount } from '../../testing/rotation-account.js';
import { RootUserError, rotateKeys, type RotationRun } from './apply.js';
import type { RotationClients } from './aws.js';
import { DAY_MS, TAG, secretNameOf, type RotationSettings } from './state.js';

const T0 = new Date('2026-06-01T12:00:00Z');
const SETTINGS: RotationSettings = { maxAgeDays: 90, graceDays: 7 };
const SECRET = secretNameOf('alice');
const days = (n: number) => new Date(T0.getTime() + n * DAY_MS);

let account: RotationAccount;
let mock: { restore: () => void };
const clients: RotationClients = {
  iam: new IAMClient({ region: 'us-east-1' }),
  secrets: new SecretsManagerClient({ region: 'us-east-1' }),
  sleep: () => Promise.resolve(),
};

/** alice has one active key, 120 days old, last used the day before the rotation starts. */
function aliceWithOldKey(): string {
  account.now = days(-120);
  account.addUser('alice', [{ lastUsedAt: days(-1) }]);
  return account.keysOf('alice')[0]!.id;
}

async function runAt(at: Date, settings = SETTINGS): Promise<RotationRun> {
  account.now = at;
  return rotateKeys(clients, settings, { apply: true, now: at });
}

function rotationTags(user = 'alice'): string[] {
  return Object.keys(account.tagsOf(user)).filter((key) => key.startsWith('onus:rotation:'));
}

beforeEach(() => {
  account = new RotationAccount();
  mock = mockRotationAccount(account);
});
afterEach(() => {
  mock.restore();
});

describe('rotating a key that is too old', () => {
  it('creates a new key, stores it in a tagged secret and records the rotation, leaving the old key active', async () => {
    const old = aliceWithOldKey();
    const run = await runAt(T0);
    expect(run.failed).toBe(false);
    const keys = account.keysOf('alice');
    expect(keys).toHaveLength(2);
    const fresh = keys.find((key) => key.id !== old)!;
    expect(keys.every((key) => key.status === 'Active')).toBe(true);
    expect(account.storedKeyId(SECRET)).toBe(fresh.id);
    expect(account.secrets.get(SECRET)!.tags).toContainEqual({ Key: 'managed-by', Value: 'onus' });
    expect(account.tagsOf('alice')).toMatchObject({
      [TAG.phase]: 'stored',
      [TAG.oldKey]: old,
      [TAG.newKey]: fresh.id,
      [TAG.storedIn]: `secretsmanager:${SECRET}`,
    });
    expect(run.outcomes[0]!.revealed).toBeUndefined();
  });

  it('does nothing harmful when run again before the grace period ends', async () => {
    const old = aliceWithOldKey();
    await runAt(T0);
    const before = structuredClone(account.keysOf('alice'));
    const run = await runAt(days(3));
    expect(run.failed).toBe(false);
    expect(account.keysOf('alice')).toEqual(before);
    expect(account.keysOf('alice').find((key) => key.id === old)!.status).toBe('Active');
    expect(run.outcomes[0]!.plan.next).toMatch(/deactivate/);
  });

  it('deactivates the old key after the grace period when it was not used since the new key was made', async () => {
    const old = aliceWithOldKey();
    await runAt(T0);
    await runAt(days(8));
    expect(account.keysOf('alice').find((key) => key.id === old)!.status).toBe('Inactive');
    expect(account.tagsOf('alice')[TAG.phase]).toBe('deactivated');
  });

  it('leaves the old key active when something used it after the new key was made', async () => {
    const old = aliceWithOldKey();
    await runAt(T0);
    account.use(old, days(5));
    const run = await runAt(days(8));
    expect(account.keysOf('alice').find((key) => key.id === old)!.status).toBe('Active');
    expect(run.outcomes[0]!.plan.notes.join(' ')).toMatch(/still uses it/);
    expect(account.tagsOf('alice')[TAG.phase]).toBe('stored');
  });

  it('deletes the deactivated key after another grace period and clears the tags', async () => {
    const old = aliceWithOldKey();
    await runAt(T0);
    await runAt(days(8));
    await runAt(days(12));
    expect(account.keysOf('alice').some((key) => key.id === old)).toBe(true);
    await runAt(days(16));
    const keys = account.keysOf('alice');
    expect(keys).toHaveLength(1);
    expect(keys[0]!.id).not.toBe(old);
    expect(account.storedKeyId(SECRET)).toBe(keys[0]!.id);
    expect(rotationTags()).toEqual([]);
  });

  it('uses PutSecretValue on the secret of an earlier rotation', async () => {
    aliceWithOldKey();
    for (const at of [0, 8, 16]) await runAt(days(at));
    const first = account.storedKeyId(SECRET)!;
    account.use(first, days(100));
    for (const at of [120, 128, 136]) await runAt(days(at));
    const second = account.keysOf('alice')[0]!.id;
    expect(second).not.toBe(first);
    expect(account.storedKeyId(SECRET)).toBe(second);
    expect(account.calls).toContain('secretsmanager:PutSecretValue');
  });

  it('will not overwrite a secret of that name that onus did not create', async () => {
    const old = aliceWithOldKey();
    account.secrets.set(SECRET, { tags: [], kmsKeyId: undefined, versions: new Map() });
    const run = await runAt(T0);
    expect(run.outcomes[0]!.error).toMatch(/not tagged managed-by=onus/);
    expect(account.keysOf('alice').map((key) => key.id)).toEqual([old]);
  });

  it('passes the KMS key to CreateSecret', async () => {
    aliceWithOldKey();
    await runAt(T0, { ...SETTINGS, kmsKeyId: 'alias/rotation' });
    expect(account.secrets.get(SECRET)!.kmsKeyId).toBe('alias/rotation');
  });
});

describe('users onus cannot or will not rotate', () => {
  it('explains that a user with two active keys must remove one first, and changes nothing', async () => {
    account.now = days(-200);
    account.addUser('bob', [{ lastUsedAt: days(-1) }, { lastUsedAt: days(-2) }]);
    const run = await runAt(T0);
    expect(run.outcomes[0]!.plan.notes.join(' ')).toMatch(/two active keys.*deactivate and delete the other/);
    expect(account.calls.filter((call) => !/List|GetAccessKeyLastUsed/.test(call))).toEqual([]);
  });

  it('reports an unused key instead of rotating it', async () => {
    account.now = days(-200);
    account.addUser('carol', [{}]);
    const run = await runAt(T0);
    expect(run.outcomes[0]!.plan.keys[0]).toMatchObject({ unused: true, old: true });
    expect(run.outcomes[0]!.plan.notes.join(' ')).toMatch(/never used.*deactivate or delete it/);
    expect(account.keysOf('carol')).toHaveLength(1);
  });

  it('refuses the root user and says why', async () => {
    await expect(
      rotateKeys(clients, { ...SETTINGS, users: ['root'] }, { apply: true, now: T0 }),
    ).rejects.toThrow(RootUserError);
    await expect(
      rotateKeys(clients, { ...SETTINGS, users: ['root'] }, { apply: false, now: T0 }),
    ).rejects.toThrow(/root should have none at all/);
  });

  it('limits the run to the users named', async () => {
    aliceWithOldKey();
    account.addUser('dave', [{ createdAt: days(-300), lastUsedAt: days(-1) }]);
    await rotateKeys(clients, { ...SETTINGS, users: ['dave'] }, { apply: true, now: T0 });
    expect(account.keysOf('alice')).toHaveLength(1);
    expect(account.keysOf('dave')).toHaveLength(2);
  });
});

describe('failures', () => {
  it('retries throttled calls and then succeeds', async () => {
    aliceWithOldKey();
    account.throttle = 3;
    const run = await runAt(T0);
    expect(run.failed).toBe(false);
    expect(account.keysOf('alice')).toHaveLength(2);
  });

  it('gives up on a call still throttled after five attempts, with one line saying so', async () => {
    const old = aliceWithOldKey();
    account.failing.set('iam:TagUser', awsError('Throttling', 400, 'Rate exceeded'));
    const run = await runAt(T0);
    expect(run.outcomes[0]!.error).toMatch(
      /^iam:TagUser UserName=alice.*: still throttled after 5 attempts; try again later$/,
    );
    expect(account.calls.filter((call) => call === 'iam:TagUser')).toHaveLength(5);
    expect(account.keysOf('alice').map((key) => key.id)).toEqual([old]);
  });

  it('names the call and the permission when access is denied, and leaves the old key alone', async () => {
    const old = aliceWithOldKey();
    account.failing.set('iam:CreateAccessKey', awsError('AccessDenied', 403, 'User is not authorized'));
    const run = await runAt(T0);
    expect(run.outcomes[0]!.error).toBe(
      'iam:CreateAccessKey UserName=alice: access denied; the caller needs iam:CreateAccessKey (see docs/rotation.md for the policy)',
    );
    expect(account.keysOf('alice').map((key) => key.id)).toEqual([old]);
  });

  it('deletes the new key when it cannot be stored, and says so loudly when even that fails', async () => {
    const old = aliceWithOldKey();
    account.failing.set('secretsmanager:CreateSecret', awsError('AccessDeniedException', 400));
    const run = await runAt(T0);
    expect(run.outcomes[0]!.error).toMatch(/secretsmanager:CreateSecret.*access denied/);
    expect(account.keysOf('alice').map((key) => key.id)).toEqual([old]);

    account.failing.set('iam:DeleteAccessKey', awsError('ServiceUnavailable', 503));
    const lost = await runAt(T0);
    const orphan = account.keysOf('alice').find((key) => key.id !== old)!;
    expect(lost.outcomes[0]!.alarm).toContain(
      `NEW KEY ${orphan.id} OF alice COULD NOT BE STORED AND COULD NOT BE DELETED`,
    );
    expect(lost.failed).toBe(true);

    account.failing.clear();
    await runAt(days(1));
    expect(account.keysOf('alice').some((key) => key.id === orphan.id)).toBe(false);
    expect(account.storedKeyId(SECRET)).toBe(account.keysOf('alice').find((key) => key.id !== old)!.id);
  });
});

/** The runs of a whole rotation, a little more than a grace period apart. */
const SCHEDULE = [0, 8, 16, 24, 32, 40, 48].map(days);

/**
 * After every run, whatever failed: alice has a working key that is either the original or the one the
 * secret holds, and the secret never holds a key that is gone.
 */
function expectNoKeyLost(original: string): void {
  const keys = account.keysOf('alice');
  const stored = account.storedKeyId(SECRET);
  const working = keys.filter((key) => key.status === 'Active').map((key) => key.id);
  expect(working.some((id) => id === original || id === stored)).toBe(true);
  if (stored !== null) expect(keys.map((key) => key.id)).toContain(stored);
}

function expectRotated(original: string): void {
  const keys = account.keysOf('alice');
  expect(keys).toHaveLength(1);
  expect(keys[0]!.id).not.toBe(original);
  expect(keys[0]!.status).toBe('Active');
  expect(account.storedKeyId(SECRET)).toBe(keys[0]!.id);
  expect(rotationTags()).toEqual([]);
}

async function rotateOnSchedule(original: string): Promise<void> {
  for (const at of SCHEDULE) {
    await runAt(at).catch(() => undefined);
    expectNoKeyLost(original);
  }
}

describe('a failure at any step of a rotation', () => {
  async function countCalls(): Promise<number> {
    const original = aliceWithOldKey();
    await rotateOnSchedule(original);
    expectRotated(original);
    return account.calls.length;
  }

  it('never loses a key, and later runs finish the rotation', async () => {
    const total = await countCalls();
    expect(total).toBeGreaterThan(15);
    for (const mode of ['before', 'after'] as const) {
      for (let call = 1; call <= total; call++) {
        mock.restore();
        account = new RotationAccount();
        mock = mockRotationAccount(account);
        const original = aliceWithOldKey();
        account.failAt = { call, mode };
        await rotateOnSchedule(original);
        expect(account.calls.length, `${mode} call ${call}`).toBeGreaterThanOrEqual(call);
        expectRotated(original);
      }
    }
  });
});
