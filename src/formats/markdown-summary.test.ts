import { describe, expect, it } from 'vitest';

import { HOSTILE_NAME, hostileReport, KEY_ID, manyFailures, SECRET_KEY } from '../testing/formats.js';
import { formatMarkdownSummary, GITHUB_COMMENT_LIMIT } from './markdown-summary.js';

const report = hostileReport();
const text = formatMarkdownSummary(report);

function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !/^\| (Check|Severity|Reason) \|/.test(line));
}

describe('Markdown summary', () => {
  it('opens with the responsibility line, coverage and failures by severity', () => {
    expect(text).toContain(report.responsibility?.summary ?? 'missing');
    const { coverage } = report.summary;
    expect(text).toContain(`${coverage.evaluated} of ${coverage.total} check × resource pairs evaluated`);
    expect(text).toContain(`| critical | ${report.summary.failedBySeverity.critical} |`);
    expect(text).toContain(`### Failed (${report.summary.totals.FAIL})`);
    expect(text).toContain('| access-denied |');
  });

  it('lists every failure, worst severity first, one escaped row each', () => {
    const headings = [...text.matchAll(/^#### (\w+) /gm)].map((match) => match[1]);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    expect(headings).toEqual([...headings].sort((a, b) => order.indexOf(a ?? '') - order.indexOf(b ?? '')));
    const failedRows = tableRows(text.slice(text.indexOf('### Failed'), text.indexOf('### Not evaluated')));
    expect(failedRows).toHaveLength(report.summary.totals.FAIL);
    for (const row of failedRows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
    expect(text).not.toContain(HOSTILE_NAME);
    expect(text).toContain('x"y\',z\\<b\\>&amp;amp; line2');
  });

  it('always fits the limit, cutting the least severe failures and counting them', () => {
    const big = manyFailures(report, 5_000);
    const full = formatMarkdownSummary(big);
    expect(full.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    for (const limit of [3_000, 20_000, GITHUB_COMMENT_LIMIT]) {
      const cut = formatMarkdownSummary(big, { maxLength: limit });
      expect(cut.length).toBeLessThanOrEqual(limit);
      const shown = tableRows(cut.slice(cut.indexOf('### Failed'))).length;
      expect(cut).toContain(`…and ${5_000 - shown} more failed finding(s)`);
      expect(cut).toContain('#### critical (1250)');
    }
    expect(formatMarkdownSummary(big, { maxLength: 100 }).length).toBeLessThanOrEqual(100);
  });

  it('keeps the secret redacted', () => {
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain(SECRET_KEY);
  });
});
