import type { Inventory } from '../../core/inventory.js';
import type { KindName } from '../../core/kinds/index.js';
import type { Resource } from '../../core/resource.js';

/** The resources of a kind that a fix read in one account and Region (`global` for account-level ones). */
export function resourcesAt<K extends KindName>(
  inventory: Inventory,
  where: { account: string; region: string },
  kind: K,
): Resource<K>[] {
  const region = inventory.accounts
    .find((account) => account.id === where.account)
    ?.regions.find((candidate) => candidate.name === where.region);
  return (region?.resources ?? []).filter((resource): resource is Resource<K> => resource.kind === kind);
}
