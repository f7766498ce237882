import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFinding, testReport } from '../src/findings/store/contract.js';
import { openStore } from '../src/findings/store/open.js';
import type { RunRecord, Store } from '../src/findings/store/types.js';
import { formatHtmlReport } from '../src/formats/html-report.js';
import { startServer, type Serving } from '../src/serve/server.js';

/**
 * `onus serve` and the report's trend in a real browser: Debian's `chromium` driven by playwright-core, as in
 * html-report.browser.test.ts. Skipped where no Chromium is installed, except in CI, where that fails the run.
 */
const CHROMIUM = process.env.ONUS_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)`);
}

const XSS = '<img src=x onerror=alert(1)>';

interface Opened {
  page: Page;
  problems: string[];
  dialogs: string[];
  requests: string[];
}

describe.skipIf(!available)('onus serve in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let store: Store;
  let serving: Serving;
  const runs: RunRecord[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    dir = mkdtempSync(join(tmpdir(), 'onus-serve-browser-'));
    const file = join(dir, 'onus.db');
    const writer = await openStore({ store: file });
    // Three runs of one scope: FAIL 3, 2, 1; the NOT_EVALUATED one is evaluated by the last.
    const statuses = [
      ['FAIL', 'FAIL', 'FAIL', 'NOT_EVALUATED'],
      ['FAIL', 'FAIL', 'PASS', 'NOT_EVALUATED'],
      ['FAIL', 'PASS', 'PASS', 'PASS'],
    ] as const;
    for (const [day, row] of statuses.entries()) {
      const findings = ['s3.public', 's3.tls', 's3.versioning', 's3.logging'].map((checkId, index) =>
        testFinding(checkId, row[index] ?? 'PASS', index === 0 ? XSS : 'bucket-a'),
      );
      runs.push(
        await writer.recordRun(
          'scan',
          testReport(findings, { generatedAt: `2026-06-0${String(day + 1)}T12:00:00.000Z` }),
        ),
      );
    }
    await writer.close();
    store = await openStore({ store: file, create: false });
    serving = await startServer({ store, host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await browser.close();
    await serving.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const opened: Opened = { page, problems: [], dialogs: [], requests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(message.text());
    });
    page.on('pageerror', (error) => opened.problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => opened.requests.push(request.url()));
    await page.addInitScript(
      "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
    );
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    return opened;
  }

  async function clean(opened: Opened, url: string): Promise<void> {
    expect(await opened.page.evaluate<string[]>('window.cspViolations')).toEqual([]);
    expect(opened.problems).toEqual([]);
    expect(opened.dialogs).toEqual([]);
    expect(opened.requests).toEqual([url]);
  }

  it('renders a stored run as the report, with a trend chart of its 3 runs and their table', async () => {
    const last = runs[2] as RunRecord;
    const url = `${serving.url}runs/${last.id}`;
    const opened = await open(url);
    const { page } = opened;
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.locator('h1').textContent()).toBe('onus report: inventory.json');
    expect(await page.locator('header .note').textContent()).toContain('needs the run’s inventory');
    expect(await page.locator('#map .empty').first().textContent()).toBe('No map in this report.');
    expect(await page.locator('.fw').count()).toBeGreaterThan(0);
    expect(await page.locator('table.findings tbody tr').count()).toBe(4);

    expect(await page.locator('#chart-trend svg rect.trend-fail').count()).toBe(3);
    expect(await page.locator('#chart-trend svg circle.trend-cov').count()).toBe(3);
    expect(await page.locator('#chart-trend svg polyline.trend-line').count()).toBe(1);
    const heights: number[] = [];
    for (const rect of await page.locator('#chart-trend svg rect.trend-fail').all()) {
      heights.push(Number(await rect.getAttribute('height')));
    }
    expect(heights[0]).toBeGreaterThan(heights[1] ?? Infinity);
    expect(heights[1]).toBeGreaterThan(heights[2] ?? Infinity);
    const rows = await page.locator('#trend-table tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.slice(0, last.id.length))).toEqual(runs.map((run) => run.id));
    expect(await page.locator('#chart-trend figcaption').textContent()).toContain(
      'FAIL 3 → 1, coverage 75% → 100%',
    );
    expect(await page.locator('nav.sections a[href="#trend"]').count()).toBe(1);
    // The attacker's bucket name is text.
    await page.fill('#filter-q', 'onerror');
    await page.press('#filter-q', 'Enter');
    expect(await page.locator('table.findings tbody tr td.res').first().textContent()).toContain(XSS);
    expect(await page.locator('img').count()).toBe(0);
    await clean(opened, url);
    await page.close();
  });

  it('a run page and a diff page lead back to the runs: the first Tab reaches the link, Enter follows it', async () => {
    const runPage = await open(`${serving.url}runs/${(runs[0] as RunRecord).id}`);
    await runPage.page.waitForSelector('html[data-ready="true"]');
    await runPage.page.keyboard.press('Tab');
    expect(await runPage.page.evaluate<string>('document.activeElement.textContent')).toBe('← All runs');
    await runPage.page.keyboard.press('Enter');
    await runPage.page.waitForSelector('#runs');
    expect(runPage.page.url()).toBe(serving.url);
    await runPage.page.close();

    const diffPage = await open(`${serving.url}diff`);
    await diffPage.page.keyboard.press('Tab');
    expect(await diffPage.page.evaluate<string>("document.activeElement.getAttribute('href')")).toBe('/');
    await diffPage.page.keyboard.press('Enter');
    await diffPage.page.waitForSelector('#runs');
    expect(diffPage.page.url()).toBe(serving.url);
    await diffPage.page.close();
  });

  it('shows the runs list and the diff, with no script at all', async () => {
    const opened = await open(serving.url);
    const { page } = opened;
    expect(await page.locator('#runs tbody tr').count()).toBe(3);
    await page.locator('#runs tbody tr').first().getByRole('link', { name: 'vs previous' }).click();
    await page.waitForSelector('#resolved');
    expect(await page.locator('#resolved h2').textContent()).toBe('Resolved (1)');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate<string[]>('window.cspViolations')).toEqual([]);
    expect(opened.problems).toEqual([]);
    expect(opened.dialogs).toEqual([]);
    await page.close();
  });

  it('a report without a trend has no trend chart', async () => {
    const file = join(dir, 'no-trend.html');
    writeFileSync(
      file,
      formatHtmlReport({ report: testReport([testFinding('s3.public', 'FAIL')]), map: null, compliance: [] }),
    );
    const url = pathToFileURL(file).href;
    const opened = await open(url);
    await opened.page.waitForSelector('html[data-ready="true"]');
    expect(await opened.page.locator('#trend').count()).toBe(0);
    expect(await opened.page.locator('nav.sections a[href="#trend"]').count()).toBe(0);
    await clean(opened, url);
    await opened.page.close();
  });
});
