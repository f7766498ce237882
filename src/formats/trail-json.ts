import type { Detection, EventEvidence, TrailFinding, TrailProblem, TrailReport } from '../trail/types.js';

/** The schema name a consumer can switch on; bumped when a field changes meaning or goes away. */
export const TRAIL_JSON_SCHEMA = 'onus.trail/v1';

/**
 * `onus trail --format json`: the whole report. Every object is rebuilt with its keys in a fixed order, so two
 * runs over the same logs give the same bytes whatever order the readers and detections filled the fields in.
 */
export function formatTrailJson(report: TrailReport): string {
  const { input } = report;
  const ordered = {
    schema: TRAIL_JSON_SCHEMA,
    tool: { name: report.tool.name, version: report.tool.version },
    generatedAt: report.generatedAt,
    target: { type: report.target.type, name: report.target.name },
    input: {
      files: input.files,
      events: input.events,
      bytes: input.bytes,
      digestFiles: input.digestFiles,
      firstEvent: input.firstEvent,
      lastEvent: input.lastEvent,
      accounts: input.accounts,
      regions: input.regions,
    },
    problems: report.problems.map(orderedProblem),
    detections: report.detections.map(orderedDetection),
    findings: report.findings.map(orderedFinding),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderedProblem(problem: TrailProblem): TrailProblem {
  return { source: problem.source, reason: problem.reason, count: problem.count };
}

function orderedDetection(detection: Detection): Detection {
  return {
    id: detection.id,
    title: detection.title,
    description: detection.description,
    severity: detection.severity,
    kind: detection.kind,
    origin: detection.origin,
    mitre: detection.mitre.map(({ id, tactic }) => ({ id, tactic })),
    references: detection.references,
    falsePositives: detection.falsePositives,
  };
}

function orderedFinding(finding: TrailFinding): TrailFinding {
  return {
    detectionId: finding.detectionId,
    title: finding.title,
    severity: finding.severity,
    mitre: finding.mitre.map(({ id, tactic }) => ({ id, tactic })),
    message: finding.message,
    actor: finding.actor,
    account: finding.account,
    region: finding.region,
    sourceIPAddress: finding.sourceIPAddress,
    groupKey: finding.groupKey,
    firstSeen: finding.firstSeen,
    lastSeen: finding.lastSeen,
    eventCount: finding.eventCount,
    events: finding.events.map(orderedEvent),
    fingerprint: finding.fingerprint,
  };
}

/** Also used by the other trail formats that carry the evidence list. */
export function orderedEvent(event: EventEvidence): EventEvidence {
  return {
    eventId: event.eventId,
    eventTime: event.eventTime,
    eventSource: event.eventSource,
    eventName: event.eventName,
    actor: event.actor,
    sourceIPAddress: event.sourceIPAddress,
    awsRegion: event.awsRegion,
    account: event.account,
    userAgent: event.userAgent,
    errorCode: event.errorCode,
    source: event.source,
  };
}
