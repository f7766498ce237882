/** Hand-built `onus trail` reports for the format tests: no reader or detection runs to make them. */
import type { Detection, EventEvidence, TrailFinding, TrailReport } from '../trail/types.js';

export const TRAIL_ACCOUNT = '111122223333';
export const ATTACKER_IP = '203.0.113.9';

/** A user agent an attacker chose: markup, a terminal escape, quotes, a backslash and a line break. */
export const HOSTILE_USER_AGENT = '<script>alert("ua")</script>\u001b[2J\u001b[31mred\\ & \'q\'\nline2';

/** One event's evidence: a root console sign-in, unless `overrides` says otherwise. */
export function eventEvidence(overrides: Partial<EventEvidence> = {}): EventEvidence {
  return {
    eventId: 'e0000000-0000-4000-8000-000000000001',
    eventTime: '2026-11-20T10:00:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    actor: `arn:aws:iam::${TRAIL_ACCOUNT}:root`,
    sourceIPAddress: ATTACKER_IP,
    awsRegion: 'us-east-1',
    account: TRAIL_ACCOUNT,
    userAgent: 'Mozilla/5.0',
    errorCode: null,
    source: `AWSLogs/${TRAIL_ACCOUNT}/CloudTrail/us-east-1/2026/11/20/file.json.gz`,
    ...overrides,
  };
}

/** A finding with one event, its fields taken from that event unless `overrides` says otherwise. */
export function trailFinding(overrides: Partial<TrailFinding> = {}): TrailFinding {
  const events = overrides.events ?? [eventEvidence()];
  const first = events[0];
  const last = events[events.length - 1];
  return {
    detectionId: 'aws-root-console-login',
    title: 'Root user console sign-in',
    severity: 'high',
    mitre: [{ id: 'T1078.004', tactic: 'initial-access' }],
    message: `root signed in from ${ATTACKER_IP}`,
    actor: first?.actor ?? null,
    account: first?.account ?? null,
    region: first?.awsRegion ?? null,
    sourceIPAddress: first?.sourceIPAddress ?? null,
    groupKey: null,
    firstSeen: first?.eventTime ?? null,
    lastSeen: last?.eventTime ?? null,
    eventCount: events.length,
    events,
    fingerprint: '0123456789abcdef0123456789abcdef',
    ...overrides,
  };
}

/** The detection behind a finding, as `onus trail --list` would show it. */
export function detectionFor(finding: TrailFinding, overrides: Partial<Detection> = {}): Detection {
  return {
    id: finding.detectionId,
    title: finding.title,
    description: `${finding.title}: someone should confirm it was expected, and revoke the credentials if not.`,
    severity: finding.severity,
    mitre: finding.mitre,
    references: ['https://attack.mitre.org/techniques/T1078/004/'],
    falsePositives: ['Break-glass procedures'],
    kind: finding.groupKey === null ? 'event' : 'window',
    origin: 'bundled',
    ...overrides,
  };
}

/** A report over `findings`, with a detection for each distinct detection id. */
export function trailReport(findings: TrailFinding[], overrides: Partial<TrailReport> = {}): TrailReport {
  const detections = new Map<string, Detection>();
  for (const finding of findings) {
    if (!detections.has(finding.detectionId)) detections.set(finding.detectionId, detectionFor(finding));
  }
  return {
    tool: { name: 'onus', version: '9.9.9-test' },
    generatedAt: '2026-11-28T12:00:00.000Z',
    target: { type: 'trail', name: 'examples/trail/' },
    input: {
      files: 3,
      events: 1234,
      bytes: 456_789,
      digestFiles: 1,
      firstEvent: '2026-11-20T00:00:00Z',
      lastEvent: '2026-11-21T00:00:00Z',
      accounts: [TRAIL_ACCOUNT],
      regions: ['eu-west-1', 'us-east-1'],
    },
    problems: [],
    detections: [...detections.values()],
    findings,
    ...overrides,
  };
}

/** `count` failed sign-ins from one IP, one a minute from 10:00, each with its own event id. */
export function failedSignIns(count: number, userAgent = 'Mozilla/5.0'): EventEvidence[] {
  return Array.from({ length: count }, (_, index) =>
    eventEvidence({
      eventId: `b0000000-0000-4000-8000-${index.toString().padStart(12, '0')}`,
      eventTime: new Date(Date.UTC(2026, 10, 20, 10, index)).toISOString().replace('.000Z', 'Z'),
      actor: `arn:aws:iam::${TRAIL_ACCOUNT}:user/alice`,
      errorCode: 'Failed authentication',
      awsRegion: 'eu-west-1',
      userAgent,
    }),
  );
}

/**
 * Three findings as `onus trail` makes them: a root sign-in (high), a brute force window of 40 failed sign-ins of
 * which 20 are kept as evidence (medium, keyed by source IP), and a critical CloudTrail stop by a role whose user
 * agent and message carry hostile text. A problem with one file.
 */
export function sampleTrailReport(): TrailReport {
  const rootLogin = trailFinding();
  const bruteForce = trailFinding({
    detectionId: 'aws-console-brute-force',
    title: 'Console brute force from one source IP',
    severity: 'medium',
    mitre: [{ id: 'T1110', tactic: 'credential-access' }],
    message: `40 failed console sign-ins from ${ATTACKER_IP} within 10 minutes`,
    actor: `arn:aws:iam::${TRAIL_ACCOUNT}:user/alice`,
    region: 'eu-west-1',
    groupKey: `sourceIPAddress=${ATTACKER_IP}`,
    firstSeen: '2026-11-20T10:00:00Z',
    lastSeen: '2026-11-20T10:39:00Z',
    eventCount: 40,
    events: failedSignIns(20),
    fingerprint: 'fedcba9876543210fedcba9876543210',
  });
  const stopTrail = trailFinding({
    detectionId: 'aws-cloudtrail-stopped',
    title: 'CloudTrail logging stopped <b>&',
    severity: 'critical',
    mitre: [{ id: 'T1562.008', tactic: 'defense-evasion' }],
    message: `StopLogging by "intruder" with ${HOSTILE_USER_AGENT}`,
    actor: `arn:aws:sts::${TRAIL_ACCOUNT}:assumed-role/Admin/intruder`,
    sourceIPAddress: '2001:db8::7',
    firstSeen: '2026-11-20T11:00:00Z',
    lastSeen: '2026-11-20T11:00:00Z',
    events: [
      eventEvidence({
        eventId: 'c0000000-0000-4000-8000-000000000001',
        eventTime: '2026-11-20T11:00:00Z',
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        actor: `arn:aws:sts::${TRAIL_ACCOUNT}:assumed-role/Admin/intruder`,
        sourceIPAddress: '2001:db8::7',
        userAgent: HOSTILE_USER_AGENT,
      }),
    ],
    fingerprint: '00112233445566778899aabbccddeeff',
  });
  return trailReport([rootLogin, bruteForce, stopTrail], {
    problems: [{ source: 'AWSLogs/broken.json.gz', reason: 'truncated gzip', count: 12 }],
  });
}
