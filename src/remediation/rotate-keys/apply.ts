import { constants } from 'node:fs';
import { access, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsCallError, errorCodeOf, sendIam, sendSecrets, type RotationClients } from './aws.js';
import { planUser, type Task, type UserPlan } from './plan.js';
import {
  TAG_KEYS,
  keyFileNameOf,
  rotationOf,
  secretNameOf,
  storedInOf,
  tagsOf,
  type AccessKeyState,
  type Rotation,
  type RotationSettings,
  type UserState,
} from './state.js';

/**
 * Reading IAM, and carrying out a plan. Each run does at most one step of a user's rotation state machine
 * and records it in the user's tags before the next, so a run stopped anywhere is continued by the next one.
 * The old key is never deactivated or deleted before the new one is stored.
 */

export class RootUserError extends Error {
  constructor() {
    super(
      "onus does not rotate the root user's access keys: root should have none at all. Delete them " +
        '(Security credentials page, signed in as root) and use IAM roles or users instead',
    );
    this.name = 'RootUserError';
  }
}

export class UnknownUserError extends Error {
  constructor(readonly users: string[]) {
    super(`no IAM user named ${users.map((user) => `'${user}'`).join(', ')}`);
    this.name = 'UnknownUserError';
  }
}

const ROOT_NAMES = new Set(['root', '<root_account>']);

