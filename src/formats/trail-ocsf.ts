import { isIP } from 'node:net';

import type { Detection, EventEvidence, MitreTechnique, TrailFinding, TrailReport } from '../trail/types.js';
import { OCSF_VERSION, SEVERITY_ID } from './ocsf.js';

/** Detection Finding, in the Findings category; one event per trail finding, activity Create. */
export const DETECTION_FINDING = { class_uid: 2004, category_uid: 2, activity_id: 1 } as const;

/** MITRE ATT&CK enterprise tactics: the `attack.<tactic>` tag Sigma rules carry, its id and its name. */
const TACTICS: Record<string, { uid: string; name: string }> = {
  reconnaissance: { uid: 'TA0043', name: 'Reconnaissance' },
  'resource-development': { uid: 'TA0042', name: 'Resource Development' },
  'initial-access': { uid: 'TA0001', name: 'Initial Access' },
  execution: { uid: 'TA0002', name: 'Execution' },
  persistence: { uid: 'TA0003', name: 'Persistence' },
  'privilege-escalation': { uid: 'TA0004', name: 'Privilege Escalation' },
  'defense-evasion': { uid: 'TA0005', name: 'Defense Evasion' },
  'credential-access': { uid: 'TA0006', name: 'Credential Access' },
  discovery: { uid: 'TA0007', name: 'Discovery' },
  'lateral-movement': { uid: 'TA0008', name: 'Lateral Movement' },
  collection: { uid: 'TA0009', name: 'Collection' },
  'command-and-control': { uid: 'TA0011', name: 'Command and Control' },
  exfiltration: { uid: 'TA0010', name: 'Exfiltration' },
  impact: { uid: 'TA0040', name: 'Impact' },
};

