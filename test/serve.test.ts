import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFinding, testReport } from '../src/findings/store/contract.js';
import { openStore } from '../src/findings/store/open.js';
import type { RunRecord, Store } from '../src/findings/store/types.js';
import { REPORT_CSP } from '../src/formats/html-report.js';
import { allowedHostnames, hostAllowed, SERVE_CSP, startServer, type Serving } from '../src/serve/server.js';
import { get, startServe } from './serve.process.js';
import { onus } from './support/onus-cli.js';

const TOKEN = 'a-test-token-0123456789abcdef';
const XSS = '<img src=x onerror=alert(1)>';

/** Two recorded scans of one scope: in the second, `s3.public` on bucket-a passes (resolved), `s3.tls` still fails. */
async function recordTwoRuns(file: string): Promise<[RunRecord, RunRecord]> {
  const store = await openStore({ store: file });
  try {
    const first = await store.recordRun(
      'scan',
      testReport([
        testFinding('s3.public', 'FAIL'),
        testFinding('s3.tls', 'FAIL', XSS),
        testFinding('s3.versioning', 'PASS'),
        testFinding('s3.logging', 'NOT_EVALUATED'),
      ]),
    );
    const second = await store.recordRun(
      'scan',
      testReport(
        [
          testFinding('s3.public', 'PASS'),
          testFinding('s3.tls', 'FAIL', XSS),
          testFinding('s3.versioning', 'PASS'),
          testFinding('s3.logging', 'PASS'),
        ],
        { generatedAt: '2026-06-02T12:00:00.000Z' },
      ),
    );
    return [first, second];
  } finally {
    await store.close();
  }
}

