import { describe, expect, it } from 'vitest';

import { ocsfProblems } from '../testing/formats.js';
import {
  ATTACKER_IP,
  eventEvidence,
  HOSTILE_USER_AGENT,
  sampleTrailReport,
  TRAIL_ACCOUNT,
  trailFinding,
  trailReport,
} from '../testing/trail.js';
import { OCSF_VERSION } from './ocsf.js';
import { formatTrailOcsf } from './trail-ocsf.js';

interface Evidence {
  actor?: { user: { uid: string; name: string; account?: { uid: string } } };
  api?: {
    operation: string;
    service?: { name: string };
    request?: { uid: string };
    response?: { error: string };
  };
  src_endpoint?: { ip?: string; svc_name?: string };
  data: { user_agent: string | null; event_time: string | null };
}

type Event = Record<string, unknown> & {
  time: number;
  count: number;
  message: string;
  finding_info: {
    uid: string;
    title: string;
    first_seen_time?: number;
    last_seen_time?: number;
    analytic: { uid: string; type_id: number };
    attacks?: Record<string, unknown>[];
  };
  evidences: Evidence[];
  resources?: { uid: string }[];
  cloud: { provider: string; account?: { uid: string }; region?: string };
};

const DETECTION_FINDING = 'detection_finding';

function eventsOf(text: string): Event[] {
  return JSON.parse(text) as Event[];
}

