import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { rotateKeys } from './apply.js';
import type { RotationClients } from './aws.js';
import { parseDays, type RotationSettings } from './state.js';

/**
 * Scheduled rotation: each invocation takes the next step of every user's rotation, exactly as
 * `onus rotate-keys --apply` would, with settings from the environment. Secrets are never logged.
 */

export interface RotationSummary {
  users: number;
  failed: boolean;
  results: { user: string; done: string[]; notes: string[]; next: string | null; error: string | null }[];
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv): RotationSettings {
  const days = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = parseDays(text);
    if (value === null) throw new Error(`${name}='${text}' is not a number of days`);
    return value;
  };
  const users = (env.USERS ?? '')
    .split(',')
    .map((user) => user.trim())
    .filter(Boolean);
  return {
    maxAgeDays: days('MAX_AGE_DAYS', 90),
    graceDays: days('GRACE_DAYS', 7),
    ...(env.KMS_KEY_ID ? { kmsKeyId: env.KMS_KEY_ID } : {}),
    ...(users.length > 0 ? { users } : {}),
  };
}

export async function runScheduledRotation(
  clients: RotationClients,
  env: NodeJS.ProcessEnv,
  now: Date,
  log: (line: string) => void,
): Promise<RotationSummary> {
  const run = await rotateKeys(clients, settingsFromEnvironment(env), { apply: true, now, reveal: false });
  const results = run.outcomes.map((outcome) => ({
    user: outcome.user,
    done: outcome.done,
    notes: outcome.plan.notes,
    next: outcome.plan.next,
    error: outcome.alarm ?? outcome.error,
  }));
  for (const result of results) log(JSON.stringify(result));
  return { users: results.length, failed: run.failed, results };
}

/** The Lambda entry point. A failed run throws, so the function's Errors metric (and any alarm on it) shows it. */
export async function handler(_event: unknown): Promise<RotationSummary> {
  const region = process.env.AWS_REGION;
  const clients: RotationClients = {
    iam: new IAMClient(region ? { region } : {}),
    secrets: new SecretsManagerClient(region ? { region } : {}),
  };
  const summary = await runScheduledRotation(clients, process.env, new Date(), (line) => {
    // Lambda sends stdout to the function's log group.
    process.stdout.write(`${line}\n`);
  });
  if (summary.failed) {
    const failed = summary.results.filter((result) => result.error).map((result) => result.user);
    throw new Error(`key rotation failed for ${failed.join(', ')}; see the log lines above`);
  }
  return summary;
}
