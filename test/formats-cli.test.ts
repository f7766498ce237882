import { describe, expect, it } from 'vitest';

import { junitErrors, ocsfProblems, parseCsv, sarifValidator } from '../src/testing/formats.js';
import { onus } from './support/onus-cli.js';

/** `onus scan --demo --format X`: the demo account has failures, so the exit code is 3. */
async function demo(format: string): Promise<string> {
  const run = await onus(['scan', '--demo', '--quiet', '--format', format]);
  expect(run.code, run.stderr).toBe(3);
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('onus scan --format over the demo account', () => {
  it('ocsf: every result is a valid Compliance Finding', async () => {
    const events = JSON.parse(await demo('ocsf')) as Record<string, unknown>[];
    expect(events.length).toBeGreaterThan(100);
    const problems = events.flatMap((event) => ocsfProblems(event));
    expect(problems).toEqual([]);
    expect(events.some((event) => (event.compliance as { status_id: number }).status_id === 1)).toBe(true);
  });

  it('sarif: a valid SARIF 2.1.0 log with a result per failure', async () => {
    const log = JSON.parse(await demo('sarif')) as { runs: { results: unknown[] }[] };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.results.length).toBeGreaterThan(10);
  });

  it('csv: strict RFC 4180 with the same number of fields on every row', async () => {
    const rows = parseCsv(await demo('csv'));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row).toHaveLength(rows[0]?.length ?? -1);
  });

  it('junit: valid against the JUnit schema', async () => {
    const xml = await demo('junit');
    expect(junitErrors(xml)).toBeNull();
    expect(xml).toContain('<failure ');
  });

  it('markdown: a summary that fits a pull-request comment', async () => {
    const text = await demo('markdown');
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text).toMatch(/^## onus scan: examples\/demo-account\.json\n/);
    expect(text).toContain('**Coverage:**');
  });
});
