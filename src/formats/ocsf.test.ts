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
  it('emits one event per result, PASS included, each valid against the vendored OCSF definitions', () => {
    expect(events).toHaveLength(report.findings.length);
    for (const event of events) expect(ocsfProblems(event)).toEqual([]);
    expect(events.map((event) => event.finding_info.uid)).toEqual(report.findings.map((f) => f.fingerprint));
    expect(events[0]).toMatchObject({ class_uid: 2003, category_uid: 2, type_uid: 200301 });
    expect(events[0]).toMatchObject({
      metadata: { version: OCSF_VERSION, product: { name: 'onus', version: '9.9.9-test' } },
    });
  });

  it('the validator rejects what OCSF does not allow', () => {
    const [first] = events;
    if (!first) throw new Error('no events');
    expect(ocsfProblems({ ...first, class_uid: 2004 })).toContain('class_uid 2004 is not 2003');
    expect(ocsfProblems({ ...first, extra: 1 })).toContain('unknown attribute extra');
    expect(ocsfProblems({ ...first, compliance: { ...first.compliance, status_id: 7 } })).toContain(
      'compliance.status_id 7 out of enum',
    );
    const { compliance: _c, ...withoutCompliance } = first;
    expect(ocsfProblems(withoutCompliance)).toContain('missing required compliance');
    expect(ocsfProblems({ ...first, compliance: { control: 'x' } })).toContain(
      'missing compliance.standards',
    );
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
