import type { ComplianceReport } from '../frameworks/compliance.js';

import { csvDocument } from './text.js';

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
  return csvDocument(rows);
}
