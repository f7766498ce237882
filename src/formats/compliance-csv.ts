import type { ComplianceReport } from '../frameworks/compliance.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per requirement; level (CIS) and severity (FSBP) stay empty for frameworks that do not have them. */
export function formatComplianceCsv(report: ComplianceReport): string {
  const rows = [
    [
      'framework',
      'version',
      'requirement',
      'section',
      'title',
      'status',
      'pass',
      'fail',
      'not_evaluated',
      'checks',
      'detail',
      'level',
      'severity',
      'source',
    ],
  ];
  for (const result of report.results) {
    rows.push([
      report.framework.id,
      report.framework.version,
      result.requirement.id,
      result.requirement.section,
      result.requirement.title,
      result.status,
      String(result.counts.pass),
      String(result.counts.fail),
      String(result.counts.notEvaluated),
      result.requirement.checks.join(' '),
      result.detail,
      result.requirement.level === undefined ? '' : String(result.requirement.level),
      result.requirement.severity ?? '',
      result.requirement.source,
    ]);
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
