import { DOMAIN_TITLES, DOMAINS } from '../core/domain.js';
import type { Finding } from '../core/finding.js';
import { describeGap } from '../core/gap.js';
import type { ScanReport } from '../core/scan.js';
import { SEVERITIES, severityRank, type Severity } from '../core/severity.js';
import type { StatusCounts } from '../core/summary.js';
import { NO_COLOURS, padEnd, padStart, type Paint } from './ansi.js';

export interface TableOptions {
  paint?: Paint;
}

/**
 * The human view: a summary by responsibility domain and severity with coverage, then what failed, what could
 * not be evaluated and what a suppression muted, each with its reason. Passing results are counted, not listed.
 */
export function formatTable(report: ScanReport, options: TableOptions = {}): string {
  const paint = options.paint ?? NO_COLOURS;
  const lines: string[] = [];
  lines.push(...header(report, paint), '');
  lines.push(...domainTable(report, paint), '');
  lines.push(...severityLine(report, paint));
  lines.push(...coverageLines(report, paint));

  const failed = report.findings.filter((finding) => finding.status === 'FAIL').sort(bySeverity);
  const unevaluated = report.findings.filter((finding) => finding.status === 'NOT_EVALUATED');
  const manual = report.findings.filter((finding) => finding.status === 'MANUAL');
  const muted = report.findings.filter((finding) => finding.status === 'MUTED').sort(bySeverity);
  const multiAccount = report.accounts.length > 1;

  if (failed.length > 0) {
    lines.push('', paint.bold(paint.red(`Failed (${failed.length})`)));
    for (const finding of failed) {
      lines.push(
        `  ${severityLabel(finding.severity, paint)}  ${paint.bold(finding.checkId)}  ${where(finding, multiAccount, paint)}`,
        `            ${finding.message}`,
      );
    }
  }
  if (unevaluated.length > 0) {
    lines.push('', paint.bold(paint.yellow(`Not evaluated (${unevaluated.length})`)));
    for (const finding of unevaluated) {
      const why = finding.gap ? describeGap(finding.gap) : (finding.reason ?? 'unknown');
      lines.push(
        `  ${paint.bold(finding.checkId)}  ${where(finding, multiAccount, paint)}`,
        `            ${finding.message}: ${paint.yellow(why)}`,
      );
    }
  }
  if (manual.length > 0) {
    lines.push('', paint.bold(`Manual (${manual.length})`));
    for (const finding of manual) {
      lines.push(
        `  ${paint.bold(finding.checkId)}  ${where(finding, multiAccount, paint)}`,
        `            ${finding.message}`,
      );
    }
  }
  if (muted.length > 0) {
    lines.push('', paint.bold(`Muted (${muted.length})`));
    for (const finding of muted) {
      const { reason, expires } = finding.suppression ?? { reason: 'suppressed', expires: null };
      lines.push(
        `  ${severityLabel(finding.severity, paint)}  ${paint.bold(finding.checkId)}  ${where(finding, multiAccount, paint)}`,
        `            ${finding.message}`,
        `            ${paint.dim(`muted: ${reason}${expires === null ? '' : ` (expires ${expires})`}`)}`,
      );
    }
  }
  if (failed.length === 0 && unevaluated.length === 0) {
    const apart = muted.length > 0 ? `, apart from ${muted.length} muted` : '';
    lines.push('', paint.green(`Every evaluated check passed${apart}.`));
  }
  return `${lines.join('\n')}\n`;
}

function header(report: ScanReport, paint: Paint): string[] {
  const accounts = report.accounts.map((account) =>
    account.alias ? `${account.id} (${account.alias})` : account.id,
  );
  if (report.target.type === 'iac') {
    return [
      `${paint.bold('onus iac')} · ${report.target.name}`,
      `${report.resourceCount} resources · ${report.checkIds.length} checks that apply before deployment · read ${report.collection.finishedAt}`,
    ];
  }
  const lines = [
    `${paint.bold('onus scan')} · ${report.target.type === 'demo' ? 'demo account' : report.target.type} ${report.target.name}`,
    `${accounts.length === 1 ? 'Account' : 'Accounts'} ${accounts.join(', ')} · ${report.regions.length} region${report.regions.length === 1 ? '' : 's'} · ${report.resourceCount} resources · ${report.checkIds.length} checks · collected ${report.collection.finishedAt}`,
  ];
  if (report.responsibility) lines.push(paint.bold(report.responsibility.summary));
  if (report.collection.skippedRegions.length > 0) {
    lines.push(
      paint.dim(`Opt-in regions not enabled (not scanned): ${report.collection.skippedRegions.join(', ')}`),
    );
  }
  return lines;
}

