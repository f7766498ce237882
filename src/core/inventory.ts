import type { ScopeGap } from './gap.js';
import type { KindName } from './kinds/index.js';
import type { Resource } from './resource.js';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** An error met while collecting; the resources or kinds it hid are recorded as gaps too. */
export interface CollectionError {
  account: string | null;
  region: string | null;
  service: string;
  action: string | null;
  message: string;
}

export interface CollectionMetadata {
  source: 'live' | 'snapshot' | 'iac';
  startedAt: string;
  finishedAt: string;
  caller: CallerIdentity | null;
  partition: string;
  /** Regions that were in scope, including any that could not be scanned. */
  regions: string[];
  /** Opt-in regions that are not enabled: recorded, not scanned. */
  skippedRegions: string[];
  /** Resource kinds the collection looked for; a check over any other kind is NOT_EVALUATED (not-collected). */
  kinds: string[];
  errors: CollectionError[];
  tool: { name: string; version: string };
}

export interface RegionInventory {
  /** An AWS region, or `global` for global resources. */
  name: string;
  resources: Resource[];
  /** Kinds (or all kinds) that could not be listed in this region. */
  gaps: ScopeGap[];
}

export interface AccountInventory {
  id: string;
  alias: string | null;
  /** Sorted by name; `global` holds global resources. */
  regions: RegionInventory[];
}

/** Everything observed about one or more accounts: accounts -> regions -> resources. */
export interface Inventory {
  collection: CollectionMetadata;
  /** Sorted by account id. */
  accounts: AccountInventory[];
}

export function resourcesOfKind<K extends KindName>(region: RegionInventory, kind: K): Resource<K>[] {
  return region.resources.filter((resource): resource is Resource<K> => resource.kind === kind);
}
