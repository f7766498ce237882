import type { Finding } from '../core/finding.js';
import type { ResourceRef } from '../core/resource.js';
import type { ScanReport } from '../core/scan.js';
import { summarize } from '../core/summary.js';
import type { Detection, TrailFinding, TrailReport } from '../trail/types.js';
import { orderedEvent } from './trail-json.js';

/** Where a detection without references of its own points: how to read and query CloudTrail events. */
const CLOUDTRAIL_EVENTS_URL =
  'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html';

/** What every trail finding asks of its reader, after the detection's own description. */
const RESPONSE =
  'If nobody expected it, treat it as an incident: disable or rotate the credentials the actor used, and review everything else it did in the same period.';

/**
 * An `onus trail` report as the ScanReport the HTML report and the findings store take: each finding a FAIL of
 * the detection (its check id) on the principal who acted, with the matching events as evidence.
 */
export function trailAsScanReport(report: TrailReport): ScanReport {
  const detections = new Map(report.detections.map((detection) => [detection.id, detection]));
  const findings = report.findings.map((finding) => asFinding(finding, detections.get(finding.detectionId)));
  const actors = new Set(findings.map((finding) => finding.resource.id));
  return {
    tool: report.tool,
    generatedAt: report.generatedAt,
    target: { type: 'trail', name: report.target.name },
    collection: {
      // Logs are read after the fact, as a snapshot is; nothing was asked of a live account's configuration.
      source: 'snapshot',
      startedAt: report.generatedAt,
      finishedAt: report.generatedAt,
      caller: null,
      partition: partitionOf(report),
      regions: report.input.regions,
      skippedRegions: [],
      kinds: [],
      errors: report.problems.map((problem) => ({
        account: null,
        region: null,
        service: 'cloudtrail',
        action: null,
        message: `${problem.source}: ${problem.reason} (${problem.count} lost)`,
      })),
      tool: report.tool,
    },
    accounts: report.input.accounts.map((id) => ({ id, alias: null })),
    regions: report.input.regions.filter((region) => region !== 'global'),
    // The principals the findings are about: the only resources a trail report knows.
    resourceCount: actors.size,
    checkIds: [...new Set(report.detections.map((detection) => detection.id))].sort(),
    findings,
    summary: summarize(findings),
  };
}

function asFinding(finding: TrailFinding, detection: Detection | undefined): Finding {
  const description = detection?.description ?? finding.title;
  const falsePositives = detection?.falsePositives ?? [];
  const expected = falsePositives.length > 0 ? ` Known benign causes: ${falsePositives.join('; ')}.` : '';
  const url = detection?.references.find((reference) => /^https?:\/\//.test(reference));
  return {
    checkId: finding.detectionId,
    status: 'FAIL',
    reason: null,
    message: finding.message,
    evidence: {
      eventCount: finding.eventCount,
      firstSeen: finding.firstSeen,
      lastSeen: finding.lastSeen,
      sourceIPAddress: finding.sourceIPAddress,
      groupKey: finding.groupKey,
      mitre: finding.mitre.map((technique) => technique.id),
      events: finding.events.map(orderedEvent),
    },
    resource: principalOf(finding),
    gap: null,
    fingerprint: finding.fingerprint,
    title: detection?.title ?? finding.title,
    severity: detection?.severity ?? finding.severity,
    service: 'cloudtrail',
    domain: 'detection',
    risk: description,
    remediation: { text: `${RESPONSE}${expected}`, url: url ?? CLOUDTRAIL_EVENTS_URL },
    compliance: [],
  };
}

/** The principal who acted: its ARN when the trail named one, else what it did name, else `unknown`. */
function principalOf(finding: TrailFinding): ResourceRef {
  const id = finding.actor ?? 'unknown';
  return {
    kind: 'principal',
    id,
    name: id.startsWith('arn:') ? id.slice(id.lastIndexOf(':') + 1) : id,
    arn: id.startsWith('arn:') ? id : null,
    account: finding.account ?? 'unknown',
    region: finding.region ?? 'unknown',
  };
}

/** The partition the actors' ARNs name (`aws-cn`, `aws-us-gov`), `aws` when none does. */
function partitionOf(report: TrailReport): string {
  const arn = report.findings.find((finding) => finding.actor?.startsWith('arn:'))?.actor;
  return arn?.split(':')[1] || 'aws';
}
