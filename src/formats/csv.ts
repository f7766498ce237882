import type { ScanReport } from '../core/scan.js';
import { complianceRefsOf, refLabel } from './compliance-refs.js';
import { csvDocument } from './text.js';

export const CSV_COLUMNS = [
  'fingerprint',
  'status',
  'reason',
  'check_id',
  'title',
  'severity',
  'service',
  'domain',
  'account',
  'region',
  'resource_kind',
  'resource_id',
  'resource_name',
  'resource_arn',
  'message',
  'compliance',
  'remediation_url',
] as const;

/**
 * Every result (PASS included) as one CSV row, RFC 4180 with CRLF line ends; fields a spreadsheet would run as a
 * formula are defused. Compliance references are joined with `; `.
 */
export function formatCsv(report: ScanReport): string {
  const rows = report.findings.map((finding) => [
    finding.fingerprint,
    finding.status,
    finding.reason ?? '',
    finding.checkId,
    finding.title,
    finding.severity,
    finding.service,
    finding.domain,
    finding.resource.account,
    finding.resource.region,
    finding.resource.kind,
    finding.resource.id,
    finding.resource.name,
    finding.resource.arn ?? '',
    finding.message,
    complianceRefsOf(finding).map(refLabel).join('; '),
    finding.remediation.url,
  ]);
  return csvDocument([[...CSV_COLUMNS], ...rows]);
}
