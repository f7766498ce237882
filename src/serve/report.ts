import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import { summarize } from '../core/summary.js';
import type { RunRecord, Store } from '../findings/store/types.js';
import { assessCompliance } from '../frameworks/compliance.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import type { HtmlReportPage } from '../formats/html-report.js';
import { trendOf } from './trend.js';

/**
 * A ScanReport rebuilt from a stored run: its findings are stored whole; what the store does not keep (the
 * inventory, account aliases, collection errors) is left empty, and the resource count is the number of
 * resources with a result.
 */
export function reportOfRun(run: RunRecord, findings: Finding[]): ScanReport {
  const tool = { name: 'onus', version: run.toolVersion };
  const resources = new Set(
    findings.map(
      (f) => `${f.resource.account}\u0000${f.resource.region}\u0000${f.resource.kind}\u0000${f.resource.id}`,
    ),
  );
  return {
    tool,
    generatedAt: run.finishedAt,
    target: run.target,
    collection: {
      source: run.target.type === 'live' ? 'live' : run.target.type === 'iac' ? 'iac' : 'snapshot',
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      caller: null,
      partition: 'aws',
      regions: run.scope.regions,
      skippedRegions: [],
      kinds: [],
      errors: [],
      tool,
    },
    accounts: run.scope.accounts.map((id) => ({ id, alias: null })),
    regions: run.scope.regions.filter((region) => region !== 'global'),
    resourceCount: resources.size,
    checkIds: run.scope.checkIds,
    findings,
    summary: summarize(findings),
  };
}

/** What the page says a stored run lacks. */
export const STORED_RUN_NOTES = [
  'Rebuilt from the findings store. The responsibility map needs the run\u2019s inventory, which the store does not keep: `onus map` or `onus scan --format html` over the same snapshot or account show it. Resources counts those with a result; account aliases are not recorded.',
];

/** The HTML report's data for a stored run: findings, compliance assessed from them, and the trend up to it. */
export async function pageOfRun(store: Store, run: RunRecord): Promise<HtmlReportPage> {
  const report = reportOfRun(run, await store.findingsOf(run.id));
  return {
    report,
    map: null,
    compliance: FRAMEWORKS.map((framework) => assessCompliance(framework, report)),
    trend: await trendOf(store, run),
    notes: STORED_RUN_NOTES,
    home: { href: '/', label: 'All runs' },
  };
}
