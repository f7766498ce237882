import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsCallFailed } from './errors.js';
import { classifyFailure } from './errors.js';
import type { ClientPool } from './pool.js';

export interface RegionPlan {
  /** Regions to scan. */
  scan: string[];
  /** Regions asked for that the account cannot use: in scope, but every check there is NOT_EVALUATED. */
  disabled: string[];
  /** Opt-in regions the account has not enabled and nobody asked for: recorded, not scanned. */
  skipped: string[];
  /** Set when the regions could not be listed and the plan falls back to what was asked for. */
  failure: AwsCallFailed | null;
}

export interface RegionSelection {
  /** `--region`: only these. */
  include?: readonly string[];
  /** `--exclude-region`. */
  exclude?: readonly string[];
  /** Where to ask, and the fallback when asking fails. */
  home: string;
}

/** Asks the account which regions it has enabled (ec2:DescribeRegions with AllRegions) and plans the scan. */
export async function planRegions(
  pool: ClientPool,
  account: string,
  selection: RegionSelection,
): Promise<RegionPlan> {
  const exclude = new Set(selection.exclude ?? []);
  let enabled: string[];
  let optedOut: string[];
  try {
    const ec2 = pool.get(EC2Client, 'ec2', account, selection.home);
    const response = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    const regions = response.Regions ?? [];
    const name = (region: (typeof regions)[number]) => region.RegionName ?? '';
    enabled = regions.filter((region) => region.OptInStatus !== 'not-opted-in').map(name);
    optedOut = regions.filter((region) => region.OptInStatus === 'not-opted-in').map(name);
  } catch (error) {
    const failure = classifyFailure('ec2:DescribeRegions', error);
    const fallback = [...(selection.include ?? [selection.home])].filter((region) => !exclude.has(region));
    return { scan: fallback.sort(), disabled: [], skipped: [], failure };
  }
  const wanted = selection.include ? [...selection.include] : enabled;
  const inScope = wanted.filter((region) => !exclude.has(region));
  return {
    scan: inScope.filter((region) => enabled.includes(region)).sort(),
    disabled: inScope.filter((region) => !enabled.includes(region)).sort(),
    skipped: optedOut.filter((region) => !inScope.includes(region)).sort(),
    failure: null,
  };
}