/** The IAM state of the users in scope: their keys, when each was last used, and their tags. */
export async function readUsers(clients: RotationClients, settings: RotationSettings): Promise<UserState[]> {
  const wanted = settings.users;
  if (wanted?.some((user) => ROOT_NAMES.has(user))) throw new RootUserError();
  const users: { UserName: string; Arn: string }[] = [];
  let marker: string | undefined;
  do {
    const page = await sendIam(clients, 'iam:ListUsers', marker ? { Marker: marker } : {});
    for (const user of page.Users ?? []) {
      if (user.UserName && user.Arn) users.push({ UserName: user.UserName, Arn: user.Arn });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  if (wanted) {
    const missing = wanted.filter((name) => !users.some((user) => user.UserName === name));
    if (missing.length > 0) throw new UnknownUserError(missing);
  }
  const inScope = wanted ? users.filter((user) => wanted.includes(user.UserName)) : users;
  const states: UserState[] = [];
  for (const user of inScope) states.push(await readUser(clients, user.UserName, user.Arn, settings));
  return states;
}

async function readUser(
  clients: RotationClients,
  name: string,
  arn: string,
  settings: RotationSettings,
): Promise<UserState> {
  const listed = await sendIam(clients, 'iam:ListAccessKeys', { UserName: name });
  const keys: AccessKeyState[] = [];
  for (const key of listed.AccessKeyMetadata ?? []) {
    if (!key.AccessKeyId) continue;
    const used = await sendIam(clients, 'iam:GetAccessKeyLastUsed', {
      AccessKeyId: key.AccessKeyId,
    });
    keys.push({
      id: key.AccessKeyId,
      status: key.Status === 'Active' ? 'Active' : 'Inactive',
      createdAt: key.CreateDate ?? new Date(0),
      lastUsedAt: used.AccessKeyLastUsed?.LastUsedDate ?? null,
    });
  }
  const tagged = await sendIam(clients, 'iam:ListUserTags', { UserName: name });
  const tags = Object.fromEntries((tagged.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  const state: UserState = { name, arn, keys, tags, storedKeys: [] };
  const rotation = rotationOf(tags);
  if (rotation?.phase === 'creating') {
    // An interrupted run may have stored a key it did not get to record.
    for (const key of keys) {
      if (key.id !== rotation.oldKey && (await isStored(clients, settings, name, key.id))) {
        state.storedKeys.push(key.id);
      }
    }
  }
  return state;
}

/** Secrets Manager version ids are chosen by onus, so a stored key is found without reading any secret. */
export function versionIdOf(keyId: string): string {
  return `onus-rotation-${keyId}`.padEnd(32, '0');
}

async function isStored(
  clients: RotationClients,
  settings: RotationSettings,
  user: string,
  keyId: string,
): Promise<boolean> {
  if (settings.outDir) {
    try {
      await access(join(settings.outDir, keyFileNameOf(user, keyId)), constants.F_OK);
      return true;
    } catch {
      return false;
    }
  }
  try {
    const secret = await sendSecrets(clients, 'secretsmanager:DescribeSecret', {
      SecretId: secretNameOf(user),
    });
    return secret.VersionIdsToStages?.[versionIdOf(keyId)]?.includes('AWSCURRENT') ?? false;
  } catch (error) {
    if (error instanceof AwsCallError && error.code === 'ResourceNotFoundException') return false;
    throw error;
  }
}

interface NewKey {
  id: string;
  secret: string;
  createdAt: Date;
}

function secretValueOf(user: string, key: NewKey): string {
  return JSON.stringify({
    UserName: user,
    AccessKeyId: key.id,
    SecretAccessKey: key.secret,
    CreateDate: key.createdAt.toISOString(),
  });
}

async function storeInFile(dir: string, user: string, key: NewKey): Promise<void> {
  const path = join(dir, keyFileNameOf(user, key.id));
  // 'wx': never overwrite; the mode applies from creation, so the secret is never readable by others.
  const file = await open(path, 'wx', 0o600);
  let written = false;
  try {
    await file.writeFile(`${secretValueOf(user, key)}\n`);
    written = true;
  } finally {
    await file.close();
    // A half-written file would pass for a stored key on the next run.
    if (!written) await unlink(path).catch(() => undefined);
  }
}

async function storeInSecretsManager(
  clients: RotationClients,
  settings: RotationSettings,
  user: string,
  key: NewKey,
): Promise<void> {
  const name = secretNameOf(user);
  const value = secretValueOf(user, key);
  const version = versionIdOf(key.id);
  try {
    await sendSecrets(clients, 'secretsmanager:CreateSecret', {
      Name: name,
      SecretString: value,
      ClientRequestToken: version,
      Description: `Access key of IAM user ${user}, rotated by onus`,
      Tags: [{ Key: 'managed-by', Value: 'onus' }],
      ...(settings.kmsKeyId ? { KmsKeyId: settings.kmsKeyId } : {}),
    });
    return;
  } catch (error) {
    if (!(error instanceof AwsCallError && error.code === 'ResourceExistsException')) throw error;
  }
  const existing = await sendSecrets(clients, 'secretsmanager:DescribeSecret', {
    SecretId: name,
  });
  if (!existing.Tags?.some((tag) => tag.Key === 'managed-by' && tag.Value === 'onus')) {
    throw new AwsCallError(
      'secretsmanager:PutSecretValue',
      'NotManagedByOnus',
      `secret ${name} exists but is not tagged managed-by=onus: onus will not overwrite it; rename it or tag it`,
    );
  }
  await sendSecrets(clients, 'secretsmanager:PutSecretValue', {
    SecretId: name,
    SecretString: value,
    ClientRequestToken: version,
  });
}

/** What one user's run did. */
export interface UserOutcome {
  user: string;
  plan: UserPlan;
  /** Steps carried out, as printed. */
  done: string[];
  /** The step that failed and why, if one did. */
  error: string | null;
  /** A key that may be lost: its secret could not be stored, and it could not be deleted either. */
  alarm: string | null;
  /** The new secret, only when asked to reveal it. */
  revealed?: { accessKeyId: string; secretAccessKey: string };
}

async function tagUser(
  clients: RotationClients,
  user: string,
  rotation: Rotation,
  done: string[],
): Promise<void> {
  await sendIam(clients, 'iam:TagUser', { UserName: user, Tags: tagsOf(rotation) });
  done.push(`recorded phase ${rotation.phase} in the tags of ${user}`);
}

async function untagUser(clients: RotationClients, user: string, done: string[]): Promise<void> {
  await sendIam(clients, 'iam:UntagUser', { UserName: user, TagKeys: [...TAG_KEYS] });
  done.push(`cleared the rotation tags of ${user}`);
}

async function deleteKey(
  clients: RotationClients,
  user: string,
  keyId: string,
  done: string[],
): Promise<void> {
  await sendIam(clients, 'iam:DeleteAccessKey', { UserName: user, AccessKeyId: keyId });
  done.push(`deleted ${keyId}`);
}

async function start(
  clients: RotationClients,
  settings: RotationSettings,
  user: string,
  task: Extract<Task, { kind: 'start' }>,
  now: Date,
  outcome: UserOutcome,
  reveal: boolean,
): Promise<void> {
  const { done } = outcome;
  for (const orphan of task.orphans) await deleteKey(clients, user, orphan, done);
  await tagUser(
    clients,
    user,
    { phase: 'creating', oldKey: task.oldKey, startedAt: now.toISOString() },
    done,
  );
  const created = await sendIam(clients, 'iam:CreateAccessKey', { UserName: user });
  const made = created.AccessKey;
  if (!made?.AccessKeyId || !made.SecretAccessKey) {
    throw new AwsCallError(
      'iam:CreateAccessKey',
      'NoKey',
      `iam:CreateAccessKey UserName=${user}: no key returned`,
    );
  }
  const key: NewKey = {
    id: made.AccessKeyId,
    secret: made.SecretAccessKey,
    createdAt: made.CreateDate ?? now,
  };
  done.push(`created ${key.id}`);
  try {
    if (settings.outDir) await storeInFile(settings.outDir, user, key);
    else await storeInSecretsManager(clients, settings, user, key);
  } catch (error) {
    // A failure may come after the secret was written (a timeout): only a key known not to be stored goes.
    const stored = await isStored(clients, settings, user, key.id).catch(() => false);
    if (!stored) {
      try {
        await deleteKey(clients, user, key.id, done);
      } catch (deleteError) {
        const why = deleteError instanceof Error ? deleteError.message : String(deleteError);
        outcome.alarm =
          `NEW KEY ${key.id} OF ${user} COULD NOT BE STORED AND COULD NOT BE DELETED; its secret is lost: ` +
          `delete it yourself (aws iam delete-access-key --user-name ${user} --access-key-id ${key.id}); ${why}`;
      }
      throw error;
    }
  }
  const storedIn = storedInOf(user, settings, key.id);
  done.push(`stored ${key.id} in ${storedIn}`);
  if (reveal) outcome.revealed = { accessKeyId: key.id, secretAccessKey: key.secret };
  await tagUser(
    clients,
    user,
    {
      phase: 'stored',
      oldKey: task.oldKey,
      newKey: key.id,
      createdAt: key.createdAt.toISOString(),
      storedIn,
    },
    done,
  );
}

async function carryOut(
  clients: RotationClients,
  settings: RotationSettings,
  plan: UserPlan,
  now: Date,
  outcome: UserOutcome,
  reveal: boolean,
): Promise<void> {
  const { task, user } = plan;
  const { done } = outcome;
  switch (task.kind) {
    case 'none':
      return;
    case 'start':
      return start(clients, settings, user, task, now, outcome, reveal);
    case 'adopt':
      return tagUser(
        clients,
        user,
        {
          phase: 'stored',
          oldKey: task.rotation.oldKey,
          newKey: task.newKey.id,
          createdAt: task.newKey.createdAt.toISOString(),
          storedIn: storedInOf(user, settings, task.newKey.id),
        },
        done,
      );
    case 'deactivate':
      await sendIam(clients, 'iam:UpdateAccessKey', {
        UserName: user,
        AccessKeyId: task.rotation.oldKey,
        Status: 'Inactive',
      });
      done.push(`deactivated ${task.rotation.oldKey}`);
      return tagUser(
        clients,
        user,
        { ...task.rotation, phase: 'deactivated', deactivatedAt: now.toISOString() },
        done,
      );
    case 'mark-deactivated':
      return tagUser(
        clients,
        user,
        { ...task.rotation, phase: 'deactivated', deactivatedAt: now.toISOString() },
        done,
      );
    case 'delete':
      await deleteKey(clients, user, task.rotation.oldKey, done);
      return untagUser(clients, user, done);
    case 'finish':
      return untagUser(clients, user, done);
  }
}

export interface RotationRun {
  outcomes: UserOutcome[];
  /** True when some user's step failed or a key may be lost. */
  failed: boolean;
}

/**
 * Plans every user in scope and, with `apply`, carries out each plan. A failure stops that user's run (the
 * tags say where it stopped) and the others go on.
 */
export async function rotateKeys(
  clients: RotationClients,
  settings: RotationSettings,
  options: { apply: boolean; now: Date; reveal?: boolean },
): Promise<RotationRun> {
  const users = await readUsers(clients, settings);
  const outcomes: UserOutcome[] = [];
  for (const state of users) {
    const plan = planUser(state, settings, options.now);
    const outcome: UserOutcome = { user: state.name, plan, done: [], error: null, alarm: null };
    outcomes.push(outcome);
    if (!options.apply) continue;
    try {
      await carryOut(clients, settings, plan, options.now, outcome, options.reveal ?? false);
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : `${errorCodeOf(error)}: ${String(error)}`;
    }
  }
  return { outcomes, failed: outcomes.some((outcome) => outcome.error !== null || outcome.alarm !== null) };
}
