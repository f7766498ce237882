import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/onus-cli.js';

/** What the serve tests share: a plain HTTP GET on loopback, and `onus serve` as a process. */

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function get(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${String(port)}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface ServeProcess {
  url: string;
  port: number;
  /** What it printed on stdout. */
  stdout: string;
  /** Sends SIGINT; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `onus serve --port 0 ARGS` from source and resolves once it prints its URL. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    process.execPath,
    ['--import', tsx, join(ROOT, 'src/cli/bin.ts'), 'serve', '--port', '0', ...args],
    { env: { ...process.env, ONUS_SERVE_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => {
      reject(new Error(`onus serve exited ${String(code)} before printing its URL: ${stdout}${stderr}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    stdout,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) {
          resolve(child.exitCode);
          return;
        }
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}
