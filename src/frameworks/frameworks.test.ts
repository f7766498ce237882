import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { FRAMEWORK_FILES, FRAMEWORKS, FrameworkSchema, loadFramework } from './index.js';

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
      expect(r.section.split(' ')[0], r.id).toBe(r.id.split('.')[0]);
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

it('loadFramework rejects unknown ids', () => {
  expect(() => loadFramework('nope')).toThrow(/Unknown framework/);
});
