/**
 * Whether the HTML report of a large scan opens and filters smoothly.
 *
 *   npm run bench:html [-- --findings 50000 --runs 5]
 *
 * Builds a report of 50,000 findings (the demo account's 925 results repeated over renamed resources, with the
 * demo's map and every framework assessed on the large scan), opens it in headless Chromium (Debian's
 * `chromium`, driven by playwright-core) from a file:// URL, and times:
 *   - load to first render: navigation start to the end of the first render (charts, map, compliance, the
 *     first 200 rows of the table);
 *   - a filter change (status = FAIL) and a search, from the event to the next frame.
 * Lower bounds measured in the same run: a bare page of the same bytes whose only script JSON.parses the same
 * island (loading and parsing cannot be avoided), and the same filter as one Array.filter over the parsed
 * findings. The ratios say what the report adds on top of them. Goal: first render within 1.5x of the bare
 * page, and a filter change within a few frames (under 250 ms) on the project's shared 2-core machine.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { Finding } from '../src/core/finding.js';
import { summarize } from '../src/core/summary.js';
import { formatHtmlReport, htmlReportData } from '../src/formats/html-report.js';
import { demoReport } from '../test/html-report.fixtures.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1] ?? fallback) : fallback;
}
const FINDINGS = arg('--findings', 50_000);
const RUNS = arg('--runs', 5);
const CHROMIUM = process.env.ONUS_CHROMIUM ?? '/usr/bin/chromium';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const demo = await demoReport();
  const base = demo.report.findings;
  const findings: Finding[] = [];
  for (let i = 0; findings.length < FINDINGS; i++) {
    const finding = base[i % base.length] as Finding;
    const copy = Math.floor(i / base.length);
    const name = copy === 0 ? finding.resource.name : `${finding.resource.name}-${copy}`;
    findings.push({
      ...finding,
      resource: { ...finding.resource, id: `${finding.resource.id}-${copy}`, name },
      fingerprint: `${finding.fingerprint.slice(0, 24)}${copy.toString(16).padStart(8, '0')}`,
    });
  }
  const report = { ...demo.report, findings, summary: summarize(findings) };
  const started = performance.now();
  const html = formatHtmlReport(htmlReportData(report, demo.map));
  const formatMs = performance.now() - started;

  const dir = mkdtempSync(join(tmpdir(), 'onus-bench-html-'));
  const reportFile = join(dir, 'report.html');
  writeFileSync(reportFile, html);
  const island = /<script type="application\/json" id="onus-data">[\s\S]*?<\/script>/.exec(html)?.[0] ?? '';
  const bare = [
    '<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body>',
    island,
    '<script>var t0=performance.now();var d=JSON.parse(document.getElementById("onus-data").textContent);',
    'window.onusFindings=d.findings;document.documentElement.setAttribute("data-parse-ms",String(performance.now()-t0));',
    'document.documentElement.setAttribute("data-ready-at",String(performance.now()));',
    'document.documentElement.setAttribute("data-ready","true");</script>',
    // Padding to the report's size: the browser reads as many bytes.
    `<!--${' '.repeat(Math.max(0, html.length - island.length - 600))}-->`,
    '</body></html>',
  ].join('\n');
  const bareFile = join(dir, 'bare.html');
  writeFileSync(bareFile, bare);
  const bytes = statSync(reportFile).size;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const readyAt = async (page: Page, file: string): Promise<number> => {
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
    return Number(await page.getAttribute('html', 'data-ready-at'));
  };
  /** From the input event to the next frame, inside the page (a string: the bench compiles without DOM types). */
  const change = (page: Page, selector: string, value: string, event: string): Promise<number> =>
    page.evaluate<number>(`new Promise((resolve) => {
      const control = document.querySelector(${JSON.stringify(selector)});
      const t0 = performance.now();
      control.value = ${JSON.stringify(value)};
      control.dispatchEvent(new Event(${JSON.stringify(event)}));
      if (${JSON.stringify(event)} === 'input') control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    })`);

  const first: number[] = [];
  const parse: number[] = [];
  const filter: number[] = [];
  const search: number[] = [];
  const script: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    first.push(await readyAt(page, reportFile));
    filter.push(await change(page, '#filter-status', 'FAIL', 'change'));
    script.push(Number(await page.getAttribute('html', 'data-filter-ms')));
    await change(page, '#filter-status', '', 'change');
    search.push(await change(page, '#filter-q', 'public bucket', 'input'));
    await page.close();

    const barePage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    parse.push(await readyAt(barePage, bareFile));
    plain.push(
      await barePage.evaluate<number>(`(() => {
        const t0 = performance.now();
        window.failed = window.onusFindings.filter((f) => f.status === 'FAIL').length;
        return performance.now() - t0;
      })()`),
    );
    await barePage.close();
  }
  await browser.close();

  const firstMs = median(first);
  const parseMs = median(parse);
  const filterMs = median(filter);
  const plainMs = Math.max(median(plain), 0.1);
  console.log(`HTML report, ${FINDINGS.toLocaleString('en-US')} findings, median of ${RUNS} runs (Chromium)`);
  console.log(
    `  file size                       ${(bytes / 1_048_576).toFixed(1)} MiB (formatted in ${ms(formatMs)})`,
  );
  console.log(
    `  load to first render            ${ms(firstMs)}   bare page of the same bytes, JSON.parse only: ${ms(parseMs)}   ratio ${(firstMs / parseMs).toFixed(2)}`,
  );
  console.log(
    `  filter change (status = FAIL)   ${ms(filterMs)}   one Array.filter over the parsed findings: ${plainMs.toFixed(1)} ms   (to the next frame; ${ms(median(script))} of it in the script, 200 rows built)`,
  );
  console.log(
    `  search ("public bucket")        ${ms(median(search))}   (first search also builds the search index)`,
  );
}

await main();
