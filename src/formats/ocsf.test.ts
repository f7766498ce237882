import { describe, expect, it } from 'vitest';

import { hostileReport, KEY_ID, MUTE_REASON, ocsfProblems, SECRET_KEY } from '../testing/formats.js';
import { formatOcsf, OCSF_VERSION } from './ocsf.js';

type Event = Record<string, unknown> & {
  compliance: {
    status: string;
    status_id: number;
    standards: string[];
    requirements?: string[];
    control: string;
  };
  finding_info: { uid: string };
  unmapped: { onus: { check_id: string } };
};

const report = hostileReport();
const events = JSON.parse(formatOcsf(report)) as Event[];

describe('OCSF Compliance Finding', () => {
  it('emits one event per result, PASS included, each valid against the published OCSF 1.3.0 schema', () => {
    expect(events).toHaveLength(report.findings.length);
    for (const event of events) expect(ocsfProblems(event)).toEqual([]);
    expect(events.map((event) => event.finding_info.uid)).toEqual(report.findings.map((f) => f.fingerprint));
    expect(events[0]).toMatchObject({ class_uid: 2003, category_uid: 2, type_uid: 200301 });
    expect(events[0]).toMatchObject({
      metadata: { version: OCSF_VERSION, product: { name: 'onus', version: '9.9.9-test' } },
    });
  });

  describe('the validator rejects each violation of the schema, for its own reason', () => {
    const [first] = events;
    if (!first) throw new Error('no events');
    const { compliance: _compliance, ...withoutCompliance } = first;
    const { cloud: _cloud, ...withoutCloud } = first;
    const { standards: _standards, ...complianceWithoutStandards } = first.compliance;
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['an unknown top-level attribute', { ...first, extra: 1 }, ['unknown attribute extra']],
      [
        'an unknown attribute in a nested object',
        { ...first, finding_info: { ...first.finding_info, severity: 'High' } },
        ['unknown attribute finding_info.severity'],
      ],
      [
        'a timestamp that is not an integer',
        { ...first, time: '2026-11-28T00:00:00Z' },
        ['time: string "2026-11-28T00:00:00Z" is not a timestamp_t (an integer)'],
      ],
      [
        'a string where the schema wants an array',
        { ...first, finding_info: { ...first.finding_info, types: 'onus/s3' } },
        ['finding_info.types: string "onus/s3" is not an array (of string_t)'],
      ],
      [
        'null in an array of strings',
        { ...first, remediation: { desc: 'Fix it', references: [null] } },
        ['remediation.references[0]: null is not a string_t (a string)'],
      ],
      [
        'a value outside the enum',
        { ...first, compliance: { ...first.compliance, status_id: 7 } },
        ['compliance.status_id: 7 is not in the enum (0, 1, 2, 3, 99)'],
      ],
      [
        'a caption that does not match its enum value',
        { ...first, severity_id: 4, severity: 'Critical' },
        ['severity: "Critical" is not the caption of severity_id 4 ("High")'],
      ],
      ['a missing required attribute', withoutCompliance, ['missing required attribute compliance']],
      [
        'a missing required attribute of a nested object',
        { ...first, compliance: complianceWithoutStandards },
        ['missing required attribute compliance.standards'],
      ],
      [
        'a missing attribute the declared cloud profile requires',
        withoutCloud,
        ['missing required attribute cloud'],
      ],
      [
        'a type_uid that does not follow the activity',
        { ...first, activity_id: 2, activity_name: 'Update' },
        ['type_uid: 200301 is not class_uid * 100 + activity_id (200302)'],
      ],
      [
        'another class',
        { ...first, class_uid: 2004 },
        [
          'class_uid: 2004 is not in the enum (2003)',
          'type_uid: 200301 is not class_uid * 100 + activity_id (200401)',
        ],
      ],
    ];
    it.each(cases)('%s', (_label, event, expected) => {
      expect(ocsfProblems(event)).toEqual(expected);
    });
  });

  it('allows profile attributes only when metadata.profiles declares the profile, and the class has it', () => {
    const regional = events.find((event) => (event.resources as { region?: string }[])[0]?.region);
    if (!regional) throw new Error('no regional event');
    const metadata = regional.metadata as { profiles: string[] };
    const undeclared = { ...regional, metadata: { ...metadata, profiles: [] } };
    expect(ocsfProblems(undeclared)).toEqual([
      'cloud belongs to the cloud profile, which metadata.profiles does not declare',
      'resources[0].region belongs to the cloud profile, which metadata.profiles does not declare',
      'resources[0].cloud_partition belongs to the cloud profile, which metadata.profiles does not declare',
    ]);
    const foreign = { ...regional, metadata: { ...metadata, profiles: ['cloud', 'network_proxy'] } };
    expect(ocsfProblems(foreign)).toEqual([
      'metadata.profiles: network_proxy is not a profile of Compliance Finding',
    ]);
  });

  it('accepts what OCSF leaves to the source: the caption of Other, anything inside unmapped', () => {
    const [first] = events;
    if (!first) throw new Error('no events');
    expect(ocsfProblems({ ...first, severity_id: 99, severity: 'Catastrophic' })).toEqual([]);
    expect(ocsfProblems({ ...first, unmapped: { onus: { nested: [{ any: null }, 1, 'x'] } } })).toEqual([]);
  });

  it('maps each status to the compliance status and the finding lifecycle', () => {
    const byStatus = (status: string) => {
      const index = report.findings.findIndex((finding) => finding.status === status);
      const event = events[index];
      if (!event) throw new Error(`no ${status} result`);
      return event;
    };
    expect(byStatus('FAIL')).toMatchObject({ status_id: 1, compliance: { status_id: 3, status: 'Fail' } });
    expect(byStatus('PASS')).toMatchObject({ status_id: 1, compliance: { status_id: 1, status: 'Pass' } });
    expect(byStatus('NOT_EVALUATED')).toMatchObject({ compliance: { status_id: 2, status: 'Warning' } });
    expect(byStatus('MANUAL')).toMatchObject({ compliance: { status_id: 2, status_code: 'MANUAL' } });
    expect(byStatus('MUTED')).toMatchObject({
      status_id: 3,
      status: 'Suppressed',
      status_detail: MUTE_REASON,
      compliance: { status_id: 3 },
    });
  });

  it('fills compliance with the check as control and the frameworks that cite it', () => {
    const root = events.find((event) => event.compliance.control === 'ec2-instance-no-secrets-in-user-data');
    expect(root?.compliance.standards.length).toBeGreaterThan(0);
    const cis = events.find((event) => event.compliance.standards.some((s) => s.startsWith('CIS Amazon')));
    expect(
      cis?.compliance.requirements?.some((r) => /^CIS Amazon Web Services Foundations Benchmark \d/.test(r)),
    ).toBe(true);
  });

  it('keeps the secret redacted as the check wrote it', () => {
    const text = formatOcsf(report);
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain(SECRET_KEY);
    expect(text).toContain('hardcoded secrets');
  });
});
