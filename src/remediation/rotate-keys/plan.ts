import {
  DAY_MS,
  TAG,
  TAG_KEYS,
  daysBetween,
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
 * The planner: from the IAM state of each user and the time, what a rotation run would do. Pure, so the
 * plan printed without `--apply` is exactly what `--apply` carries out.
 */

/** One API call, as printed: `iam:CreateAccessKey UserName=alice`. */
export interface Step {
  action: string;
  params: Record<string, string>;
  /** When the call is made only in some cases. */
  when?: string;
}

export interface KeyReport {
  id: string;
  status: 'Active' | 'Inactive';
  ageDays: number;
  lastUsedAt: string | null;
  /** Older than the maximum age. */
  old: boolean;
  /** Never used, or not used for the maximum age. */
  unused: boolean;
}

/**
 * What this run does for one user. `start`: create, store and record a new key (after deleting `orphans`,
 * keys a run created but could not store). `adopt`: record a new key that a run stored but did not record.
 * `deactivate` and `delete` act on the old key; `mark-deactivated` and `finish` only update the tags.
 */
export type Task =
  | { kind: 'none' }
  | { kind: 'start'; oldKey: string; orphans: string[] }
  | { kind: 'adopt'; rotation: Rotation; newKey: AccessKeyState }
  | { kind: 'deactivate'; rotation: Rotation }
  | { kind: 'mark-deactivated'; rotation: Rotation }
  | { kind: 'delete'; rotation: Rotation }
  | { kind: 'finish'; rotation: Rotation };

export interface UserPlan {
  user: string;
  keys: KeyReport[];
  task: Task;
  steps: Step[];
  /** Why, and what the user has to do when onus cannot. */
  notes: string[];
  /** What is left for a later run, if anything. */
  next: string | null;
}

export function describeStep(step: Step): string {
  const call = [step.action, ...Object.entries(step.params).map(([key, value]) => `${key}=${value}`)].join(
    ' ',
  );
  return step.when ? `${call} (${step.when})` : call;
}

const NEW_KEY = '<new key>';
const CREATED = '<its creation time>';

function keyReport(key: AccessKeyState, settings: RotationSettings, now: Date): KeyReport {
  const ageDays = daysBetween(key.createdAt, now);
  const idleSince = key.lastUsedAt ?? key.createdAt;
  return {
    id: key.id,
    status: key.status,
    ageDays,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    old: ageDays >= settings.maxAgeDays,
    unused: key.lastUsedAt === null ? ageDays >= 1 : daysBetween(idleSince, now) >= settings.maxAgeDays,
  };
}

function storeSteps(user: string, settings: RotationSettings): Step[] {
  if (settings.outDir) {
    return [
      { action: 'file:write', params: { Path: `${settings.outDir}/${user}.${NEW_KEY}.json`, Mode: '0600' } },
    ];
  }
  const name = secretNameOf(user);
  return [
    {
      action: 'secretsmanager:CreateSecret',
      params: {
        Name: name,
        KmsKeyId: settings.kmsKeyId ?? 'aws/secretsmanager',
        Tags: 'managed-by=onus',
      },
    },
    {
      action: 'secretsmanager:PutSecretValue',
      params: { SecretId: name },
      when: 'instead, when the secret exists and is tagged managed-by=onus',
    },
  ];
}

function tagStep(user: string, rotation: Rotation): Step {
  const tags = tagsOf(rotation).map((tag) => `${tag.Key}=${tag.Value}`);
  return { action: 'iam:TagUser', params: { UserName: user, Tags: tags.join(',') } };
}

function untagStep(user: string): Step {
  return { action: 'iam:UntagUser', params: { UserName: user, TagKeys: TAG_KEYS.join(',') } };
}

function dateOf(text: string | undefined): Date | null {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function afterGrace(since: Date, settings: RotationSettings): Date {
  return new Date(since.getTime() + settings.graceDays * DAY_MS);
}

function planStart(state: UserState, reports: KeyReport[], settings: RotationSettings, now: Date): UserPlan {
  const user = state.name;
  const base = { user, keys: reports, notes: [] as string[], next: null };
  const active = reports.filter((key) => key.status === 'Active');
  const due = active.filter((key) => key.old && !key.unused).sort((a, b) => b.ageDays - a.ageDays);
  const notes = reports
    .filter((key) => key.unused && key.status === 'Active')
    .map(
      (key) =>
        `${key.id} is unused (${key.lastUsedAt ? `last used ${key.lastUsedAt.slice(0, 10)}` : 'never used'}): ` +
        `deactivate or delete it rather than rotate it (onus does not make a new key no one needs)`,
    );
  const oldest = due[0];
  if (!oldest) return { ...base, notes, task: { kind: 'none' }, steps: [] };
  if (active.length >= 2) {
    notes.push(
      `two active keys: IAM allows two, so no new key can be made until one is gone; find which one your ` +
        `applications use (last used dates above), then deactivate and delete the other ` +
        `(aws iam update-access-key --user-name ${user} --access-key-id ID --status Inactive, then ` +
        `aws iam delete-access-key ...) and run onus again`,
    );
    return { ...base, notes, task: { kind: 'none' }, steps: [] };
  }
  const other = reports.find((key) => key.id !== oldest.id);
  if (other) {
    notes.push(
      `inactive key ${other.id} takes the second key slot: delete it if nothing needs it ` +
        `(aws iam delete-access-key --user-name ${user} --access-key-id ${other.id}) and run onus again`,
    );
    return { ...base, notes, task: { kind: 'none' }, steps: [] };
  }
  notes.push(`${oldest.id} is ${oldest.ageDays} days old (maximum ${settings.maxAgeDays}): rotate it`);
  return {
    ...base,
    notes,
    task: { kind: 'start', oldKey: oldest.id, orphans: [] },
    steps: startSteps(user, oldest.id, [], settings, now),
    next: `after ${settings.graceDays} days: deactivate ${oldest.id} if it is no longer used`,
  };
}

function startSteps(
  user: string,
  oldKey: string,
  orphans: string[],
  settings: RotationSettings,
  now: Date,
): Step[] {
  return [
    ...orphans.map((id) => ({ action: 'iam:DeleteAccessKey', params: { UserName: user, AccessKeyId: id } })),
    tagStep(user, { phase: 'creating', oldKey, startedAt: now.toISOString() }),
    { action: 'iam:CreateAccessKey', params: { UserName: user } },
    ...storeSteps(user, settings),
    tagStep(user, {
      phase: 'stored',
      oldKey,
      newKey: NEW_KEY,
      createdAt: CREATED,
      storedIn: storedInOf(user, settings, NEW_KEY),
    }),
  ];
}

/** A rotation recorded in the tags: the next step of its state machine. */
function planResume(
  state: UserState,
  reports: KeyReport[],
  rotation: Rotation,
  settings: RotationSettings,
  now: Date,
): UserPlan {
  const user = state.name;
  const base = { user, keys: reports, notes: [] as string[], next: null as string | null };
  const oldKey = state.keys.find((key) => key.id === rotation.oldKey);
  const finish = (note: string): UserPlan => ({
    ...base,
    notes: [note],
    task: { kind: 'finish', rotation },
    steps: [untagStep(user)],
  });

  if (rotation.phase === 'creating') {
    const others = state.keys.filter((key) => key.id !== rotation.oldKey);
    const stored = others.find((key) => state.storedKeys.includes(key.id));
    if (stored) {
      return {
        ...base,
        notes: [`a run stored new key ${stored.id} but did not record it: recording it now`],
        task: { kind: 'adopt', rotation, newKey: stored },
        steps: [
          tagStep(user, {
            phase: 'stored',
            oldKey: rotation.oldKey,
            newKey: stored.id,
            createdAt: stored.createdAt.toISOString(),
            storedIn: storedInOf(user, settings, stored.id),
          }),
        ],
        next: `after ${settings.graceDays} days: deactivate ${rotation.oldKey} if it is no longer used`,
      };
    }
    if (!oldKey) return finish(`old key ${rotation.oldKey} is gone: nothing left to rotate`);
    // A key made after the rotation started whose secret was never stored: no one can use it.
    const started = dateOf(rotation.startedAt);
    const orphans = others
      .filter((key) => started === null || key.createdAt.getTime() >= started.getTime() - 60_000)
      .map((key) => key.id);
    if (others.length > orphans.length) {
      return {
        ...base,
        notes: [
          `a rotation of ${rotation.oldKey} started, but another key was made before it; onus stops here: ` +
            `remove the onus:rotation:* tags from ${user} once you have sorted the keys out`,
        ],
        task: { kind: 'none' },
        steps: [],
      };
    }
    return {
      ...base,
      notes: [
        orphans.length > 0
          ? `a run made key ${orphans.join(', ')} but could not store it: deleting it and starting again`
          : `the rotation of ${rotation.oldKey} did not get to make a new key: starting again`,
      ],
      task: { kind: 'start', oldKey: rotation.oldKey, orphans },
      steps: startSteps(user, rotation.oldKey, orphans, settings, now),
      next: `after ${settings.graceDays} days: deactivate ${rotation.oldKey} if it is no longer used`,
    };
  }

  if (!oldKey) return finish(`old key ${rotation.oldKey} is gone: the rotation is complete`);

  if (rotation.phase === 'stored') {
    const newKey = state.keys.find((key) => key.id === rotation.newKey);
    if (!newKey) {
      return finish(
        `new key ${rotation.newKey ?? '?'} is gone (deleted outside onus), so ${rotation.oldKey} is left as it ` +
          `is and the rotation is abandoned`,
      );
    }
    if (oldKey.status === 'Inactive') {
      return {
        ...base,
        notes: [`${oldKey.id} is already inactive: recording it`],
        task: { kind: 'mark-deactivated', rotation },
        steps: [tagStep(user, { ...rotation, phase: 'deactivated', deactivatedAt: now.toISOString() })],
        next: `after ${settings.graceDays} days: delete ${oldKey.id}`,
      };
    }
    const created = dateOf(rotation.createdAt) ?? newKey.createdAt;
    const due = afterGrace(created, settings);
    if (now < due) {
      return {
        ...base,
        notes: [`new key ${newKey.id} is stored; ${oldKey.id} stays active until the grace period ends`],
        task: { kind: 'none' },
        steps: [],
        next: `from ${due.toISOString()}: deactivate ${oldKey.id} if unused since ${created.toISOString()}`,
      };
    }
    if (oldKey.lastUsedAt && oldKey.lastUsedAt.getTime() >= created.getTime()) {
      return {
        ...base,
        notes: [
          `${oldKey.id} was used at ${oldKey.lastUsedAt.toISOString()}, after new key ${newKey.id} was made: ` +
            `something still uses it, so onus leaves it active; move that application to the new key ` +
            `(stored in ${rotation.storedIn ?? 'the store'})`,
        ],
        task: { kind: 'none' },
        steps: [],
        next: `deactivate ${oldKey.id} once it is no longer used`,
      };
    }
    return {
      ...base,
      notes: [`${oldKey.id} has not been used since new key ${newKey.id} was made: deactivating it`],
      task: { kind: 'deactivate', rotation },
      steps: [
        {
          action: 'iam:UpdateAccessKey',
          params: { UserName: user, AccessKeyId: oldKey.id, Status: 'Inactive' },
        },
        tagStep(user, { ...rotation, phase: 'deactivated', deactivatedAt: now.toISOString() }),
      ],
      next: `after ${settings.graceDays} days: delete ${oldKey.id}`,
    };
  }

  // phase 'deactivated'
  if (oldKey.status === 'Active') {
    return {
      ...base,
      notes: [
        `${oldKey.id} was made active again after onus deactivated it; onus leaves it: deactivate it again, ` +
          `or remove the onus:rotation:* tags from ${user} to stop the rotation`,
      ],
      task: { kind: 'none' },
      steps: [],
    };
  }
  const deactivated = dateOf(rotation.deactivatedAt) ?? now;
  const due = afterGrace(deactivated, settings);
  if (now < due) {
    return {
      ...base,
      notes: [`${oldKey.id} is inactive; it is deleted once the grace period ends`],
      task: { kind: 'none' },
      steps: [],
      next: `from ${due.toISOString()}: delete ${oldKey.id}`,
    };
  }
  return {
    ...base,
    notes: [`${oldKey.id} has been inactive since ${deactivated.toISOString()}: deleting it`],
    task: { kind: 'delete', rotation },
    steps: [
      { action: 'iam:DeleteAccessKey', params: { UserName: user, AccessKeyId: oldKey.id } },
      untagStep(user),
    ],
  };
}

export function planUser(state: UserState, settings: RotationSettings, now: Date): UserPlan {
  const reports = state.keys.map((key) => keyReport(key, settings, now));
  const rotation = rotationOf(state.tags);
  if (rotation) return planResume(state, reports, rotation, settings, now);
  if (state.tags[TAG.phase]) {
    return {
      user: state.name,
      keys: reports,
      task: { kind: 'none' },
      steps: [],
      notes: [`the onus:rotation:* tags on ${state.name} are not ones onus wrote; remove them to rotate`],
      next: null,
    };
  }
  return planStart(state, reports, settings, now);
}

export function planRotation(
  states: readonly UserState[],
  settings: RotationSettings,
  now: Date,
): UserPlan[] {
  return states.map((state) => planUser(state, settings, now));
}
