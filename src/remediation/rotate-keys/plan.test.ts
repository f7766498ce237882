import { describe, expect, it } from 'vitest';
import { describeStep, planUser } from './plan.js';
import { DAY_MS, TAG, type AccessKeyState, type RotationSettings, type UserState } from './state.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const SETTINGS: RotationSettings = { maxAgeDays: 90, graceDays: 7 };

function key(
  id: string,
  ageDays: number,
  usedDaysAgo: number | null,
  status: 'Active' | 'Inactive' = 'Active',
): AccessKeyState {
  return { id, status, createdAt: ago(ageDays), lastUsedAt: usedDaysAgo === null ? null : ago(usedDaysAgo) };
}

function user(
  keys: AccessKeyState[],
  tags: Record<string, string> = {},
  storedKeys: string[] = [],
): UserState {
  return { name: 'alice', arn: 'arn:aws:iam::123456789012:user/alice', keys, tags, storedKeys };
}

const steps = (state: UserState, settings = SETTINGS) =>
  planUser(state, settings, NOW).steps.map(describeStep);

describe('planning a rotation', () => {
  it('leaves a key younger than the maximum age alone', () => {
    expect(planUser(user([key('AKIAOLD', 30, 1)]), SETTINGS, NOW).task.kind).toBe('none');
  });

  it('rotates a used key older than the maximum age: tag, create, store, record', () => {
    expect(steps(user([key('AKIAOLD', 100, 1)]))).toEqual([
      'iam:TagUser UserName=alice Tags=onus:rotation:phase=creating,onus:rotation:old-key=AKIAOLD,onus:rotation:started-at=2026-06-01T00:00:00.000Z',
      'iam:CreateAccessKey UserName=alice',
      'secretsmanager:CreateSecret Name=onus/access-keys/alice KmsKeyId=aws/secretsmanager Tags=managed-by=onus',
      'secretsmanager:PutSecretValue SecretId=onus/access-keys/alice (instead, when the secret exists and is tagged managed-by=onus)',
      'iam:TagUser UserName=alice Tags=onus:rotation:phase=stored,onus:rotation:old-key=AKIAOLD,onus:rotation:new-key=<new key>,onus:rotation:created-at=<its creation time>,onus:rotation:stored-in=secretsmanager:onus/access-keys/alice',
    ]);
  });

  it('honours --max-age and --kms-key, and writes to a file with --out-dir', () => {
    expect(
      steps(user([key('AKIAOLD', 40, 1)]), { ...SETTINGS, maxAgeDays: 30, kmsKeyId: 'alias/k' })[2],
    ).toContain('KmsKeyId=alias/k');
    expect(steps(user([key('AKIAOLD', 100, 1)]), { ...SETTINGS, outDir: '/keys' })[2]).toBe(
      'file:write Path=/keys/alice.<new key>.json Mode=0600',
    );
  });

  it('marks keys unused when never used or idle for the maximum age', () => {
    const plan = planUser(user([key('AKIANEVER', 10, null), key('AKIAIDLE', 200, 95)]), SETTINGS, NOW);
    expect(plan.keys.map((report) => [report.id, report.unused, report.old])).toEqual([
      ['AKIANEVER', true, false],
      ['AKIAIDLE', true, true],
    ]);
    expect(plan.task.kind).toBe('none');
  });

  it('asks for an inactive key to be deleted before a new one can be made', () => {
    const plan = planUser(
      user([key('AKIAOLD', 100, 1), key('AKIADEAD', 300, 200, 'Inactive')]),
      SETTINGS,
      NOW,
    );
    expect(plan.task.kind).toBe('none');
    expect(plan.notes.join(' ')).toContain(
      'aws iam delete-access-key --user-name alice --access-key-id AKIADEAD',
    );
  });

  it('deletes a key an interrupted run made but never stored, then starts again', () => {
    const tags = { [TAG.phase]: 'creating', [TAG.oldKey]: 'AKIAOLD', [TAG.startedAt]: ago(1).toISOString() };
    const plan = planUser(user([key('AKIAOLD', 100, 1), key('AKIAORPHAN', 1, null)], tags), SETTINGS, NOW);
    expect(plan.task).toEqual({ kind: 'start', oldKey: 'AKIAOLD', orphans: ['AKIAORPHAN'] });
    expect(plan.steps.map(describeStep)[0]).toBe('iam:DeleteAccessKey UserName=alice AccessKeyId=AKIAORPHAN');
  });

  it('records a key an interrupted run stored but did not record', () => {
    const tags = { [TAG.phase]: 'creating', [TAG.oldKey]: 'AKIAOLD', [TAG.startedAt]: ago(1).toISOString() };
    const plan = planUser(
      user([key('AKIAOLD', 100, 1), key('AKIANEW', 1, null)], tags, ['AKIANEW']),
      SETTINGS,
      NOW,
    );
    expect(plan.task.kind).toBe('adopt');
  });

  it('stops, and says why, when the new key of a rotation was deleted outside onus', () => {
    const tags = {
      [TAG.phase]: 'stored',
      [TAG.oldKey]: 'AKIAOLD',
      [TAG.newKey]: 'AKIAGONE',
      [TAG.createdAt]: ago(10).toISOString(),
    };
    const plan = planUser(user([key('AKIAOLD', 100, 1)], tags), SETTINGS, NOW);
    expect(plan.task.kind).toBe('finish');
    expect(plan.notes[0]).toMatch(/AKIAGONE is gone.*AKIAOLD is left as it is/);
  });

  it('does not delete an old key someone made active again', () => {
    const tags = {
      [TAG.phase]: 'deactivated',
      [TAG.oldKey]: 'AKIAOLD',
      [TAG.newKey]: 'AKIANEW',
      [TAG.deactivatedAt]: ago(30).toISOString(),
    };
    const plan = planUser(user([key('AKIAOLD', 130, 1), key('AKIANEW', 40, 1)], tags), SETTINGS, NOW);
    expect(plan.task.kind).toBe('none');
    expect(plan.notes[0]).toMatch(/made active again/);
  });
});
