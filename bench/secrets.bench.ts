/**
 * How fast `onus secrets` reads text, against secretlint 13 with its recommended preset, and how fast it reads a
 * repository's history.
 *
 *   npm run bench:secrets [-- --mb 40] [-- --history-mb 50]
 *
 * Corpus: real source text (the .js/.ts/.json/.md files of this repository's node_modules, in sorted order, up
 * to --mb megabytes), plus 300 generated files each holding well-formed fake secrets of the kinds both tools
 * detect. Both tools scan the same strings in memory, one file at a time, in the same process and run (no file
 * walking, no output): onus with `scanText`, secretlint with `lintSource` and
 * `@secretlint/secretlint-rule-preset-recommend`. Prints MB/s of each, the ratio (goal: onus at least 2x), and
 * the findings each reports per family of secrets both detect.
 *
 * History: a repository of about --history-mb megabytes of patches (generated with `git fast-import`) scanned by
 * `onus secrets --git` (in process), against `git log -p` alone writing to /dev/null (the lower bound: onus
 * cannot read history faster than git prints it). Goal: at least 10 MB/s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';

import { gitLogArgs, scanGitHistory } from '../src/secrets/git.js';
import { base62, crc32 } from '../src/secrets/rules/validators.js';
import { scanText } from '../src/secrets/scan.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const CORPUS_MB = flag('--mb', 40);
const HISTORY_MB = flag('--history-mb', 50);
const MB = 1024 * 1024;

interface TextFile {
  path: string;
  content: string;
}

/** A seeded generator, so every run scans the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function chars(next: () => number, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
  return out;
}

function githubToken(next: () => number): string {
  const body = chars(next, 30);
  return `ghp_${body}${base62(crc32(body), 6)}`;
}

/** One file of fake secrets of the families both tools detect, in the places people leave them. */
function plantedFile(i: number, next: () => number): TextFile {
  const keyId = `AKIA${chars(next, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const secretKey = chars(next, 40, `${ALNUM}/+`);
  const lines = [
    `# service ${String(i)}`,
    `aws_access_key_id = ${keyId}`,
    `aws_secret_access_key = ${secretKey}`,
    `GITHUB_TOKEN=${githubToken(next)}`,
    `SLACK_BOT_TOKEN=xoxb-${chars(next, 11, '0123456789')}-${chars(next, 13, '0123456789')}-${chars(next, 24)}`,
    `SENDGRID_API_KEY=SG.${chars(next, 22)}.${chars(next, 43)}`,
    `DATABASE_URL=postgres://app:${chars(next, 16)}@db${String(i)}.internal:5432/app`,
    '-----BEGIN RSA PRIVATE KEY-----',
    ...Array.from({ length: 8 }, () => chars(next, 64, `${ALNUM}/+`)),
    '-----END RSA PRIVATE KEY-----',
  ];
  return { path: `planted/service-${String(i)}/.env`, content: `${lines.join('\n')}\n` };
}

/** Text files of node_modules in sorted order, up to `limit` bytes. */
function realText(root: string, limit: number): TextFile[] {
  const files: TextFile[] = [];
  let total = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (total >= limit) return;
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (
        stat.isFile() &&
        stat.size < 2 * MB &&
        ['.js', '.mjs', '.cjs', '.ts', '.json', '.md', '.yml', '.yaml'].includes(extname(name))
      ) {
        const content = readFileSync(path, 'utf8');
        files.push({ path: path.slice(root.length + 1), content });
        total += Buffer.byteLength(content);
      }
    }
  };
  walk(root);
  return files;
}

/** The family of secret a rule reports, for the rules both tools have. */
function family(ruleId: string, messageId = ''): string | null {
  const id = `${ruleId} ${messageId}`.toLowerCase();
  if (id.includes('aws')) return 'aws';
  if (id.includes('github')) return 'github';
  if (id.includes('slack')) return 'slack';
  if (id.includes('sendgrid')) return 'sendgrid';
  if (id.includes('private') || id.includes('pem') || id.includes('rsa')) return 'private key';
  if (id.includes('database') || id.includes('postgres') || id.includes('connection')) return 'database url';
  return null;
}

function bytesOf(files: readonly TextFile[]): number {
  return files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
}

function count(map: Map<string, number>, key: string | null): void {
  if (key !== null) map.set(key, (map.get(key) ?? 0) + 1);
}

async function secretlintScan(files: readonly TextFile[]): Promise<Map<string, number>> {
  const families = new Map<string, number>();
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };
  for (const file of files) {
    const result = await lintSource({
      source: { filePath: `/corpus/${file.path}`, content: file.content, contentType: 'text' },
      options: { config, maskSecrets: true },
    });
    for (const message of result.messages) count(families, family(message.ruleId, message.messageId));
  }
  return families;
}