/** Milliseconds since the epoch (OCSF's timestamp_t), or undefined when the text is not a time. */
function epochMillis(iso: string | null): number | undefined {
  const time = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/** An object without its undefined members: OCSF has no null, an unknown value is left out. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/**
 * A technique as OCSF's attack object has it: a sub-technique (`T1078.004`) under its technique (`T1078`), the
 * tactic by its ATT&CK id and name when the rule named one onus knows, by the rule's own word otherwise.
 */
function attackOf(technique: MitreTechnique): Record<string, unknown> {
  const [parent] = technique.id.split('.');
  const tactic = technique.tactic ? (TACTICS[technique.tactic] ?? { name: technique.tactic }) : undefined;
  return defined({
    technique: { uid: parent ?? technique.id },
    sub_technique: technique.id.includes('.') ? { uid: technique.id } : undefined,
    tactic,
  });
}

/** `arn:aws:iam::111122223333:user/alice` -> `alice`; a principal without an ARN keeps what the trail named. */
function principalName(actor: string): string {
  if (!actor.startsWith('arn:')) return actor;
  const resource = actor.slice(actor.lastIndexOf(':') + 1);
  return resource.slice(resource.lastIndexOf('/') + 1) || resource;
}

/** Where the call came from: an IP address, or the AWS service that made it on someone's behalf. */
function sourceEndpoint(source: string | null): Record<string, unknown> | undefined {
  if (source === null || !/\S/.test(source)) return undefined;
  return isIP(source) === 0 ? { svc_name: source } : { ip: source };
}

function accountOf(uid: string | null): Record<string, unknown> | undefined {
  return uid === null ? undefined : { uid, type: 'AWS Account', type_id: 10 };
}

/** One matching event as OCSF evidence: who, which API call of which service, from where, and the rest as data. */
function evidenceOf(event: EventEvidence): Record<string, unknown> {
  const api =
    event.eventName === null
      ? undefined
      : defined({
          operation: event.eventName,
          service: event.eventSource === null ? undefined : { name: event.eventSource },
          request: event.eventId === null ? undefined : { uid: event.eventId },
          response: event.errorCode === null ? undefined : { error: event.errorCode },
        });
  const actor =
    event.actor === null
      ? undefined
      : {
          user: defined({
            uid: event.actor,
            name: principalName(event.actor),
            account: accountOf(event.account),
          }),
        };
  return defined({
    actor,
    api,
    src_endpoint: sourceEndpoint(event.sourceIPAddress),
    // What the evidence object has no attribute for; `data` is OCSF's place for it.
    data: {
      event_id: event.eventId,
      event_time: event.eventTime,
      aws_region: event.awsRegion,
      account: event.account,
      user_agent: event.userAgent,
      error_code: event.errorCode,
      source: event.source,
    },
  });
}

/** The event for one finding: a plain JSON object as OCSF Detection Finding (2004) defines it. */
export function ocsfDetectionEvent(
  finding: TrailFinding,
  detection: Detection | undefined,
  report: TrailReport,
): Record<string, unknown> {
  const severity = SEVERITY_ID[finding.severity];
  const firstSeen = epochMillis(finding.firstSeen);
  const lastSeen = epochMillis(finding.lastSeen);
  const partition = finding.actor?.startsWith('arn:') ? finding.actor.split(':')[1] : undefined;
  const references = (detection?.references ?? []).filter((reference) => /^https?:\/\//.test(reference));
  const resourceUid =
    finding.actor ?? (finding.account === null ? undefined : `AWS::::Account:${finding.account}`);
  return {
    activity_id: DETECTION_FINDING.activity_id,
    activity_name: 'Create',
    category_uid: DETECTION_FINDING.category_uid,
    category_name: 'Findings',
    class_uid: DETECTION_FINDING.class_uid,
    class_name: 'Detection Finding',
    type_uid: DETECTION_FINDING.class_uid * 100 + DETECTION_FINDING.activity_id,
    type_name: 'Detection Finding: Create',
    severity_id: severity.id,
    severity: severity.caption,
    status_id: 1,
    status: 'New',
    message: finding.message,
    // When it happened, not when onus read it: the first matching event.
    time: firstSeen ?? Date.parse(report.generatedAt),
    ...defined({ start_time: firstSeen, end_time: lastSeen }),
    count: finding.eventCount,
    metadata: {
      version: OCSF_VERSION,
      product: { name: report.tool.name, vendor_name: report.tool.name, version: report.tool.version },
      profiles: ['cloud'],
    },
    cloud: defined({
      provider: 'AWS',
      account: accountOf(finding.account),
      region: finding.region ?? undefined,
    }),
    finding_info: defined({
      uid: finding.fingerprint,
      title: finding.title,
      desc: detection?.description,
      types: [`onus/trail/${detection?.kind ?? 'event'}`],
      first_seen_time: firstSeen,
      last_seen_time: lastSeen,
      analytic: { uid: finding.detectionId, name: finding.title, type: 'Rule', type_id: 1 },
      attacks: finding.mitre.length > 0 ? finding.mitre.map(attackOf) : undefined,
    }),
    evidences: finding.events.map(evidenceOf),
    ...(resourceUid === undefined
      ? {}
      : {
          resources: [
            defined({
              uid: resourceUid,
              name: finding.actor === null ? finding.account : principalName(finding.actor),
              type: finding.actor === null ? 'AWS Account' : 'AWS principal',
              region: finding.region ?? undefined,
              cloud_partition: partition,
            }),
          ],
        }),
    ...(detection
      ? {
          remediation: defined({
            desc: detection.description,
            references: references.length > 0 ? references : undefined,
          }),
        }
      : {}),
    unmapped: {
      onus: {
        detection_id: finding.detectionId,
        detection_origin: detection?.origin ?? null,
        group_key: finding.groupKey,
        source_ip: finding.sourceIPAddress,
        events_kept: finding.events.length,
        target: report.target,
      },
    },
  };
}

/**
 * `onus trail --format ocsf`: every finding as an OCSF 1.3.0 Detection Finding (class 2004), one JSON array,
 * each with the matching events as its evidences.
 */
export function formatTrailOcsf(report: TrailReport): string {
  const detections = new Map(report.detections.map((detection) => [detection.id, detection]));
  const events = report.findings.map((finding) =>
    ocsfDetectionEvent(finding, detections.get(finding.detectionId), report),
  );
  return `${JSON.stringify(events, null, 2)}\n`;
}
