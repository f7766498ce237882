import { fileURLToPath } from 'node:url';
import type { Inventory } from '../src/core/inventory.js';
import { evaluate } from '../src/cli/deliver.js';
import { htmlReportData, type HtmlReportData } from '../src/formats/html-report.js';
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
