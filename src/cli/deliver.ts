import { CHECKS } from '../checks/index.js';
import type { Check, ThresholdValue } from '../core/check.js';
import type { Inventory } from '../core/inventory.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { summarize } from '../core/summary.js';
import { applySuppressions, type Suppression } from '../findings/suppressions.js';
import { VERSION } from './package-info.js';
import type { Messages } from './terminal.js';

/** The config's suppressions and where to tell the user about them. */
export interface Suppressing {
  suppressions: readonly Suppression[];
  /** The config file, as messages name it. */
  file: string | null;
  messages: Messages;
}

/**
 * Evaluates checks over an inventory as of its collection time, so a snapshot gives the same answer tomorrow.
 * Suppressions then mute the FAIL results they match; their expiry is judged against today, not the collection
 * time, so rescanning an old snapshot never revives an expired suppression. Expired ones are warnings (shown
 * even with --quiet: they change the exit code); ones that muted nothing are notes.
 */
export function evaluate(
  inventory: Inventory,
  target: ScanReport['target'],
  checks: readonly Check[] = CHECKS,
  thresholds: Record<string, Record<string, ThresholdValue>> = {},
  suppressing?: Suppressing,
): ScanReport {
  const generatedAt = new Date();
  const report = scanInventory(inventory, checks, {
    now: new Date(inventory.collection.finishedAt),
    thresholds,
    generatedAt,
    tool: { name: 'onus', version: VERSION },
    target,
  });
  if (!suppressing || suppressing.suppressions.length === 0) return report;
  const applied = applySuppressions(
    report.findings,
    suppressing.suppressions,
    generatedAt,
    suppressing.file ?? 'onus.config.yaml',
  );
  for (const warning of applied.warnings) suppressing.messages.warn(warning);
  for (const note of applied.notes) suppressing.messages.info(note);
  return { ...report, findings: applied.findings, summary: summarize(applied.findings) };
}
