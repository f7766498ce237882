import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatHtmlReport, jsonIsland, REPORT_CSP } from '../src/formats/html-report.js';
import { escapeHtml } from '../src/formats/text.js';
import { REPORT_SCRIPT } from '../src/formats/html-report/app.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { demoReport, iacReport } from './html-report.fixtures.js';
import { onus } from './support/onus-cli.js';

const island = (html: string): unknown =>
  JSON.parse(
    /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
  );

describe('the HTML report (without a browser)', () => {
  it('escapes the JSON island so no value can close the script element', () => {
    const island = jsonIsland({ a: '</script><script>alert(1)</script>', b: '<!-- & \u2028\u2029 >' });
    expect(island).not.toMatch(/[<>&\u2028\u2029]/);
    expect(island).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(island)).toEqual({
      a: '</script><script>alert(1)</script>',
      b: '<!-- & \u2028\u2029 >',
    });
  });

  it('allows exactly its own script by hash, and the script never writes HTML', async () => {
    const html = formatHtmlReport(await demoReport());
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((match) => match[1])).toEqual([' type="application/json" id="onus-data"', '']);
    const code = scripts[1]?.[2] ?? '';
    expect(code).toBe(REPORT_SCRIPT);
    const hash = createHash('sha256').update(code, 'utf8').digest('base64');
    expect(REPORT_CSP).toContain(`script-src 'sha256-${hash}'`);
    expect(REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(REPORT_SCRIPT).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
    );
    // It parses as a script (vm compiles without running it).
    expect(() => new Script(REPORT_SCRIPT)).not.toThrow();
    // Nothing outside the file: no URL the browser would fetch.
    const page = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(/<(link|img|iframe|object|embed)\b|src=|@import|url\(/i.exec(page)?.[0]).toBeUndefined();
  });

  it('carries the map and every shipped framework', async () => {
    const data = await demoReport();
    expect(data.compliance.map((c) => c.framework.id)).toEqual(FRAMEWORKS.map((f) => f.id));
    const island = /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(
      formatHtmlReport(data),
    )?.[1];
    const parsed = JSON.parse(island ?? '{}');
    expect(parsed.findings).toHaveLength(data.report.findings.length);
    expect(parsed.map.services).toHaveLength(data.map.services.length);
    expect(parsed.frameworks).toHaveLength(FRAMEWORKS.length);
  });

  it('onus scan --format html writes the page', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'onus-html-')), 'report.html');
    const run = await onus([
      'scan',
      '--demo',
      '--format',
      'html',
      '--fail-on',
      'none',
      '-o',
      file,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.includes('id="onus-data"')).toBe(true);
    expect(/You use \d+ services/.test(html)).toBe(true);
  });

  it('a report of code (target iac) claims no account, no regions and no map', () => {
    const html = formatHtmlReport(iacReport());
    const header = /<header class="top">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
    expect(header).toContain('<h1>onus report: infra/</h1>');
    expect(header).toContain('iac infra/ · 3 resources · coverage');
    expect(header).not.toMatch(/accounts:|region\(s\)|summary-line/);
    const nav = /<nav class="sections"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect([...nav.matchAll(/href="#(\w+)"/g)].map((match) => match[1])).toEqual([
      'overview',
      'compliance',
      'findings',
    ]);
    const data = island(html) as { sections: string[]; accountScoped: boolean; map: unknown };
    expect(data.sections).toEqual(['overview', 'compliance', 'findings']);
    expect(data.accountScoped).toBe(false);
    expect(data.map).toBeNull();
  });

  it('onus compliance --format html writes the report opening on the framework, with the checks behind each requirement', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'onus-html-')), 'cis.html');
    const run = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'html', '-o', file, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    const cis = FRAMEWORKS.find((framework) => framework.id === 'cis-5.0');
    if (!cis) throw new Error('no cis-5.0');
    expect(html).toContain(
      `<h1>onus compliance: ${cis.name} v${cis.version} · examples/demo-account.json</h1>`,
    );
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}"`);
    expect(/<nav class="sections"[^>]*><a href="#(\w+)"/.exec(html)?.[1]).toBe('compliance');
    const data = island(html) as {
      view: string;
      sections: string[];
      frameworks: { id: string; results: { id: string; status: string; checks: string[] }[] }[];
      map: { services: unknown[] } | null;
    };
    expect(data.view).toBe('compliance');
    expect(data.sections[0]).toBe('compliance');
    expect(data.frameworks.map((framework) => framework.id)).toEqual(['cis-5.0']);
    expect(data.frameworks[0]?.results.map((result) => [result.id, result.checks])).toEqual(
      cis.requirements.map((requirement) => [requirement.id, requirement.checks]),
    );
    expect(data.frameworks[0]?.results.some((result) => result.status === 'fail')).toBe(true);
    expect(data.map?.services.length).toBeGreaterThan(0);
  });
});
