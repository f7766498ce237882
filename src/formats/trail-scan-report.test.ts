import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { Finding } from '../core/finding.js';
import { openSqliteStore } from '../findings/store/sqlite.js';
import {
  eventEvidence,
  HOSTILE_USER_AGENT,
  sampleTrailReport,
  TRAIL_ACCOUNT,
  trailFinding,
  trailReport,
} from '../testing/trail.js';
import { formatHtmlReport } from './html-report.js';
import { trailAsScanReport } from './trail-scan-report.js';

/** The JSON island the page's script renders from. */
function island(html: string): {
  sections: string[];
  accountScoped: boolean;
  map: unknown;
  target: { type: string; name: string };
  findings: (Pick<Finding, 'checkId' | 'status' | 'message' | 'resource'> & {
    evidence: { events: { userAgent: string | null }[] };
  })[];
  checks: Record<string, { title: string; severity: string; risk: string }>;
} {
  const json = /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('no data island');
  return JSON.parse(json) as ReturnType<typeof island>;
}

describe('a trail report as the ScanReport the HTML report and the store take', () => {
  const trail = sampleTrailReport();
  const report = trailAsScanReport(trail);
  const finding = (checkId: string) => {
    const found = report.findings.find((candidate) => candidate.checkId === checkId);
    if (!found) throw new Error(`no finding ${checkId}`);
    return found;
  };

  it('makes each trail finding a failure of its detection, on the principal who acted', () => {
    expect(report.target).toEqual({ type: 'trail', name: 'examples/trail/' });
    expect(report.findings.map((item) => [item.checkId, item.status])).toEqual([
      ['aws-root-console-login', 'FAIL'],
      ['aws-console-brute-force', 'FAIL'],
      ['aws-cloudtrail-stopped', 'FAIL'],
    ]);
    expect(report.summary.totals.FAIL).toBe(3);
    expect(report.summary.failedBySeverity).toMatchObject({ critical: 1, high: 1, medium: 1 });
    const root = finding('aws-root-console-login');
    expect(root.resource).toEqual({
      kind: 'principal',
      id: `arn:aws:iam::${TRAIL_ACCOUNT}:root`,
      name: 'root',
      arn: `arn:aws:iam::${TRAIL_ACCOUNT}:root`,
      account: TRAIL_ACCOUNT,
      region: 'us-east-1',
    });
    expect(root.fingerprint).toBe(trail.findings[0]?.fingerprint);
    expect(report.checkIds).toEqual([
      'aws-cloudtrail-stopped',
      'aws-console-brute-force',
      'aws-root-console-login',
    ]);
    expect(report.accounts).toEqual([{ id: TRAIL_ACCOUNT, alias: null }]);
  });

  it('takes title, severity and risk from the detection, and says what to do', () => {
    const detection = trail.detections.find((item) => item.id === 'aws-console-brute-force');
    const window = finding('aws-console-brute-force');
    expect(window.title).toBe(detection?.title);
    expect(window.severity).toBe('medium');
    expect(window.risk).toBe(detection?.description);
    expect(window.domain).toBe('detection');
    expect(window.remediation.text).toMatch(/disable or rotate the credentials/);
    expect(window.remediation.text).toContain('Known benign causes: Break-glass procedures.');
    expect(window.remediation.url).toBe('https://attack.mitre.org/techniques/T1078/004/');
  });

  it('carries the kept events as evidence, with how many matched', () => {
    const evidence = finding('aws-console-brute-force').evidence as {
      eventCount: number;
      events: { eventId: string }[];
      groupKey: string;
    };
    expect(evidence.eventCount).toBe(40);
    expect(evidence.events).toHaveLength(20);
    expect(evidence.events[0]?.eventId).toBe('b0000000-0000-4000-8000-000000000000');
    expect(evidence.groupKey).toBe('sourceIPAddress=203.0.113.9');
  });

  it('a finding whose events named no actor is on an unknown principal', () => {
    const anonymous = trailAsScanReport(
      trailReport([
        trailFinding({ actor: null, account: null, region: null, events: [eventEvidence({ actor: null })] }),
      ]),
    );
    expect(anonymous.findings[0]?.resource).toMatchObject({
      kind: 'principal',
      id: 'unknown',
      arn: null,
      account: 'unknown',
      region: 'unknown',
    });
  });

  describe('in the HTML report', () => {
    const html = formatHtmlReport({ report, map: null, compliance: [] });

    it('shows the trail by name, with its findings, and no account or region map', () => {
      const header = /<header class="top">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
      expect(header).toContain('<h1>onus report: examples/trail/</h1>');
      expect(header).toContain('trail examples/trail/');
      expect(header).toContain('3 failed');
      expect(header).not.toMatch(/accounts:|region\(s\)|summary-line/);
      const data = island(html);
      expect(data.accountScoped).toBe(false);
      expect(data.map).toBeNull();
      // No map (no account) and no compliance section (a trail run assesses no framework).
      expect(data.sections).toEqual(['overview', 'findings']);
      expect(data.target).toEqual({ type: 'trail', name: 'examples/trail/' });
      expect(data.findings.map((item) => item.checkId)).toEqual(report.findings.map((item) => item.checkId));
      expect(data.checks['aws-cloudtrail-stopped']).toMatchObject({
        title: 'CloudTrail logging stopped <b>&',
        severity: 'critical',
      });
    });

    it('a hostile user agent is data in the island, never markup in the page', () => {
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
      expect(scripts).toEqual([' type="application/json" id="onus-data"', '']);
      expect(html).not.toContain('<script>alert("ua")');
      expect(html).not.toContain('<b>&');
      const stopped = island(html).findings.find((item) => item.checkId === 'aws-cloudtrail-stopped');
      expect(stopped?.evidence.events[0]?.userAgent).toBe(HOSTILE_USER_AGENT);
    });

    it('a hostile trail name is escaped in the title and heading', () => {
      const named = trailAsScanReport(
        trailReport([], { target: { type: 'trail', name: 'logs/<img src=x>' } }),
      );
      const page = formatHtmlReport({ report: named, map: null, compliance: [] });
      expect(page).toContain('<h1>onus report: logs/&lt;img src=x&gt;</h1>');
      expect(page).not.toContain('<img src=x>');
      expect(island(page).findings).toEqual([]);
    });
  });

  describe('in the findings store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-trail-store-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('is recorded as a trail run and its findings read back whole', async () => {
      const store = await openSqliteStore(join(dir, 'onus.db'));
      try {
        const run = await store.recordRun('trail', report);
        expect(run).toMatchObject({ kind: 'trail', target: { type: 'trail', name: 'examples/trail/' } });
        expect(run.counts.FAIL).toBe(3);
        expect(run.scope.checkIds).toEqual(report.checkIds);
        const stored = await store.findingsOf(run.id);
        expect(stored.map((item) => item.fingerprint).sort()).toEqual(
          report.findings.map((item) => item.fingerprint).sort(),
        );
        const stopped = stored.find((item) => item.checkId === 'aws-cloudtrail-stopped');
        expect((stopped?.evidence as { events: { userAgent: string }[] }).events[0]?.userAgent).toBe(
          HOSTILE_USER_AGENT,
        );
      } finally {
        await store.close();
      }
    });
  });
});
