import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { codeLanguages } from '../src/sources/iac/inventory.js';
import { formatCheckCatalog } from '../src/formats/check-catalog-markdown.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('user documentation', () => {
  it('docs/checks.md is the current catalog (regenerate with `npm run docs:checks`)', () => {
    expect(read('docs/checks.md')).toBe(formatCheckCatalog(CHECKS, FRAMEWORKS, codeLanguages));
  });

  it('the catalog documents every check with its remediation and the frameworks that cite it', () => {
    const catalog = formatCheckCatalog(CHECKS, FRAMEWORKS);
    for (const check of CHECKS) {
      expect(catalog).toContain(`### \`${check.id}\``);
      expect(catalog).toContain(check.remediation.url);
    }
    expect(catalog).toMatch(/CIS Amazon Web Services Foundations Benchmark 5\.0\.0: 1\.4\b/);
  });

  it('the README states the number of checks onus ships', () => {
    expect(read('README.md')).toContain(`onus ships ${String(CHECKS.length)} checks`);
  });
});
