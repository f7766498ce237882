import type { Resource } from '../core/resource.js';
import type { CollectionSink } from '../sources/aws/collector.js';
import { parseSnapshot, type SnapshotLoad } from '../sources/snapshot/read.js';
import { toSnapshot } from '../sources/snapshot/write.js';
import { ACCOUNT, inventoryOf } from './builders.js';

/**
 * What a collector reported, written as a snapshot and read back through the snapshot validator: the kinds'
 * attribute names and types are the contract, and a field that is neither present nor a gap breaks it.
 */
export function loadCollected(sink: CollectionSink, kinds: readonly string[]): SnapshotLoad {
  const resources: Resource[] = sink.resources.map((collected) => ({
    kind: collected.kind,
    id: collected.id,
    arn: collected.arn ?? null,
    account: ACCOUNT,
    region: collected.region,
    tags: collected.tags ?? {},
    attributes: collected.attributes,
    source: { type: 'live' },
    gaps: collected.gaps ?? [],
  }));
  const inventory = inventoryOf(resources, { scopeGaps: sink.gaps, kinds: [...kinds] });
  return parseSnapshot(JSON.stringify(toSnapshot(inventory)), 'collected');
}

/** The validator's complaint about what was collected, or null when it loads. */
export function snapshotProblem(sink: CollectionSink, kinds: readonly string[]): string | null {
  const loaded = loadCollected(sink, kinds);
  return loaded.ok ? null : loaded.error;
}
