import type { Inventory } from '../../core/inventory.js';
import { SCHEMA_VERSION, type Snapshot } from './schema.js';

/** The snapshot JSON of an inventory; `parseSnapshot` reads it back to an equal inventory. */
export function toSnapshot(inventory: Inventory): Snapshot {
  return {
    schemaVersion: SCHEMA_VERSION,
    collection: inventory.collection,
    accounts: inventory.accounts.map((account) => ({
      id: account.id,
      alias: account.alias,
      regions: Object.fromEntries(
        account.regions.map((region) => [
          region.name,
          {
            resources: region.resources.map((resource) => ({
              kind: resource.kind,
              id: resource.id,
              arn: resource.arn,
              tags: resource.tags,
              attributes: resource.attributes as Record<string, unknown>,
              gaps: resource.gaps,
              source: resource.source,
            })),
            gaps: region.gaps,
          },
        ]),
      ),
    })),
  };
}
