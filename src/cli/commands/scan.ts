import { CHECKS } from '../../checks/index.js';
import { catalog } from '../../responsibility/catalog.js';
import { buildMap } from '../../responsibility/map.js';
import type { Inventory } from '../../core/inventory.js';
import type { ScanReport } from '../../core/scan.js';
import { atLeast } from '../../core/severity.js';
import { formatJson } from '../../formats/json.js';
import { formatTable } from '../../formats/table.js';
import { readSnapshotFile } from '../../sources/snapshot/read.js';
import { EXIT, UserError } from '../errors.js';
import type { AwsFlags } from './collect.js';
import { deliver, evaluate } from '../deliver.js';
import { DEMO_SNAPSHOT } from '../package-info.js';
import { loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { parseSeverity, selectChecks } from '../selection.js';
import { Messages, paintFor } from '../terminal.js';

import type { Format } from '../formats.js';

export interface ScanFlags extends AwsFlags, ConfigFlags {
  snapshot?: string;
  demo?: boolean;
  format: Format;
  output?: string;
  checks?: string;
  severity?: string;
  /** Default: the config's failOn, else info. */
  failOn?: string;
  color: boolean;
}

/** `onus scan`: load an inventory, evaluate the selected checks, print the report, and return the exit code. */
export async function scan(flags: ScanFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  const config = loadConfig(flags, CHECKS);
  if (config.file) messages.info(`using ${config.file}`);
  const checks = selectChecks(CHECKS, flags, config);
  const failOnFlag = flags.failOn ?? config.failOn ?? 'info';
  const failOn = failOnFlag === 'none' ? null : parseSeverity(failOnFlag, '--fail-on');
  const { inventory, target } = await loadTarget(withConfiguredAws(flags, config));

  const resources = inventory.accounts.reduce(
    (sum, account) => sum + account.regions.reduce((count, region) => count + region.resources.length, 0),
    0,
  );
  messages.info(
    `loaded ${target.name}: ${inventory.accounts.length} account${inventory.accounts.length === 1 ? '' : 's'}, ${resources} resources`,
  );
  if (inventory.collection.errors.length > 0) {
    messages.info(
      `the collection recorded ${inventory.collection.errors.length} error(s); what they hid is reported as NOT_EVALUATED`,
    );
  }

  const report = evaluate(inventory, target, checks, config.thresholds);
  const { totals, summary } = buildMap(inventory, report, catalog());
  report.responsibility = { summary, ...totals };
  if (await deliver(render(report, flags), flags.output)) {
    messages.info(`wrote ${flags.format} report to ${flags.output ?? ''}`);
  }

  const failing = report.findings.filter(
    (finding) => finding.status === 'FAIL' && failOn !== null && atLeast(finding.severity, failOn),
  );
  if (failing.length > 0) {
    messages.info(`${failing.length} failed check result(s) at or above ${failOn ?? ''}: exit code 3`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

export async function loadTarget(
  flags: ScanFlags,
): Promise<{ inventory: Inventory; target: ScanReport['target'] }> {
  if (flags.demo && flags.snapshot) throw new UserError('give either --demo or --snapshot FILE, not both');
  if (!flags.demo && !flags.snapshot) {
    // Loaded only for live scans: the AWS SDK is most of onus's start-up time.
    const { collectLive } = await import('./collect.js');
    const inventory = await collectLive(flags);
    const account = inventory.accounts[0]?.id ?? 'unknown';
    return { inventory, target: { type: 'live', name: `account ${account}` } };
  }
  const file = flags.demo ? DEMO_SNAPSHOT : (flags.snapshot as string);
  const loaded = await readSnapshotFile(file);
  if (!loaded.ok) throw new UserError(loaded.error);
  return {
    inventory: loaded.inventory,
    target: flags.demo
      ? { type: 'demo', name: 'examples/demo-account.json' }
      : { type: 'snapshot', name: file },
  };
}

function render(report: ScanReport, flags: ScanFlags): string {
  switch (flags.format) {
    case 'json':
      return formatJson(report);
    case 'table':
      return formatTable(report, {
        paint: flags.output ? paintFor(process.stdout, false) : paintFor(process.stdout, flags.color),
      });
  }
}
