import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { Inventory } from '../src/core/inventory.js';
import type { ScanReport } from '../src/core/scan.js';
import { formatHtmlReport, type HtmlReportPage, type TrendPoint } from '../src/formats/html-report.js';
import { assessCompliance } from '../src/frameworks/compliance.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { demoInventory, iacReport, reportOf } from './html-report.fixtures.js';
import { onus } from './support/onus-cli.js';

/**
 * The HTML report in a real browser: Debian's `chromium` driven by playwright-core. Skipped where no Chromium
 * is installed, except in CI (CI is set), where a missing browser fails the run: these tests must not vanish.
 */
const CHROMIUM = process.env.ONUS_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)`);
}

const XSS_TAG = '<img src=x onerror=alert(1)>';
const XSS_BUCKET = 'evil</script><script>alert(2)</script>';
/** Page expressions are strings: the tests compile without the DOM's types. */
const ACTIVE_INDEX = "document.activeElement && document.activeElement.getAttribute('data-index')";

interface Opened {
  page: Page;
  url: string;
  problems: string[];
  dialogs: string[];
  requests: string[];
}

let browser: Browser;
let dir: string;

function write(name: string, data: HtmlReportPage): string {
  const file = join(dir, name);
  writeFileSync(file, formatHtmlReport(data));
  return file;
}

async function open(file: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const opened: Opened = { page, url, problems: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(message.text());
  });
  page.on('pageerror', (error) => opened.problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => opened.requests.push(request.url()));
  // Added through the DevTools protocol, so the page's CSP does not apply to it.
  await page.addInitScript(
    "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
  );
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return opened;
}

async function clean(opened: Opened): Promise<void> {
  const violations = await opened.page.evaluate<string[]>('window.cspViolations');
  expect(violations).toEqual([]);
  expect(opened.problems).toEqual([]);
  expect(opened.dialogs).toEqual([]);
  expect(opened.requests).toEqual([opened.url]);
}

/**
 * Six recorded runs of the demo account's scope, ending with this report's: earlier ones failing more and
 * evaluating less, as an account being fixed does. Illustrative (the store gives the real ones: serve tests).
 */
function trendOf(report: ScanReport): TrendPoint[] {
  const { totals, coverage } = report.summary;
  return [5, 4, 3, 2, 1, 0].map((back) => {
    const fail = totals.FAIL + back * 23;
    const evaluated = Math.max(0, coverage.evaluated - back * 31);
    return {
      runId: `202611${String(28 - back * 4).padStart(2, '0')}T090000Z-${(6 - back).toString(16).padStart(6, '0')}`,
      finishedAt: `2026-11-${String(28 - back * 4).padStart(2, '0')}T09:00:00.000Z`,
      counts: {
        PASS: totals.PASS - back * 23,
        FAIL: fail,
        NOT_EVALUATED: coverage.total - evaluated,
        MUTED: totals.MUTED,
      },
      coverage: coverage.total === 0 ? null : evaluated / coverage.total,
    };
  });
}

/** What the page's search matches a finding on, as the script builds it. */
function haystack(finding: Finding): string {
  const r = finding.resource;
  const tags = Object.entries(r.tags ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return [
    finding.checkId,
    finding.title,
    finding.message,
    r.name,
    r.id,
    r.arn ?? '',
    r.kind,
    r.account,
    r.region,
    finding.service,
    finding.domain,
    tags,
    finding.fingerprint,
  ]
    .join('\n')
    .toLowerCase();
}

async function matchingCount(page: Page): Promise<number> {
  const text = (await page.locator('#findings-count').textContent()) ?? '';
  const match = /of ([\d,]+) matching/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let demo: ReturnType<typeof reportOf>;
  let demoFile: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    dir = mkdtempSync(join(tmpdir(), 'onus-report-'));
    demo = reportOf(await demoInventory());
    demoFile = write('demo.html', { ...demo, trend: trendOf(demo.report) });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('renders the demo report: header, charts, map, compliance and findings, fetching nothing', async () => {
    const opened = await open(demoFile);
    const { page } = opened;
    expect(await page.locator('h1').textContent()).toContain('onus report: examples/demo-account.json');
    expect(await page.locator('header .summary-line').textContent()).toBe(demo.map.summary);
    for (const chart of ['#chart-domain', '#chart-severity', '#chart-coverage']) {
      expect(await page.locator(`${chart} svg rect`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('details.svc').count()).toBe(demo.map.services.length);
    expect(await page.locator('.fw').count()).toBe(demo.compliance.length);
    const findings = demo.report.findings.length;
    expect(await page.locator('table.findings tbody tr').count()).toBe(Math.min(200, findings));
    expect(await matchingCount(page)).toBe(findings);
    // A service's three columns render when it is opened.
    const id = await page.locator('details.svc:not([open])').first().getAttribute('id');
    const closed = page.locator(`details#${id ?? ''}`);
    await closed.locator('summary').click();
    await closed.locator('.col h4').first().waitFor();
    expect(await closed.locator('.col h4').allTextContents()).toEqual([
      expect.stringMatching(/^AWS/),
      expect.stringMatching(/^Shared/),
      expect.stringMatching(/^You/),
    ]);
    // Statuses read without colour: every badge carries its word.
    const badges = await page.locator('table.findings tbody tr td:first-child').allTextContents();
    for (const badge of badges) expect(badge).toMatch(/FAIL|PASS|NOT EVALUATED|MANUAL|MUTED/);

    // The trend of the recorded runs, the last one this report's.
    const trend = trendOf(demo.report);
    expect(await page.locator('#chart-trend svg rect.trend-fail').count()).toBe(trend.length);
    expect(await page.locator('#chart-trend figcaption').textContent()).toContain(
      `FAIL ${String(trend[0]?.counts.FAIL)} → ${String(demo.report.summary.totals.FAIL)}`,
    );

    // The README's screenshot: the header, the overview and the trend.
    await page.evaluate('window.scrollTo(0, 0)');
    const shot = process.env.ONUS_SCREENSHOT ? resolve(process.env.ONUS_SCREENSHOT) : join(dir, 'report.png');
    mkdirSync(dirname(shot), { recursive: true });
    const bottom = await page.evaluate<number>(
      "Math.ceil(document.getElementById('trend').getBoundingClientRect().bottom + window.scrollY) + 16",
    );
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: bottom } });
    expect(existsSync(shot)).toBe(true);
    await clean(opened);
    await page.close();
  });

  it('filters combine: status, service and search text narrow the rows; sorting and clearing work', async () => {
    const opened = await open(demoFile);
    const { page } = opened;
    const all = demo.report.findings;
    await page.selectOption('#filter-status', 'FAIL');
    const failed = all.filter((f) => f.status === 'FAIL');
    expect(await matchingCount(page)).toBe(failed.length);
    for (const badge of await page.locator('table.findings tbody tr td:first-child').allTextContents())
      expect(badge).toContain('FAIL');

    await page.selectOption('#filter-service', 's3');
    const s3 = failed.filter((f) => f.service === 's3');
    expect(s3.length).toBeGreaterThan(1);
    expect(await matchingCount(page)).toBe(s3.length);

    const term = s3.find((f) => f.resource.kind === 's3.bucket')?.resource.name ?? '';
    await page.fill('#filter-q', term);
    await page.press('#filter-q', 'Enter');
    const searched = s3.filter((f) => haystack(f).includes(term.toLowerCase()));
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.length).toBeLessThan(s3.length);
    expect(await matchingCount(page)).toBe(searched.length);
    for (const cell of await page.locator('table.findings tbody tr td.res').allTextContents())
      expect(cell.toLowerCase()).toContain(term.toLowerCase());

    await page.selectOption('#filter-severity', 'info');
    expect(await matchingCount(page)).toBe(0);

    await page.click('#filter-reset');
    expect(await matchingCount(page)).toBe(all.length);

    // Framework filter: only findings of checks a CIS 5.0 requirement cites.
    const cis = demo.compliance.find((c) => c.framework.id === 'cis-5.0');
    const cited = new Set(cis?.results.flatMap((r) => r.requirement.checks));
    await page.selectOption('#filter-framework', 'cis-5.0');
    expect(await matchingCount(page)).toBe(all.filter((f) => cited.has(f.checkId)).length);
    await page.click('#filter-reset');

    await page.click('table.findings th[data-key="region"] button');
    expect(await page.getAttribute('table.findings th[data-key="region"]', 'aria-sort')).toBe('ascending');
    const regions = await page.locator('table.findings tbody tr td:nth-child(6)').allTextContents();
    expect(regions).toEqual([...regions].sort());
    await page.click('table.findings th[data-key="region"] button');
    expect(await page.getAttribute('table.findings th[data-key="region"]', 'aria-sort')).toBe('descending');

    await page.click('button.more');
    expect(await page.locator('table.findings tbody tr').count()).toBe(Math.min(400, all.length));
    await clean(opened);
    await page.close();
  });

  it('opens the detail panel from the keyboard and closes it with Escape', async () => {
    const opened = await open(demoFile);
    const { page } = opened;
    await page.focus('#filter-reset');
    // Tab goes through the sort buttons to the table's one focusable row.
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>(ACTIVE_INDEX)).not.toBeNull();
    await page.keyboard.press('ArrowDown');
    const index = Number(await page.evaluate<string | null>(ACTIVE_INDEX));
    await page.keyboard.press('Enter');
    const panel = page.locator('#detail');
    expect(await panel.isVisible()).toBe(true);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('detail-title');
    const finding = demo.report.findings[index];
    expect(finding).toBeDefined();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(finding?.message);
    expect(text).toContain(finding?.fingerprint);
    expect(text).toContain('Evidence');
    expect(text).toContain('Remediation');
    if (finding?.remediation.cli)
      expect(await panel.locator('pre').allTextContents()).toContain(finding.remediation.cli);
    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate<string | null>(ACTIVE_INDEX)).toBe(String(index));
    await page.keyboard.press(' ');
    expect(await panel.isVisible()).toBe(true);
    await page.click('#detail .close');
    expect(await panel.isVisible()).toBe(false);
    await clean(opened);
    await page.close();
  });

  it('renders hostile values as text: no script runs, no element is injected', async () => {
    const inventory = structuredClone<Inventory>(await demoInventory());
    const bucket = inventory.accounts
      .flatMap((account) => account.regions.flatMap((region) => region.resources))
      .find((resource) => resource.kind === 's3.bucket');
    if (!bucket) throw new Error('the demo account has no bucket');
    bucket.id = XSS_BUCKET;
    (bucket.attributes as { name?: string }).name = XSS_BUCKET;
    bucket.tags = { owner: XSS_TAG, [XSS_TAG]: 'key too' };
    const data = reportOf(inventory, `demo ${XSS_BUCKET}`);
    const hostile = data.report.findings.filter((f) => f.resource.name === XSS_BUCKET);
    expect(hostile.length).toBeGreaterThan(0);
    expect(hostile[0]?.resource.tags?.owner).toBe(XSS_TAG);
    const file = write('xss.html', data);

    const opened = await open(file);
    const { page } = opened;
    expect(await page.evaluate<number>('document.scripts.length')).toBe(2);
    expect(
      await page.evaluate<number>("document.querySelectorAll('img, iframe, object, embed').length"),
    ).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(`onus report: demo ${XSS_BUCKET}`);

    await page.fill('#filter-q', 'alert(2)');
    await page.press('#filter-q', 'Enter');
    expect(await matchingCount(page)).toBe(hostile.length);
    expect(await page.locator('table.findings tbody tr td.res').first().textContent()).toBe(XSS_BUCKET);
    await page.locator('table.findings tbody tr').first().click();
    const panel = page.locator('#detail');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(XSS_BUCKET);
    expect(text).toContain(XSS_TAG);
    expect(await panel.locator('dd').allTextContents()).toContain(XSS_TAG);

    // Open every service of the map too: failing resources are listed there.
    await page.evaluate("for (const details of document.querySelectorAll('details')) details.open = true");
    await page.waitForTimeout(50);
    expect(await page.evaluate<number>('document.scripts.length')).toBe(2);
    expect(await page.evaluate<number>("document.querySelectorAll('img').length")).toBe(0);
    await clean(opened);
    await page.close();
  });

  it('a report of code (iac) renders without accounts or a map', async () => {
    const data = iacReport();
    const opened = await open(write('iac.html', data));
    const { page } = opened;
    expect(await page.locator('h1').textContent()).toBe('onus report: infra/');
    expect(await page.locator('#map').count()).toBe(0);
    expect(await page.locator('#filter-account').count()).toBe(0);
    expect(await page.locator('table.findings th').allTextContents()).toEqual([
      'Status',
      'Severity',
      'Check',
      'Resource',
      'Region',
      'Service',
      'Domain',
    ]);
    expect(await page.locator('.card').last().textContent()).toBe('3resources');
    expect(await matchingCount(page)).toBe(3);
    await page.locator('table.findings tbody tr').first().click();
    expect(await page.locator('#detail').textContent()).toContain('aws_s3_bucket.logs');
    await clean(opened);
    await page.close();
  });

  it('onus compliance --format html opens on the requirements; a check of one shows its findings', async () => {
    const file = join(dir, 'cis.html');
    const run = await onus(['compliance', 'cis-5.0', '--demo', '--format', 'html', '-o', file, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const opened = await open(file);
    const { page } = opened;
    expect(await page.evaluate<string>("document.querySelector('#app > section').id")).toBe('compliance');
    const cis = FRAMEWORKS.find((framework) => framework.id === 'cis-5.0');
    if (!cis) throw new Error('no cis-5.0');
    const rows = page.locator('#compliance table.reqs tbody tr');
    expect(await rows.count()).toBe(cis.requirements.length);
    expect(await rows.first().isVisible()).toBe(true);

    // A failing requirement: its status, and each check behind it with its results in this scan.
    const assessed = assessCompliance(cis, demo.report);
    const failing = assessed.results.find((result) => result.status === 'fail');
    const checkId = failing?.failing[0]?.checkId;
    if (!failing || !checkId) throw new Error('the demo account fails no CIS 5.0 requirement');
    const row = page.locator(`#compliance tr[data-requirement="${failing.requirement.id}"]`);
    expect(await row.locator('.badge').textContent()).toBe('FAIL');
    expect(await row.locator('button.chk').count()).toBe(failing.requirement.checks.length);
    const ofCheck = demo.report.findings.filter((finding) => finding.checkId === checkId);
    const fails = ofCheck.filter((finding) => finding.status === 'FAIL').length;
    const button = row.locator(`button.chk[data-check="${checkId}"]`);
    expect(await button.textContent()).toContain(`${checkId}: ✗ ${String(fails)} FAIL`);
    await button.click();
    expect(await matchingCount(page)).toBe(ofCheck.length);
    expect(await page.locator('#findings-count').textContent()).toContain(`of check ${checkId}`);
    await page.click('#filter-reset');
    expect(await matchingCount(page)).toBe(demo.report.findings.length);
    await clean(opened);
    await page.close();
  });

  it('onus map --format html opens on the map, every service with an item not met open', async () => {
    const file = join(dir, 'map.html');
    const run = await onus(['map', '--demo', '--format', 'html', '-o', file, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const opened = await open(file);
    const { page } = opened;
    expect(await page.evaluate<string>("document.querySelector('#app > section').id")).toBe('map');
    expect(await page.locator('h1').textContent()).toBe(
      'onus responsibility map: examples/demo-account.json',
    );
    const notMet = demo.map.services.filter((service) => service.yours.notMet > 0);
    expect(notMet.length).toBeGreaterThan(2);
    expect(await page.locator('details.svc[open]').count()).toBe(notMet.length);
    expect(await page.locator('details.svc').count()).toBe(demo.map.services.length);
    await clean(opened);
    await page.close();
  });
});
