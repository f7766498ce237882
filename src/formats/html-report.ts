import { createHash } from 'node:crypto';
import { DOMAIN_TITLES } from '../core/domain.js';
import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import { assessCompliance, type ComplianceReport } from '../frameworks/compliance.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import type { ResponsibilityMap } from '../responsibility/map.js';
import { REPORT_SCRIPT } from './html-report/app.js';
import { REPORT_STYLE } from './html-report/style.js';
import { escapeHtml } from './text.js';

/**
 * The scan as one self-contained HTML file: works from a file:// URL or an e-mail attachment, fetches nothing.
 * The data travels as a JSON island (`<script type="application/json">`, with `<`, `>`, `&`, U+2028 and U+2029
 * escaped so no value can close the element); one inline script of our own, allowed by its hash in a strict
 * Content-Security-Policy, renders it with DOM APIs only. See docs/report.md.
 */

export interface HtmlReportData {
  report: ScanReport;
  map: ResponsibilityMap;
  /** One per framework, as `assessCompliance` makes them; `htmlReportData` assesses every shipped framework. */
  compliance: ComplianceReport[];
  /** Recorded runs of the same scope, oldest first, ending with this one; absent without a findings store. */
  trend?: TrendPoint[];
  /**
   * The view the page opens on, placed first with its lists open: `onus compliance` opens on the framework's
   * requirements, `onus map` on the map. Without it, the overview comes first.
   */
  view?: OpeningView;
  /** The page's heading and title; `onus report: TARGET` unless given. */
  title?: string;
}

export type OpeningView = 'compliance' | 'map';