function onusScan(files: readonly TextFile[]): Map<string, number> {
  const families = new Map<string, number>();
  for (const file of files) {
    for (const finding of scanText(file.content, { path: file.path }))
      count(families, family(finding.ruleId));
  }
  return families;
}

/** A repository of about `megabytes` of patches: commits that add and rewrite files of real text. */
function historyRepo(corpus: readonly TextFile[], megabytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'onus-bench-history-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks: string[] = [];
  const next = random(7);
  let written = 0;
  let commit = 0;
  const pool = corpus.filter((file) => file.content.length > 2000);
  while (written < megabytes * MB) {
    commit++;
    const message = `change ${String(commit)}`;
    chunks.push(
      `commit refs/heads/main\nmark :${String(commit)}\n` +
        `committer Bench <bench@example.com> ${String(1_700_000_000 + commit * 3600)} +0000\n` +
        `data ${String(Buffer.byteLength(message))}\n${message}\n` +
        (commit > 1 ? `from :${String(commit - 1)}\n` : ''),
    );
    for (let f = 0; f < 8 && written < megabytes * MB; f++) {
      const source = pool[Math.floor(next() * pool.length)];
      if (!source) break;
      let content = source.content;
      if (commit % 25 === 0 && f === 0) content += `\n${plantedFile(commit, next).content}`;
      const path = `src/part${String(commit % 40)}/file${String(f)}${extname(source.path) || '.txt'}`;
      chunks.push(`M 100644 inline ${path}\ndata ${String(Buffer.byteLength(content))}\n${content}\n`);
      written += Buffer.byteLength(content);
    }
    chunks.push('\n');
  }
  const stream = chunks.join('');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, maxBuffer: 1024 * MB });
  return dir;
}

function rate(bytes: number, ms: number): string {
  return `${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s`;
}

async function main(): Promise<void> {
  const root = new URL('..', import.meta.url).pathname;
  const next = random(42);
  const planted = Array.from({ length: 300 }, (_, i) => plantedFile(i, next));
  const real = realText(join(root, 'node_modules'), CORPUS_MB * MB);
  const corpus = [...real, ...planted];
  const bytes = bytesOf(corpus);
  console.log(
    `corpus: ${String(corpus.length)} files, ${(bytes / MB).toFixed(1)} MB (${String(planted.length)} files of planted secrets)`,
  );

  // Warm both up (regex compilation, JIT) on the planted files.
  onusScan(planted);
  await secretlintScan(planted);

  let start = performance.now();
  const onusFamilies = onusScan(corpus);
  const onusMs = performance.now() - start;
  start = performance.now();
  const secretlintFamilies = await secretlintScan(corpus);
  const secretlintMs = performance.now() - start;

  console.log(`onus        ${(onusMs / 1000).toFixed(2)} s  ${rate(bytes, onusMs)}`);
  console.log(`secretlint  ${(secretlintMs / 1000).toFixed(2)} s  ${rate(bytes, secretlintMs)}`);
  const ratio = secretlintMs / onusMs;
  console.log(
    `ratio: onus is ${ratio.toFixed(1)}x secretlint (goal: at least 2x) ${ratio >= 2 ? 'OK' : 'BELOW GOAL'}`,
  );
  console.log('\nfindings per family (planted: 300 of each; aws counts key ids and secret keys)');
  console.log('family        onus  secretlint');
  for (const name of ['aws', 'github', 'slack', 'sendgrid', 'private key', 'database url']) {
    console.log(
      `${name.padEnd(12)} ${String(onusFamilies.get(name) ?? 0).padStart(5)}  ${String(secretlintFamilies.get(name) ?? 0).padStart(10)}`,
    );
  }

  const repo = historyRepo(real, HISTORY_MB);
  try {
    start = performance.now();
    const plain = spawnSync('git', gitLogArgs(undefined), { cwd: repo, maxBuffer: 4096 * MB });
    const gitMs = performance.now() - start;
    const patchBytes = plain.stdout.length;
    start = performance.now();
    const history = await scanGitHistory(repo);
    const historyMs = performance.now() - start;
    console.log(
      `\nhistory: ${String(history.commits)} commits, ${(history.bytes / MB).toFixed(1)} MB of patches, ${String(history.findings.length)} findings`,
    );
    console.log(`git log -p alone   ${(gitMs / 1000).toFixed(2)} s  ${rate(patchBytes, gitMs)}`);
    console.log(`onus secrets --git ${(historyMs / 1000).toFixed(2)} s  ${rate(history.bytes, historyMs)}`);
    const mbps = history.bytes / MB / (historyMs / 1000);
    console.log(
      `history: ${mbps.toFixed(1)} MB/s (goal: at least 10 MB/s) ${mbps >= 10 ? 'OK' : 'BELOW GOAL'}; ${(historyMs / gitMs).toFixed(2)}x the time of git log alone`,
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

await main();
