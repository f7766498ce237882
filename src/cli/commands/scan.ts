import { CHECKS } from '../../checks/index.js';
import { catalog } from '../../responsibility/catalog.js';
import { buildMap, type ResponsibilityMap } from '../../responsibility/map.js';
import type { Inventory } from '../../core/inventory.js';
import type { ScanReport } from '../../core/scan.js';
import { atLeast } from '../../core/severity.js';
import { formatAsff } from '../../formats/asff.js';
import { formatHtmlReport, htmlReportData, type TrendPoint } from '../../formats/html-report.js';
import { readSnapshotFile } from '../../sources/snapshot/read.js';
import { EXIT, UserError } from '../errors.js';
import type { AwsFlags } from './collect.js';
import { evaluate } from '../deliver.js';
import { deliver } from '../output.js';
import { DEMO_SNAPSHOT } from '../package-info.js';
import { loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { parseSeverity, selectChecks } from '../selection.js';
import { renderCommon } from '../render.js';
import { Messages } from '../terminal.js';

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
  /** Export the findings to AWS Security Hub after the scan (a dry run unless `apply`). */
  securityhub?: boolean;
  /** With `securityhub`: send (securityhub:BatchImportFindings) instead of only showing the plan. */
  apply?: boolean;
  /**
   * The findings store the run is recorded in (and the export reads and records what it sent in); false with
   * `--no-store`: the run is not recorded.
   */
  store?: string | false;
}

/** `onus scan`: load an inventory, evaluate the selected checks, print the report, and return the exit code. */
export async function scan(flags: ScanFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  if (flags.apply && !flags.securityhub) throw new UserError('--apply goes with --securityhub');
  if (flags.store === false && flags.securityhub) {
    throw new UserError(
      '--no-store cannot go with --securityhub: the export records what it sent in the store',
    );
  }
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

  const report = evaluate(inventory, target, checks, config.thresholds, {
    suppressions: config.suppressions,
    file: config.file,
    messages,
  });
  const map = buildMap(inventory, report, catalog());
  report.responsibility = { summary: map.summary, ...map.totals };
  // Global findings (IAM, account settings) go to the home Region; loaded lazily, as the SDK is slow to load.
  const home =
    flags.format === 'asff' ? (await import('../../sources/aws/credentials.js')).homeRegion() : 'us-east-1';
  // The HTML report shows the trend across recorded runs, so that run is recorded first; a store that cannot
  // be used still costs nothing but the trend until the report is delivered (then: one line, exit 2).
  let trend: TrendPoint[] | undefined;
  let recorded = false;
  let storeError: Error | null = null;
  if (flags.store !== false && flags.format === 'html') {
    try {
      const { recordWithTrend } = await import('../../serve/trend.js');
      trend = (await recordWithTrend('scan', report, flags.store, messages)).trend;
      recorded = true;
    } catch (error) {
      storeError = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (await deliver(render(report, flags, home, map, trend), flags.output)) {
    messages.info(`wrote ${flags.format} report to ${flags.output ?? ''}`);
  }
  if (storeError !== null) throw storeError;

  // Recorded after the report is delivered: a store that cannot be used (one line, exit 2) never costs the
  // report; and before the export, which reads when each failure was first seen.
  if (flags.store !== false && !recorded) {
    const { record } = await import('./history.js');
    await record('scan', report, flags.store, messages);
  }

  if (flags.securityhub) {
    const { exportScan } = await import('./export.js');
    const exported = await exportScan(report, { ...flags, store: flags.store || undefined });
    if (exported !== EXIT.ok) return exported;
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

function render(
  report: ScanReport,
  flags: ScanFlags,
  home: string,
  map: ResponsibilityMap,
  trend: TrendPoint[] | undefined,
): string {
  switch (flags.format) {
    case 'html':
      return formatHtmlReport({ ...htmlReportData(report, map), ...(trend ? { trend } : {}) });
    case 'asff':
      return formatAsff(report, { homeRegion: home });
    default:
      return renderCommon(report, flags.format, flags);
  }
}
