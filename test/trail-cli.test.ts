import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { ocsfProblems } from '../src/testing/formats.js';
import type { TrailFinding } from '../src/trail/types.js';
import { onus, ROOT, TEST_STORE } from './support/onus-cli.js';
import { parse } from 'yaml';

const LOGS = 'examples/trail/';

interface Expected {
  detection: string;
  account: string;
  actor: string | null;
  sourceIPAddress: string | null;
}

interface JsonReport {
  input: { files: number; events: number; digestFiles: number };
  problems: { source: string; reason: string; count: number }[];
  findings: TrailFinding[];
}

function key(
  finding: Pick<TrailFinding, 'actor' | 'account' | 'sourceIPAddress'> & { detection: string },
): string {
  return [finding.detection, finding.account, finding.actor ?? '-', finding.sourceIPAddress ?? '-'].join(' ');
}

async function trail(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await onus(['trail', '--format', 'json', '--no-store', ...args]);
  return {
    code: run.code,
    report: JSON.parse(run.stdout || '{"findings":[]}') as JsonReport,
    stderr: run.stderr,
  };
}

function record(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-02T10:00:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.50',
    userAgent: 'Mozilla/5.0',
    recipientAccountId: '111122223333',
    eventID: 'e0000000-0000-4000-8000-000000000001',
    userIdentity: {
      type: 'Root',
      arn: 'arn:aws:iam::111122223333:root',
      accountId: '111122223333',
      principalId: '111122223333',
    },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'Yes' },
    ...overrides,
  };
}

describe('onus trail over the shipped example', () => {
  it('reports every planted attack of examples/trail and nothing on its benign traffic', async () => {
    const { code, report } = await trail([LOGS]);
    expect(code).toBe(3);
    const expected = (
      parse(readFileSync(join(ROOT, 'examples/trail/expected-findings.yaml'), 'utf8')) as Expected[]
    )
      .map(key)
      .sort();
    // An expected actor of null: the window's events have no one actor (spraying from one address), so any.
    const anyActor = new Set(
      (parse(readFileSync(join(ROOT, 'examples/trail/expected-findings.yaml'), 'utf8')) as Expected[])
        .filter((entry) => entry.actor === null)
        .map((entry) => entry.detection),
    );
    const found = report.findings
      .map((finding) =>
        key({
          ...finding,
          detection: finding.detectionId,
          actor: anyActor.has(finding.detectionId) ? null : finding.actor,
        }),
      )
      .sort();
    expect(found).toEqual(expected);
    expect(report.input.digestFiles).toBe(1);
    expect(report.input.events).toBeGreaterThan(3000);
    expect(report.problems).toEqual([]);
  });

  it('finds the same, with the same evidence, whether files are shared between threads or read in one', async () => {
    const [threads, single] = await Promise.all([
      trail([LOGS, '--workers', '2']),
      trail([LOGS, '--workers', '0']),
    ]);
    const strip = (report: JsonReport) => report.findings.map((finding) => ({ ...finding }));
    expect(strip(threads.report)).toEqual(strip(single.report));
    expect(threads.report.findings.length).toBeGreaterThan(20);
    // Every file read once, whether sent a few to a message or one by one.
    expect(threads.report.input).toEqual(single.report.input);
  });

  it('gives each finding its matching events as evidence: id, time, actor, source IP, region, user agent', async () => {
    const { report } = await trail([LOGS]);
    const brute = report.findings.find((finding) => finding.detectionId === 'trail-console-brute-force');
    expect(brute?.eventCount).toBeGreaterThanOrEqual(20);
    expect(brute?.events.length).toBe(20);
    expect(brute?.events[0]).toEqual(
      expect.objectContaining({
        eventId: expect.any(String),
        eventTime: expect.stringMatching(/^2026-/),
        eventName: 'ConsoleLogin',
        sourceIPAddress: brute?.sourceIPAddress,
        awsRegion: expect.any(String),
        userAgent: expect.any(String),
      }),
    );
  });

  it('keeps to --since, --until and --account', async () => {
    const all = await trail([LOGS]);
    const narrowed = await trail([
      LOGS,
      '--since',
      '2026-11-03',
      '--until',
      '2026-11-03',
      '--account',
      '111122223333',
    ]);
    expect(narrowed.report.input.events).toBeLessThan(all.report.input.events);
    for (const finding of narrowed.report.findings) {
      expect(finding.account).toBe('111122223333');
      expect(finding.firstSeen?.startsWith('2026-11-03')).toBe(true);
    }
  });
});

describe('onus trail formats', () => {
  it('writes valid OCSF Detection Findings, ASFF and a single-file HTML report, and records the run', async () => {
    const [ocsf, asff, html] = await Promise.all(
      ['ocsf', 'asff', 'html'].map((format) => onus(['trail', LOGS, '--format', format, '--no-store'])),
    );
    const events = JSON.parse(ocsf?.stdout ?? '[]') as Record<string, unknown>[];
    expect(events.length).toBeGreaterThan(20);
    for (const event of events) expect(ocsfProblems(event, 'detection_finding')).toEqual([]);
    const findings = JSON.parse(asff?.stdout ?? '[]') as { Types: string[]; AwsAccountId: string }[];
    expect(findings.length).toBe(events.length);
    expect(findings.every((finding) => /^\d{12}$/.test(finding.AwsAccountId))).toBe(true);
    expect(html?.stdout).toMatch(/^<!doctype html>/i);
    expect(html?.stdout).toContain('trail-console-brute-force');

    const store = join(mkdtempSync(join(tmpdir(), 'onus-trail-store-')), 'onus.db');
    const recorded = await onus(['trail', LOGS, '--store', store, '-q', '--format', 'json']);
    expect(recorded.code).toBe(3);
    const history = await onus(['history', '--store', store]);
    expect(history.stdout).toMatch(/trail/);
  });
});

