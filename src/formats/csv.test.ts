import { describe, expect, it } from 'vitest';

import { HOSTILE_NAME, hostileReport, KEY_ID, parseCsv, SECRET_KEY } from '../testing/formats.js';
import { CSV_COLUMNS, formatCsv } from './csv.js';

const report = hostileReport();
const text = formatCsv(report);

describe('CSV', () => {
  it('parses back under strict RFC 4180 with one row per result and the same column count on every row', () => {
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(report.findings.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('round-trips fields with commas, quotes, line breaks and control characters', () => {
    const rows = parseCsv(text).slice(1);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    report.findings.forEach((finding, index) => {
      const row = rows[index] ?? [];
      expect(row[column('fingerprint')]).toBe(finding.fingerprint);
      expect(row[column('status')]).toBe(finding.status);
      expect(row[column('message')]?.replace(/^'/, '')).toBe(finding.message);
      expect(row[column('resource_id')]?.replace(/^'/, '')).toBe(finding.resource.id);
    });
    expect(rows.some((row) => row[column('resource_id')] === HOSTILE_NAME)).toBe(true);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const rows = parseCsv(text).slice(1);
    const ids = rows.map((row) => row[CSV_COLUMNS.indexOf('resource_id')]);
    expect(ids).toContain(`'=HYPERLINK("http://evil")`);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it('keeps the secret redacted', () => {
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain(SECRET_KEY);
  });
});
