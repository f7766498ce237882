import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import { SEVERITIES, severityRank } from '../core/severity.js';
import { markdownCell } from './text.js';

/**
 * GitHub rejects pull-request comments longer than 65,536 characters; a job summary may be 1 MiB. The default
 * fits both.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Longest cell text: one long message must not crowd out the others. */
const CELL_LIMIT = 300;

export interface MarkdownSummaryOptions {
  /** Maximum length in characters (UTF-16 code units, as GitHub counts). */
  maxLength?: number;
}

function cell(text: string): string {
  const short = text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text;
  return markdownCell(short);
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

function bySeverity(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resource.name.localeCompare(b.resource.name)
  );
}

function head(report: ScanReport): string[] {
  const { summary } = report;
  const lines = [`## ${cell(report.tool.name)} scan: ${cell(report.target.name)}`, ''];
  if (report.responsibility) lines.push(cell(report.responsibility.summary), '');
  const { coverage, passRate } = summary;
  const covered =
    coverage.ratio === null
      ? 'nothing to evaluate'
      : `${coverage.evaluated} of ${coverage.total} check × resource pairs evaluated (${percent(coverage.ratio)})`;
  const rate = passRate === null ? 'no pass rate' : `pass rate ${percent(passRate)} of evaluated`;
  lines.push(`**Coverage:** ${covered} · ${rate}`, '');
  const totals = summary.totals;
  lines.push(
    `**Results:** ${totals.FAIL} failed · ${totals.PASS} passed · ${totals.NOT_EVALUATED} not evaluated · ${totals.MANUAL} manual · ${totals.MUTED} muted`,
    '',
    '| Severity | Failed |',
    '|---|---:|',
    ...SEVERITIES.map((severity) => `| ${severity} | ${summary.failedBySeverity[severity]} |`),
    '',
  );
  return lines;
}

function failedSection(failed: readonly Finding[], kept: number): string[] {
  if (failed.length === 0) return ['### Failed (0)', '', 'Nothing failed.', ''];
  const lines = [`### Failed (${failed.length})`, ''];
  const shown = failed.slice(0, kept);
  for (const severity of SEVERITIES) {
    const all = failed.filter((finding) => finding.severity === severity).length;
    const rows = shown.filter((finding) => finding.severity === severity);
    if (rows.length === 0) continue;
    lines.push(
      `#### ${severity} (${all})`,
      '',
      '| Check | Resource | Account / region | Message |',
      '|---|---|---|---|',
    );
    for (const finding of rows) {
      const { resource } = finding;
      lines.push(
        `| ${cell(finding.checkId)} | ${cell(resource.name)} | ${cell(`${resource.account} / ${resource.region}`)} | ${cell(finding.message)} |`,
      );
    }
    lines.push('');
  }
  if (kept < failed.length) {
    lines.push(`…and ${failed.length - kept} more failed finding(s); see the full report.`, '');
  }
  return lines;
}

function notEvaluatedSection(report: ScanReport): string[] {
  const counts = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.status !== 'NOT_EVALUATED') continue;
    const reason = finding.reason ?? 'unknown';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  return [
    `### Not evaluated (${report.summary.totals.NOT_EVALUATED})`,
    '',
    '| Reason | Results |',
    '|---|---:|',
    ...[...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([reason, count]) => `| ${cell(reason)} | ${count} |`),
    '',
  ];
}

/**
 * A summary for pull-request comments and `$GITHUB_STEP_SUMMARY`: the responsibility line, coverage, failures by
 * severity, failed findings worst first, and why results were not evaluated. Always within `maxLength`: when the
 * list of failures does not fit, the least severe are left out and counted ("and N more").
 */
export function formatMarkdownSummary(report: ScanReport, options: MarkdownSummaryOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const failed = report.findings.filter((finding) => finding.status === 'FAIL').sort(bySeverity);
  const top = head(report);
  const tail = notEvaluatedSection(report);
  const render = (kept: number): string => [...top, ...failedSection(failed, kept), ...tail].join('\n');

  let text = render(failed.length);
  if (text.length > limit) {
    // The most rows that fit: rendering grows with the rows kept, so search for the boundary.
    let low = 0;
    let high = failed.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (render(middle).length <= limit) low = middle;
      else high = middle - 1;
    }
    text = render(low);
  }
  // Only a tiny limit or an enormous header gets here: cut, and say so.
  if (text.length > limit) {
    const marker = '\n…(truncated)\n';
    text = text.slice(0, Math.max(0, limit - marker.length)) + marker;
    text = text.slice(0, limit);
  }
  return text;
}