describe('onus trail inputs', () => {
  it('reads NDJSON on stdin', () => {
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const lines = [record({}), record({ eventID: 'e2', eventTime: '2026-11-02T10:05:00Z' })].map((event) =>
      JSON.stringify(event),
    );
    const run = spawnSync(
      process.execPath,
      ['--import', tsx, join(ROOT, 'src/cli/bin.ts'), 'trail', '-', '--format', 'json', '--no-store'],
      {
        input: `${lines.join('\n')}\n`,
        encoding: 'utf8',
        env: { ...process.env, ONUS_DATABASE_URL: TEST_STORE },
      },
    );
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as JsonReport;
    const root = report.findings.find((finding) => finding.detectionId === 'trail-root-console-login');
    expect(root).toMatchObject({
      eventCount: 2,
      actor: 'arn:aws:iam::111122223333:root',
      sourceIPAddress: '203.0.113.50',
    });
  });

  it('counts bad input per file (truncated gzip, invalid JSON, records missing fields), exits 2, and still reports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-trail-bad-'));
    const good = gzipSync(JSON.stringify({ Records: [record({})] }));
    writeFileSync(join(dir, 'good.json.gz'), good);
    const truncated = gzipSync(JSON.stringify({ Records: Array.from({ length: 50 }, () => record({})) }));
    writeFileSync(join(dir, 'truncated.json.gz'), truncated.subarray(0, Math.floor(truncated.length / 2)));
    writeFileSync(join(dir, 'broken.json'), '{"Records": [ {"eventName": ');
    writeFileSync(
      join(dir, 'partial.json'),
      JSON.stringify({ Records: [record({}), { eventName: 'ListBuckets' }, { eventName: 'GetObject' }] }),
    );
    const { code, report, stderr } = await trail([dir]);
    expect(code).toBe(2);
    expect(report.findings.some((finding) => finding.detectionId === 'trail-root-console-login')).toBe(true);
    const problems = Object.fromEntries(
      report.problems.map((problem) => [problem.source.split('/').pop(), problem]),
    );
    expect(Object.keys(problems).sort()).toEqual(['broken.json', 'partial.json', 'truncated.json.gz']);
    expect(problems['partial.json']?.count).toBe(2);
    expect(stderr).toMatch(/partial\.json: .*eventTime.*\(2 times\)/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('runs users rules from --rules and says in one line which rule file is broken', async () => {
    const rules = mkdtempSync(join(tmpdir(), 'onus-trail-rules-'));
    writeFileSync(
      join(rules, 'bucket-listing.yml'),
      [
        'title: Someone listed the buckets',
        'id: custom-list-buckets',
        'level: low',
        'tags: [attack.discovery, attack.t1619]',
        'logsource: { product: aws, service: cloudtrail }',
        'detection:',
        '  selection:',
        '    eventName: ListBuckets',
        '  condition: selection',
      ].join('\n'),
    );
    mkdirSync(join(rules, 'more'));
    writeFileSync(
      join(rules, 'more', 'broken.yml'),
      'title: broken\ndetection:\n  sel:\n    eventName|nosuch: x\n  condition: sel\n',
    );
    const logs = mkdtempSync(join(tmpdir(), 'onus-trail-logs-'));
    writeFileSync(
      join(logs, 'a.json'),
      JSON.stringify({
        Records: [
          record({
            eventName: 'ListBuckets',
            eventSource: 's3.amazonaws.com',
            userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/ann' },
          }),
        ],
      }),
    );
    const { code, report, stderr } = await trail([logs, '--rules', rules]);
    expect(code).toBe(2);
    expect(report.findings.map((finding) => finding.detectionId)).toContain('custom-list-buckets');
    expect(stderr).toMatch(/broken\.yml.*nosuch/);
  });

  it('lists the bundled detections with severity and MITRE technique', async () => {
    const run = await onus(['trail', '--list']);
    expect(run.code).toBe(0);
    const ids = run.stdout.split('\n').filter((line) => line.startsWith('trail-'));
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const line of ids)
      expect(line).toMatch(/^trail-[a-z0-9-]+\s+(critical|high|medium|low|info)\s+\w+\s+T\d{4}/);
  });

  it('ends quietly when the reader of its output stops early (| head)', () => {
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const run = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" --import ${tsx} src/cli/bin.ts trail ${LOGS} --no-store -q --format json | head -n 1`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ONUS_DATABASE_URL: TEST_STORE } },
    );
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('refuses a bad --since in one line', async () => {
    const run = await onus(['trail', LOGS, '--since', 'yesterday-ish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--since/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