describe('OCSF Detection Finding', () => {
  const report = sampleTrailReport();
  const events = eventsOf(formatTrailOcsf(report));
  const byDetection = (id: string) => {
    const event = events.find((candidate) => candidate.finding_info.analytic.uid === id);
    if (!event) throw new Error(`no event for ${id}`);
    return event;
  };

  it('writes one event per finding, each valid against the published OCSF 1.3.0 schema', () => {
    expect(events).toHaveLength(report.findings.length);
    for (const event of events) expect(ocsfProblems(event, DETECTION_FINDING)).toEqual([]);
    expect(events.map((event) => event.finding_info.uid)).toEqual(
      report.findings.map((finding) => finding.fingerprint),
    );
    expect(events[0]).toMatchObject({
      class_uid: 2004,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200401,
      status_id: 1,
      status: 'New',
      metadata: { version: OCSF_VERSION, product: { name: 'onus', version: '9.9.9-test' } },
    });
  });

  it('dates the finding by its first matching event, names the detection as a rule and its ATT&CK technique', () => {
    const root = byDetection('aws-root-console-login');
    const firstSeen = Date.parse('2026-11-20T10:00:00Z');
    expect(root.time).toBe(firstSeen);
    expect(root.finding_info.first_seen_time).toBe(firstSeen);
    expect(root).toMatchObject({
      severity_id: 4,
      severity: 'High',
      message: `root signed in from ${ATTACKER_IP}`,
    });
    expect(root.finding_info.analytic).toMatchObject({
      uid: 'aws-root-console-login',
      type: 'Rule',
      type_id: 1,
    });
    expect(root.finding_info.attacks).toEqual([
      {
        technique: { uid: 'T1078' },
        sub_technique: { uid: 'T1078.004' },
        tactic: { uid: 'TA0001', name: 'Initial Access' },
      },
    ]);
    expect(root.cloud).toEqual({
      provider: 'AWS',
      account: { uid: TRAIL_ACCOUNT, type: 'AWS Account', type_id: 10 },
      region: 'us-east-1',
    });
    expect(root.resources?.[0]?.uid).toBe(`arn:aws:iam::${TRAIL_ACCOUNT}:root`);
  });

  it('carries each kept event as evidence: who, which call, from where; the count says how many matched', () => {
    const window = byDetection('aws-console-brute-force');
    expect(window.count).toBe(40);
    expect(window.evidences).toHaveLength(20);
    expect(window.finding_info.last_seen_time).toBe(Date.parse('2026-11-20T10:39:00Z'));
    expect(window.evidences[0]).toMatchObject({
      actor: { user: { uid: `arn:aws:iam::${TRAIL_ACCOUNT}:user/alice`, name: 'alice' } },
      api: {
        operation: 'ConsoleLogin',
        service: { name: 'signin.amazonaws.com' },
        request: { uid: 'b0000000-0000-4000-8000-000000000000' },
        response: { error: 'Failed authentication' },
      },
      src_endpoint: { ip: ATTACKER_IP },
      data: { event_time: '2026-11-20T10:00:00Z', user_agent: 'Mozilla/5.0' },
    });
  });

  it('keeps hostile text as data: the user agent reads back exactly', () => {
    const stopped = byDetection('aws-cloudtrail-stopped');
    expect(stopped.evidences[0]?.data.user_agent).toBe(HOSTILE_USER_AGENT);
    expect(stopped.evidences[0]?.src_endpoint).toEqual({ ip: '2001:db8::7' });
    expect(stopped.finding_info.title).toBe('CloudTrail logging stopped <b>&');
  });

  it('a call an AWS service made names the service as its source; an event without actor, account or time stays valid', () => {
    const viaService = trailFinding({
      actor: null,
      account: null,
      region: null,
      sourceIPAddress: 'cloudformation.amazonaws.com',
      firstSeen: null,
      lastSeen: null,
      mitre: [{ id: 'T1098', tactic: null }],
      events: [
        eventEvidence({
          actor: null,
          account: null,
          awsRegion: null,
          eventTime: null,
          eventId: null,
          sourceIPAddress: 'cloudformation.amazonaws.com',
        }),
      ],
    });
    const [event] = eventsOf(formatTrailOcsf(trailReport([viaService])));
    if (!event) throw new Error('no event');
    expect(ocsfProblems(event, DETECTION_FINDING)).toEqual([]);
    expect(event.evidences[0]?.src_endpoint).toEqual({ svc_name: 'cloudformation.amazonaws.com' });
    expect(event.evidences[0]?.api?.request).toBeUndefined();
    expect(event.time).toBe(Date.parse(report.generatedAt));
    expect(event.cloud).toEqual({ provider: 'AWS' });
    expect(event.resources).toBeUndefined();
    expect(event.finding_info.attacks).toEqual([{ technique: { uid: 'T1098' } }]);
  });

  it('an empty run is an empty array', () => {
    expect(formatTrailOcsf(trailReport([]))).toBe('[]\n');
  });

  describe('the validator knows the Detection Finding class and the objects its evidence uses', () => {
    const [first] = events;
    if (!first) throw new Error('no events');
    const evidence = first.evidences[0] as unknown as Record<string, unknown>;
    const withEvidence = (changed: Record<string, unknown>) => ({ ...first, evidences: [changed] });
    const cases: [string, Record<string, unknown>, string[]][] = [
      [
        'an attribute evidences do not have in 1.3.0',
        withEvidence({ ...evidence, http_request: { user_agent: 'x' } }),
        ['unknown attribute evidences[0].http_request'],
      ],
      [
        'an API call without its operation',
        withEvidence({ ...evidence, api: { service: { name: 'iam.amazonaws.com' } } }),
        ['missing required attribute evidences[0].api.operation'],
      ],
      [
        'a source that is not an IP address in the ip attribute',
        withEvidence({ ...evidence, src_endpoint: { ip: 'not-an-ip' } }),
        [
          'evidences[0].src_endpoint.ip: string "not-an-ip" is not a ip_t (matching ' +
            '((^\\s*((([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5]).){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5]))\\s*$)|',
        ],
      ],
      [
        'an evidence with nothing in it',
        withEvidence({}),
        [
          'evidences[0] needs at least one of actor, api, connection_info, data, database, databucket, device, dst_endpoint, email, file, job, process, query, reg_key, reg_value, src_endpoint, url, user, win_service',
        ],
      ],
      [
        'the compliance object, which Detection Finding does not have',
        { ...first, compliance: { status_id: 3 } },
        ['unknown attribute compliance'],
      ],
      [
        'top-level attacks without declaring the security_control profile',
        { ...first, attacks: first.finding_info.attacks },
        ['attacks belongs to the security_control profile, which metadata.profiles does not declare'],
      ],
      [
        'a type_uid of another class',
        { ...first, type_uid: 200301 },
        [
          'type_uid: 200301 is not in the enum (200400, 200401, 200402, 200403, 200499)',
          'type_uid: 200301 is not class_uid * 100 + activity_id (200401)',
        ],
      ],
    ];
    it.each(cases)('%s', (_name, event, expected) => {
      const problems = ocsfProblems(event, DETECTION_FINDING);
      expect(problems).toHaveLength(expected.length);
      expected.forEach((problem, index) => {
        expect(
          problems[index]?.startsWith(problem),
          `${problems[index] ?? ''}\n  should start with\n${problem}`,
        ).toBe(true);
      });
    });
  });
});
