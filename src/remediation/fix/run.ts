import { CHECKS } from '../../checks/index.js';
import type { Check } from '../../core/check.js';
import { runChecks } from '../../core/engine.js';
import { ALL } from '../../core/gap.js';
import type { Inventory } from '../../core/inventory.js';
import type { Result } from '../../core/result.js';
import { collectInventory } from '../../sources/aws/collect.js';
import { classifyFailure, type AwsCallFailed } from '../../sources/aws/errors.js';
import type { ClientPool } from '../../sources/aws/pool.js';
import type { ApiCall, Fix } from './types.js';

export interface FixOptions {
  fix: Fix;
  /** The check the user named. */
  checkId: string;
  /** The account the credentials belong to. */
  account: string;
  pool: ClientPool;
  /** Where account-level calls go, and the fallback when the Regions cannot be listed. */
  home: string;
  partition: string;
  /** `--region` and `--exclude-region` (per-Region fixes only). */
  regions?: { include?: readonly string[]; exclude?: readonly string[] };
  /** `--key-id`: only these KMS keys (ids or ARNs). */
  keyIds?: readonly string[];
  toolVersion: string;
  now?: () => Date;
}

/** What the fix found and would do: the checks' verdicts before, and the calls that make the failures pass. */
export interface FixPlan {
  checkIds: string[];
  /** Results the fix covers: PASS stays as is, FAIL is planned for, NOT_EVALUATED could not be read. */
  before: Result[];
  calls: ApiCall[];
  /** `--key-id` values that match no key the rotation check looks at. */
  unmatchedKeyIds: string[];
  /** Why the enabled Regions could not be listed, so only the asked-for or home Region was read. */
  regionsUnlisted: string | null;
  regions: string[];
}

export interface CallOutcome {
  call: ApiCall;
  /** Null when the call succeeded. */
  failure: AwsCallFailed | null;
}

export interface FixOutcome {
  calls: CallOutcome[];
  /** The same checks, re-run on state read again after the calls. */
  after: Result[];
}

function checksOf(ids: readonly string[]): Check[] {
  return CHECKS.filter((check) => ids.includes(check.id));
}

/** Whether a result is about one of the keys asked for; a Region that could not be listed may hide them. */
function aboutKeys(result: Result, keyIds: readonly string[] | undefined): boolean {
  if (!keyIds) return true;
  const { id, arn } = result.resource;
  return id === ALL || keyIds.includes(id) || (arn !== null && keyIds.includes(arn));
}

/** Reads the state with the fix's read-only collectors and runs its checks over it. */
async function readState(
  options: FixOptions,
  checkIds: readonly string[],
): Promise<{ inventory: Inventory; results: Result[] }> {
  const { fix } = options;
  const regions = fix.global
    ? { home: options.home, include: [options.home] }
    : {
        home: options.home,
        ...(options.regions?.include ? { include: options.regions.include } : {}),
        ...(options.regions?.exclude ? { exclude: options.regions.exclude } : {}),
      };
  const inventory = await collectInventory([options.account], null, {
    pool: options.pool,
    collectors: fix.readers,
    regions,
    partition: options.partition,
    toolVersion: options.toolVersion,
    ...(options.now ? { now: options.now } : {}),
  });
  const now = options.now?.() ?? new Date();
  const results = runChecks(inventory, checksOf(checkIds), { now }).filter((result) =>
    aboutKeys(result, options.keyIds),
  );
  return { inventory, results };
}

function callKey(call: ApiCall): string {
  return JSON.stringify([call.action, call.account, call.region, call.parameters]);
}

/** Reads the current state (read-only calls only) and plans the calls; changes nothing. */
export async function planFix(options: FixOptions): Promise<FixPlan> {
  const { fix } = options;
  const checkIds = [...(fix.checksFor?.(options.checkId) ?? fix.checkIds)];
  const { inventory, results } = await readState(options, checkIds);
  const calls = new Map<string, ApiCall>();
  for (const failing of results.filter((result) => result.status === 'FAIL')) {
    for (const call of fix.plan({ inventory, failing, checkIds, home: options.home })) {
      calls.set(callKey(call), call);
    }
  }
  const seen = new Set(results.flatMap((result) => [result.resource.id, result.resource.arn]));
  // A Region whose keys could not be listed may hold the keys asked for: they are not called unknown.
  const unlisted = results.some((result) => result.resource.id === ALL);
  const listing = inventory.collection.errors.find((error) => error.action === 'ec2:DescribeRegions');
  return {
    checkIds,
    before: results,
    calls: [...calls.values()],
    unmatchedKeyIds: unlisted ? [] : (options.keyIds ?? []).filter((id) => !seen.has(id)),
    regionsUnlisted: listing && !fix.global ? listing.message : null,
    regions: fix.global ? [] : inventory.collection.regions,
  };
}

/**
 * Makes the planned calls one by one (a failure is recorded and the others go on), then reads the state again
 * and re-runs the checks.
 */
export async function applyFix(options: FixOptions, plan: FixPlan): Promise<FixOutcome> {
  const calls: CallOutcome[] = [];
  const service = options.fix.readers[0]?.service ?? 'default';
  for (const call of plan.calls) {
    try {
      await options.fix.send(call, (ClientClass, region) =>
        options.pool.get(ClientClass, service, call.account, region),
      );
      calls.push({ call, failure: null });
    } catch (error) {
      calls.push({ call, failure: classifyFailure(call.action, error) });
    }
  }
  const { results } = await readState(options, plan.checkIds);
  return { calls, after: results };
}
