import { createHash } from 'node:crypto';

import type { BaselineHit } from './baseline.js';
import type { Detection, EventEvidence, TrailEvent, TrailFinding } from './types.js';

/** What a finding shows of one event: enough to find it again in the trail, never the whole record. */
export function evidenceOf(event: TrailEvent, source: string): EventEvidence {
  return {
    eventId: textAt(event, 'eventID'),
    eventTime: textAt(event, 'eventTime'),
    eventSource: textAt(event, 'eventSource'),
    eventName: textAt(event, 'eventName'),
    actor: actorOf(event),
    sourceIPAddress: textAt(event, 'sourceIPAddress'),
    awsRegion: textAt(event, 'awsRegion'),
    account: accountOf(event),
    userAgent: textAt(event, 'userAgent'),
    errorCode: textAt(event, 'errorCode'),
    source,
  };
}

/** userIdentity.arn, else `<type>:<principalId>`, else the user name; null when the record names nobody. */
export function actorOf(event: TrailEvent): string | null {
  const arn = textAt(event, 'userIdentity.arn');
  if (arn !== null && arn !== '') return arn;
  const type = textAt(event, 'userIdentity.type');
  const principalId = textAt(event, 'userIdentity.principalId');
  if (type !== null && principalId !== null && principalId !== '') return `${type}:${principalId}`;
  const userName = textAt(event, 'userIdentity.userName');
  if (userName !== null && userName !== '') return type === null ? userName : `${type}:${userName}`;
  return type;
}

/** The account the event happened in: recipientAccountId, else the caller's own account. */
export function accountOf(event: TrailEvent): string | null {
  return textAt(event, 'recipientAccountId') ?? textAt(event, 'userIdentity.accountId');
}

/**
 * The fields of an event that the scanner and the whole-period detectors read on every event, read once
 * (`textAt` semantics: text, or a number or boolean as text; null when absent or of another kind).
 */
export interface EventFacts {
  eventTime: string | null;
  eventName: string | null;
  eventSource: string | null;
  eventType: string | null;
  errorCode: string | null;
  awsRegion: string | null;
  recipientAccountId: string | null;
  /** recipientAccountId, else the caller's own account: see {@link accountOf}. */
  account: string | null;
  sourceIPAddress: string | null;
  /** userIdentity.arn, type and invokedBy. */
  arn: string | null;
  identityType: string | null;
  invokedBy: string | null;
  /** The raw readOnly value (CloudTrail writes a boolean). */
  readOnly: unknown;
}

/** `textAt` of a value already read: text, or a number or boolean as text; null otherwise. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The fields are read by name (`event.eventTime`, not `event[key]` through a helper): a read site that sees a
 * dozen names is megamorphic, and this runs on every event. None of these names is on Object.prototype, so a
 * plain read is an own-property read.
 */
export function factsOf(event: TrailEvent): EventFacts {
  const identity = event.userIdentity;
  const user =
    typeof identity === 'object' && identity !== null && !Array.isArray(identity)
      ? (identity as Readonly<Record<string, unknown>>)
      : null;
  const recipientAccountId = asText(event.recipientAccountId);
  return {
    eventTime: asText(event.eventTime),
    eventName: asText(event.eventName),
    eventSource: asText(event.eventSource),
    eventType: asText(event.eventType),
    errorCode: asText(event.errorCode),
    awsRegion: asText(event.awsRegion),
    recipientAccountId,
    account: recipientAccountId ?? (user === null ? null : asText(user.accountId)),
    sourceIPAddress: asText(event.sourceIPAddress),
    arn: user === null ? null : asText(user.arn),
    identityType: user === null ? null : asText(user.type),
    invokedBy: user === null ? null : asText(user.invokedBy),
    readOnly: event.readOnly,
  };
}

/** Dotted paths split once: textAt runs several times per event on millions of events. */
const splitPaths = new Map<string, readonly string[]>();

/** A string or number at a dotted path, as text; null when absent or of another kind. */
export function textAt(event: TrailEvent, path: string): string | null {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  let current: unknown = event;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return null;
    current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return asText(current);
}

/**
 * Request parameters that name what a call acted on, most specific first. The first present one is the
 * call's target in messages ("deleted trail management-events").
 */
const TARGET_PARAMETERS = [
  'userName',
  'roleName',
  'groupName',
  'bucketName',
  'trailName',
  'name',
  'detectorId',
  'keyId',
  'snapshotId',
  'imageId',
  'dBSnapshotIdentifier',
  'dBClusterSnapshotIdentifier',
  'functionName',
  'groupId',
  'networkAclId',
  'secretId',
  'instanceId',
  'configurationRecorderName',
  'deliveryChannelName',
  'resolverQueryLogConfigId',
  'regionName',
  'RegionName',
] as const;

