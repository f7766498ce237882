import type { Gap, GapReason, ScopeGap } from '../core/gap.js';
import type { Inventory } from '../core/inventory.js';
import { KINDS, type AttributesOf, type KindName } from '../core/kinds/index.js';
import { GLOBAL, type Resource } from '../core/resource.js';

/** Small resource builders for tests: a compliant resource by default, with overrides for the case at hand. */

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
/** The clock tests run checks at. */
export const NOW = new Date('2026-06-01T12:00:00Z');

export function daysAgo(days: number, from: Date = NOW): string {
  return new Date(from.getTime() - days * 86_400_000).toISOString();
}

export interface Placement {
  account?: string;
  region?: string;
  arn?: string | null;
  tags?: Record<string, string>;
}

export function resource<K extends KindName>(
  kind: K,
  id: string,
  attributes: AttributesOf<K>,
  placement: Placement = {},
): Resource<K> {
  const global = KINDS.get(kind)?.global ?? false;
  return {
    kind,
    id,
    arn: placement.arn ?? null,
    account: placement.account ?? ACCOUNT,
    region: global ? GLOBAL : (placement.region ?? REGION),
    tags: placement.tags ?? {},
    attributes,
    source: { type: 'live' },
    gaps: [],
  };
}

/** The resource with `field` unobserved: removed from attributes and recorded as a gap. */
export function withGap<R extends Resource>(
  target: R,
  field: string,
  reason: GapReason = 'access-denied',
  action?: string,
): R {
  const { [field]: _hidden, ...attributes } = target.attributes as Record<string, unknown>;
  const gap: Gap = { field, reason, ...(action ? { action } : {}) };
  return { ...target, attributes, gaps: [...target.gaps, gap] };
}

/** A gap on a whole kind (or `*`) in one region, as when a List call fails. */
export interface PlacedScopeGap extends ScopeGap {
  account?: string;
  region: string;
}

export interface InventoryOptions {
  /** Regions in scope besides those the resources sit in. */
  regions?: string[];
  scopeGaps?: PlacedScopeGap[];
  /** Kinds the collection looked for; every kind by default. */
  kinds?: string[];
}

/** An inventory holding exactly these resources (and regions, and gaps). */
export function inventoryOf(resources: readonly Resource[], options: InventoryOptions = {}): Inventory {
  const accounts = new Map<string, Map<string, { resources: Resource[]; gaps: ScopeGap[] }>>();
  const regionOf = (account: string, region: string) => {
    let regions = accounts.get(account);
    if (!regions) accounts.set(account, (regions = new Map([[GLOBAL, { resources: [], gaps: [] }]])));
    let entry = regions.get(region);
    if (!entry) regions.set(region, (entry = { resources: [], gaps: [] }));
    return entry;
  };
  regionOf(ACCOUNT, GLOBAL);
  for (const region of options.regions ?? []) regionOf(ACCOUNT, region);
  for (const item of resources) regionOf(item.account, item.region).resources.push(item);
  for (const { account, region, ...gap } of options.scopeGaps ?? [])
    regionOf(account ?? ACCOUNT, region).gaps.push(gap);
  const allRegions = [...new Set([...accounts.values()].flatMap((regions) => [...regions.keys()]))];
  return {
    collection: {
      source: 'live',
      startedAt: NOW.toISOString(),
      finishedAt: NOW.toISOString(),
      caller: null,
      partition: 'aws',
      regions: allRegions.filter((region) => region !== GLOBAL).sort(),
      skippedRegions: [],
      kinds: options.kinds ?? [...KINDS.keys()],
      errors: [],
      tool: { name: 'onus', version: 'test' },
    },
    accounts: [...accounts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, regions]) => ({
        id,
        alias: null,
        regions: [...regions.entries()].map(([name, entry]) => ({ name, ...entry })),
      })),
  };
}
