import { describe, expect, it } from 'vitest';
import type { Check, ThresholdValue } from '../core/check.js';
import { runChecks } from '../core/engine.js';
import type { Resource } from '../core/resource.js';
import type { NotEvaluatedReason, Result, Status } from '../core/result.js';
import type { GapReason } from '../core/gap.js';
import { inventoryOf, NOW, REGION, type InventoryOptions } from './builders.js';

export interface CheckCase extends InventoryOptions {
  /** What the case is about, as a user would say it. */
  name: string;
  resources: Resource[];
  thresholds?: Record<string, ThresholdValue>;
  now?: Date;
  /** A pattern every result's message must match. */
  message?: RegExp;
  /** For notEvaluated cases: the reason every result must give. */
  reason?: NotEvaluatedReason;
}

export interface CheckCases {
  pass: CheckCase[];
  fail: CheckCase[];
  notEvaluated: CheckCase[];
  /** Cases where the check must produce no result at all (it does not apply). */
  skip?: CheckCase[];
}

/** A notEvaluated case where listing `kind` (with `action`) failed in the test region, so the check saw none. */
export function listingFailed(
  name: string,
  kind: string,
  action?: string,
  reason: GapReason = 'access-denied',
): CheckCase {
  const gap = { region: REGION, kind, field: '*', reason, ...(action ? { action } : {}) };
  return { name, resources: [], scopeGaps: [gap], reason };
}

/** Runs one check over the case's inventory and returns its results. */
export function runCase(check: Check, testCase: CheckCase): Result[] {
  const inventory = inventoryOf(testCase.resources, testCase);
  return runChecks(inventory, [check], {
    now: testCase.now ?? NOW,
    thresholds: testCase.thresholds ? { [check.id]: testCase.thresholds } : {},
  });
}

const EXPECTED: Record<Exclude<keyof CheckCases, 'skip'>, Status> = {
  pass: 'PASS',
  fail: 'FAIL',
  notEvaluated: 'NOT_EVALUATED',
};

/**
 * Declares the tests of a check: every pass case passes, every fail case fails, every notEvaluated case is
 * NOT_EVALUATED (with the expected reason), and there is at least one case of each.
 */
export function testCheck(check: Check, cases: CheckCases): void {
  describe(check.id, () => {
    it('has at least one pass, one fail and one not-evaluated case', () => {
      expect(cases.pass.length).toBeGreaterThan(0);
      expect(cases.fail.length).toBeGreaterThan(0);
      expect(cases.notEvaluated.length).toBeGreaterThan(0);
    });
    for (const group of ['pass', 'fail', 'notEvaluated'] as const) {
      for (const testCase of cases[group]) {
        it(`${EXPECTED[group]}: ${testCase.name}`, () => {
          const results = runCase(check, testCase);
          expect(results.length, 'the check produced no result').toBeGreaterThan(0);
          for (const result of results) {
            expect(result.status, result.message).toBe(EXPECTED[group]);
            if (testCase.message) expect(result.message).toMatch(testCase.message);
            if (testCase.reason) expect(result.reason).toBe(testCase.reason);
          }
        });
      }
    }
    for (const testCase of cases.skip ?? []) {
      it(`no result: ${testCase.name}`, () => {
        expect(runCase(check, testCase)).toEqual([]);
      });
    }
  });
}
