import { CHECKS } from '../checks/index.js';
import type { Check } from '../core/check.js';
import type { Inventory } from '../core/inventory.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { NOW } from './builders.js';

/** Every check (or `checks`) over `inventory`, as `onus scan --snapshot <name>` would report it at NOW. */
export function scanOf(
  inventory: Inventory,
  target: ScanReport['target'] = { type: 'snapshot', name: 'account.json' },
  checks: readonly Check[] = CHECKS,
): ScanReport {
  return scanInventory(inventory, checks, {
    now: NOW,
    thresholds: {},
    generatedAt: NOW,
    tool: { name: 'onus', version: 'test' },
    target,
  });
}
