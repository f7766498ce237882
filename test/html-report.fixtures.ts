import { fileURLToPath } from 'node:url';
import type { Inventory } from '../src/core/inventory.js';
import { evaluate } from '../src/cli/deliver.js';
import { testFinding, testReport } from '../src/findings/store/contract.js';
import { htmlReportData, type HtmlReportData, type HtmlReportPage } from '../src/formats/html-report.js';
import { assessCompliance } from '../src/frameworks/compliance.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { catalog } from '../src/responsibility/catalog.js';
import { buildMap } from '../src/responsibility/map.js';
import { readSnapshotFile } from '../src/sources/snapshot/read.js';

export const DEMO = fileURLToPath(new URL('../examples/demo-account.json', import.meta.url));

export async function demoInventory(): Promise<Inventory> {
  const loaded = await readSnapshotFile(DEMO);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.inventory;
}

/** The HTML report's data for an inventory, as `onus scan --format html` builds it. */
export function reportOf(inventory: Inventory, name = 'examples/demo-account.json'): HtmlReportData {
  const report = evaluate(inventory, { type: 'demo', name });
  const map = buildMap(inventory, report, catalog());
  report.responsibility = { summary: map.summary, ...map.totals };
  return htmlReportData(report, map);
}

export async function demoReport(): Promise<HtmlReportData> {
  return reportOf(await demoInventory());
}

/** A report of code, as `onus iac` makes one: no accounts, no map to show; resources under account `iac`. */
export function iacReport(): HtmlReportPage {
  const findings = [
    testFinding('s3.public', 'FAIL', 'aws_s3_bucket.logs', 'iac'),
    testFinding('s3.tls', 'PASS', 'aws_s3_bucket.logs', 'iac'),
    testFinding('s3.versioning', 'NOT_EVALUATED', 'aws_s3_bucket.data', 'iac'),
  ].map((finding) => ({ ...finding, resource: { ...finding.resource, account: 'iac' } }));
  const report = testReport(findings, {
    target: { type: 'iac', name: 'infra/' },
    accounts: [],
    regions: [],
    resourceCount: 3,
  });
  // As `onus iac` builds it: a map of no account, which the page must not show.
  const map = buildMap({ collection: report.collection, accounts: [] }, report, catalog());
  return {
    report,
    map,
    compliance: FRAMEWORKS.map((framework) => assessCompliance(framework, report)),
  };
}
