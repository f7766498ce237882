import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDays } from '../../remediation/rotate-keys/state.js';
import { EXIT, UserError } from '../errors.js';

export interface RotateKeysFlags {
  maxAge: string;
  grace: string;
  user?: string[];
  kmsKey?: string;
  outDir?: string;
  apply?: boolean;
  reveal?: boolean;
  format: 'table' | 'json';
  profile?: string;
  roleArn?: string;
  externalId?: string;
}

function days(flag: string, text: string): number {
  const parsed = parseDays(text);
  if (parsed === null)
    throw new UserError(`rotate-keys: ${flag} '${text}' is not a number of days (e.g. 90 or 90d)`);
  return parsed;
}

function outDirOf(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const path = resolve(dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw new UserError(`rotate-keys: --out-dir ${dir} is not an existing directory`);
  return path;
}

/**
 * `onus rotate-keys`: plans access key rotation for the IAM users in scope; with `--apply`, takes the next
 * step of each user's rotation. The only AWS writes are the calls the plan lists.
 */
export async function rotateKeysCommand(flags: RotateKeysFlags, now = new Date()): Promise<number> {
  const maxAgeDays = days('--max-age', flags.maxAge);
  const graceDays = days('--grace', flags.grace);
  if (maxAgeDays < 1) throw new UserError('rotate-keys: --max-age must be at least 1 day');
  if (flags.kmsKey && flags.outDir) {
    throw new UserError('rotate-keys: --kms-key is for Secrets Manager; it cannot go with --out-dir');
  }
  const outDir = outDirOf(flags.outDir);
  const [{ IAMClient }, { SecretsManagerClient }, { credentialsFor, homeRegion }, apply, render] =
    await Promise.all([
      import('@aws-sdk/client-iam'),
      import('@aws-sdk/client-secrets-manager'),
      import('../../sources/aws/credentials.js'),
      import('../../remediation/rotate-keys/apply.js'),
      import('../../remediation/rotate-keys/render.js'),
    ]);
  const region = homeRegion();
  const credentials = credentialsFor({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    region,
  });
  const clients = {
    iam: new IAMClient({ region, credentials }),
    ...(outDir ? {} : { secrets: new SecretsManagerClient({ region, credentials }) }),
  };
  const settings = {
    maxAgeDays,
    graceDays,
    ...(flags.kmsKey ? { kmsKeyId: flags.kmsKey } : {}),
    ...(outDir ? { outDir } : {}),
    ...(flags.user && flags.user.length > 0 ? { users: flags.user } : {}),
  };
  let run;
  try {
    run = await apply.rotateKeys(clients, settings, {
      apply: flags.apply ?? false,
      now,
      reveal: flags.reveal ?? false,
    });
  } catch (error) {
    if (error instanceof apply.RootUserError || error instanceof apply.UnknownUserError) {
      throw new UserError(`rotate-keys: ${error.message}`);
    }
    const { AwsCallError } = await import('../../remediation/rotate-keys/aws.js');
    if (error instanceof AwsCallError) {
      process.stderr.write(`onus: rotate-keys: ${error.message}\n`);
      return EXIT.unexpected;
    }
    throw error;
  }
  const applied = flags.apply ?? false;
  process.stdout.write(
    flags.format === 'json'
      ? render.formatRotationJson(run, applied)
      : render.formatRotationTable(run, applied),
  );
  for (const outcome of run.outcomes) {
    if (outcome.alarm) process.stderr.write(`onus: ${outcome.alarm}\n`);
  }
  return run.failed ? EXIT.unexpected : EXIT.ok;
}
