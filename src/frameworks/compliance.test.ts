import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { scanInventory } from '../core/scan.js';
import { inventoryOf, NOW, resource, withGap } from '../testing/builders.js';
import { assessCompliance } from './compliance.js';
import type { Framework } from './index.js';

const framework: Framework = {
  id: 'test',
  name: 'Test framework',
  version: '1.0',
  source: 'https://example.com/framework',
  requirements: [
    {
      id: '1',
      section: '1 S',
      title: 'root MFA',
      level: 1,
      assessment: 'automated',
      checks: ['iam-root-mfa-enabled'],
      source: 'https://example.com/framework#1',
    },
    {
      id: '2',
      section: '1 S',
      title: 'no root keys',
      level: 1,
      assessment: 'automated',
      checks: ['iam-root-no-access-keys'],
      source: 'https://example.com/framework#2',
    },
    {
      id: '3',
      section: '1 S',
      title: 'contact details',
      level: 1,
      assessment: 'manual',
      checks: [],
      guidance: 'Look.',
      source: 'https://example.com/framework#3',
    },
    {
      id: '4',
      section: '1 S',
      title: 'future',
      level: 1,
      assessment: 'automated',
      checks: [],
      guidance: 'Check it.',
      source: 'https://example.com/framework#4',
    },
    {
      id: '5',
      section: '1 S',
      title: 'buckets',
      level: 1,
      assessment: 'automated',
      checks: ['s3-bucket-public-access-block'],
      source: 'https://example.com/framework#5',
    },
  ],
};

function report(mfa: boolean, keysHidden: boolean) {
  const root = resource('iam.root-user', 'root', {
    arn: 'arn:aws:iam::111122223333:root',
    mfaActive: mfa,
    hardwareMfa: null,
    accessKeys: [],
    passwordLastUsed: null,
  });
  const inventory = inventoryOf([keysHidden ? withGap(root, 'accessKeys') : root]);
  return scanInventory(inventory, CHECKS, {
    now: NOW,
    generatedAt: NOW,
    tool: { name: 'onus', version: 'test' },
    target: { type: 'snapshot', name: 'test' },
  });
}

describe('compliance assessment', () => {
  it('gives each requirement a status and leaves what was not evaluated out of the score', () => {
    const result = assessCompliance(framework, report(false, true));
    expect(result.results.map((r) => [r.requirement.id, r.status])).toEqual([
      ['1', 'fail'],
      ['2', 'not-evaluated'],
      ['3', 'manual'],
      ['4', 'not-evaluated'],
      ['5', 'pass'],
    ]);
    expect(result.results[3]?.detail).toMatch(/^no onus check yet/);
    expect(result.results[4]?.detail).toMatch(/nothing in scope/);
    expect(result.totals).toEqual({ pass: 1, fail: 1, manual: 1, 'not-evaluated': 2 });
    expect(result.score).toBe(0.5);
  });

  it('passes a requirement only when its checks passed', () => {
    const result = assessCompliance(framework, report(true, false));
    expect(result.results.slice(0, 2).map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(result.score).toBe(1);
  });
});
