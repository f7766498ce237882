import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { runChecks } from '../src/core/engine.js';
import { readSnapshotFile } from '../src/sources/snapshot/read.js';

const DEMO = fileURLToPath(new URL('../examples/demo-account.json', import.meta.url));

/**
 * Checks the demo account cannot show failing, and why. Every other check must fail on at least one
 * demo resource, so `onus scan --demo` demonstrates the whole catalog.
 */
const CANNOT_FAIL_IN_DEMO: Record<string, string> = {
  'cloudtrail-multi-region-trail-logging':
    'an account-level check: the demo account has its multi-region trail, which the CloudTrail and monitoring checks need to show their own findings',
};

describe('the demo account', () => {
  it('makes every check in the catalog fail at least once', async () => {
    const loaded = await readSnapshotFile(DEMO);
    if (!loaded.ok) throw new Error(loaded.error);
    const results = runChecks(loaded.inventory, CHECKS, {
      now: new Date(loaded.inventory.collection.finishedAt),
    });
    const failing = new Set(
      results.filter((result) => result.status === 'FAIL').map((result) => result.checkId),
    );
    const silent = CHECKS.map((check) => check.id).filter(
      (id) => !failing.has(id) && !(id in CANNOT_FAIL_IN_DEMO),
    );
    expect(silent, 'checks with no failing demo resource (add one in examples/tools/demo_parts)').toEqual([]);
  });

  it('lists as unable to fail only checks that exist and really do not fail', async () => {
    const loaded = await readSnapshotFile(DEMO);
    if (!loaded.ok) throw new Error(loaded.error);
    const results = runChecks(loaded.inventory, CHECKS, {
      now: new Date(loaded.inventory.collection.finishedAt),
    });
    for (const id of Object.keys(CANNOT_FAIL_IN_DEMO)) {
      expect(CHECKS.map((check) => check.id)).toContain(id);
      expect(results.filter((result) => result.checkId === id && result.status === 'FAIL')).toEqual([]);
    }
  });
});