const COLUMNS = [
  ['PASS', 'PASS'],
  ['FAIL', 'FAIL'],
  ['NOT_EVALUATED', 'NOT EVAL'],
  ['MANUAL', 'MANUAL'],
  ['MUTED', 'MUTED'],
] as const;

function domainTable(report: ScanReport, paint: Paint): string[] {
  const width =
    Math.max(...Object.values(DOMAIN_TITLES).map((title) => title.length), 'Responsibility'.length) + 2;
  const row = (label: string, counts: StatusCounts) =>
    padEnd(label, width) +
    COLUMNS.map(([status, title]) => {
      const count = counts[status];
      const text = padStart(String(count), title.length + 2);
      if (count === 0) return paint.dim(text);
      return status === 'FAIL' ? paint.red(text) : status === 'NOT_EVALUATED' ? paint.yellow(text) : text;
    }).join('');
  const lines = [
    paint.bold(
      padEnd('Responsibility', width) +
        COLUMNS.map(([, title]) => padStart(title, title.length + 2)).join(''),
    ),
  ];
  for (const domain of DOMAINS) {
    const counts = report.summary.byDomain[domain];
    if (Object.values(counts).some((count) => count > 0)) lines.push(row(DOMAIN_TITLES[domain], counts));
  }
  lines.push(paint.bold(row('Total', report.summary.totals)));
  return lines;
}

function severityLine(report: ScanReport, paint: Paint): string[] {
  const parts = SEVERITIES.map((severity) => {
    const count = report.summary.failedBySeverity[severity];
    const text = `${severity} ${count}`;
    return count > 0 ? severityColour(severity, paint)(text) : paint.dim(text);
  });
  return [`Failed by severity: ${parts.join(' · ')}`];
}

function coverageLines(report: ScanReport, paint: Paint): string[] {
  const { coverage, passRate } = report.summary;
  const ratio = coverage.ratio === null ? 'n/a' : percent(coverage.ratio);
  const pairs = `${coverage.evaluated} of ${coverage.total} check × resource pairs evaluated`;
  const rate =
    passRate === null ? 'no pass rate (nothing evaluated)' : `pass rate ${percent(passRate)} of evaluated`;
  const colour = coverage.ratio !== null && coverage.ratio < 1 ? paint.yellow : paint.green;
  return [`Coverage: ${colour(ratio)} (${pairs}); ${rate}`];
}

function percent(ratio: number): string {
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}

function where(finding: Finding, multiAccount: boolean, paint: Paint): string {
  const { kind, id, region, account } = finding.resource;
  const subject =
    kind === 'aws.account'
      ? `account ${id}`
      : kind === 'aws.region'
        ? `region ${id}`
        : id === '*'
          ? `every ${kind}`
          : `${kind} ${finding.resource.name}`;
  const written = finding.resource.location;
  if (written) return `${subject} ${paint.dim(`(${written.file}:${String(written.line)})`)}`;
  const location = [region === 'global' || region === id ? null : region, multiAccount ? account : null]
    .filter((part) => part !== null)
    .join(' · ');
  return location ? `${subject} ${paint.dim(`(${location})`)}` : subject;
}

function severityColour(severity: Severity, paint: Paint): (text: string) => string {
  switch (severity) {
    case 'critical':
      return (text) => paint.bold(paint.magenta(text));
    case 'high':
      return paint.red;
    case 'medium':
      return paint.yellow;
    case 'low':
      return paint.cyan;
    case 'info':
      return paint.dim;
  }
}

function severityLabel(severity: Severity, paint: Paint): string {
  return severityColour(severity, paint)(padEnd(severity.toUpperCase(), 8));
}

function bySeverity(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.checkId.localeCompare(b.checkId);
}
