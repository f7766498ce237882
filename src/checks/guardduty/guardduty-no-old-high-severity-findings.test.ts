import { describe, expect, it } from 'vitest';
import type { GuarddutyFinding } from '../../core/kinds/detection.js';
import { daysAgo, withGap } from '../../testing/builders.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import { guarddutyDetector } from '../../testing/detection-kinds.js';
import check from './guardduty-no-old-high-severity-findings.js';

const finding = (
  id: string,
  ageDays: number,
  overrides: Partial<GuarddutyFinding> = {},
): GuarddutyFinding => ({
  id,
  type: 'UnauthorizedAccess:EC2/SSHBruteForce',
  severity: 8,
  createdAt: daysAgo(ageDays),
  updatedAt: daysAgo(0),
  resource: 'Instance i-0abc',
  ...overrides,
});

const detector = (findings: GuarddutyFinding[], truncated = false) =>
  guarddutyDetector({}, { highSeverityFindings: { findings, truncated } });

testCheck(check, {
  pass: [
    {
      name: 'the detector has no active high-severity finding',
      resources: [detector([])],
      message: /^GuardDuty detector det-1 has no active high-severity finding$/,
    },
    {
      name: 'a high-severity finding from last week is still being worked on',
      resources: [detector([finding('f1', 6)])],
      message: /has 1 active high-severity finding, none older than 30 days$/,
    },
    {
      name: 'a finding 40 days old passes when the team allows 60 days',
      resources: [detector([finding('f1', 40)])],
      thresholds: { maxFindingAgeDays: 60 },
    },
  ],
  fail: [
    {
      name: 'a crypto-mining finding has been open for three months',
      resources: [
        detector([
          finding('f1', 90, { type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', resource: 'Instance i-0miner' }),
          finding('f2', 2),
        ]),
      ],
      message:
        /^GuardDuty detector det-1 has 1 high-severity finding active for more than 30 days: CryptoCurrency:EC2\/BitcoinTool\.B!DNS on Instance i-0miner \(90 days\)$/,
    },
    {
      name: 'many old findings are named oldest first, with a count of the rest',
      resources: [detector([finding('a', 31), finding('b', 200), finding('c', 45), finding('d', 60)])],
      message: /has 4 high-severity findings .*\(200 days\), .*\(60 days\), .*\(45 days\) and 1 more$/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetFindings was denied',
      resources: [withGap(detector([]), 'highSeverityFindings', 'access-denied', 'guardduty:GetFindings')],
      reason: 'access-denied',
    },
    listingFailed(
      'detectors could not be listed in the region',
      'guardduty.detector',
      'guardduty:ListDetectors',
      'throttled',
    ),
  ],
});

describe('guardduty-no-old-high-severity-findings evidence', () => {
  it('lists each old finding with its age, and says when the list was capped', () => {
    const [result] = runCase(check, {
      name: 'capped',
      resources: [detector([finding('f1', 50)], true)],
    });
    expect(result?.message).toMatch(/has 1\+ high-severity finding/);
    expect(result?.evidence).toMatchObject({
      truncated: true,
      oldFindings: [{ id: 'f1', ageDays: 50, type: 'UnauthorizedAccess:EC2/SSHBruteForce' }],
    });
  });
});
