import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RotationAccount, mockRotationAccount } from '../../testing/rotation-account.js';
import { handler, settingsFromEnvironment } from './lambda.js';
import { DAY_MS, secretNameOf } from './state.js';

let account: RotationAccount;
let mock: { restore: () => void };

beforeEach(() => {
  account = new RotationAccount();
  mock = mockRotationAccount(account);
  account.now = new Date(Date.now() - 120 * DAY_MS);
  account.addUser('alice', [{ lastUsedAt: new Date(Date.now() - DAY_MS) }]);
  account.addUser('bob', [{ lastUsedAt: new Date(Date.now() - DAY_MS) }]);
  account.now = new Date();
});
afterEach(() => {
  mock.restore();
  vi.unstubAllEnvs();
});

function captureStdout(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe('the scheduled rotation Lambda handler', () => {
  it('reads its settings from the environment', () => {
    expect(
      settingsFromEnvironment({
        MAX_AGE_DAYS: '30',
        GRACE_DAYS: '2',
        KMS_KEY_ID: 'arn:aws:kms:k',
        USERS: 'a, b',
      }),
    ).toEqual({ maxAgeDays: 30, graceDays: 2, kmsKeyId: 'arn:aws:kms:k', users: ['a', 'b'] });
    expect(settingsFromEnvironment({ KMS_KEY_ID: '', USERS: '' })).toEqual({ maxAgeDays: 90, graceDays: 7 });
    expect(() => settingsFromEnvironment({ MAX_AGE_DAYS: 'ninety' })).toThrow(/MAX_AGE_DAYS='ninety'/);
  });

  it('rotates the users named in USERS and logs what it did, never a secret', async () => {
    vi.stubEnv('USERS', 'alice');
    vi.stubEnv('KMS_KEY_ID', 'arn:aws:kms:us-east-1:123456789012:key/abc');
    const out = captureStdout();
    let summary;
    try {
      summary = await handler({});
    } finally {
      out.restore();
    }
    expect(summary.failed).toBe(false);
    expect(account.keysOf('alice')).toHaveLength(2);
    expect(account.keysOf('bob')).toHaveLength(1);
    const fresh = account.keysOf('alice')[1]!;
    expect(account.storedKeyId(secretNameOf('alice'))).toBe(fresh.id);
    expect(account.secrets.get(secretNameOf('alice'))!.kmsKeyId).toBe(
      'arn:aws:kms:us-east-1:123456789012:key/abc',
    );
    expect(out.lines.join('')).toContain(`created ${fresh.id}`);
    expect(out.lines.join('')).not.toContain(fresh.secret);
    expect(JSON.stringify(summary)).not.toContain(fresh.secret);
  });

  it('fails the invocation when a user could not be rotated, so an alarm on Errors fires', async () => {
    account.failing.set('iam:CreateAccessKey', Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const out = captureStdout();
    try {
      await expect(handler({})).rejects.toThrow(/key rotation failed for alice, bob/);
    } finally {
      out.restore();
    }
    expect(out.lines.join('')).toContain('access denied');
  });
});