/** What the event acted on, from its request parameters, or null when they do not say. */
export function targetOf(event: TrailEvent): string | null {
  for (const parameter of TARGET_PARAMETERS) {
    const value = textAt(event, `requestParameters.${parameter}`);
    if (value !== null && value !== '') return value;
  }
  return null;
}

interface EventWords {
  actor: string;
  action: string;
  target: string | null;
  from: string;
}

function wordsOf(event: TrailEvent): EventWords {
  const service = (textAt(event, 'eventSource') ?? 'unknown').replace(/\.amazonaws\.com$/, '');
  const ip = textAt(event, 'sourceIPAddress');
  return {
    actor: actorOf(event) ?? 'an unknown principal',
    action: `${service}:${textAt(event, 'eventName') ?? 'unknown'}`,
    target: targetOf(event),
    from: ip === null ? '' : ` from ${ip}`,
  };
}

const on = (target: string | null, noun: string): string => (target === null ? noun : `${noun} ${target}`);

/** One sentence per single-event detection: actor, what was done, to what, from where. */
const EVENT_MESSAGES: Readonly<Record<string, (words: EventWords, event: TrailEvent) => string>> = {
  'trail-root-console-login': (w) => `${w.actor} signed in to the console${w.from}`,
  'trail-root-api-activity': (w) =>
    `${w.actor} called ${w.action}${w.target === null ? '' : ` on ${w.target}`}${w.from}`,
  'trail-root-access-key-created': (w) => `${w.actor} created an access key for the root user${w.from}`,
  'trail-console-login-without-mfa': (w) => `${w.actor} signed in to the console without MFA${w.from}`,
  'trail-cloudtrail-stopped-or-deleted': (w, e) =>
    textAt(e, 'eventName') === 'DeleteTrail'
      ? `${w.actor} deleted ${on(w.target, 'trail')}${w.from}`
      : `${w.actor} stopped logging on ${on(w.target, 'trail')}${w.from}`,
  'trail-cloudtrail-weakened': (w) =>
    `${w.actor} reduced what ${on(w.target, 'trail')} records (${w.action})${w.from}`,
  'trail-guardduty-disabled': (w) => `${w.actor} turned off GuardDuty (${w.action})${w.from}`,
  'trail-guardduty-findings-suppressed': (w) =>
    `${w.actor} suppressed GuardDuty findings (${w.action})${w.from}`,
  'trail-securityhub-disabled': (w) => `${w.actor} turned off Security Hub (${w.action})${w.from}`,
  'trail-securityhub-findings-suppressed': (w) =>
    `${w.actor} suppressed Security Hub findings (${w.action})${w.from}`,
  'trail-config-recording-stopped': (w) =>
    `${w.actor} stopped AWS Config recording (${w.action}${w.target === null ? '' : ` ${w.target}`})${w.from}`,
  'trail-network-logs-deleted': (w) => `${w.actor} removed network logging (${w.action})${w.from}`,
  'trail-leave-organization': (w) => `${w.actor} took the account out of its organization${w.from}`,
  'trail-access-key-for-other-user': (w) =>
    `${w.actor} created an access key for ${on(w.target, 'user')}${w.from}`,
  'trail-login-profile-for-other-user': (w) =>
    `${w.actor} set the console password of ${on(w.target, 'user')}${w.from}`,
  'trail-admin-policy-attached': (w, e) => {
    const kind = /User/.test(textAt(e, 'eventName') ?? '')
      ? 'user'
      : /Group/.test(textAt(e, 'eventName') ?? '')
        ? 'group'
        : 'role';
    return `${w.actor} granted administrator access to ${on(w.target, kind)}${w.from}`;
  },
  'trail-role-trust-public': (w) =>
    `${w.actor} let any AWS principal assume ${on(w.target, 'role')}${w.from}`,
  'trail-access-key-quarantined': (w) =>
    `AWS quarantined a leaked access key of ${on(w.target, 'user')} (attached by ${w.actor})`,
  'trail-offensive-user-agent': (w, e) =>
    `${w.actor} called ${w.action}${w.from} with the user agent "${textAt(e, 'userAgent') ?? ''}"`,
  'trail-region-enabled': (w) => `${w.actor} enabled ${on(w.target, 'region')}${w.from}`,
  'trail-s3-bucket-made-public': (w) =>
    `${w.actor} made ${on(w.target, 'bucket')} public (${w.action})${w.from}`,
  'trail-s3-public-access-block-removed': (w) =>
    `${w.actor} weakened S3 Block Public Access${w.target === null ? ' for the account' : ` on bucket ${w.target}`}${w.from}`,
  'trail-ebs-snapshot-made-public': (w) => `${w.actor} made ${on(w.target, 'snapshot')} public${w.from}`,
  'trail-ami-made-public': (w) => `${w.actor} made ${on(w.target, 'image')} public${w.from}`,
  'trail-rds-snapshot-made-public': (w) =>
    `${w.actor} made ${on(w.target, 'database snapshot')} public${w.from}`,
  'trail-lambda-made-public': (w) => `${w.actor} let anyone invoke ${on(w.target, 'function')}${w.from}`,
  'trail-security-group-open-to-world': (w) =>
    `${w.actor} opened ${on(w.target, 'security group')} to the internet${w.from}`,
  'trail-network-acl-open-to-world': (w) =>
    `${w.actor} allowed all inbound addresses in ${on(w.target, 'network ACL')}${w.from}`,
  'trail-kms-key-disabled-or-deleted': (w, e) =>
    textAt(e, 'eventName') === 'DisableKey'
      ? `${w.actor} disabled ${on(w.target, 'KMS key')}${w.from}`
      : `${w.actor} scheduled ${on(w.target, 'KMS key')} for deletion${w.from}`,
};

