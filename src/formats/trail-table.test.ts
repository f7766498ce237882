import { describe, expect, it } from 'vitest';

import {
  ATTACKER_IP,
  eventEvidence,
  HOSTILE_USER_AGENT,
  sampleTrailReport,
  TRAIL_ACCOUNT,
  trailFinding,
  trailReport,
} from '../testing/trail.js';
import { COLOURS } from './ansi.js';
import { formatTrailTable, terminalSafe } from './trail-table.js';

/** The finding blocks of a table: each starts with the severity in capitals at the start of a line. */
function blocks(text: string): string[] {
  return text.split('\n\n').filter((part) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO) /.test(part));
}

describe('onus trail as a table', () => {
  const text = formatTrailTable(sampleTrailReport());

  it('shows the most severe finding first, each as a block with who, from where, when and what', () => {
    const found = blocks(text);
    expect(found.map((block) => block.split('  ')[0])).toEqual(['CRITICAL', 'HIGH', 'MEDIUM']);
    const root = found[1] ?? '';
    expect(root).toContain('Root user console sign-in');
    expect(root).toContain('aws-root-console-login');
    expect(root).toContain(`root signed in from ${ATTACKER_IP}`);
    expect(root).toMatch(new RegExp(`actor +arn:aws:iam::${TRAIL_ACCOUNT}:root`));
    expect(root).toMatch(new RegExp(`source IP +${ATTACKER_IP.replace(/\./g, '\\.')}`));
    expect(root).toMatch(new RegExp(`where +us-east-1 · account ${TRAIL_ACCOUNT}`));
    expect(root).toMatch(/seen +2026-11-20T10:00:00Z to 2026-11-20T10:00:00Z/);
    expect(root).toMatch(/events +1\n/);
    expect(root).toMatch(/MITRE +T1078\.004 \(initial-access\)/);
    expect(root).toMatch(/event ids +e0000000-0000-4000-8000-000000000001$/);
  });

  it('a windowed finding says how many events matched, how many were kept, and lists three event ids', () => {
    const window = blocks(text)[2] ?? '';
    expect(window).toMatch(/grouped by +sourceIPAddress=203\.0\.113\.9/);
    expect(window).toMatch(/events +40, 20 kept as evidence/);
    expect(window).toMatch(/seen +2026-11-20T10:00:00Z to 2026-11-20T10:39:00Z/);
    const ids = /event ids +(.*)$/.exec(window)?.[1] ?? '';
    expect(ids).toBe(
      'b0000000-0000-4000-8000-000000000000, b0000000-0000-4000-8000-000000000001, b0000000-0000-4000-8000-000000000002 and 37 more',
    );
  });

  it('among findings of equal severity the older comes first', () => {
    const later = trailFinding({
      detectionId: 'later',
      firstSeen: '2026-11-21T00:00:00Z',
      fingerprint: 'a'.repeat(32),
    });
    const earlier = trailFinding({
      detectionId: 'earlier',
      firstSeen: '2026-11-20T00:00:00Z',
      fingerprint: 'b'.repeat(32),
    });
    const found = blocks(formatTrailTable(trailReport([later, earlier])));
    expect(found.map((block) => / {2}(\S+)\n/.exec(block)?.[1])).toEqual(['earlier', 'later']);
  });

  it('ends with what was read, the findings by severity, and each source that could not be read whole', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual([
      '1234 events read from 3 files (1 digest file skipped) · 3 findings: critical 1 · high 1 · medium 1 · low 0 · info 0',
      'Could not read all of 1 source:',
      '  AWSLogs/broken.json.gz: truncated gzip (12 lost)',
    ]);
  });

  it('says so when nothing matched', () => {
    const empty = formatTrailTable(trailReport([], { detections: sampleTrailReport().detections }));
    expect(empty).toContain('No findings: none of the 3 detections matched the 1234 events read.');
    expect(blocks(empty)).toEqual([]);
    expect(empty.trimEnd().split('\n').at(-1)).toBe(
      '1234 events read from 3 files (1 digest file skipped) · 0 findings: critical 0 · high 0 · medium 0 · low 0 · info 0',
    );
  });

  it('a finding whose events named no actor, IP or region says unknown rather than leaving a gap', () => {
    const anonymous = trailFinding({
      events: [eventEvidence({ actor: null, sourceIPAddress: null, awsRegion: null, account: null })],
      firstSeen: null,
      lastSeen: null,
    });
    const block = blocks(formatTrailTable(trailReport([anonymous])))[0] ?? '';
    expect(block).toMatch(/actor +unknown/);
    expect(block).toMatch(/source IP +unknown/);
    expect(block).toMatch(/where +unknown region · account unknown/);
    expect(block).toMatch(/seen +unknown to unknown/);
  });

  describe('text an attacker wrote cannot take over the terminal', () => {
    it('escape sequences and line breaks from the logs are shown, not obeyed', () => {
      expect(text).not.toContain('\u001b');
      expect(text).toContain('\\x1b[2J\\x1b[31mred');
      // The user agent's line break does not start a line of its own.
      expect(text.split('\n').some((line) => line.startsWith('line2'))).toBe(false);
      expect(text).toContain('CloudTrail logging stopped <b>&');
    });

    it('no field of a forged log reaches the terminal raw, whichever field it is', () => {
      const forge = <T>(value: T): T => {
        if (typeof value === 'string') return `${value}\u001b]0;pwned\u0007\r` as T;
        if (Array.isArray(value)) return value.map(forge) as T;
        if (typeof value !== 'object' || value === null) return value;
        // Severity is onus's own enum, not text from the logs.
        return Object.fromEntries(
          Object.entries(value).map(([key, item]) => [key, key === 'severity' ? item : forge(item)]),
        ) as T;
      };
      const forged = formatTrailTable(forge(sampleTrailReport()));
      // eslint-disable-next-line no-control-regex
      expect(forged).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(forged).toContain('\\x1b]0;pwned\\x07\\x0d');
    });

    it('in colour, the only escape sequences are the report’s own colours', () => {
      const coloured = formatTrailTable(sampleTrailReport(), { paint: COLOURS });
      expect(coloured).toContain('\u001b[31m');
      // eslint-disable-next-line no-control-regex
      const withoutOwnColours = coloured.replace(/\u001b\[(?:1|2|22|31|32|33|35|36|39)m/g, '');
      expect(withoutOwnColours).not.toContain('\u001b');
      expect(withoutOwnColours).toBe(text);
    });

    it('terminalSafe shows every control character as \\xNN and leaves the rest alone', () => {
      expect(terminalSafe(HOSTILE_USER_AGENT)).toBe(
        '<script>alert("ua")</script>\\x1b[2J\\x1b[31mred\\ & \'q\'\\x0aline2',
      );
      expect(terminalSafe('tab\there, DEL\u007f, C1\u009b, é ✓')).toBe(
        'tab\\x09here, DEL\\x7f, C1\\x9b, é ✓',
      );
    });
  });
});
