import type { Finding } from '../core/finding.js';
import { GLOBAL } from '../core/resource.js';
import type { Status } from '../core/result.js';
import type { ScanReport } from '../core/scan.js';
import type { Severity } from '../core/severity.js';
import { complianceRefsOf, refLabel } from './compliance-refs.js';

/** The OCSF schema version the events follow. */
export const OCSF_VERSION = '1.3.0';

/** Compliance Finding, in the Findings category; one event per result, activity Create. */
export const COMPLIANCE_FINDING = { class_uid: 2003, category_uid: 2, activity_id: 1 } as const;

/** OCSF's severity_id and its caption, for every OCSF class onus writes. */
export const SEVERITY_ID: Record<Severity, { id: number; caption: string }> = {
  info: { id: 1, caption: 'Informational' },
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

/**
 * The compliance object's status: Pass and Fail were decided (a MUTED result failed, and says so); Warning is
 * OCSF's "did not yield a result due to missing information", which is what NOT_EVALUATED and MANUAL are.
 */
const COMPLIANCE_STATUS: Record<Status, { id: number; caption: string }> = {
  PASS: { id: 1, caption: 'Pass' },
  FAIL: { id: 3, caption: 'Fail' },
  MUTED: { id: 3, caption: 'Fail' },
  NOT_EVALUATED: { id: 2, caption: 'Warning' },
  MANUAL: { id: 2, caption: 'Warning' },
};

/** The finding's lifecycle status: new, or suppressed when a suppression accepted the risk. */
function findingStatus(status: Status): { id: number; caption: string } {
  return status === 'MUTED' ? { id: 3, caption: 'Suppressed' } : { id: 1, caption: 'New' };
}

/** The event for one finding: a plain JSON object as OCSF Compliance Finding (2003) defines it. */
export function ocsfEvent(finding: Finding, report: ScanReport): Record<string, unknown> {
  const { resource } = finding;
  const severity = SEVERITY_ID[finding.severity];
  const compliance = COMPLIANCE_STATUS[finding.status];
  const lifecycle = findingStatus(finding.status);
  const refs = complianceRefsOf(finding);
  const standards = [...new Set(refs.map((ref) => `${ref.framework} ${ref.version}`))];
  const region = resource.region === GLOBAL ? undefined : resource.region;
  const partition = resource.arn?.split(':')[1] ?? report.collection.partition;
  const detail = finding.reason ? `${finding.reason}: ${finding.message}` : finding.message;
  return {
    activity_id: COMPLIANCE_FINDING.activity_id,
    activity_name: 'Create',
    category_uid: COMPLIANCE_FINDING.category_uid,
    category_name: 'Findings',
    class_uid: COMPLIANCE_FINDING.class_uid,
    class_name: 'Compliance Finding',
    type_uid: COMPLIANCE_FINDING.class_uid * 100 + COMPLIANCE_FINDING.activity_id,
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.caption,
    status_id: lifecycle.id,
    status: lifecycle.caption,
    status_code: finding.status,
    status_detail: detail,
    message: finding.message,
    time: Date.parse(report.generatedAt),
    metadata: {
      version: OCSF_VERSION,
      product: { name: report.tool.name, vendor_name: report.tool.name, version: report.tool.version },
      profiles: ['cloud'],
    },
    cloud: {
      provider: 'AWS',
      account: { uid: resource.account, type: 'AWS Account', type_id: 10 },
      ...(region ? { region } : {}),
    },
    finding_info: {
      uid: finding.fingerprint,
      title: finding.title,
      desc: finding.risk,
      types: [`onus/${finding.domain}`],
    },
    resources: [
      {
        uid: resource.arn ?? resource.id,
        name: resource.name,
        type: resource.kind,
        ...(region ? { region } : {}),
        cloud_partition: partition,
      },
    ],
    compliance: {
      control: finding.checkId,
      // A check no shipped framework cites is measured against onus's own catalog, named as the standard.
      standards: standards.length > 0 ? standards : [`${report.tool.name} checks`],
      ...(refs.length > 0 ? { requirements: refs.map(refLabel) } : {}),
      status_id: compliance.id,
      status: compliance.caption,
      status_code: finding.status,
      status_detail: detail,
    },
    remediation: { desc: finding.remediation.text, references: [finding.remediation.url] },
    unmapped: {
      onus: {
        check_id: finding.checkId,
        service: finding.service,
        domain: finding.domain,
        resource_kind: resource.kind,
        resource_id: resource.id,
        reason: finding.reason,
        evidence: finding.evidence,
        target: report.target,
      },
    },
  };
}

/**
 * Every result as an OCSF 1.3.0 Compliance Finding (class 2003), as one JSON array. PASS results are included:
 * Security Lake and other OCSF stores track a control's state over time, and a pass is what closes a failure.
 */
export function formatOcsf(report: ScanReport): string {
  return `${JSON.stringify(
    report.findings.map((finding) => ocsfEvent(finding, report)),
    null,
    2,
  )}\n`;
}