describe('onus serve', () => {
  let dir: string;
  let file: string;
  let runs: [RunRecord, RunRecord];
  let mtime: number;
  let store: Store;
  let open: Serving;
  let guarded: Serving;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onus-serve-'));
    file = join(dir, 'onus.db');
    runs = await recordTwoRuns(file);
    mtime = statSync(file).mtimeMs;
    store = await openStore({ store: file, create: false });
    open = await startServer({ store, host: '127.0.0.1', port: 0 });
    guarded = await startServer({ store, host: '127.0.0.1', port: 0, token: TOKEN });
  });

  afterAll(async () => {
    await open.close();
    await guarded.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists both runs, with links to their reports and their diff', async () => {
    const [first, second] = runs;
    const page = await get(open.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`href="/runs/${first.id}"`);
    expect(page.body).toContain(`href="/runs/${second.id}"`);
    expect(page.body).toContain(`href="/diff?a=${first.id}&amp;b=${second.id}"`);
    const api = await get(open.port, '/api/runs');
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((JSON.parse(api.body) as RunRecord[]).map((run) => run.id)).toEqual([second.id, first.id]);
  });

  it('serves a run as the HTML report, with its JSON island and the trend up to it', async () => {
    const [first, second] = runs;
    const page = await get(open.port, `/runs/${second.id}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(`${REPORT_CSP}; frame-ancestors 'none'`);
    const island = /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(page.body);
    const data = JSON.parse(island?.[1] ?? 'null') as {
      findings: { checkId: string; status: string }[];
      trend: { runId: string; counts: { FAIL: number } }[];
      map: unknown;
      frameworks: unknown[];
    };
    expect(data.findings.map((f) => `${f.checkId} ${f.status}`)).toEqual([
      's3.public PASS',
      's3.tls FAIL',
      's3.versioning PASS',
      's3.logging PASS',
    ]);
    expect(data.trend.map((point) => [point.runId, point.counts.FAIL])).toEqual([
      [first.id, 2],
      [second.id, 1],
    ]);
    expect(data.map).toBeNull();
    expect(data.frameworks.length).toBeGreaterThan(0);
    // The first link of the page leads back to the runs.
    expect(/<a [^>]*>[^<]*/.exec(page.body)?.[0]).toBe('<a class="home" href="/">← All runs');
    expect(page.body).toContain('needs the run’s inventory');
    // The value an attacker controls never reaches the HTML unescaped.
    expect(page.body).not.toContain(XSS);
    const api = await get(open.port, `/api/runs/${first.id}`);
    expect((JSON.parse(api.body) as { findings: unknown[] }).findings).toHaveLength(4);
    expect((await get(open.port, '/runs/20990101T000000Z-0000ff')).status).toBe(404);
    expect((await get(open.port, '/runs/%3Cscript%3E')).status).toBe(404);
    expect((await get(open.port, '/nothing')).status).toBe(404);
  });

  it('diffs the latest two runs of a scope by default, escaped, and as JSON', async () => {
    const [first, second] = runs;
    const page = await get(open.port, '/diff');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Resolved (1)');
    expect(page.body).toContain('Still failing (1)');
    expect(page.body).toContain('New (0)');
    expect(/<a [^>]*>[^<]*/.exec(page.body)?.[0]).toBe('<a href="/">Runs');
    const resolved = /<section id="resolved">([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
    expect(resolved).toContain('s3.public');
    expect(page.body).not.toContain(XSS);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const api = await get(open.port, `/api/diff?a=${first.id}&b=${second.id}`);
    const diff = JSON.parse(api.body) as {
      from: RunRecord;
      to: RunRecord;
      counts: Record<string, number>;
      resolved: { checkId: string }[];
    };
    expect([diff.from.id, diff.to.id]).toEqual([first.id, second.id]);
    expect(diff.counts).toEqual({ new: 0, resolved: 1, stillFailing: 1, muted: 0, notRechecked: 0 });
    expect(diff.resolved.map((line) => line.checkId)).toEqual(['s3.public']);
    expect((await get(open.port, '/api/diff?a=nope')).status).toBe(404);
  });

  it('only reads: anything but GET and HEAD is 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await get(open.port, '/', { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
    const head = await get(open.port, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('sends the security headers on every response', async () => {
    for (const [path, csp] of [
      ['/', SERVE_CSP],
      ['/diff', SERVE_CSP],
      ['/api/runs', SERVE_CSP],
      ['/nothing', SERVE_CSP],
      [`/runs/${runs[0].id}`, `${REPORT_CSP}; frame-ancestors 'none'`],
    ] as const) {
      const reply = await get(open.port, path);
      expect(reply.headers['content-security-policy']).toBe(csp);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    expect(SERVE_CSP).toMatch(/^default-src 'none'/);
    expect(SERVE_CSP).not.toContain('script-src');
  });

  it('refuses a Host header that is not the bound host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${String(open.port)}`, '127.0.0.1:1']) {
      const reply = await get(open.port, '/api/runs', { headers: { host } });
      expect(reply.status).toBe(403);
      expect(reply.body).not.toContain(runs[0].id);
    }
    expect((await get(open.port, '/', { headers: { host: `localhost:${String(open.port)}` } })).status).toBe(
      200,
    );
    const names = allowedHostnames('10.1.2.3');
    expect(hostAllowed('10.1.2.3:8765', names, 8765)).toBe(true);
    expect(hostAllowed('localhost:8765', names, 8765)).toBe(false);
    expect(hostAllowed('[::1]:8765', allowedHostnames('::1'), 8765)).toBe(true);
    expect(hostAllowed(undefined, names, 8765)).toBe(false);
  });

  it('with a token: none or a wrong one is 401; the right one in a header, or once in the URL, is let in', async () => {
    expect((await get(guarded.port, '/')).status).toBe(401);
    expect((await get(guarded.port, '/api/runs')).status).toBe(401);
    expect((await get(guarded.port, '/', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(
      401,
    );
    expect((await get(guarded.port, '/?token=wrong')).status).toBe(401);
    const bearer = await get(guarded.port, '/api/runs', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);

    const first = await get(guarded.port, `/diff?a=${runs[0].id}&token=${TOKEN}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/diff?a=${runs[0].id}`);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    // A path that would make `//host` of the redirect stays on this server.
    expect((await get(guarded.port, `/x/..//evil.example/?token=${TOKEN}`)).headers.location).toBe(
      '/evil.example/',
    );
    const session = cookie.split(';')[0] ?? '';
    expect((await get(guarded.port, '/', { headers: { cookie: session } })).status).toBe(200);
    expect((await get(guarded.port, '/', { headers: { cookie: `${session}x` } })).status).toBe(401);
    // The Host check comes first, token or not.
    expect(
      (await get(guarded.port, '/', { headers: { host: 'evil.example', authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(403);
  });

  it('leaves the store as it was', async () => {
    expect(await store.listRuns()).toHaveLength(2);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses to listen beyond loopback without a token: one line, exit 2', async () => {
    const run = await onus(['serve', '--host', '0.0.0.0', '--store', join(dir, 'none.db')], {
      ONUS_SERVE_TOKEN: '',
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^onus: serve: --host 0\.0\.0\.0 .*token/);
  });

  it('`onus serve` prints its URL, answers, and stops on SIGINT', async () => {
    const serving = await startServe(['--store', file]);
    expect((await get(serving.port, '/api/runs')).status).toBe(200);
    expect(await serving.stop()).toBe(0);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses a store of an older schema without touching it, naming the command that upgrades it', async () => {
    // A store at schema version 0: the version table exists, no migration is applied yet.
    const old = join(dir, 'old.db');
    const db = new Database(old);
    db.exec(
      'CREATE TABLE onus_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    db.close();
    const bytes = readFileSync(old);
    const refused = await onus(['serve', '--port', '0', '--store', old]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(`onus: store ${old}: its schema is version 0, older than this onus's`);
    expect(refused.stderr).toContain(`upgrade it with \`onus history --store ${old}\``);
    expect(readFileSync(old)).toEqual(bytes);
    const check = new Database(old, { readonly: true });
    expect(check.prepare('SELECT name FROM sqlite_master').all()).toEqual([
      { name: 'onus_schema_migrations' },
    ]);
    check.close();

    // The command it names upgrades it; then serve starts.
    const upgraded = await onus(['history', '--store', old]);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    const serving = await startServe(['--store', old]);
    expect(JSON.parse((await get(serving.port, '/api/runs')).body)).toEqual([]);
    expect(await serving.stop()).toBe(0);
  });
});

describe('the HTML report of `onus scan` shows the trend of its recorded runs', () => {
  const island = (html: string) =>
    JSON.parse(
      /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
    ) as { trend: { runId: string; coverage: number | null }[] | null };

  it('fills it from the store after recording the run; --no-store: no trend, no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-trend-'));
    try {
      const file = join(dir, 'onus.db');
      const scan = (...extra: string[]) =>
        onus(['scan', '--demo', '--format', 'html', '--fail-on', 'none', ...extra]);
      const first = await scan('--store', file);
      expect(first.code).toBe(0);
      expect(island(first.stdout).trend).toHaveLength(1);
      const second = await scan('--store', file);
      const trend = island(second.stdout).trend ?? [];
      expect(trend).toHaveLength(2);
      expect(second.stderr).toContain(`recorded run ${trend[1]?.runId ?? '?'}`);
      expect(trend[0]?.coverage).toBeGreaterThan(0);
      const none = await scan('--no-store');
      expect(none.code).toBe(0);
      expect(island(none.stdout).trend).toBeNull();
      expect(none.stdout).not.toContain('href="#trend"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
