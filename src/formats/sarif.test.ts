import { describe, expect, it } from 'vitest';

import {
  hostileReport,
  KEY_ID,
  manyFailures,
  MUTE_REASON,
  sarifValidator,
  SECRET_KEY,
} from '../testing/formats.js';
import { formatSarif, GITHUB_MAX_RESULTS_PER_RUN } from './sarif.js';

interface Log {
  runs: {
    tool: {
      driver: {
        rules: {
          id: string;
          fullDescription?: unknown;
          help?: unknown;
          properties: Record<string, unknown>;
        }[];
      };
    };
    invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

const report = hostileReport();
const text = formatSarif(report);
const log = JSON.parse(text) as Log;
const run = log.runs[0];

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 (the OASIS schema)', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('has one result per failed or muted check x resource, muted ones suppressed with the reason', () => {
    if (!run) throw new Error('no run');
    const alerts = report.findings.filter((f) => f.status === 'FAIL' || f.status === 'MUTED');
    expect(run.results).toHaveLength(alerts.length);
    const suppressed = run.results.filter((result) => result.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions).toEqual([
      { kind: 'external', state: 'accepted', justification: MUTE_REASON },
    ]);
    expect(new Set(run.results.map((r) => r.partialFingerprints['onusFingerprint/v1']))).toEqual(
      new Set(alerts.map((f) => f.fingerprint)),
    );
  });

  it('meets what GitHub code scanning needs: repository-relative locations, rule help and security-severity', () => {
    if (!run) throw new Error('no run');
    const rules = run.tool.driver.rules;
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.fullDescription).toBeDefined();
      expect(rule.help).toBeDefined();
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
      expect(uri).toMatch(/^aws\/\d{12}\//);
      expect(uri).not.toMatch(/^[a-z]+:/);
      expect(uri).not.toMatch(/[\s"<>]/);
    }
    const critical = report.findings.find((f) => f.status === 'FAIL' && f.severity === 'critical');
    const rule = rules.find((r) => r.id === critical?.checkId);
    expect(rule?.properties['security-severity']).toBe('9.5');
  });

  it('keeps the most severe 25,000 results and says how many it left out', () => {
    const big = JSON.parse(formatSarif(manyFailures(report, GITHUB_MAX_RESULTS_PER_RUN + 3))) as Log;
    const bigRun = big.runs[0];
    expect(bigRun?.results).toHaveLength(GITHUB_MAX_RESULTS_PER_RUN);
    expect(bigRun?.results.at(-1)?.level).toBe('note');
    expect(bigRun?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(/^3 less severe/);
  });

  it('keeps the secret redacted', () => {
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain(SECRET_KEY);
  });
});
