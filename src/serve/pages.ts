import { severityRank } from '../core/severity.js';
import { describeScope, when } from '../cli/commands/history.js';
import type { RunRecord } from '../findings/store/types.js';
import { REPORT_STYLE } from '../formats/html-report/style.js';
import { escapeHtml } from '../formats/text.js';
import { BUCKET_TITLES, BUCKETS, previousOf, type ServedDiff } from './data.js';

/**
 * The dashboard's own pages: HTML written on the server, every value through escapeHtml, no script at all
 * (their Content-Security-Policy allows none). The run pages are the HTML report itself.
 */

const e = escapeHtml;
const STATUSES = ['FAIL', 'PASS', 'MUTED', 'NOT_EVALUATED', 'MANUAL'] as const;
const STATUS_TITLES: Record<string, string> = { NOT_EVALUATED: 'NOT EVAL.' };

const STYLE = `${REPORT_STYLE}
main{padding-top:1rem}.nav a{margin-right:1rem;font-weight:600}
table.runs td,table.diff td{font-size:.85rem}form.pick{display:flex;gap:.75rem;align-items:flex-end;flex-wrap:wrap}
form.pick label{display:flex;flex-direction:column;font-size:.8rem;font-weight:600}form.pick select{font:inherit}`;

function layout(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    '<header class="top">',
    `<h1>${e(title)}</h1>`,
    '<p class="nav"><a href="/">Runs</a><a href="/diff">Latest diff</a><a href="/api/runs">JSON</a></p>',
    '</header>',
    `<main>${body}</main>`,
    '<footer>onus serve: a read-only view of the findings store.</footer>',
    '</body></html>',
    '',
  ].join('\n');
}

const href = (path: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return e(search ? `${path}?${search}` : path);
};

/** `/`: every run, most recent first, with links to its report and to its diff against the run before. */
export function runsPage(runs: readonly RunRecord[], location: string): string {
  if (runs.length === 0) {
    return layout(
      'onus: recorded runs',
      `<p class="empty">No runs recorded in ${e(location)} yet: <code>onus scan</code> records each run there.</p>`,
    );
  }
  const head = [
    'Run',
    'Kind',
    'Finished',
    'Target',
    'Scope',
    ...STATUSES.map((s) => STATUS_TITLES[s] ?? s),
    'Diff',
  ];
  const rows = runs.map((run) => {
    const previous = previousOf(run, runs);
    return [
      '<tr>',
      `<th scope="row"><a href="${href(`/runs/${encodeURIComponent(run.id)}`)}"><code>${e(run.id)}</code></a></th>`,
      `<td>${e(run.kind)}</td>`,
      `<td>${e(when(run.finishedAt))}</td>`,
      `<td>${e(`${run.target.type} ${run.target.name}`)}</td>`,
      `<td>${e(describeScope(run.scope))}</td>`,
      ...STATUSES.map((status) => `<td class="num">${String(run.counts[status] ?? 0)}</td>`),
      `<td>${previous ? `<a href="${href('/diff', { a: previous.id, b: run.id })}">vs previous</a>` : ''}</td>`,
      '</tr>',
    ].join('');
  });
  return layout(
    'onus: recorded runs',
    [
      `<p class="meta">${e(`${String(runs.length)} run(s) in ${location}, most recent first.`)}</p>`,
      '<table class="runs data" id="runs"><thead><tr>',
      head.map((title) => `<th scope="col">${e(title)}</th>`).join(''),
      '</tr></thead><tbody>',
      rows.join('\n'),
      '</tbody></table>',
    ].join('\n'),
  );
}

function picker(runs: readonly RunRecord[], from: RunRecord, to: RunRecord): string {
  const select = (name: string, label: string, chosen: RunRecord) =>
    `<label>${e(label)}<select name="${name}">${runs
      .map(
        (run) =>
          `<option value="${e(run.id)}"${run.id === chosen.id ? ' selected' : ''}>${e(`${run.id} (${run.kind}, ${run.target.name})`)}</option>`,
      )
      .join('')}</select></label>`;
  return `<form class="pick" method="get" action="/diff">${select('a', 'From', from)}${select('b', 'To', to)}<button type="submit">Compare</button></form>`;
}

/** `/diff`: new, resolved, still failing, muted and not re-checked, as `onus diff` lists them. */
export function diffPage(diff: ServedDiff, runs: readonly RunRecord[]): string {
  const run = (label: string, record: RunRecord) =>
    `<p>${e(label)} <a href="${href(`/runs/${encodeURIComponent(record.id)}`)}"><code>${e(record.id)}</code></a> ${e(`${when(record.finishedAt)} · ${record.target.type} ${record.target.name} (${describeScope(record.scope)})`)}</p>`;
  const sections = BUCKETS.map((bucket) => {
    const lines = [...diff.lines[bucket]].sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
    const title = `${BUCKET_TITLES[bucket]} (${String(lines.length)})`;
    if (lines.length === 0) {
      return `<section id="${bucket}"><h2>${e(title)}</h2><p class="empty">None.</p></section>`;
    }
    const rows = lines.map((line) =>
      [
        `<tr data-fingerprint="${e(line.fingerprint)}">`,
        `<td class="sev sev-${e(line.severity)}">${e(line.severity)}</td>`,
        `<td><code>${e(line.checkId)}</code><br>${e(line.title)}</td>`,
        `<td>${e(`${line.account} ${line.region}`)}</td>`,
        `<td class="res">${e(line.resource.name)}<br><span class="why">${e(line.resource.arn ?? line.resource.id)}</span></td>`,
        `<td>${e(`${line.before ?? 'absent'} → ${line.after ?? 'absent'}`)}</td>`,
        `<td>${e(line.message)}${line.firstSeen ? `<span class="why">${e(`failing since ${when(line.firstSeen)}, last ${when(line.lastSeen ?? line.firstSeen)}`)}</span>` : ''}</td>`,
        '</tr>',
      ].join(''),
    );
    return [
      `<section id="${bucket}"><h2>${e(title)}</h2>`,
      '<table class="diff data"><thead><tr><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Where</th><th scope="col">Resource</th><th scope="col">Status</th><th scope="col">Message</th></tr></thead><tbody>',
      rows.join('\n'),
      '</tbody></table></section>',
    ].join('\n');
  });
  const { counts } = diff;
  return layout(
    `onus: diff ${diff.from.id} → ${diff.to.id}`,
    [
      picker(runs, diff.from, diff.to),
      run('From', diff.from),
      run('To', diff.to),
      diff.sameScope
        ? ''
        : `<p class="note">${e(`The runs have different scopes: failures outside ${diff.to.id}'s are listed as not re-checked, never resolved.`)}</p>`,
      `<p class="summary-line">${e(`${String(counts.new)} new, ${String(counts.resolved)} resolved, ${String(counts.stillFailing)} still failing, ${String(counts.notRechecked)} not re-checked, ${String(counts.muted)} muted`)}</p>`,
      ...sections,
    ].join('\n'),
  );
}

/** An error page: the status and one line. */
export function errorPage(status: number, message: string): string {
  return layout(`onus: ${String(status)}`, `<p>${e(message)}</p>`);
}
