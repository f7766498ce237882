import { CHECKS } from '../../checks/index.js';
import type { ScanReport } from '../../core/scan.js';
import { atLeast } from '../../core/severity.js';
import { summarize } from '../../core/summary.js';
import { applyInlineIgnores, placeFindings, withinLanguage } from '../../findings/code.js';
import { formatHtmlReport, htmlReportData } from '../../formats/html-report.js';
import { catalog } from '../../responsibility/catalog.js';
import { buildMap } from '../../responsibility/map.js';
import { buildIacInventory, checksForCode } from '../../sources/iac/inventory.js';
import { describeProblem, loadIac } from '../../sources/iac/load.js';
import { loadConfig, type ConfigFlags } from '../config.js';
import { evaluate } from '../deliver.js';
import { deliver } from '../output.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { parseSeverity, selectChecks } from '../selection.js';
import { renderCommon } from '../render.js';
import { Messages } from '../terminal.js';

/** What `onus iac --format` offers: scan's formats but ASFF, which needs an account and a region. */
export const IAC_FORMATS = ['table', 'json', 'sarif', 'csv', 'junit', 'markdown', 'ocsf', 'html'] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];

export interface IacFlags extends ConfigFlags {
  format: IacFormat;
  output?: string;
  checks?: string;
  severity?: string;
  failOn?: string;
  color: boolean;
  quiet: boolean;
  /** Terraform `-var-file`s. */
  varFile?: string[];
  /** CloudFormation parameters, `Name=Value`. */
  parameter?: string[];
  store?: string | false;
}

function parameters(values: readonly string[] | undefined): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const value of values ?? []) {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new UserError(`--parameter ${value}: expected Name=Value`);
    parsed[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return parsed;
}

/**
 * `onus iac PATH...`: reads CloudFormation, CDK output, Terraform and Terraform plans under the paths, runs every
 * check that applies before deployment (the same ids as `onus scan`), and reports with the file and line of
 * each result. Exit 2 when some input could not be read (after reporting the rest), 3 on failures at or above
 * --fail-on, else 0.
 */
export async function iac(paths: string[], flags: IacFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  if (paths.length === 0) throw new UserError('onus iac: give at least one file or directory');
  const config = loadConfig(flags, CHECKS);
  if (config.file) messages.info(`using ${config.file}`);
  const selected = selectChecks(CHECKS, flags, config);
  const failOnFlag = flags.failOn ?? config.failOn ?? 'info';
  const failOn = failOnFlag === 'none' ? null : parseSeverity(failOnFlag, '--fail-on');

  const loaded = loadIac(paths, { varFiles: flags.varFile ?? [], parameters: parameters(flags.parameter) });
  const code = buildIacInventory(loaded.sets);
  code.inventory.collection.tool = { name: 'onus', version: VERSION };
  const problems = [...loaded.problems, ...code.problems];
  for (const problem of problems) {
    const line = describeProblem(problem);
    if (problem.severity === 'error') messages.error(line);
    else messages.warn(line);
  }
  const checks = checksForCode(selected, code);
  const resources = code.inventory.accounts.reduce(
    (sum, account) => sum + account.regions.reduce((count, region) => count + region.resources.length, 0),
    0,
  );
  messages.info(
    `read ${String(loaded.files)} file${loaded.files === 1 ? '' : 's'}: ${String(resources)} resources, ${String(checks.length)} checks apply before deployment`,
  );

  const target: ScanReport['target'] = { type: 'iac', name: paths.join(' ') };
  const evaluated = evaluate(code.inventory, target, checks, config.thresholds, {
    suppressions: config.suppressions,
    file: config.file,
    messages,
  });
  const inline = applyInlineIgnores(
    placeFindings(withinLanguage(evaluated.findings, code, checks), code, checks),
    code,
  );
  for (const note of inline.notes) messages.info(note);
  const report: ScanReport = { ...evaluated, findings: inline.findings, summary: summarize(inline.findings) };

  if (await deliver(render(report, flags), flags.output)) {
    messages.info(`wrote ${flags.format} report to ${flags.output ?? ''}`);
  }
  if (flags.store !== false) {
    const { record } = await import('./history.js');
    await record('iac', report, flags.store, messages);
  }

  if (problems.some((problem) => problem.severity === 'error')) {
    messages.info('some input could not be read (see above): exit code 2');
    return EXIT.badInput;
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

function render(report: ScanReport, flags: IacFlags): string {
  if (flags.format !== 'html') return renderCommon(report, flags.format, flags);
  const map = buildMap({ collection: report.collection, accounts: [] }, report, catalog());
  return formatHtmlReport(htmlReportData(report, map));
}
