import { isIPv4, isIPv6 } from 'node:net';

import type { Resource as AsffResource } from '@aws-sdk/client-securityhub';

import { UserError } from '../cli/errors.js';
import type { Detection, TrailFinding, TrailReport } from '../trail/types.js';
import {
  ASFF_SCHEMA_VERSION,
  asffId,
  clip,
  LIMITS,
  partitionOfRegion,
  productArn as defaultProductArn,
  SEVERITY_LABEL,
  type AsffFinding,
} from './asff.js';

export interface TrailAsffOptions {
  /** The account findings go to when the trail does not name one (Security Hub needs one per finding). */
  account?: string;
  /** The region findings go to when the trail does not name one; Security Hub is regional. */
  region?: string;
  /** The product findings are imported under; the account's default product of its region unless given. */
  productArn?: string;
}

/** Limits of the fields only trail findings use (the API model's AwsApiCallAction.Api is 128). */
const API_NAME_MAX = 128;
const SERVICE_NAME_MAX = 128;
const RESOURCES_MAX = 32;

/**
 * MITRE ATT&CK tactics as the ASFF types taxonomy names its TTPs categories. Exfiltration and impact are not
 * TTPs there: ASFF files what an attack achieved under Effects.
 */
const TACTIC_TYPES: Record<string, string> = {
  'initial-access': 'TTPs/Initial Access',
  execution: 'TTPs/Execution',
  persistence: 'TTPs/Persistence',
  'privilege-escalation': 'TTPs/Privilege Escalation',
  'defense-evasion': 'TTPs/Defense Evasion',
  'credential-access': 'TTPs/Credential Access',
  discovery: 'TTPs/Discovery',
  'lateral-movement': 'TTPs/Lateral Movement',
  collection: 'TTPs/Collection',
  'command-and-control': 'TTPs/Command and Control',
  exfiltration: 'Effects/Data Exfiltration',
  impact: 'Effects',
};

/** Behaviour with no ATT&CK tactic to name is, in ASFF's taxonomy, a user doing something unusual. */
const UNUSUAL_USER = 'Unusual Behaviors/User';

/** `Namespace/Category/T1078.004` for each technique with a tactic ASFF names; Unusual Behaviors/User else. */
function typesOf(finding: TrailFinding): string[] {
  const types = new Set<string>();
  for (const technique of finding.mitre) {
    const type = technique.tactic ? TACTIC_TYPES[technique.tactic] : undefined;
    if (type) types.add(clip(`${type}/${technique.id}`, 256));
  }
  if (types.size === 0) types.add(UNUSUAL_USER);
  return [...types].slice(0, LIMITS.types);
}