/** The page's sections, in their usual order. */
const SECTIONS = ['overview', 'trend', 'map', 'compliance', 'findings'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_TITLES: Record<Section, string> = {
  overview: 'Overview',
  trend: 'Trend',
  map: 'Responsibility map',
  compliance: 'Compliance',
  findings: 'Findings',
};

/**
 * Targets that are AWS accounts (a live account, a snapshot of one, the demo account): their reports have
 * accounts, a responsibility map and an account column. Code (`iac`), secrets and trail reports have none.
 */
const ACCOUNT_TARGETS: ReadonlySet<string> = new Set(['live', 'snapshot', 'demo']);

export function isAccountTarget(target: ScanReport['target']): boolean {
  return ACCOUNT_TARGETS.has(target.type);
}

/** One recorded run in the report's trend chart. */
export interface TrendPoint {
  runId: string;
  finishedAt: string;
  counts: { PASS: number; FAIL: number; NOT_EVALUATED: number; MUTED: number };
  /** evaluated / (every result but MANUAL), as the run's counts give it; null when nothing was to evaluate. */
  coverage: number | null;
}

/**
 * What the page can render: a scan's data, or a run rebuilt from the findings store (`onus serve`), which has
 * no inventory and so no map; `notes` say what is missing, in the header.
 */
export type HtmlReportPage = Omit<HtmlReportData, 'map'> & {
  map: ResponsibilityMap | null;
  notes?: string[];
  /** A link back where the page came from (`onus serve`'s runs), first in the tab order. */
  home?: { href: string; label: string };
};

/** The map, for a report of accounts only: code has no services in use (an empty map would say it does). */
function mapOf(data: HtmlReportPage): ResponsibilityMap | null {
  return isAccountTarget(data.report.target) ? data.map : null;
}

/**
 * The sections a page has, in order: the opening view first; no trend without one, no map for code, no
 * compliance when no framework was assessed (trail and secrets runs check no controls).
 */
function sectionsOf(data: HtmlReportPage): Section[] {
  const present = SECTIONS.filter(
    (section) =>
      (section !== 'trend' || (data.trend !== undefined && data.trend.length > 0)) &&
      (section !== 'map' || isAccountTarget(data.report.target)) &&
      (section !== 'compliance' || data.compliance.length > 0),
  );
  const view = data.view;
  return view !== undefined && present.includes(view)
    ? [view, ...present.filter((section) => section !== view)]
    : present;
}

/** The report's data for a scan and its map, with every framework onus ships assessed against the scan. */
export function htmlReportData(report: ScanReport, map: ResponsibilityMap): HtmlReportData {
  return { report, map, compliance: FRAMEWORKS.map((framework) => assessCompliance(framework, report)) };
}

/** What a check says once for all its findings (the page would otherwise repeat it per finding). */
interface CheckEntry {
  title: string;
  severity: Finding['severity'];
  service: string;
  domain: Finding['domain'];
  risk: string;
  remediation: Finding['remediation'];
  /** Ids of the frameworks with a requirement that cites the check: the framework filter. */
  frameworks: string[];
  /** `CIS AWS Foundations 5.0.0 1.4`: the requirements that cite it. */
  refs: string[];
}

/** The island's shape: the page's script reads exactly this. */
function payload(data: HtmlReportPage): unknown {
  const { report, compliance } = data;
  const map = mapOf(data);
  const cited = new Map<string, { frameworks: Set<string>; refs: string[] }>();
  for (const assessed of compliance) {
    for (const result of assessed.results) {
      for (const checkId of result.requirement.checks) {
        let entry = cited.get(checkId);
        if (!entry) cited.set(checkId, (entry = { frameworks: new Set(), refs: [] }));
        entry.frameworks.add(assessed.framework.id);
        entry.refs.push(`${assessed.framework.name} ${assessed.framework.version} ${result.requirement.id}`);
      }
    }
  }
  const checks: Record<string, CheckEntry> = {};
  const findings = report.findings.map((finding) => {
    if (!(finding.checkId in checks)) {
      const entry = cited.get(finding.checkId);
      checks[finding.checkId] = {
        title: finding.title,
        severity: finding.severity,
        service: finding.service,
        domain: finding.domain,
        risk: finding.risk,
        remediation: finding.remediation,
        frameworks: entry ? [...entry.frameworks] : [],
        refs: entry?.refs ?? [],
      };
    }
    return {
      checkId: finding.checkId,
      status: finding.status,
      reason: finding.reason,
      message: finding.message,
      evidence: finding.evidence,
      resource: finding.resource,
      gap: finding.gap,
      fingerprint: finding.fingerprint,
      ...(finding.compliance.length > 0 ? { compliance: finding.compliance } : {}),
      ...(finding.suppression ? { suppression: finding.suppression } : {}),
    };
  });
  return {
    schema: 'onus.html-report/v1',
    view: data.view ?? null,
    sections: sectionsOf(data),
    accountScoped: isAccountTarget(report.target),
    tool: report.tool,
    generatedAt: report.generatedAt,
    target: report.target,
    accounts: report.accounts,
    regions: report.regions,
    resourceCount: report.resourceCount,
    summary: report.summary,
    domains: DOMAIN_TITLES,
    checks,
    findings,
    trend: data.trend && data.trend.length > 0 ? data.trend : null,
    map: map && {
      summary: map.summary,
      catalogVersion: map.catalogVersion,
      totals: map.totals,
      services: map.services.map((service) => ({
        id: service.id,
        name: service.name,
        category: service.category,
        everyAccount: service.everyAccount,
        accounts: service.accounts,
        regions: service.regions,
        resourceCount: service.resourceCount,
        variants: service.variants.map(({ title, resources }) => ({ title, resources })),
        owners: service.owners,
        yours: service.yours,
        items: service.items.map((item) => ({
          title: item.title,
          owner: item.owner,
          status: item.status,
          why: item.why,
          awsPart: item.awsPart,
          customerPart: item.customerPart,
        })),
      })),
    },
    frameworks: compliance.map((assessed) => ({
      id: assessed.framework.id,
      name: assessed.framework.name,
      version: assessed.framework.version,
      score: assessed.score,
      totals: assessed.totals,
      results: assessed.results.map((result) => ({
        id: result.requirement.id,
        title: result.requirement.title,
        status: result.status,
        detail: result.detail,
        checks: result.requirement.checks,
      })),
    })),
  };
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` as \u escapes (no `</script>` or `<!--` can
 * form), and U+2028 / U+2029, which older JavaScript parsers read as line ends.
 */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `sha256-...` of the inline script, as the CSP names it. */
export const SCRIPT_HASH = `sha256-${createHash('sha256').update(REPORT_SCRIPT, 'utf8').digest('base64')}`;

export const REPORT_CSP = [
  "default-src 'none'",
  `script-src '${SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

if (/<\/script/i.test(REPORT_SCRIPT) || /<\/style/i.test(REPORT_STYLE)) {
  throw new Error('the HTML report script or style would close its own element');
}

/** The whole page. Pure: the same data gives the same bytes. */
export function formatHtmlReport(data: HtmlReportPage): string {
  const { report } = data;
  const map = mapOf(data);
  const accounts = report.accounts.map((a) => (a.alias ? `${a.id} (${a.alias})` : a.id)).join(', ');
  const title = data.title ?? `onus report: ${report.target.name}`;
  const sections = sectionsOf(data);
  const coverage = report.summary.coverage;
  const coverageText =
    coverage.ratio === null
      ? 'nothing to evaluate'
      : `${(Math.round(coverage.ratio * 1000) / 10).toString()}% (${coverage.evaluated} of ${coverage.total} evaluated)`;
  const meta = [
    `${report.target.type} ${report.target.name}`,
    ...(isAccountTarget(report.target)
      ? [`accounts: ${accounts || 'none'}`, `${report.regions.length} region(s)`]
      : []),
    `${report.resourceCount} resources`,
    `coverage ${coverageText}`,
    `generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version}`,
  ].join(' · ');
  const summary = isAccountTarget(report.target)
    ? (map?.summary ?? report.responsibility?.summary ?? '')
    : '';
  const totals = report.summary.totals;
  const counts = `${totals.FAIL} failed · ${totals.NOT_EVALUATED} not evaluated · ${totals.MANUAL} manual · ${totals.MUTED} muted · ${totals.PASS} passed`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head><body>',
    ...(data.home
      ? [
          `<nav aria-label="Back"><a class="home" href="${escapeHtml(data.home.href)}">← ${escapeHtml(data.home.label)}</a></nav>`,
        ]
      : []),
    '<a class="skip" href="#findings">Skip to findings</a>',
    '<header class="top">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(meta)}</p>`,
    ...(summary ? [`<p class="summary-line">${escapeHtml(summary)}</p>`] : []),
    `<p class="meta">${escapeHtml(counts)}</p>`,
    ...(data.notes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`),
    '</header>',
    `<nav class="sections" aria-label="Report sections">${sections.map((section) => `<a href="#${section}">${SECTION_TITLES[section]}</a>`).join('')}</nav>`,
    '<main id="app">',
    '<noscript><p>The charts, map, compliance scores and findings table need JavaScript; the data is in this file as JSON (the element with id onus-data).</p></noscript>',
    '</main>',
    `<footer>AWS Shared Responsibility Model audit by ${escapeHtml(`${report.tool.name} ${report.tool.version}`)}. This file is self-contained: it loads nothing from the network.</footer>`,
    `<script type="application/json" id="onus-data">${jsonIsland(payload(data))}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
