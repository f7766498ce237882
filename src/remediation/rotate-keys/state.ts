/**
 * What onus knows about one IAM user's access keys, and the rotation state it keeps in the user's tags so
 * that every run (CLI or Lambda) continues where the last one stopped.
 */

export const DAY_MS = 86_400_000;

/** The tags that hold a rotation in progress. Tag values cannot hold commas, so each field is its own tag. */
export const TAG = {
  phase: 'onus:rotation:phase',
  oldKey: 'onus:rotation:old-key',
  newKey: 'onus:rotation:new-key',
  startedAt: 'onus:rotation:started-at',
  createdAt: 'onus:rotation:created-at',
  storedIn: 'onus:rotation:stored-in',
  deactivatedAt: 'onus:rotation:deactivated-at',
} as const;

export const TAG_KEYS: readonly string[] = Object.values(TAG);

/**
 * `creating`: the old key is recorded before the new one is made, so a run that dies after CreateAccessKey
 * can tell the orphan key apart and delete it. `stored`: the new key is stored; the old one waits for the
 * grace period. `deactivated`: the old key is inactive; it is deleted after another grace period.
 */
export type Phase = 'creating' | 'stored' | 'deactivated';

export interface Rotation {
  phase: Phase;
  oldKey: string;
  startedAt?: string;
  newKey?: string;
  createdAt?: string;
  storedIn?: string;
  deactivatedAt?: string;
}

export interface AccessKeyState {
  id: string;
  status: 'Active' | 'Inactive';
  createdAt: Date;
  /** When the key was last used; null when never. */
  lastUsedAt: Date | null;
}

export interface UserState {
  name: string;
  arn: string;
  keys: AccessKeyState[];
  tags: Record<string, string>;
  /** Keys whose secret is known to be in the store (checked only when a rotation was interrupted). */
  storedKeys: string[];
}

export interface RotationSettings {
  maxAgeDays: number;
  graceDays: number;
  /** KMS key for the secrets; undefined: the account's aws/secretsmanager key. */
  kmsKeyId?: string;
  /** Write new keys to files in this directory instead of Secrets Manager. */
  outDir?: string;
  /** Only these users. */
  users?: string[];
}

export function rotationOf(tags: Record<string, string>): Rotation | null {
  const phase = tags[TAG.phase];
  const oldKey = tags[TAG.oldKey];
  if ((phase !== 'creating' && phase !== 'stored' && phase !== 'deactivated') || !oldKey) return null;
  const optional = (key: string) => tags[key] || undefined;
  return {
    phase,
    oldKey,
    startedAt: optional(TAG.startedAt),
    newKey: optional(TAG.newKey),
    createdAt: optional(TAG.createdAt),
    storedIn: optional(TAG.storedIn),
    deactivatedAt: optional(TAG.deactivatedAt),
  };
}

/** The tags that record `rotation`, as TagUser takes them. */
export function tagsOf(rotation: Rotation): { Key: string; Value: string }[] {
  const entries: [string, string | undefined][] = [
    [TAG.phase, rotation.phase],
    [TAG.oldKey, rotation.oldKey],
    [TAG.startedAt, rotation.startedAt],
    [TAG.newKey, rotation.newKey],
    [TAG.createdAt, rotation.createdAt],
    [TAG.storedIn, rotation.storedIn],
    [TAG.deactivatedAt, rotation.deactivatedAt],
  ];
  return entries.flatMap(([Key, Value]) => (Value === undefined ? [] : [{ Key, Value }]));
}

/**
 * One secret per user. IAM user names may hold commas; secret names may not, so a comma becomes `_`.
 */
export function secretNameOf(user: string): string {
  return `onus/access-keys/${user.replaceAll(',', '_')}`;
}

/** The file a new key is written to with `--out-dir`: one file per key, so none is ever overwritten. */
export function keyFileNameOf(user: string, keyId: string): string {
  return `${user.replaceAll(',', '_')}.${keyId}.json`;
}

/** Where a new key goes, as recorded in the `stored-in` tag. */
export function storedInOf(user: string, settings: Pick<RotationSettings, 'outDir'>, keyId: string): string {
  return settings.outDir ? `file:${keyFileNameOf(user, keyId)}` : `secretsmanager:${secretNameOf(user)}`;
}

/** `90`, `90d`: a whole number of days, or null. */
export function parseDays(text: string): number | null {
  const match = /^(\d{1,5})d?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