/** An ISO 8601 time Security Hub accepts (`2026-11-20T10:00:00.000Z`), or `fallback` when it is not a time. */
function asffTime(value: string | null, fallback: string): string {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/**
 * The principal as a Security Hub resource: IAM users and roles by their own types, the root user as its
 * account, anything else (an assumed-role session, a federated user, a service) as Other with what the trail
 * named; the account itself when no actor is known.
 */
function resourceOf(finding: TrailFinding, account: string, region: string): AsffResource {
  const partition = partitionOfRegion(region);
  const common = { Partition: partition, Region: clip(region, LIMITS.region) };
  const actor = finding.actor;
  if (actor === null) return { Type: 'AwsAccount', Id: `AWS::::Account:${account}`, ...common };
  const iam = /^arn:[\w-]+:iam::\d{12}:(user|role|root)\b/.exec(actor)?.[1];
  const type =
    iam === 'user' ? 'AwsIamUser' : iam === 'role' ? 'AwsIamRole' : iam === 'root' ? 'AwsAccount' : 'Other';
  return { Type: type, Id: clip(actor, 2048), ...common };
}

/** The first event's API call: which operation of which service, and from where. */
function actionOf(finding: TrailFinding, firstSeen: string, lastSeen: string): AsffFinding['Action'] {
  const event = finding.events[0];
  const source = finding.sourceIPAddress ?? event?.sourceIPAddress ?? null;
  const caller =
    source !== null && isIPv4(source)
      ? { CallerType: 'remoteip', RemoteIpDetails: { IpAddressV4: source } }
      : source !== null && isIPv6(source)
        ? { CallerType: 'remoteip' }
        : source !== null && /\S/.test(source)
          ? // CloudTrail names the service for calls an AWS service made on the caller's behalf.
            { CallerType: 'domain', DomainDetails: { Domain: clip(source, 128) } }
          : {};
  return {
    ActionType: 'AWS_API_CALL',
    AwsApiCallAction: {
      ...(event?.eventName ? { Api: clip(event.eventName, API_NAME_MAX) } : {}),
      ...(event?.eventSource ? { ServiceName: clip(event.eventSource, SERVICE_NAME_MAX) } : {}),
      ...caller,
      FirstSeen: firstSeen,
      LastSeen: lastSeen,
    },
  };
}

function networkOf(finding: TrailFinding): AsffFinding['Network'] {
  const source = finding.sourceIPAddress;
  if (source !== null && isIPv4(source)) return { Direction: 'IN', SourceIpV4: source };
  if (source !== null && isIPv6(source)) return { Direction: 'IN', SourceIpV6: source };
  return undefined;
}

function productFields(finding: TrailFinding): Record<string, string> {
  const userAgents = [...new Set(finding.events.map((event) => event.userAgent).filter((ua) => ua !== null))];
  const fields: [string, string | null][] = [
    ['onus/detection-id', finding.detectionId],
    ['onus/fingerprint', finding.fingerprint],
    ['onus/event-count', String(finding.eventCount)],
    ['onus/event-ids', finding.events.map((event) => event.eventId ?? '-').join(',')],
    ['onus/actor', finding.actor],
    ['onus/source-ip', finding.sourceIPAddress],
    ['onus/group-key', finding.groupKey],
    ['onus/mitre', finding.mitre.map((technique) => technique.id).join(',')],
    ['onus/user-agents', userAgents.length > 0 ? JSON.stringify(userAgents) : null],
  ];
  const out: Record<string, string> = {};
  for (const [key, value] of fields.slice(0, LIMITS.productFields)) {
    if (value === null || !/\S/.test(value)) continue;
    out[clip(key, LIMITS.productFieldKey)] = clip(value, LIMITS.productFieldValue);
  }
  return out;
}

function toTrailAsff(
  finding: TrailFinding,
  detection: Detection | undefined,
  report: TrailReport,
  options: TrailAsffOptions,
): AsffFinding {
  const onlyAccount = report.input.accounts.length === 1 ? report.input.accounts[0] : undefined;
  const account = finding.account ?? options.account ?? onlyAccount;
  if (account === undefined)
    throw new UserError(
      `ASFF needs an AWS account for finding ${finding.detectionId} (${finding.fingerprint}), and the trail names none: pass the account to file it under`,
    );
  const region = finding.region ?? options.region;
  if (region === undefined)
    throw new UserError(
      `ASFF needs a region for finding ${finding.detectionId} (${finding.fingerprint}), and the trail names none: pass the region to file it in`,
    );
  const now = asffTime(report.generatedAt, new Date(0).toISOString());
  const firstSeen = asffTime(finding.firstSeen, now);
  const lastSeen = asffTime(finding.lastSeen, firstSeen);
  const label = SEVERITY_LABEL[finding.severity];
  const types = typesOf(finding);
  const reference = detection?.references.find((url) => /^https?:\/\/\S+$/.test(url));
  const network = networkOf(finding);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: clip(asffId(finding.fingerprint), LIMITS.id),
    ProductArn: options.productArn ?? defaultProductArn(account, region),
    ProductName: 'onus',
    CompanyName: 'onus',
    GeneratorId: clip(`onus/trail/${finding.detectionId}`, LIMITS.generatorId),
    AwsAccountId: account,
    Region: region,
    Types: types,
    CreatedAt: now,
    UpdatedAt: now,
    FirstObservedAt: firstSeen,
    LastObservedAt: lastSeen,
    Severity: { Label: label, Original: finding.severity },
    Title: clip(finding.title, LIMITS.title),
    Description: clip(finding.message, LIMITS.description, finding.title),
    Remediation: {
      Recommendation: {
        Text: clip(
          detection?.description ?? finding.title,
          LIMITS.recommendationText,
          'Confirm the activity was expected; if not, revoke the credentials used.',
        ),
        ...(reference ? { Url: reference } : {}),
      },
    },
    ProductFields: productFields(finding),
    Resources: [resourceOf(finding, account, region)].slice(0, RESOURCES_MAX),
    ...(network ? { Network: network } : {}),
    Action: actionOf(finding, firstSeen, lastSeen),
    FindingProviderFields: { Severity: { Label: label, Original: finding.severity }, Types: types },
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
  };
}

/**
 * `onus trail --format asff`: each finding as an ASFF finding (JSON array), filed under the account and region
 * its events name. Throws a UserError when a finding has neither and the options give none.
 */
export function formatTrailAsff(report: TrailReport, options: TrailAsffOptions = {}): string {
  const detections = new Map(report.detections.map((detection) => [detection.id, detection]));
  const findings = report.findings.map((finding) =>
    toTrailAsff(finding, detections.get(finding.detectionId), report, options),
  );
  return `${JSON.stringify(findings, null, 2)}\n`;
}
