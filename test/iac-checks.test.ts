import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { CHECKS } from '../src/checks/index.js';
import type { Check } from '../src/core/check.js';
import { scanInventory } from '../src/core/scan.js';
import { buildIacInventory, runsOnCode } from '../src/sources/iac/inventory.js';
import { describeProblem, loadIac } from '../src/sources/iac/load.js';
import { NOW } from '../src/testing/builders.js';

/**
 * Every check that runs on code proves it on code: for each language it runs on, a fixture where every resource
 * passes and one where a resource fails, read through the real readers, mappers and engine.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/iac/checks/', import.meta.url));

const CASES = {
  cloudformation: { pass: 'cfn-pass.yaml', fail: 'cfn-fail.yaml' },
  terraform: { pass: 'tf-pass', fail: 'tf-fail' },
} as const;
type Language = keyof typeof CASES;

function resultsOf(check: Check, path: string) {
  const loaded = loadIac([path]);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error').map(describeProblem);
  const code = buildIacInventory(loaded.sets);
  const report = scanInventory(code.inventory, [check], {
    now: NOW,
    generatedAt: NOW,
    tool: { name: 'onus', version: 'test' },
    target: { type: 'iac', name: path },
  });
  return { errors: [...errors, ...code.problems.map(describeProblem)], findings: report.findings };
}

/**
 * Checks whose failure on code depends on an account-wide setting the language cannot declare: where the
 * resource's own setting does not decide, the honest result is NOT_EVALUATED, never FAIL (nor PASS).
 */
const UNDECIDABLE_ON: Partial<Record<Language, Record<string, string>>> = {
  cloudformation: {
    's3-bucket-public-access-block':
      'the account-level S3 Block Public Access has no CloudFormation resource',
    's3-bucket-acl-not-public': 'the account-level S3 Block Public Access has no CloudFormation resource',
    's3-bucket-policy-not-public': 'the account-level S3 Block Public Access has no CloudFormation resource',
  },
};

const runnable = (language: Language) => CHECKS.filter((check) => runsOnCode(check, language));
const withFixtures = existsSync(FIXTURES) ? new Set(readdirSync(FIXTURES)) : new Set<string>();

describe.each(Object.keys(CASES) as Language[])('checks on %s', (language) => {
  const checks = runnable(language);

  it('cover at least 60 catalog checks, each with a passing and a failing fixture', () => {
    const missing = checks
      .filter((check) =>
        Object.values(CASES[language]).some((name) => !existsSync(join(FIXTURES, check.id, name))),
      )
      .map((check) => check.id);
    expect(missing).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(60);
  });

  for (const check of checks.filter((candidate) => withFixtures.has(candidate.id))) {
    const cases = CASES[language];
    it(`${check.id}: the passing ${language} fixture passes`, () => {
      const { errors, findings } = resultsOf(check, join(FIXTURES, check.id, cases.pass));
      expect(errors).toEqual([]);
      expect(findings.length).toBeGreaterThan(0);
      expect(
        findings.filter((finding) => finding.status !== 'PASS').map((f) => `${f.status}: ${f.message}`),
      ).toEqual([]);
    });
    const undecidable = UNDECIDABLE_ON[language]?.[check.id];
    if (undecidable) {
      it(`${check.id}: the failing ${language} fixture is not evaluated, as ${undecidable}`, () => {
        const { errors, findings } = resultsOf(check, join(FIXTURES, check.id, cases.fail));
        expect(errors).toEqual([]);
        const unevaluated = findings.filter((finding) => finding.status === 'NOT_EVALUATED');
        expect(unevaluated.length).toBeGreaterThan(0);
        expect(unevaluated.every((finding) => finding.gap?.reason === 'not-collected')).toBe(true);
        expect(findings.filter((finding) => finding.status === 'PASS' || finding.status === 'FAIL')).toEqual(
          [],
        );
      });
      continue;
    }
    it(`${check.id}: the failing ${language} fixture fails, with the file and line`, () => {
      const { errors, findings } = resultsOf(check, join(FIXTURES, check.id, cases.fail));
      expect(errors).toEqual([]);
      const failed = findings.filter((finding) => finding.status === 'FAIL');
      expect(
        failed.map((f) => f.checkId),
        findings.map((f) => `${f.status}: ${f.message}`).join('\n'),
      ).toContain(check.id);
      for (const finding of failed) expect(finding.resource.location?.line).toBeGreaterThan(0);
    });
  }
});