/**
 * The finding message for a single-event detection. Detections without their own sentence (users' rules) get
 * "<title>: <actor> called <service>:<eventName> on <target> from <ip>".
 */
export function describeEvent(detection: { id: string; title: string }, event: TrailEvent): string {
  const words = wordsOf(event);
  const sentence = EVENT_MESSAGES[detection.id];
  if (sentence !== undefined) return sentence(words, event);
  const target = words.target === null ? '' : ` on ${words.target}`;
  return `${detection.title}: ${words.actor} called ${words.action}${target}${words.from}`;
}

/** What a windowed detection counted, for its message. */
export interface WindowSummary {
  /** Events in the window, or distinct values for a value count. */
  count: number;
  /** `sourceIPAddress=203.0.113.9, recipientAccountId=111122223333` */
  groupKey: string;
  /** Group-by values by field name. */
  group: Readonly<Record<string, string | null>>;
  windowMs: number;
}

/** The finding message for a windowed (correlation) detection. */
export function describeWindow(detection: { id: string; title: string }, summary: WindowSummary): string {
  const span = formatSpan(summary.windowMs);
  const ip = summary.group.sourceIPAddress ?? null;
  const account = summary.group.recipientAccountId ?? null;
  const principal = summary.group['userIdentity.arn'] ?? null;
  const inAccount = account === null ? '' : ` to account ${account}`;
  switch (detection.id) {
    case 'trail-root-login-failures':
      return `${summary.count} failed root sign-ins${inAccount} within ${span}`;
    case 'trail-console-brute-force':
      return `${summary.count} failed console sign-ins from ${ip ?? 'one address'}${inAccount} within ${span}`;
    case 'trail-password-spray':
      return `failed console sign-ins for ${summary.count} different users from ${ip ?? 'one address'}${inAccount} within ${span}`;
    case 'trail-access-denied-burst':
      return `${principal ?? 'one principal'} was denied ${summary.count} calls within ${span}`;
    case 'trail-secrets-harvest':
      return `${principal ?? 'one principal'} read ${summary.count} different secrets within ${span}`;
    case 'trail-password-data-harvest':
      return `${principal ?? 'one principal'} requested Windows password data ${summary.count} times within ${span}`;
    case 'trail-ssm-parameter-harvest':
      return `${principal ?? 'one principal'} decrypted SSM parameters ${summary.count} times within ${span}`;
    default:
      return `${detection.title}: ${summary.count} within ${span} for ${summary.groupKey}`;
  }
}

