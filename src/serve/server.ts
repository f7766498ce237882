import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { Store } from '../findings/store/types.js';
import { formatHtmlReport, REPORT_CSP } from '../formats/html-report.js';
import { diffJson, diffOf, NotFound, RUN_ID } from './data.js';
import { diffPage, errorPage, runsPage } from './pages.js';
import { pageOfRun } from './report.js';

/**
 * `onus serve`: a read-only dashboard over the findings store. GET and HEAD only; bound to loopback unless
 * told otherwise, and then only with a token; the Host header must name the bound host (DNS rebinding); every
 * response carries a strict Content-Security-Policy and no-store. See docs/report.md#onus-serve.
 */

export interface ServeOptions {
  store: Store;
  host: string;
  port: number;
  /** Required by the caller for any host that is not loopback; when set, every request must carry it. */
  token?: string | undefined;
}

export interface Serving {
  server: Server;
  /** `http://127.0.0.1:8765/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The dashboard's own pages run no script and fetch nothing; GET forms go to the dashboard itself. */
export const SERVE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The cookie a browser keeps after opening `?token=`: a digest of the token, never the token itself. */
export const COOKIE = 'onus_serve';

export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** The names a Host header may give for a server bound to `host`. */
export function allowedHostnames(host: string): Set<string> {
  const bracket = (address: string) =>
    address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase();
  const names = new Set<string>();
  if (isLoopback(host) || WILDCARD.has(host)) {
    for (const name of ['localhost', '127.0.0.1', '[::1]']) names.add(name);
  }
  if (WILDCARD.has(host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(bracket(address.address));
    }
    names.add(hostname().toLowerCase());
  } else {
    names.add(bracket(host.replace(/^\[|\]$/g, '')));
  }
  return names;
}

/** Whether a Host header names this server: one of the allowed names, with its port (80 may be left out). */
export function hostAllowed(header: string | undefined, names: ReadonlySet<string>, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const givenPort = match[2] === undefined ? 80 : Number(match[2]);
  return names.has(match[1].toLowerCase().replace(/\.$/, '')) && givenPort === port;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
/** Compares in constant time: both sides are hashed to the same length first. */
const sameDigest = (given: string, expected: Buffer) => timingSafeEqual(digest(given), expected);
const sessionOf = (token: string) => digest(`onus-serve-session\u0000${token}`).toString('base64url');

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index !== -1 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function securityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: 'html' | 'json' | 'text',
  body: string,
  csp = SERVE_CSP,
): void {
  securityHeaders(res, csp);
  const contentType = {
    html: 'text/html; charset=utf-8',
    json: 'application/json; charset=utf-8',
    text: 'text/plain; charset=utf-8',
  }[type];
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The request handler, without the listening: exported for tests. */
export function handler(
  options: Omit<ServeOptions, 'port'> & { names: ReadonlySet<string>; port: () => number },
) {
  const { store, token } = options;
  const expected = token === undefined ? null : digest(token);
  const session = token === undefined ? null : digest(sessionOf(token));

  const authorized = (req: IncomingMessage): boolean => {
    if (expected === null || session === null) return true;
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (auth?.[1] && sameDigest(auth[1], expected)) return true;
    const cookie = cookieOf(req, COOKIE);
    return cookie !== undefined && sameDigest(cookie, session);
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    const api = path.startsWith('/api/');
    const problem = (status: number, message: string) =>
      api
        ? send(req, res, status, 'json', `${JSON.stringify({ error: message })}\n`)
        : send(req, res, status, 'html', errorPage(status, message));
    try {
      if (path === '/' || path === '/index.html') {
        send(req, res, 200, 'html', runsPage(await store.listRuns(), store.location));
      } else if (path === '/api/runs') {
        send(req, res, 200, 'json', `${JSON.stringify(await store.listRuns(), null, 2)}\n`);
      } else if (path === '/diff' || path === '/api/diff') {
        const diff = await diffOf(
          store,
          url.searchParams.get('a') || null,
          url.searchParams.get('b') || null,
        );
        if (api) send(req, res, 200, 'json', `${JSON.stringify(diffJson(diff), null, 2)}\n`);
        else send(req, res, 200, 'html', diffPage(diff, await store.listRuns()));
      } else {
        const match = /^\/(api\/)?runs\/([^/]+)$/.exec(path);
        const id = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
        if (id === undefined) {
          problem(404, `nothing at ${path}: see / for the runs`);
          return;
        }
        const run = RUN_ID.test(id) ? await store.getRun(id) : null;
        if (!run) throw new NotFound(`no run '${id}' in the store`);
        if (api) {
          const body = { run, findings: await store.findingsOf(run.id) };
          send(req, res, 200, 'json', `${JSON.stringify(body, null, 2)}\n`);
        } else {
          const page = formatHtmlReport(await pageOfRun(store, run));
          send(req, res, 200, 'html', page, `${REPORT_CSP}; frame-ancestors 'none'`);
        }
      }
    } catch (error) {
      if (error instanceof NotFound) problem(404, error.message);
      else if (error instanceof URIError) problem(400, 'malformed path');
      else {
        process.stderr.write(`onus serve: ${error instanceof Error ? error.message : String(error)}\n`);
        problem(500, 'the store could not be read; see the server’s output');
      }
    }
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!hostAllowed(req.headers.host, options.names, options.port())) {
      send(req, res, 403, 'text', 'onus serve: this Host is not the one the server is bound to\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(req, res, 405, 'text', 'onus serve only reads: GET and HEAD\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://onus.invalid');
    const given = url.searchParams.get('token');
    if (given !== null && expected !== null && token !== undefined) {
      if (!sameDigest(given, expected)) {
        send(req, res, 401, 'text', 'onus serve: wrong token\n');
        return;
      }
      // Keep it in a cookie the page's scripts cannot read, and take it out of the address bar and history.
      url.searchParams.delete('token');
      securityHeaders(res, SERVE_CSP);
      res.writeHead(303, {
        // One leading slash: `//host` would send the browser elsewhere.
        Location: `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        'Set-Cookie': `${COOKIE}=${sessionOf(token)}; Path=/; HttpOnly; SameSite=Strict`,
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    if (!authorized(req)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="onus"');
      send(
        req,
        res,
        401,
        'text',
        'onus serve: a token is required (Authorization: Bearer TOKEN, or open /?token=TOKEN)\n',
      );
      return;
    }
    void route(req, res, url);
  };
}

/** Starts listening; resolves once bound (port 0 picks a free port). */
export async function startServer(options: ServeOptions): Promise<Serving> {
  let port = options.port;
  const names = allowedHostnames(options.host);
  const server = createServer(handler({ ...options, names, port: () => port }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shown =
    options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${shown}:${String(port)}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
