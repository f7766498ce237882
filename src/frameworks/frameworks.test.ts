import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { FRAMEWORK_FILES, FRAMEWORKS, FrameworkSchema, loadFramework, sectionKey } from './index.js';
import { deriveNist80053r5 } from './tools/derive-nist.js';

const checkIds = new Set(CHECKS.map((c) => c.id));

describe.each(Object.entries(FRAMEWORK_FILES))('framework %s', (id, data) => {
  const framework = FrameworkSchema.parse(data);

  it('parses with the schema and is registered under its own id', () => {
    expect(framework.id).toBe(id);
    expect(loadFramework(id)).toEqual(framework);
  });

  it('has unique requirement ids', () => {
    const ids = framework.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('references only check ids that exist', () => {
    for (const r of framework.requirements) {
      for (const c of r.checks) expect(checkIds.has(c), `${r.id} -> ${c}`).toBe(true);
      expect(new Set(r.checks).size, r.id).toBe(r.checks.length);
    }
  });

  it('gives every requirement checks or guidance', () => {
    for (const r of framework.requirements) {
      expect(r.checks.length > 0 || (r.guidance ?? '').length > 0, r.id).toBe(true);
    }
  });

  it('gives manual requirements guidance', () => {
    for (const r of framework.requirements.filter((x) => x.assessment === 'manual')) {
      expect(r.guidance, r.id).toBeTruthy();
    }
  });

  it('files each requirement under the section its id starts with', () => {
    for (const r of framework.requirements) {
      expect(r.section.split(' ')[0], r.id).toBe(sectionKey(r.id));
    }
  });

  it('names each section the same way every time', () => {
    const titles = new Map<string, string>();
    for (const r of framework.requirements) {
      const key = sectionKey(r.id);
      expect(titles.get(key) ?? r.section, r.id).toBe(r.section);
      titles.set(key, r.section);
    }
  });

  it('links every requirement to the https page that defines it', () => {
    for (const r of [framework, ...framework.requirements]) {
      expect(new URL(r.source).protocol, r.id).toBe('https:');
    }
  });

  it('relates requirements only to frameworks onus ships, by ids they contain', () => {
    for (const r of framework.requirements) {
      for (const [other, ids] of Object.entries(r.related ?? {})) {
        if (!(other in FRAMEWORK_FILES)) continue; // a framework onus does not ship is recorded as written
        const known = new Set(loadFramework(other).requirements.map((x) => x.id));
        for (const id of ids) expect(known.has(id), `${r.id} -> ${other} ${id}`).toBe(true);
      }
    }
  });
});

describe('CIS AWS Foundations Benchmark v5.0.0', () => {
  const cis = loadFramework('cis-5.0');

  it('has the 63 recommendations with the benchmark numbering', () => {
    const expected = [
      ...Array.from({ length: 21 }, (_, i) => `1.${i + 1}`),
      '2.1.1',
      '2.1.2',
      '2.1.3',
      '2.1.4',
      '2.2.1',
      '2.2.2',
      '2.2.3',
      '2.2.4',
      '2.3.1',
      ...Array.from({ length: 9 }, (_, i) => `3.${i + 1}`),
      ...Array.from({ length: 16 }, (_, i) => `4.${i + 1}`),
      '5.1.1',
      '5.1.2',
      ...Array.from({ length: 6 }, (_, i) => `5.${i + 2}`),
    ];
    expect(expected).toHaveLength(63);
    expect(cis.version).toBe('5.0.0');
    expect(cis.requirements.map((r) => r.id)).toEqual(expected);
  });

  it('uses the benchmark section titles', () => {
    const sections = [...new Set(cis.requirements.map((r) => r.section))];
    expect(sections).toEqual([
      '1 Identity and Access Management',
      '2 Storage',
      '3 Logging',
      '4 Monitoring',
      '5 Networking',
    ]);
  });

  it('keeps CIS own Automated/Manual split (35 automated, 28 manual)', () => {
    const automated = cis.requirements.filter((r) => r.assessment === 'automated');
    expect(automated).toHaveLength(35);
  });

  it('is listed in FRAMEWORKS', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toContain('cis-5.0');
  });
});

describe('CIS AWS Foundations Benchmark v3.0.0', () => {
  const cis = loadFramework('cis-3.0');

  it('has the 62 recommendations with the v3.0.0 numbering', () => {
    const expected = [
      ...Array.from({ length: 22 }, (_, i) => `1.${i + 1}`),
      '2.1.1',
      '2.1.2',
      '2.1.3',
      '2.1.4',
      '2.2.1',
      '2.3.1',
      '2.3.2',
      '2.3.3',
      '2.4.1',
      ...Array.from({ length: 9 }, (_, i) => `3.${i + 1}`),
      ...Array.from({ length: 16 }, (_, i) => `4.${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `5.${i + 1}`),
    ];
    expect(expected).toHaveLength(62);
    expect(cis.version).toBe('3.0.0');
    expect(cis.requirements.map((r) => r.id)).toEqual(expected);
  });

  it('gives every recommendation a CIS profile level', () => {
    for (const r of cis.requirements) expect([1, 2], r.id).toContain(r.level);
  });

  it('maps the recommendations v5.0.0 renumbered to the same checks', () => {
    const v5 = loadFramework('cis-5.0');
    const checksOf = (f: typeof cis, id: string) => f.requirements.find((r) => r.id === id)?.checks;
    // v3 -> v5: the EBS item moved from storage to networking, networking shifted by one.
    for (const [v3, v5id] of [
      ['1.4', '1.3'],
      ['1.16', '1.15'],
      ['2.2.1', '5.1.1'],
      ['2.3.1', '2.2.1'],
      ['5.2', '5.3'],
      ['5.6', '5.7'],
    ] as const) {
      expect(checksOf(cis, v3), v3).toEqual(checksOf(v5, v5id));
    }
  });
});

describe('AWS Foundational Security Best Practices', () => {
  const fsbp = loadFramework('fsbp');

  it('uses Security Hub control ids, severities and reference anchors', () => {
    for (const r of fsbp.requirements) {
      expect(r.id, r.id).toMatch(/^[A-Za-z0-9]+\.\d+$/);
      expect(r.severity, r.id).toBeDefined();
      const [service, number] = r.id.split('.');
      expect(r.source, r.id).toMatch(
        new RegExp(
          `^https://docs\\.aws\\.amazon\\.com/securityhub/latest/userguide/[a-z0-9]+-controls\\.html#[a-z0-9]+-${number}$`,
        ),
      );
      expect(r.source.toLowerCase(), r.id).toContain(`#${service!.toLowerCase()}-`);
    }
  });

  it('lists only controls an onus check verifies', () => {
    for (const r of fsbp.requirements) {
      expect(r.assessment, r.id).toBe('automated');
      expect(r.checks.length, r.id).toBeGreaterThan(0);
    }
  });

  it('records related NIST SP 800-53 Rev. 5 controls by their ids', () => {
    for (const r of fsbp.requirements) {
      for (const id of r.related?.['nist-800-53-r5'] ?? [])
        expect(id, r.id).toMatch(/^[A-Z]{2}-\d+(\(\d+\))?$/);
    }
  });
});

describe('NIST SP 800-53 Rev. 5', () => {
  it('is exactly what the FSBP file derives (regenerate with src/frameworks/tools/write-nist.ts)', () => {
    expect(loadFramework('nist-800-53-r5')).toEqual(deriveNist80053r5(loadFramework('fsbp')));
  });

  it('checks each control with every check of the FSBP controls that cite it', () => {
    const nist = loadFramework('nist-800-53-r5');
    const ac21 = nist.requirements.find((r) => r.id === 'AC-21');
    expect(ac21?.related?.fsbp).toContain('S3.2');
    expect(ac21?.checks).toEqual(
      expect.arrayContaining(['s3-bucket-policy-not-public', 'rds-snapshot-not-public']),
    );
    expect(ac21?.guidance).toMatch(/^Partial/);
  });
});

it('ships the four frameworks under their ids', () => {
  expect(FRAMEWORKS.map((f) => f.id)).toEqual(['cis-5.0', 'cis-3.0', 'fsbp', 'nist-800-53-r5']);
});

it('loadFramework rejects unknown ids', () => {
  expect(() => loadFramework('nope')).toThrow(/Unknown framework/);
});
