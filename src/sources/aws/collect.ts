import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type {
  AccountInventory,
  CallerIdentity,
  CollectionError,
  Inventory,
  RegionInventory,
} from '../../core/inventory.js';
import { GLOBAL, type Resource } from '../../core/resource.js';
import {
  contextFor,
  runCollector,
  type CollectionSettings,
  type CollectionSink,
  type Collector,
} from './collector.js';
import { AwsCallFailed, classifyFailure } from './errors.js';
import { Semaphore } from './limits.js';
import type { ClientPool } from './pool.js';
import { planRegions, type RegionSelection } from './regions.js';

export interface CollectOptions {
  pool: ClientPool;
  collectors: readonly Collector[];
  regions: RegionSelection;
  partition: string;
  toolVersion: string;
  now?: () => Date;
  /** Told as each account, region and collector finishes. */
  onProgress?: (event: ProgressEvent) => void;
  /** Most accounts collected at once (each account's own calls are bounded by the pool). */
  accountConcurrency?: number;
  /** Opt-in collection (default: none). */
  settings?: CollectionSettings;
}

export type ProgressEvent =
  | { type: 'account'; account: string; regions: number }
  | { type: 'collector'; account: string; region: string; service: string; failed: boolean };

/** Who the credentials belong to: the first call of every scan, and the account it will inventory. */
export async function callerIdentity(
  pool: ClientPool,
  home: string,
  account = 'default',
): Promise<CallerIdentity> {
  const sts = pool.get(STSClient, 'sts', account, home);
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? '', arn: identity.Arn ?? '', userId: identity.UserId ?? '' };
  } catch (error) {
    throw classifyFailure('sts:GetCallerIdentity', error);
  }
}

/**
 * Collects one account: discovers its regions, runs global collectors once and regional collectors in every
 * region, all at once (the pool bounds concurrency and rate). Failures become gaps; nothing here throws for an
 * AWS error.
 */
export async function collectAccount(
  account: string,
  options: CollectOptions,
): Promise<{
  inventory: AccountInventory;
  errors: CollectionError[];
  skippedRegions: string[];
  regions: string[];
}> {
  const plan = await planRegions(options.pool, account, options.regions);
  options.onProgress?.({ type: 'account', account, regions: plan.scan.length });
  const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
  if (plan.failure) {
    sink.errors.push({
      region: options.regions.home,
      service: 'ec2',
      action: plan.failure.action,
      message: plan.failure.message,
    });
  }
  const scope = { account, regions: plan.scan, partition: options.partition };
  const runs: Promise<void>[] = [];
  for (const collector of options.collectors) {
    const regions = collector.global ? [options.regions.home] : plan.scan;
    for (const region of regions) {
      const ctx = contextFor(collector, options.pool, { ...scope, region }, sink, options.settings);
      runs.push(
        runCollector(collector, ctx, sink).then(() => {
          const failed = sink.errors.some((error) => error.service === collector.service);
          options.onProgress?.({
            type: 'collector',
            account,
            region: collector.global ? GLOBAL : region,
            service: collector.service,
            failed,
          });
        }),
      );
    }
  }
  await Promise.all(runs);

  const regions = new Map<string, RegionInventory>();
  const regionOf = (name: string) => {
    let region = regions.get(name);
    if (!region) regions.set(name, (region = { name, resources: [], gaps: [] }));
    return region;
  };
  regionOf(GLOBAL);
  for (const name of plan.scan) regionOf(name);
  for (const name of plan.disabled) {
    regionOf(name).gaps.push({
      kind: '*',
      field: '*',
      reason: 'region-disabled',
      detail: 'opt-in region not enabled for this account',
    });
  }
  const inScope = new Set([GLOBAL, ...plan.scan]);
  for (const { region, ...collected } of sink.resources) {
    if (!inScope.has(region)) continue; // e.g. a bucket in a region outside --region
    const resource: Resource = {
      kind: collected.kind,
      id: collected.id,
      arn: collected.arn ?? null,
      account,
      region,
      tags: collected.tags ?? {},
      attributes: collected.attributes,
      source: { type: 'live' },
      gaps: collected.gaps ?? [],
    };
    regionOf(region).resources.push(resource);
  }
  for (const { region, ...gap } of sink.gaps) {
    if (inScope.has(region)) regionOf(region).gaps.push(gap);
  }
  const sorted = [...regions.values()].sort((a, b) =>
    a.name === GLOBAL ? -1 : b.name === GLOBAL ? 1 : a.name.localeCompare(b.name),
  );
  for (const region of sorted)
    region.resources.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    inventory: { id: account, alias: null, regions: sorted },
    errors: sink.errors.map((error) => ({
      account,
      region: error.region,
      service: error.service,
      action: error.action,
      message: error.message,
    })),
    skippedRegions: plan.skipped,
    regions: [...plan.scan, ...plan.disabled].sort(),
  };
}

/**
 * Collects an account whose credentials may not work (an organization member whose role cannot be assumed).
 * Such an account stays in the inventory, every region of the plan a gap, so its checks are NOT_EVALUATED
 * with the reason rather than missing from the report; the other accounts go on.
 */
async function collectReachableAccount(
  account: string,
  options: CollectOptions,
): ReturnType<typeof collectAccount> {
  try {
    await callerIdentity(options.pool, options.regions.home, account);
  } catch (error) {
    // GetCallerIdentity needs no permission: when it fails, the credentials for the account (the assumed role) did.
    const cause = classifyFailure('sts:GetCallerIdentity', error);
    const failure = new AwsCallFailed('sts:AssumeRole', cause.reason, cause.code, cause.detail);
    const regions = [GLOBAL, ...(options.regions.include ?? [options.regions.home])];
    options.onProgress?.({ type: 'account', account, regions: 0 });
    return {
      inventory: {
        id: account,
        alias: null,
        regions: regions.map((name) => ({ name, resources: [], gaps: [{ ...failure.gap('*'), kind: '*' }] })),
      },
      errors: [{ account, region: null, service: 'sts', action: failure.action, message: failure.message }],
      skippedRegions: [],
      regions: regions.filter((name) => name !== GLOBAL),
    };
  }
  return collectAccount(account, options);
}

/** Collects the accounts into one inventory. */
export async function collectInventory(
  accounts: readonly string[],
  caller: CallerIdentity | null,
  options: CollectOptions,
): Promise<Inventory> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const bound = new Semaphore(options.accountConcurrency ?? 4);
  const results = await Promise.all(
    accounts.map((account) => bound.run(() => collectReachableAccount(account, options))),
  );
  const kinds = new Set(options.collectors.flatMap((collector) => Object.keys(collector.kinds)));
  return {
    collection: {
      source: 'live',
      startedAt,
      finishedAt: now().toISOString(),
      caller,
      partition: options.partition,
      regions: [...new Set(results.flatMap((result) => result.regions))].sort(),
      skippedRegions: [...new Set(results.flatMap((result) => result.skippedRegions))].sort(),
      kinds: [...kinds].sort(),
      errors: results.flatMap((result) => result.errors),
      tool: { name: 'onus', version: options.toolVersion },
    },
    accounts: results.map((result) => result.inventory).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
