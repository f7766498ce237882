/**
 * The HTML report's one script, inlined into the page and allowed by its hash in the Content-Security-Policy.
 * Plain browser JavaScript kept as a string (the package compiles for Node, without DOM types). It reads the data
 * from the JSON island and builds every element with createElement / textContent / setAttribute: data never
 * passes through innerHTML, outerHTML, insertAdjacentHTML or document.write. No template literals inside.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var started = performance.now();
  var island = document.getElementById('onus-data');
  var D = JSON.parse(island ? island.textContent || '{}' : '{}');
  var app = document.getElementById('app');
  var SVGNS = 'http://www.w3.org/2000/svg';
  var STATUSES = ['FAIL', 'NOT_EVALUATED', 'MANUAL', 'MUTED', 'PASS'];
  var STATUS_LABEL = { FAIL: 'FAIL', NOT_EVALUATED: 'NOT EVALUATED', MANUAL: 'MANUAL', MUTED: 'MUTED', PASS: 'PASS' };
  var STATUS_MARK = { FAIL: '\u2717 ', NOT_EVALUATED: '? ', MANUAL: '\u270e ', MUTED: '\u2205 ', PASS: '\u2713 ' };
  var SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  var ITEM_LABEL = { 'not-met': 'NOT MET', unknown: 'NOT EVAL', partial: 'PARTIAL', manual: 'MANUAL', met: 'MET', inherited: 'AWS' };
  var ITEM_MARK = { 'not-met': '\u2717 ', unknown: '? ', partial: '\u25d0 ', manual: '\u270e ', met: '\u2713 ', inherited: '' };
  var REQ_LABEL = { pass: 'PASS', fail: 'FAIL', 'not-evaluated': 'NOT EVALUATED', manual: 'MANUAL' };
  var REQ_ORDER = { fail: 0, 'not-evaluated': 1, manual: 2, pass: 3 };
  var PAGE = 200;
  var checks = D.checks || {};
  var findings = D.findings || [];
  var domainTitles = D.domains || {};
  /** Whether the report is of AWS accounts (not of code): accounts, the map and the account column. */
  var accountScoped = D.accountScoped !== false;

  /* ------------------------------------------------------------ DOM helpers: text only, never HTML */
  function add(el, kids) {
    if (kids === null || kids === undefined || kids === false) return el;
    if (!Array.isArray(kids)) kids = [kids];
    for (var i = 0; i < kids.length; i++) {
      var kid = kids[i];
      if (kid === null || kid === undefined || kid === false) continue;
      if (Array.isArray(kid)) add(el, kid);
      else if (typeof kid === 'object') el.appendChild(kid);
      else el.appendChild(document.createTextNode(String(kid)));
    }
    return el;
  }
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    setAttrs(el, attrs);
    return add(el, kids);
  }
  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (var key in attrs) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.setAttribute('class', value);
      else if (key === 'text') el.textContent = String(value);
      else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  function svg(tag, attrs, kids) {
    var el = document.createElementNS(SVGNS, tag);
    setAttrs(el, attrs);
    return add(el, kids);
  }
  function fmt(n) {
    return Number(n).toLocaleString('en-US');
  }
  function pct(ratio) {
    return ratio === null || ratio === undefined ? 'n/a' : Math.round(ratio * 1000) / 10 + '%';
  }
  function statusBadge(status) {
    return h('span', { class: 'badge b-' + status }, (STATUS_MARK[status] || '') + (STATUS_LABEL[status] || status));
  }
  function itemBadge(status) {
    return h('span', { class: 'badge b-' + status }, (ITEM_MARK[status] || '') + (ITEM_LABEL[status] || status));
  }
  function reqBadge(status) {
    return h('span', { class: 'badge b-' + status }, REQ_LABEL[status] || status);
  }
  function sevLabel(severity) {
    return h('span', { class: 'sev sev-' + severity }, severity);
  }
  function safeUrl(url) {
    return typeof url === 'string' && /^https:\/\//.test(url) ? url : null;
  }
  function checkOf(f) {
    return checks[f.checkId] || { title: f.checkId, severity: 'info', service: '', domain: '', risk: '', remediation: { text: '', url: '' }, frameworks: [], refs: [] };
  }

  /* ------------------------------------------------------------ overview: cards and charts */
  function card(big, label) {
    return h('div', { class: 'card' }, [h('span', { class: 'big' }, big), h('span', { class: 'label' }, label)]);
  }
  function legend(order) {
    return h('p', { class: 'legend', 'aria-hidden': 'true' }, order.map(function (status) {
      return h('span', null, [h('span', { class: 'sw st-' + status }), STATUS_LABEL[status]]);
    }));
  }
  /** Horizontal stacked bars, one per row, with the numbers repeated in a table beneath (no colour needed). */
  function stackedChart(id, caption, rows, order) {
    var max = 1;
    rows.forEach(function (row) {
      var total = 0;
      order.forEach(function (s) { total += row.counts[s] || 0; });
      row.total = total;
      if (total > max) max = total;
    });
    var labelW = 150, barW = 390, rowH = 24, height = rows.length * rowH + 6;
    var chart = svg('svg', { viewBox: '0 0 ' + (labelW + barW + 60) + ' ' + height, role: 'img', 'aria-labelledby': id + '-cap', class: 'bars' });
    rows.forEach(function (row, i) {
      var y = i * rowH + 4;
      chart.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end' }, row.label));
      var x = labelW;
      order.forEach(function (s) {
        var n = row.counts[s] || 0;
        if (n === 0) return;
        var w = Math.max(1, (n / max) * barW);
        chart.appendChild(svg('rect', { x: x, y: y, width: w, height: rowH - 8, class: 'st-' + s }, svg('title', null, row.label + ': ' + STATUS_LABEL[s] + ' ' + n)));
        x += w;
      });
      if (row.total === 0) chart.appendChild(svg('rect', { x: labelW, y: y, width: 2, height: rowH - 8, class: 'st-none' }));
      chart.appendChild(svg('text', { x: x + 6, y: y + 14 }, fmt(row.total)));
    });
    var table = h('table', { class: 'data' }, [
      h('caption', { class: 'sr-only' }, caption),
      h('thead', null, h('tr', null, [h('th', { scope: 'col' }, '')].concat(order.map(function (s) { return h('th', { scope: 'col', class: 'num' }, STATUS_LABEL[s]); })))),
      h('tbody', null, rows.map(function (row) {
        return h('tr', null, [h('th', { scope: 'row' }, row.label)].concat(order.map(function (s) { return h('td', { class: 'num' }, fmt(row.counts[s] || 0)); })));
      })),
    ]);
    return h('figure', { class: 'chart', id: id }, [h('figcaption', { id: id + '-cap' }, caption), chart, legend(order), h('details', null, [h('summary', null, 'Numbers'), table])]);
  }
  function coverageChart() {
    var cov = D.summary.coverage;
    var manual = D.summary.totals.MANUAL || 0;
    var notEval = cov.total - cov.evaluated;
    var W = 600, barW = 520;
    var ratio = cov.total === 0 ? 0 : cov.evaluated / cov.total;
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' 40', role: 'img', 'aria-labelledby': 'chart-coverage-cap' }, [
      svg('rect', { x: 0, y: 6, width: barW, height: 20, class: 'st-NOT_EVALUATED' }, svg('title', null, 'not evaluated ' + notEval)),
      svg('rect', { x: 0, y: 6, width: Math.max(ratio * barW, 0), height: 20, class: 'st-PASS' }, svg('title', null, 'evaluated ' + cov.evaluated)),
      svg('text', { x: barW + 8, y: 21 }, pct(cov.ratio)),
    ]);
    return h('figure', { class: 'chart', id: 'chart-coverage' }, [
      h('figcaption', { id: 'chart-coverage-cap' }, 'Coverage: ' + pct(cov.ratio) + ' of check \u00d7 resource pairs evaluated'),
      chart,
      h('p', { class: 'legend' }, [
        h('span', null, [h('span', { class: 'sw st-PASS', 'aria-hidden': 'true' }), 'evaluated ' + fmt(cov.evaluated)]),
        h('span', null, [h('span', { class: 'sw st-NOT_EVALUATED', 'aria-hidden': 'true' }), 'not evaluated ' + fmt(notEval)]),
        h('span', null, fmt(manual) + ' manual (outside coverage: no tool can evaluate them)'),
      ]),
      h('p', { class: 'why' }, 'A pass rate means little without coverage: what onus could not look at is counted here, never as a pass.'),
    ]);
  }
  function overview() {
    var t = D.summary.totals;
    var bySeverity = {};
    SEVERITIES.forEach(function (s) { bySeverity[s] = {}; });
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      var sev = bySeverity[checkOf(f).severity];
      if (sev) sev[f.status] = (sev[f.status] || 0) + 1;
    }
    var domainRows = Object.keys(D.summary.byDomain).map(function (d) {
      return { label: domainTitles[d] || d, counts: D.summary.byDomain[d] };
    });
    var severityRows = SEVERITIES.map(function (s) { return { label: s, counts: bySeverity[s] }; });
    var order = ['FAIL', 'NOT_EVALUATED', 'MUTED', 'MANUAL', 'PASS'];
    return h('section', { class: 'view', id: 'overview', 'aria-labelledby': 'overview-h' }, [
      h('h2', { id: 'overview-h' }, 'Overview'),
      h('div', { class: 'cards' }, [
        card(pct(D.summary.coverage.ratio), 'coverage (' + fmt(D.summary.coverage.evaluated) + ' of ' + fmt(D.summary.coverage.total) + ' evaluated)'),
        card(pct(D.summary.passRate), 'pass rate of what was evaluated'),
        card(fmt(t.FAIL), 'failed'),
        card(fmt(t.NOT_EVALUATED), 'not evaluated'),
        card(fmt(t.MANUAL), 'manual'),
        card(fmt(t.MUTED), 'muted (accepted risk)'),
        card(fmt(t.PASS), 'passed'),
        card(fmt(D.resourceCount), accountScoped ? 'resources in ' + D.accounts.length + ' account(s), ' + D.regions.length + ' region(s)' : 'resources'),
      ]),
      h('div', { class: 'charts' }, [
        stackedChart('chart-domain', 'Results by domain', domainRows, order),
        stackedChart('chart-severity', 'Results by severity', severityRows, order),
        coverageChart(),
      ]),
    ]);
  }

  /* ------------------------------------------------------------ trend across recorded runs */
  /** FAIL as bars (left axis) and coverage as a line (right axis, 0-100%), one per run, oldest first. */
  function trendView() {
    var runs = D.trend;
    if (!runs || runs.length === 0) return null;
    var W = 600, H = 210, left = 44, right = 48, top = 12, bottom = 34;
    var plotW = W - left - right, plotH = H - top - bottom, base = top + plotH;
    var maxFail = 1;
    runs.forEach(function (r) { if ((r.counts.FAIL || 0) > maxFail) maxFail = r.counts.FAIL; });
    var step = plotW / runs.length;
    var barW = Math.max(2, Math.min(28, step * 0.6));
    var every = Math.ceil(runs.length / 6);
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': 'chart-trend-cap', class: 'trend' }, [
      svg('line', { x1: left, y1: base, x2: left + plotW, y2: base, class: 'axis' }),
      svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end' }, fmt(maxFail)),
      svg('text', { x: left - 6, y: base, 'text-anchor': 'end' }, '0'),
      svg('text', { x: left + plotW + 6, y: top + 10 }, '100%'),
      svg('text', { x: left + plotW + 6, y: base }, '0%'),
    ]);
    var points = [];
    runs.forEach(function (r, i) {
      var cx = left + step * i + step / 2;
      var fail = r.counts.FAIL || 0;
      var height = (fail / maxFail) * plotH;
      chart.appendChild(svg('rect', { x: cx - barW / 2, y: base - height, width: barW, height: height, class: 'st-FAIL trend-fail', 'data-run': r.runId }, svg('title', null, r.runId + ': FAIL ' + fmt(fail))));
      if (r.coverage !== null && r.coverage !== undefined) points.push({ x: cx, y: base - r.coverage * plotH, run: r });
      if (i % every === 0 || i === runs.length - 1) {
        chart.appendChild(svg('text', { x: cx, y: base + 16, 'text-anchor': 'middle' }, String(r.finishedAt).slice(0, 10)));
      }
    });
    if (points.length > 1) {
      chart.appendChild(svg('polyline', { points: points.map(function (p) { return p.x + ',' + p.y; }).join(' '), class: 'trend-line' }));
    }
    points.forEach(function (p) {
      chart.appendChild(svg('circle', { cx: p.x, cy: p.y, r: 4, class: 'trend-cov', 'data-run': p.run.runId }, svg('title', null, p.run.runId + ': coverage ' + pct(p.run.coverage))));
    });
    var first = runs[0], last = runs[runs.length - 1];
    var cols = ['Run', 'Finished', 'FAIL', 'PASS', 'NOT EVALUATED', 'MUTED', 'Coverage'];
    var table = h('table', { class: 'data', id: 'trend-table' }, [
      h('caption', { class: 'sr-only' }, 'Results per recorded run, oldest first'),
      h('thead', null, h('tr', null, cols.map(function (c, i) { return h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, c); }))),
      h('tbody', null, runs.map(function (r) {
        return h('tr', null, [
          h('th', { scope: 'row' }, h('code', null, r.runId)),
          h('td', null, r.finishedAt),
          h('td', { class: 'num' }, fmt(r.counts.FAIL || 0)),
          h('td', { class: 'num' }, fmt(r.counts.PASS || 0)),
          h('td', { class: 'num' }, fmt(r.counts.NOT_EVALUATED || 0)),
          h('td', { class: 'num' }, fmt(r.counts.MUTED || 0)),
          h('td', { class: 'num' }, pct(r.coverage)),
        ]);
      })),
    ]);
    return h('section', { class: 'view', id: 'trend', 'aria-labelledby': 'trend-h' }, [
      h('h2', { id: 'trend-h' }, 'Trend'),
      h('figure', { class: 'chart', id: 'chart-trend' }, [
        h('figcaption', { id: 'chart-trend-cap' }, 'Failed results (bars) and coverage (line) over the last ' + runs.length + ' recorded run' + (runs.length === 1 ? '' : 's') + ' of this scope: FAIL ' + fmt(first.counts.FAIL || 0) + ' \u2192 ' + fmt(last.counts.FAIL || 0) + ', coverage ' + pct(first.coverage) + ' \u2192 ' + pct(last.coverage)),
        chart,
        h('p', { class: 'legend', 'aria-hidden': 'true' }, [
          h('span', null, [h('span', { class: 'sw st-FAIL' }), 'FAIL (left axis)']),
          h('span', null, [h('span', { class: 'sw trend-sw' }), 'coverage (right axis)']),
        ]),
        h('details', null, [h('summary', null, 'Numbers'), table]),
      ]),
    ]);
  }

  /* ------------------------------------------------------------ responsibility map */
  function mapItem(item) {
    var why = item.owner === 'aws' ? 'Evidence: AWS Artifact audit reports' : item.why;
    return h('li', null, [
      itemBadge(item.status), ' ', item.title,
      h('span', { class: 'why' }, why),
      item.owner === 'shared' && (item.awsPart || item.customerPart)
        ? h('span', { class: 'why' }, 'AWS: ' + (item.awsPart || '') + ' You: ' + (item.customerPart || ''))
        : null,
    ]);
  }
  function mapColumn(title, items) {
    return h('div', { class: 'col' }, [
      h('h4', null, title + ' (' + items.length + ')'),
      items.length > 0 ? h('ul', null, items.map(mapItem)) : h('p', { class: 'empty' }, 'Nothing here.'),
    ]);
  }
  function where(svc) {
    var parts = [];
    if (svc.resourceCount > 0) parts.push(svc.resourceCount + ' resource' + (svc.resourceCount === 1 ? '' : 's'));
    else if (svc.everyAccount) parts.push('account-wide duty');
    parts.push(svc.accounts.length + ' account' + (svc.accounts.length === 1 ? '' : 's'));
    if (svc.regions.length > 0) parts.push(svc.regions.length + ' region' + (svc.regions.length === 1 ? '' : 's'));
    return parts.join(', ');
  }
  function countBadges(y) {
    var out = [];
    if (y.notMet) out.push(h('span', { class: 'badge b-not-met' }, '\u2717 not met ' + y.notMet));
    if (y.unknown) out.push(h('span', { class: 'badge b-unknown' }, '? not evaluated ' + y.unknown));
    if (y.partial) out.push(h('span', { class: 'badge b-partial' }, '\u25d0 partial ' + y.partial));
    if (y.manual) out.push(h('span', { class: 'badge b-manual' }, '\u270e manual ' + y.manual));
    out.push(h('span', { class: 'badge b-met' }, '\u2713 met ' + y.met));
    return out;
  }
  function mapView() {
    var m = D.map;
    var services = m ? m.services : [];
    return h('section', { class: 'view', id: 'map', 'aria-labelledby': 'map-h' }, [
      h('h2', { id: 'map-h' }, 'Responsibility map'),
      m ? h('p', { class: 'summary-line' }, m.summary) : h('p', { class: 'empty' }, 'No map in this report.'),
      h('p', { class: 'why' }, 'Per service in use: what AWS covers, what is shared and what is yours, worst first. Open a service for its items.'),
      services.map(function (svc, i) {
        var by = function (owner) { return svc.items.filter(function (it) { return it.owner === owner; }); };
        var body = null;
        var details = h('details', { class: 'svc', id: 'svc-' + svc.id, 'data-service': svc.id }, [
          h('summary', null, [
            h('span', { class: 'name' }, svc.name),
            h('span', { class: 'where' }, '(' + svc.category + ') \u00b7 ' + where(svc) + ' \u00b7 AWS ' + svc.owners.aws + ' \u00b7 shared ' + svc.owners.shared + ' \u00b7 you ' + svc.owners.customer),
            h('span', { class: 'counts' }, countBadges(svc.yours)),
          ]),
        ]);
        function fill() {
          if (body) return;
          body = [
            svc.variants.length > 0
              ? h('p', { class: 'variants' }, 'Variants: ' + svc.variants.map(function (v) { return v.title + ' (' + v.resources + ')'; }).join('; '))
              : null,
            h('div', { class: 'cols' }, [mapColumn('AWS', by('aws')), mapColumn('Shared', by('shared')), mapColumn('You', by('customer'))]),
          ];
          add(details, body);
        }
        details.addEventListener('toggle', fill);
        if ((i < 2 || D.view === 'map') && svc.yours.notMet > 0) { details.open = true; fill(); }
        return details;
      }),
      m ? h('p', { class: 'why' }, 'Evidence for AWS\u2019s part: AWS Artifact (https://aws.amazon.com/artifact/). Catalog ' + m.catalogVersion + '.') : null,
    ]);
  }

  /* ------------------------------------------------------------ compliance */
  var resultsByCheck = null;
  /** The checks behind a requirement, each with its results in this report; a button shows its findings. */
  function checkButtons(ids) {
    if (ids.length === 0) return h('span', { class: 'why' }, 'no check: verified by a person');
    if (!resultsByCheck) {
      resultsByCheck = {};
      for (var i = 0; i < findings.length; i++) {
        var f = findings[i];
        var c = resultsByCheck[f.checkId] || (resultsByCheck[f.checkId] = {});
        c[f.status] = (c[f.status] || 0) + 1;
      }
    }
    return ids.map(function (id) {
      var counts = resultsByCheck[id];
      var parts = counts ? STATUSES.filter(function (s) { return counts[s]; }).map(function (s) { return (STATUS_MARK[s] || '') + counts[s] + ' ' + STATUS_LABEL[s]; }) : [];
      var label = id + ': ' + (parts.length > 0 ? parts.join(', ') : 'no result');
      return h('button', { type: 'button', class: 'chk', 'data-check': id, title: 'Show the findings of ' + id, onclick: function () { setFilter('check', id); } }, label);
    });
  }
  function complianceView() {
    var fws = D.frameworks || [];
    return h('section', { class: 'view', id: 'compliance', 'aria-labelledby': 'compliance-h' }, [
      h('h2', { id: 'compliance-h' }, 'Compliance'),
      h('p', { class: 'why' }, 'Score = pass / (pass + fail). Requirements onus could not evaluate, or that need a person, are left out of the score and counted beside it.'),
      fws.map(function (fw) {
        var t = fw.totals;
        var decided = t.pass + t.fail;
        var W = 520;
        var bar = svg('svg', { viewBox: '0 0 600 26', role: 'img', 'aria-label': fw.name + ' ' + fw.version + ': ' + t.pass + ' pass, ' + t.fail + ' fail, ' + t['not-evaluated'] + ' not evaluated, ' + t.manual + ' manual' });
        var total = t.pass + t.fail + t['not-evaluated'] + t.manual || 1;
        var x = 0;
        [['pass', 'PASS'], ['fail', 'FAIL'], ['not-evaluated', 'NOT_EVALUATED'], ['manual', 'MANUAL']].forEach(function (pair) {
          var w = (t[pair[0]] / total) * W;
          if (w <= 0) return;
          bar.appendChild(svg('rect', { x: x, y: 4, width: w, height: 16, class: 'st-' + pair[1] }, svg('title', null, REQ_LABEL[pair[0]] + ' ' + t[pair[0]])));
          x += w;
        });
        var list = null;
        var details = h('details', null, h('summary', null, 'Requirements (' + fw.results.length + ')'));
        function fill() {
          if (list) return;
          var rows = fw.results.slice().sort(function (a, b) { return REQ_ORDER[a.status] - REQ_ORDER[b.status]; });
          list = h('table', { class: 'reqs' }, [
            h('thead', null, h('tr', null, ['Requirement', 'Title', 'Status', 'Checks', 'Detail'].map(function (c) { return h('th', { scope: 'col' }, c); }))),
            h('tbody', null, rows.map(function (r) {
              return h('tr', { 'data-requirement': r.id }, [h('td', null, h('code', null, r.id)), h('td', null, r.title), h('td', null, reqBadge(r.status)), h('td', { class: 'checks' }, checkButtons(r.checks || [])), h('td', null, r.detail)]);
            })),
          ]);
          details.appendChild(list);
        }
        details.addEventListener('toggle', fill);
        if (D.view === 'compliance') { details.open = true; fill(); }
        return h('div', { class: 'fw', 'data-framework': fw.id }, [
          h('h3', null, fw.name + ' ' + fw.version),
          h('p', null, [
            h('span', { class: 'score' }, pct(fw.score)),
            'score over ' + decided + ' decided requirement(s): ' + t.pass + ' pass \u00b7 ' + t.fail + ' fail \u00b7 ' + t['not-evaluated'] + ' not evaluated \u00b7 ' + t.manual + ' manual',
          ]),
          bar,
          h('button', { type: 'button', class: 'jump', onclick: function () { setFilter('framework', fw.id); } }, 'Show its findings'),
          details,
        ]);
      }),
    ]);
  }

  /* ------------------------------------------------------------ findings: filters, sorting, table, detail */
  var FILTERS = ['status', 'severity', 'service', 'account', 'region', 'domain', 'framework'];
  /** The check filter has no control of its own: a requirement's check buttons set it, Clear filters clears it. */
  var filters = { q: '', check: '' };
  FILTERS.forEach(function (k) { filters[k] = ''; });
  var haystacks = null;
  var statusRank = {};
  STATUSES.forEach(function (s, i) { statusRank[s] = i; });
  var sevRank = {};
  SEVERITIES.forEach(function (s, i) { sevRank[s] = i; });
  var COLUMNS = [
    { key: 'status', title: 'Status', value: function (f) { return statusRank[f.status]; } },
    { key: 'severity', title: 'Severity', value: function (f) { return sevRank[checkOf(f).severity]; } },
    { key: 'title', title: 'Check', value: function (f) { return checkOf(f).title; } },
    { key: 'resource', title: 'Resource', value: function (f) { return f.resource.name; } },
    { key: 'account', title: 'Account', value: function (f) { return f.resource.account; }, accounts: true },
    { key: 'region', title: 'Region', value: function (f) { return f.resource.region; } },
    { key: 'service', title: 'Service', value: function (f) { return checkOf(f).service; } },
    { key: 'domain', title: 'Domain', value: function (f) { return checkOf(f).domain; } },
  ].filter(function (c) { return accountScoped || !c.accounts; });
  var sort = { key: null, dir: 1 };
  var order = defaultOrder();
  var matching = [];
  var shown = 0;
  var tbody, countEl, moreBtn, panel, panelBody, lastRow = null, controls = {};

  function defaultOrder() {
    var idx = new Array(findings.length);
    for (var i = 0; i < findings.length; i++) idx[i] = i;
    idx.sort(function (a, b) {
      var fa = findings[a], fb = findings[b];
      return statusRank[fa.status] - statusRank[fb.status] || sevRank[checkOf(fa).severity] - sevRank[checkOf(fb).severity] || a - b;
    });
    return idx;
  }
  function sortBy(key) {
    if (sort.key === key) sort.dir = -sort.dir;
    else { sort.key = key; sort.dir = 1; }
    var col = COLUMNS.filter(function (c) { return c.key === key; })[0];
    var keys = new Array(findings.length);
    for (var i = 0; i < findings.length; i++) keys[i] = col.value(findings[i]);
    var dir = sort.dir;
    order = defaultOrder();
    order.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    var ths = document.querySelectorAll('table.findings th[data-key]');
    for (var j = 0; j < ths.length; j++) {
      var th = ths[j];
      if (th.getAttribute('data-key') === key) th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    apply();
  }
  function haystackOf(f) {
    var c = checkOf(f);
    var r = f.resource;
    var tags = r.tags ? Object.keys(r.tags).map(function (k) { return k + '=' + r.tags[k]; }).join(' ') : '';
    return [f.checkId, c.title, f.message, r.name, r.id, r.arn || '', r.kind, r.account, r.region, c.service, c.domain, tags, f.fingerprint].join('\n').toLowerCase();
  }
  function matches(f, i, terms) {
    if (filters.status && f.status !== filters.status) return false;
    var c = checkOf(f);
    if (filters.severity && c.severity !== filters.severity) return false;
    if (filters.service && c.service !== filters.service) return false;
    if (filters.account && f.resource.account !== filters.account) return false;
    if (filters.region && f.resource.region !== filters.region) return false;
    if (filters.domain && c.domain !== filters.domain) return false;
    if (filters.framework && c.frameworks.indexOf(filters.framework) < 0) return false;
    if (filters.check && f.checkId !== filters.check) return false;
    if (terms.length > 0) {
      var hay = haystacks[i];
      if (hay === undefined) hay = haystacks[i] = haystackOf(f);
      for (var t = 0; t < terms.length; t++) if (hay.indexOf(terms[t]) < 0) return false;
    }
    return true;
  }
  function apply() {
    var t0 = performance.now();
    var terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length > 0 && !haystacks) haystacks = new Array(findings.length);
    var out = [];
    for (var k = 0; k < order.length; k++) {
      var i = order[k];
      if (matches(findings[i], i, terms)) out.push(i);
    }
    matching = out;
    shown = 0;
    tbody.textContent = '';
    showMore();
    document.documentElement.setAttribute('data-filter-ms', String(Math.round((performance.now() - t0) * 10) / 10));
  }
  function row(i) {
    var f = findings[i];
    var c = checkOf(f);
    var tr = h('tr', { tabindex: '-1', 'data-index': String(i), 'aria-selected': 'false' }, [
      h('td', null, statusBadge(f.status)),
      h('td', null, sevLabel(c.severity)),
      h('td', null, c.title),
      h('td', { class: 'res' }, f.resource.name),
      accountScoped ? h('td', null, f.resource.account) : null,
      h('td', null, f.resource.region),
      h('td', null, c.service),
      h('td', null, domainTitles[c.domain] || c.domain),
    ]);
    return tr;
  }
  function showMore() {
    var end = Math.min(matching.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = shown; k < end; k++) frag.appendChild(row(matching[k]));
    tbody.appendChild(frag);
    var first = shown === 0 ? tbody.firstElementChild : null;
    if (first) first.setAttribute('tabindex', '0');
    shown = end;
    countEl.textContent = 'Showing ' + fmt(shown) + ' of ' + fmt(matching.length) + ' matching finding' + (matching.length === 1 ? '' : 's') + (filters.check ? ' of check ' + filters.check : '') + ' (' + fmt(findings.length) + ' in the report).';
    moreBtn.hidden = shown >= matching.length;
    moreBtn.textContent = 'Show ' + fmt(Math.min(PAGE, matching.length - shown)) + ' more';
  }
  function setFilter(key, value) {
    filters[key] = value;
    if (controls[key]) controls[key].value = value;
    apply();
    var target = document.getElementById('findings');
    if (target && target.scrollIntoView) target.scrollIntoView();
  }
  function distinct(get) {
    var seen = {};
    for (var i = 0; i < findings.length; i++) seen[get(findings[i])] = true;
    return Object.keys(seen).filter(Boolean).sort();
  }
  function select(key, label, options) {
    var el = h('select', { id: 'filter-' + key, name: key }, [h('option', { value: '' }, 'All')].concat(options.map(function (o) {
      return h('option', { value: o[0] }, o[1]);
    })));
    el.addEventListener('change', function () { filters[key] = el.value; apply(); });
    controls[key] = el;
    return h('label', { for: 'filter-' + key }, [label, el]);
  }
  function findingsView() {
    var timer = null;
    var search = h('input', { type: 'search', id: 'filter-q', placeholder: 'check, resource, message, tag, ARN\u2026', autocomplete: 'off' });
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { filters.q = search.value; apply(); }, 120);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); filters.q = search.value; apply(); }
    });
    controls.q = search;
    var pairs = function (list) { return list.map(function (v) { return [v, v]; }); };
    var accountNames = {};
    (D.accounts || []).forEach(function (a) { accountNames[a.id] = a.alias ? a.id + ' (' + a.alias + ')' : a.id; });
    var form = h('form', { class: 'controls', role: 'search', 'aria-label': 'Filter findings', onsubmit: function (e) { e.preventDefault(); } }, [
      h('label', { for: 'filter-q' }, ['Search', search]),
      select('status', 'Status', STATUSES.map(function (s) { return [s, STATUS_LABEL[s]]; })),
      select('severity', 'Severity', pairs(SEVERITIES)),
      select('service', 'Service', pairs(distinct(function (f) { return checkOf(f).service; }))),
      accountScoped ? select('account', 'Account', distinct(function (f) { return f.resource.account; }).map(function (a) { return [a, accountNames[a] || a]; })) : null,
      select('region', 'Region', pairs(distinct(function (f) { return f.resource.region; }))),
      select('domain', 'Domain', distinct(function (f) { return checkOf(f).domain; }).map(function (d) { return [d, domainTitles[d] || d]; })),
      select('framework', 'Framework', (D.frameworks || []).map(function (fw) { return [fw.id, fw.name + ' ' + fw.version]; })),
      h('button', { type: 'button', id: 'filter-reset', onclick: function () {
        filters.q = ''; search.value = ''; filters.check = '';
        FILTERS.forEach(function (k) { filters[k] = ''; if (controls[k]) controls[k].value = ''; });
        apply();
      } }, 'Clear filters'),
    ]);
    countEl = h('p', { class: 'count', id: 'findings-count', role: 'status', 'aria-live': 'polite' });
    tbody = h('tbody');
    tbody.addEventListener('click', function (e) {
      var tr = e.target.closest ? e.target.closest('tr') : null;
      if (tr) open(tr);
    });
    tbody.addEventListener('keydown', onRowKey);
    var table = h('table', { class: 'findings', 'aria-label': 'Findings. Arrow keys move between rows; Enter or Space opens the details.' }, [
      h('thead', null, h('tr', null, COLUMNS.map(function (c) {
        return h('th', { scope: 'col', 'data-key': c.key }, h('button', { type: 'button', onclick: function () { sortBy(c.key); } }, c.title));
      }))),
      tbody,
    ]);
    moreBtn = h('button', { type: 'button', class: 'more', onclick: showMore });
    return h('section', { class: 'view', id: 'findings', 'aria-labelledby': 'findings-h' }, [
      h('h2', { id: 'findings-h' }, 'Findings'),
      form, countEl, table, moreBtn,
    ]);
  }
  function onRowKey(e) {
    var tr = e.target;
    if (!tr || tr.tagName !== 'TR') return;
    var next = null;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(tr); return; }
    if (e.key === 'ArrowDown') next = tr.nextElementSibling;
    else if (e.key === 'ArrowUp') next = tr.previousElementSibling;
    else if (e.key === 'Home') next = tbody.firstElementChild;
    else if (e.key === 'End') next = tbody.lastElementChild;
    else return;
    e.preventDefault();
    if (next) { tr.setAttribute('tabindex', '-1'); next.setAttribute('tabindex', '0'); next.focus(); }
  }
  function section(title, kids) {
    return [h('h3', null, title), kids];
  }
  function dl(pairs) {
    return h('dl', null, pairs.filter(function (p) { return p[1] !== null && p[1] !== undefined && p[1] !== ''; }).map(function (p) {
      return [h('dt', null, p[0]), h('dd', null, p[1])];
    }));
  }
  function open(tr) {
    var f = findings[Number(tr.getAttribute('data-index'))];
    if (!f) return;
    if (lastRow) lastRow.setAttribute('aria-selected', 'false');
    lastRow = tr;
    tr.setAttribute('aria-selected', 'true');
    var c = checkOf(f);
    var r = f.resource;
    var rem = c.remediation || {};
    var tags = r.tags ? Object.keys(r.tags) : [];
    var refs = f.compliance && f.compliance.length > 0
      ? f.compliance.map(function (x) { return x.framework + ' ' + x.version + ' ' + x.requirement; })
      : c.refs;
    panelBody.textContent = '';
    var url = safeUrl(rem.url);
    add(panelBody, [
      h('h2', { id: 'detail-title', tabindex: '-1' }, c.title),
      h('p', null, [statusBadge(f.status), ' ', sevLabel(c.severity), ' ', h('code', null, f.checkId)]),
      h('p', { class: 'message' }, f.message),
      f.reason ? h('p', null, 'Not evaluated: ' + f.reason + (f.gap ? ' (' + [f.gap.field, f.gap.action, f.gap.detail].filter(Boolean).join(', ') + ')' : '')) : null,
      f.suppression ? h('p', null, 'Muted by suppressions[' + f.suppression.entry.index + ']: ' + f.suppression.reason + (f.suppression.expires ? ' (until ' + f.suppression.expires + ')' : '')) : null,
      section('Resource', dl([
        ['Name', r.name], ['Id', r.id], ['Kind', r.kind], ['ARN', r.arn], ['Account', r.account], ['Region', r.region],
        ['Service', c.service], ['Domain', domainTitles[c.domain] || c.domain],
      ])),
      tags.length > 0 ? section('Tags', dl(tags.map(function (k) { return [k, r.tags[k]]; }))) : null,
      c.risk ? section('Risk', h('p', null, c.risk)) : null,
      section('Evidence', h('pre', { class: 'evidence' }, JSON.stringify(f.evidence || {}, null, 2))),
      section('Remediation', [
        h('p', null, rem.text || ''),
        rem.cli ? [h('h4', null, 'AWS CLI'), h('pre', null, rem.cli)] : null,
        rem.cloudformation ? [h('h4', null, 'CloudFormation'), h('pre', null, rem.cloudformation)] : null,
        rem.terraform ? [h('h4', null, 'Terraform'), h('pre', null, rem.terraform)] : null,
        url ? h('p', null, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'AWS documentation')) : null,
      ]),
      section('Compliance', refs.length > 0 ? h('ul', null, refs.map(function (x) { return h('li', null, x); })) : h('p', { class: 'empty' }, 'No framework requirement cites this check.')),
      section('Fingerprint', h('code', null, f.fingerprint)),
    ]);
    panel.hidden = false;
    var title = document.getElementById('detail-title');
    if (title) title.focus();
  }
  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    if (lastRow && lastRow.isConnected) {
      var current = tbody.querySelector('tr[tabindex="0"]');
      if (current) current.setAttribute('tabindex', '-1');
      lastRow.setAttribute('tabindex', '0');
      lastRow.focus();
    }
  }
  function detailPanel() {
    panelBody = h('div', { class: 'detail-body' });
    panel = h('aside', { class: 'detail', id: 'detail', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'detail-title', hidden: true }, [
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: close }, 'Close \u2715'),
      panelBody,
    ]);
    return panel;
  }

  /* ------------------------------------------------------------ page */
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && panel && !panel.hidden) { e.preventDefault(); close(); }
  });
  window.addEventListener('beforeprint', function () {
    var all = document.querySelectorAll('details');
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });
  var VIEWS = { overview: overview, trend: trendView, map: mapView, compliance: complianceView, findings: findingsView };
  var sections = D.sections || ['overview', 'trend', 'map', 'compliance', 'findings'];
  add(app, sections.map(function (name) { return VIEWS[name] ? VIEWS[name]() : null; }));
  if (!tbody) add(app, findingsView());
  add(app, detailPanel());
  apply();
  document.documentElement.setAttribute('data-render-ms', String(Math.round((performance.now() - started) * 10) / 10));
  document.documentElement.setAttribute('data-ready-at', String(Math.round(performance.now() * 10) / 10));
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
