import { CHECKS } from '../../checks/index.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { FIXES, fixableCheckIds, fixFor } from '../../remediation/fix/index.js';
import { formatFailure, formatOutcome, formatPlan } from '../../remediation/fix/format.js';

/** `onus fix <check-id>`: what reaches AWS and what to change. */
export interface FixFlags {
  apply?: boolean;
  list?: boolean;
  region?: string;
  excludeRegion?: string;
  keyId?: string[];
  profile?: string;
  roleArn?: string;
  externalId?: string;
}

function listOf(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function regionList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = listOf(value);
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
      throw new UserError(`${flag}: '${region}' is not an AWS region name`);
  }
  if (regions.length === 0) throw new UserError(`${flag}: give at least one region`);
  return regions;
}

/** `onus fix --list`: every fixable check, with what its fix changes. */
export function listFixes(): string {
  const lines = ['Checks onus can fix (onus fix <check-id>, a dry run unless --apply):'];
  for (const fix of FIXES) {
    lines.push(`  ${fix.checkIds.join(', ')}`);
    lines.push(`      ${fix.summary}${fix.costWarning ? ' (has a cost)' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `onus fix <check-id> [--apply]`: reads the state, prints the calls that would make the check pass and what
 * stays as is; with `--apply` makes them and re-runs the check. Exit 0 when everything passes after the fix
 * (in a dry run: when the plan covers everything), 3 when something still fails or cannot be read (a denied
 * call or read, a setting that did not take), each denial one line on stderr naming the action.
 */
export async function fix(checkId: string | undefined, flags: FixFlags): Promise<number> {
  if (flags.list) {
    process.stdout.write(listFixes());
    return EXIT.ok;
  }
  if (!checkId) throw new UserError(`fix: name a check to fix (one of ${fixableCheckIds().join(', ')})`);
  const chosen = fixFor(checkId);
  if (!chosen) {
    const known = CHECKS.some((check) => check.id === checkId);
    throw new UserError(
      `fix: ${known ? `onus has no fix for ${checkId}` : `unknown check id '${checkId}'`}; ` +
        `checks it can fix: ${fixableCheckIds().join(', ')}`,
    );
  }
  const keyIds = flags.keyId?.flatMap(listOf);
  if (keyIds && chosen.name !== 'kms-key-rotation')
    throw new UserError('--key-id goes with kms-key-rotation-enabled');
  if (flags.externalId && !flags.roleArn) throw new UserError('--external-id goes with --role-arn');
  const include = regionList(flags.region, '--region');
  const exclude = regionList(flags.excludeRegion, '--exclude-region');

  // Loaded only here: the AWS SDK is most of onus's start-up time.
  const [{ ClientPool }, credentialsModule, { callerIdentity }, { AwsCallFailed }, { planFix, applyFix }] =
    await Promise.all([
      import('../../sources/aws/pool.js'),
      import('../../sources/aws/credentials.js'),
      import('../../sources/aws/collect.js'),
      import('../../sources/aws/errors.js'),
      import('../../remediation/fix/run.js'),
    ]);
  const home = credentialsModule.homeRegion();
  const credentials = credentialsModule.credentialsFor({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    region: home,
  });
  const pool = new ClientPool({
    credentials: () => credentials,
    concurrency: 8,
    maxAttempts: 4,
    requestTimeoutMs: 20_000,
  });
  let caller;
  try {
    caller = await callerIdentity(pool, home);
  } catch (error) {
    const detail = error instanceof AwsCallFailed ? error.message : String(error);
    throw new UserError(
      `cannot use the AWS credentials: ${detail} (set AWS_PROFILE, --profile or --role-arn)`,
    );
  }
  const options = {
    fix: chosen,
    checkId,
    account: caller.account,
    pool,
    home,
    partition: credentialsModule.partitionOf(caller.arn),
    regions: { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) },
    ...(keyIds ? { keyIds } : {}),
    toolVersion: VERSION,
  };

  const plan = await planFix(options);
  if (plan.unmatchedKeyIds.length > 0) {
    throw new UserError(
      `--key-id: no enabled customer managed symmetric key ${plan.unmatchedKeyIds.join(', ')} in ${plan.regions.join(', ') || home}`,
    );
  }
  process.stdout.write(formatPlan(chosen, plan, flags.apply === true));
  const unreadable = plan.before.some((result) => result.status === 'NOT_EVALUATED');
  const deniedReads = new Set(
    plan.before.flatMap((result) =>
      result.status === 'NOT_EVALUATED' && result.gap?.reason === 'access-denied' && result.gap.action
        ? [result.gap.action]
        : [],
    ),
  );
  for (const action of deniedReads) {
    process.stderr.write(
      `onus: ${action} was denied: onus cannot read the state this fix needs (allow ${action})\n`,
    );
  }
  if (!flags.apply || plan.calls.length === 0) return unreadable ? EXIT.findings : EXIT.ok;

  const outcome = await applyFix(options, plan);
  process.stdout.write(formatOutcome(outcome));
  const failed = outcome.calls.filter((call) => call.failure !== null);
  for (const { call, failure } of failed) {
    if (failure) process.stderr.write(`onus: ${formatFailure(call, failure)}\n`);
  }
  const allPass = outcome.after.every((result) => result.status === 'PASS');
  return failed.length === 0 && !unreadable && allPass ? EXIT.ok : EXIT.findings;
}