/** `10 minutes`, `1 hour`, `90 seconds`: the window as people say it. */
export function formatSpan(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) {
      const count = ms / size;
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

/** Findings show at most this many events; eventCount says how many matched. */
export const MAX_FINDING_EVENTS = 20;

/** Stable across reruns over the same logs: detection, group, actor and the first event. */
export function findingFingerprint(
  detectionId: string,
  groupKey: string | null,
  actor: string | null,
  firstEventId: string | null,
): string {
  return createHash('sha256')
    .update([detectionId, groupKey ?? '', actor ?? '', firstEventId ?? ''].join('\n'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Adds evidence to evidence kept in time order, keeping the earliest MAX_FINDING_EVENTS: the result does not
 * depend on the order files were read in.
 */
export function mergeEarliest(into: EventEvidence[], more: readonly EventEvidence[]): void {
  into.push(...more);
  into.sort(byTime);
  if (into.length > MAX_FINDING_EVENTS) into.length = MAX_FINDING_EVENTS;
}

/**
 * Adds an event to evidence kept in time order, if it is among the earliest MAX_FINDING_EVENTS: a busy group
 * sees millions of events and keeps twenty, so evidence is only built for events kept. Events mostly come in
 * time order, so most are later than everything kept and cost one comparison.
 */
export function keepIfEarliest(evidence: EventEvidence[], event: TrailEvent, source: string): void {
  const latest = evidence[evidence.length - 1];
  if (evidence.length >= MAX_FINDING_EVENTS && latest !== undefined) {
    const candidate = { eventTime: textAt(event, 'eventTime'), eventId: textAt(event, 'eventID') };
    if (byTime(candidate, latest) >= 0) return;
    evidence.pop();
  }
  evidence.push(evidenceOf(event, source));
  evidence.sort(byTime);
}

/** Time order, then event id: the same evidence is kept whatever order the files are read in. */
export function byTime(
  a: Pick<EventEvidence, 'eventTime' | 'eventId'>,
  b: Pick<EventEvidence, 'eventTime' | 'eventId'>,
): number {
  // Code-unit order, not the locale's: the same on every machine, and cheap (evidence is sorted often).
  return compareText(a.eventTime ?? '', b.eventTime ?? '') || compareText(a.eventId ?? '', b.eventId ?? '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingOf(
  detection: Detection,
  fields: Pick<
    TrailFinding,
    'message' | 'actor' | 'account' | 'region' | 'sourceIPAddress' | 'groupKey' | 'eventCount'
  >,
  evidence: EventEvidence[],
): TrailFinding {
  const events = [...evidence].sort(byTime).slice(0, MAX_FINDING_EVENTS);
  const first = events[0];
  return {
    detectionId: detection.id,
    title: detection.title,
    severity: detection.severity,
    mitre: detection.mitre,
    ...fields,
    firstSeen: first?.eventTime ?? null,
    lastSeen: evidence.reduce<string | null>(
      (last, item) =>
        item.eventTime !== null && (last === null || item.eventTime > last) ? item.eventTime : last,
      null,
    ),
    events,
    fingerprint: findingFingerprint(detection.id, fields.groupKey, fields.actor, first?.eventId ?? null),
  };
}

/** The finding for one event matching a single-event detection. */
export function eventFinding(detection: Detection, event: TrailEvent, source: string): TrailFinding {
  const evidence = evidenceOf(event, source);
  return findingOf(
    detection,
    {
      message: describeEvent(detection, event),
      actor: evidence.actor,
      account: evidence.account,
      region: evidence.awsRegion,
      sourceIPAddress: evidence.sourceIPAddress,
      groupKey: null,
      eventCount: 1,
    },
    [evidence],
  );
}

/** One window of a correlation, as the pipeline hands it over: its group, count, span and events. */
export interface WindowHit {
  /** group-by field -> value shared by the window's events */
  groupBy: Readonly<Record<string, unknown>>;
  /** Events, or distinct values for a value count. */
  count: number;
  events: readonly { event: TrailEvent; source: string }[];
}

/** The finding for one window in which a correlation held. */
export function windowFinding(detection: Detection, hit: WindowHit, timespanMs: number): TrailFinding {
  const group: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(hit.groupBy)) {
    group[field] =
      value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  }
  const groupKey = Object.entries(group)
    .map(([field, value]) => `${field}=${value ?? ''}`)
    .join(', ');
  const evidence = hit.events.map(({ event, source }) => evidenceOf(event, source)).sort(byTime);
  const first = evidence[0];
  return findingOf(
    detection,
    {
      message: describeWindow(detection, { count: hit.count, groupKey, group, windowMs: timespanMs }),
      actor: group['userIdentity.arn'] ?? first?.actor ?? null,
      account: group.recipientAccountId ?? first?.account ?? null,
      region: first?.awsRegion ?? null,
      sourceIPAddress: group.sourceIPAddress ?? first?.sourceIPAddress ?? null,
      groupKey,
      eventCount: hit.events.length,
    },
    evidence,
  );
}

/** The finding for what a whole-period detector reported. */
export function baselineFinding(detection: Detection, hit: BaselineHit): TrailFinding {
  const { events, ...fields } = hit;
  return findingOf(detection, fields, events);
}
