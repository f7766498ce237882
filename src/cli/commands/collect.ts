import type { Inventory } from '../../core/inventory.js';
import { callerIdentity, collectInventory } from '../../sources/aws/collect.js';
import { COLLECTORS } from '../../sources/aws/collectors/index.js';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { CallerIdentity } from '../../core/inventory.js';
import { assumeRole, credentialsFor, homeRegion, partitionOf } from '../../sources/aws/credentials.js';
import { listOrganizationAccounts } from '../../sources/aws/organization.js';
import { AwsCallFailed } from '../../sources/aws/errors.js';
import { ClientPool } from '../../sources/aws/pool.js';
import { toSnapshot } from '../../sources/snapshot/write.js';
import { CHECKS } from '../../checks/index.js';
import { loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { deliver } from '../output.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { CollectionProgress } from '../progress.js';

export interface AwsFlags {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  region?: string;
  excludeRegion?: string;
  /** Default 32. */
  concurrency?: string;
  rate?: string;
  org?: boolean;
  orgRole?: string;
  /** Also collect IAM last-accessed data (`--last-accessed`). */
  lastAccessed?: boolean;
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

/** `--rate iam=4,ec2=10`: calls per second per service (per account and region), burst twice that. */
export function parseRates(value: string | undefined): Record<string, { rate: number; burst: number }> {
  const rates: Record<string, { rate: number; burst: number }> = {};
  if (value === undefined) return rates;
  for (const item of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)$/.exec(item);
    const rate = Number(match?.[2]);
    if (!match?.[1] || !(rate > 0) || rate > 1000) {
      throw new UserError(`--rate: expected service=calls-per-second (e.g. iam=4,ec2=10), got '${item}'`);
    }
    rates[match[1]] = { rate, burst: Math.max(1, Math.round(rate * 2)) };
  }
  return rates;
}

/** Collects the inventory of the account the credentials reach, with progress on stderr. */
export async function collectLive(flags: AwsFlags): Promise<Inventory> {
  const concurrency = Number(flags.concurrency ?? '32');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
    throw new UserError(
      `--concurrency: expected a whole number from 1 to 512, got '${flags.concurrency ?? ''}'`,
    );
  }
  if (flags.externalId && !flags.roleArn && !flags.org)
    throw new UserError('--external-id goes with --role-arn or --org');
  if (flags.org && !flags.orgRole) {
    throw new UserError(
      '--org needs --org-role NAME: the read-only role onus assumes in each member account',
    );
  }
  if (flags.orgRole && !flags.org) throw new UserError('--org-role goes with --org');
  const include = regionList(flags.region, '--region');
  const exclude = regionList(flags.excludeRegion, '--exclude-region');
  const home = homeRegion();
  const credentials = credentialsFor({
    profile: flags.profile,
    roleArn: flags.roleArn,
    externalId: flags.roleArn ? flags.externalId : undefined,
    region: home,
  });
  const rates = parseRates(flags.rate);
  const progress = new CollectionProgress(flags.quiet);
  // The caller's own account uses the credentials as they are; organization members through --org-role.
  let member = (_account: string) => credentials;
  const pool = new ClientPool({
    credentials: (account) => member(account),
    concurrency,
    rates,
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
  let accounts = [caller.account];
  if (flags.org && flags.orgRole) {
    try {
      accounts = (await listOrganizationAccounts(pool, caller.account, home)).map((account) => account.id);
    } catch (error) {
      const detail = error instanceof AwsCallFailed ? error.message : String(error);
      throw new UserError(`--org: cannot list the organization's accounts from ${caller.account}: ${detail}`);
    }
    member = memberCredentials(credentials, caller, flags.orgRole, flags.externalId, home);
  }
  const perRegion = {
    global: COLLECTORS.filter((collector) => collector.global).length,
    regional: COLLECTORS.filter((collector) => !collector.global).length,
  };
  progress.start();
  try {
    return await collectInventory(accounts, caller, {
      pool,
      collectors: COLLECTORS,
      regions: { home, ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) },
      partition: partitionOf(caller.arn),
      toolVersion: VERSION,
      onProgress: (event) => progress.event(event, perRegion),
      settings: { lastAccessed: flags.lastAccessed === true },
    });
  } finally {
    progress.finish();
  }
}

/** Credentials per account: the caller's own, or the organization role assumed in a member account (cached). */
function memberCredentials(
  base: AwsCredentialIdentityProvider,
  caller: CallerIdentity,
  role: string,
  externalId: string | undefined,
  region: string,
): (account: string) => AwsCredentialIdentityProvider {
  const cache = new Map<string, AwsCredentialIdentityProvider>();
  return (account) => {
    if (account === caller.account || account === 'default') return base;
    let provider = cache.get(account);
    if (!provider) {
      provider = assumeRole(
        base,
        `arn:${partitionOf(caller.arn)}:iam::${account}:role/${role}`,
        externalId,
        region,
      );
      cache.set(account, provider);
    }
    return provider;
  };
}

/** `onus collect`: the inventory as a snapshot, to a file or stdout, for `onus scan --snapshot` later. */
export async function collect(flags: AwsFlags & ConfigFlags & { output?: string }): Promise<number> {
  const config = loadConfig(flags, CHECKS);
  if (config.file && !flags.quiet) process.stderr.write(`onus: using ${config.file}\n`);
  const inventory = await collectLive(withConfiguredAws(flags, config));
  const text = `${JSON.stringify(toSnapshot(inventory), null, 2)}\n`;
  if ((await deliver(text, flags.output)) && !flags.quiet) {
    process.stderr.write(`onus: wrote the inventory to ${flags.output ?? ''}\n`);
  }
  return EXIT.ok;
}
