import type { Check } from './check.js';
import { runChecks, type EngineOptions } from './engine.js';
import { toFinding, type Finding } from './finding.js';
import type { CollectionMetadata, Inventory } from './inventory.js';
import type { MapTotals } from '../responsibility/map.js';
import { summarize, type Summary } from './summary.js';

/** Everything a format needs to render one scan: pure data, no functions. */
export interface ScanReport {
  tool: { name: string; version: string };
  generatedAt: string;
  /** Where the inventory came from, as the user named it; `trail` for CloudTrail logs (`onus trail`). */
  target: { type: 'snapshot' | 'demo' | 'live' | 'iac' | 'trail' | 'secrets'; name: string };
  collection: CollectionMetadata;
  accounts: { id: string; alias: string | null }[];
  /** Regions in the inventory (excluding `global`). */
  regions: string[];
  resourceCount: number;
  checkIds: string[];
  findings: Finding[];
  summary: Summary;
  /**
   * The responsibility map in one line ("You use 12 services; AWS covers 70 items, you own 81: ..."), set by
   * the CLI, which holds the catalog; reports open with it.
   */
  responsibility?: { summary: string } & MapTotals;
}

export interface ScanOptions extends EngineOptions {
  /** When the report is made; `now` (the checks' clock) is usually the collection time instead. */
  generatedAt: Date;
  tool: ScanReport['tool'];
  target: ScanReport['target'];
}

/** Evaluates checks over an inventory into a report. Pure: the clock comes in through `options.now`. */
export function scanInventory(
  inventory: Inventory,
  checks: readonly Check[],
  options: ScanOptions,
): ScanReport {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const findings = runChecks(inventory, checks, options).map((result) => {
    const check = byId.get(result.checkId);
    if (!check) throw new Error(`result for unknown check ${result.checkId}`);
    return toFinding(result, check);
  });
  const regions = new Set<string>();
  let resourceCount = 0;
  for (const account of inventory.accounts) {
    for (const region of account.regions) {
      if (region.name !== 'global') regions.add(region.name);
      resourceCount += region.resources.length;
    }
  }
  return {
    tool: options.tool,
    generatedAt: options.generatedAt.toISOString(),
    target: options.target,
    collection: inventory.collection,
    accounts: inventory.accounts.map(({ id, alias }) => ({ id, alias })),
    regions: [...regions].sort(),
    resourceCount,
    checkIds: checks.map((check) => check.id).sort(),
    findings,
    summary: summarize(findings),
  };
}
