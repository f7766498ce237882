import { writeFile } from 'node:fs/promises';
import { CHECKS } from '../checks/index.js';
import type { Check, ThresholdValue } from '../core/check.js';
import type { Inventory } from '../core/inventory.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { UserError } from './errors.js';
import { VERSION } from './package-info.js';

/**
 * Evaluates checks over an inventory as of its collection time, so a snapshot gives the same answer tomorrow.
 */
export function evaluate(
  inventory: Inventory,
  target: ScanReport['target'],
  checks: readonly Check[] = CHECKS,
  thresholds: Record<string, Record<string, ThresholdValue>> = {},
): ScanReport {
  return scanInventory(inventory, checks, {
    now: new Date(inventory.collection.finishedAt),
    thresholds,
    generatedAt: new Date(),
    tool: { name: 'onus', version: VERSION },
    target,
  });
}

/** Writes a result to `--output` (true when it did) or to stdout; an unwritable file is the user's to fix. */
export async function deliver(text: string, output: string | undefined): Promise<boolean> {
  if (!output) {
    process.stdout.write(text);
    return false;
  }
  try {
    await writeFile(output, text);
  } catch (error) {
    throw new UserError(
      `--output: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return true;
}
