import { writeFile } from 'node:fs/promises';
import type { Inventory } from '../../core/inventory.js';
import { callerIdentity, collectInventory } from '../../sources/aws/collect.js';
import { COLLECTORS } from '../../sources/aws/collectors/index.js';
import { credentialsFor, homeRegion, partitionOf } from '../../sources/aws/credentials.js';
import { AwsCallFailed } from '../../sources/aws/errors.js';
import { ClientPool } from '../../sources/aws/pool.js';
import { toSnapshot } from '../../sources/snapshot/write.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { CollectionProgress } from '../progress.js';

export interface AwsFlags {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  region?: string;
  excludeRegion?: string;
  concurrency: string;
  quiet: boolean;
}

function regionList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = value
    .split(',')
    .map((region) => region.trim())
    .filter(Boolean);
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
      throw new UserError(`${flag}: '${region}' is not an AWS region name`);
  }
  return regions;
}

/** Collects the inventory of the account the credentials reach, with progress on stderr. */
export async function collectLive(flags: AwsFlags): Promise<Inventory> {
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
    throw new UserError(`--concurrency: expected a whole number from 1 to 512, got '${flags.concurrency}'`);
  }
  if (flags.externalId && !flags.roleArn) throw new UserError('--external-id goes with --role-arn');
  const include = regionList(flags.region, '--region');
  const exclude = regionList(flags.excludeRegion, '--exclude-region');
  const home = homeRegion();
  const credentials = credentialsFor({
    profile: flags.profile,
    roleArn: flags.roleArn,
    externalId: flags.externalId,
    region: home,
  });
  const progress = new CollectionProgress(flags.quiet);
  const pool = new ClientPool({
    credentials: () => credentials,
    concurrency,
    maxAttempts: 8,
    requestTimeoutMs: 20_000,
    onRequest: () => progress.request(),
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
  const perRegion = {
    global: COLLECTORS.filter((collector) => collector.global).length,
    regional: COLLECTORS.filter((collector) => !collector.global).length,
  };
  progress.start();
  try {
    return await collectInventory([caller.account], caller, {
      pool,
      collectors: COLLECTORS,
      regions: { home, ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) },
      partition: partitionOf(caller.arn),
      toolVersion: VERSION,
      onProgress: (event) => progress.event(event, perRegion),
    });
  } finally {
    progress.finish();
  }
}

/** `onus collect`: the inventory as a snapshot, to a file or stdout, for `onus scan --snapshot` later. */
export async function collect(flags: AwsFlags & { output?: string }): Promise<number> {
  const inventory = await collectLive(flags);
  const text = `${JSON.stringify(toSnapshot(inventory), null, 2)}\n`;
  if (flags.output) {
    try {
      await writeFile(flags.output, text);
    } catch (error) {
      throw new UserError(
        `--output: cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    if (!flags.quiet) process.stderr.write(`onus: wrote the inventory to ${flags.output}\n`);
  } else {
    process.stdout.write(text);
  }
  return EXIT.ok;
}
