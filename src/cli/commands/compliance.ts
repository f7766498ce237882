import { formatComplianceCsv } from '../../formats/compliance-csv.js';
import { formatComplianceMarkdown } from '../../formats/compliance-markdown.js';
import { formatComplianceTable } from '../../formats/compliance-table.js';
import { formatHtmlReport } from '../../formats/html-report.js';
import { assessCompliance, type ComplianceReport } from '../../frameworks/compliance.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { CHECKS } from '../../checks/index.js';
import type { ScanReport } from '../../core/scan.js';
import { catalog } from '../../responsibility/catalog.js';
import { buildMap, type ResponsibilityMap } from '../../responsibility/map.js';
import { configuredChecks, loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { evaluate } from '../deliver.js';
import { deliver } from '../output.js';
import { Messages, paintFor } from '../terminal.js';
import type { AwsFlags } from './collect.js';
import { loadTarget } from './scan.js';

export const COMPLIANCE_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;

export interface ComplianceFlags extends AwsFlags, ConfigFlags {
  snapshot?: string;
  demo?: boolean;
  format: (typeof COMPLIANCE_FORMATS)[number];
  output?: string;
  color: boolean;
}

/** `onus compliance <framework>`: every requirement with a status, and a score that says what it leaves out. */
export async function compliance(frameworkId: string, flags: ComplianceFlags): Promise<number> {
  const framework = FRAMEWORKS.find((candidate) => candidate.id === frameworkId);
  if (!framework) {
    throw new UserError(
      `unknown framework '${frameworkId}' (onus knows: ${FRAMEWORKS.map((f) => f.id).join(', ')})`,
    );
  }
  const messages = new Messages(flags.quiet);
  const config = loadConfig(flags, CHECKS);
  if (config.file) messages.info(`using ${config.file}`);
  const { inventory, target } = await loadTarget(
    withConfiguredAws({ ...flags, failOn: 'none', format: 'json' }, config),
  );
  messages.info(`assessing ${framework.name} v${framework.version} over ${target.name}`);
  // Checks the config leaves out are not run, so the requirements they verify show as not evaluated.
  const scan = evaluate(inventory, target, configuredChecks(config, CHECKS), config.thresholds, {
    suppressions: config.suppressions,
    file: config.file,
    messages,
  });
  const report = assessCompliance(framework, scan);
  const format = flags.format;
  await deliver(
    format === 'html'
      ? htmlPage(scan, buildMap(inventory, scan, catalog()), report)
      : render(report, format, flags),
    flags.output,
  );
  return EXIT.ok;
}

/**
 * The scan's HTML report (as `onus scan --format html` writes it, map included) with this one framework,
 * opening on its requirements and the checks behind each.
 */
function htmlPage(scan: ScanReport, map: ResponsibilityMap, report: ComplianceReport): string {
  scan.responsibility = { summary: map.summary, ...map.totals };
  return formatHtmlReport({
    report: scan,
    map,
    compliance: [report],
    view: 'compliance',
    title: `onus compliance: ${report.framework.name} v${report.framework.version} · ${scan.target.name}`,
  });
}

function render(
  report: ComplianceReport,
  format: Exclude<ComplianceFlags['format'], 'html'>,
  flags: ComplianceFlags,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ schema: 'onus.compliance/v1', ...report }, null, 2)}\n`;
    case 'csv':
      return formatComplianceCsv(report);
    case 'markdown':
      return formatComplianceMarkdown(report);
    case 'table':
      return formatComplianceTable(report, paintFor(process.stdout, flags.color && !flags.output));
  }
}
