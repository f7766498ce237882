import { formatComplianceCsv } from '../../formats/compliance-csv.js';
import { formatComplianceMarkdown } from '../../formats/compliance-markdown.js';
import { formatComplianceTable } from '../../formats/compliance-table.js';
import { assessCompliance, type ComplianceReport } from '../../frameworks/compliance.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { CHECKS } from '../../checks/index.js';
import { configuredChecks, loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { deliver, evaluate } from '../deliver.js';
import { Messages, paintFor } from '../terminal.js';
import type { AwsFlags } from './collect.js';
import { loadTarget } from './scan.js';

export const COMPLIANCE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

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
  const report = assessCompliance(
    framework,
    evaluate(inventory, target, configuredChecks(config, CHECKS), config.thresholds, {
      suppressions: config.suppressions,
      file: config.file,
      messages,
    }),
  );
  await deliver(render(report, flags), flags.output);
  return EXIT.ok;
}

function render(report: ComplianceReport, flags: ComplianceFlags): string {
  switch (flags.format) {
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
