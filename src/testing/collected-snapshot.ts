import type { Resource } from '../core/resource.js';
import type { CollectionSink } from '../sources/aws/collector.js';
import { parseSnapshot, type SnapshotLoad } from '../sources/snapshot/read.js';
import { toSnapshot } from '../sources/snapshot/write.js';
import { ACCOUNT, inventoryOf, REGION } from './builders.js';

/**
 * What collectors reported (one sink per region they ran in), written as a snapshot and read back through the
 * snapshot validator: the kinds' attribute names and types are the contract, and a field that is neither
 * present nor a gap breaks it. `regions` are the regions scanned (as by `collectWith`, REGION by default).
 */
export function loadCollected(
  sinks: CollectionSink | readonly CollectionSink[],
  kinds: readonly string[],
  regions: readonly string[] = [REGION],
): SnapshotLoad {
  const all = 'resources' in sinks ? [sinks] : sinks;
  const resources: Resource[] = all.flatMap((sink) =>
    sink.resources.map((collected) => ({
      kind: collected.kind,
      id: collected.id,
      arn: collected.arn ?? null,
      account: ACCOUNT,
      region: collected.region,
      tags: collected.tags ?? {},
      attributes: collected.attributes,
      source: { type: 'live' as const },
      gaps: collected.gaps ?? [],
    })),
  );
  const inventory = inventoryOf(resources, {
    regions: [...regions],
    scopeGaps: all.flatMap((sink) => sink.gaps),
    kinds: [...kinds],
  });
  return parseSnapshot(JSON.stringify(toSnapshot(inventory)), 'collected');
}

/** The validator's complaint about what was collected, or null when it loads. */
export function snapshotProblem(
  sinks: CollectionSink | readonly CollectionSink[],
  kinds: readonly string[],
  regions: readonly string[] = [REGION],
): string | null {
  const loaded = loadCollected(sinks, kinds, regions);
  return loaded.ok ? null : loaded.error;
}

/** Attributes by `kind/id` as read back through the validator (which throws if they do not load). */
export function reloadedAttributes(sink: CollectionSink, kinds: readonly string[]): Record<string, unknown> {
  const loaded = loadCollected(sink, kinds);
  if (!loaded.ok) throw new Error(loaded.error);
  const resources = loaded.inventory.accounts.flatMap((a) => a.regions.flatMap((r) => r.resources));
  return Object.fromEntries(
    resources.map((resource) => [`${resource.kind}/${resource.id}`, resource.attributes]),
  );
}

/** Attributes by `kind/id` as the collector emitted them: equal to `reloadedAttributes` when nothing is lost. */
export function collectedAttributes(sink: CollectionSink): Record<string, unknown> {
  return Object.fromEntries(
    sink.resources.map((resource) => [`${resource.kind}/${resource.id}`, resource.attributes]),
  );
}
