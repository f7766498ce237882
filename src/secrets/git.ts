/**
 * Secrets in a repository's history, read through git itself: `git log -p -U0` streams every commit's patch and
 * only the lines each commit added are scanned (a secret is reported in the commit that introduced it, with
 * its author and date, not again in every later commit). Merge commits show no patch of their own, as in
 * `git log -p`: what they bring in is reported in the commits that wrote it.
 */
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

import { scanText, type Finding } from './scan.js';

/** Where in the history a secret was added. */
export interface CommitInfo {
  commit: string;
  /** `Name <email>` as git records the author. */
  author: string;
  /** The author date, ISO 8601 with its offset. */
  date: string;
}

export interface HistoryFinding extends Finding, CommitInfo {
  path: string;
  /** The added line as written, to honour `onus:ignore` on it. */
  lineText: string;
}

export interface HistoryScan {
  findings: HistoryFinding[];
  commits: number;
  /** Bytes of patch text read from git. */
  bytes: number;
}

export interface HistoryOptions {
  /** A revision range (`origin/main..HEAD`); default every ref (`--all`). */
  range?: string;
  /** The git executable (tests point it elsewhere). */
  git?: string;
}

/** Marks the start of a commit in the log: a record separator no patch line starts with, then fields. */
const COMMIT_MARK = '\u001eonus\u001f';
const FORMAT = `${COMMIT_MARK}%H\u001f%an <%ae>\u001f%aI`;

/** The arguments of the `git log` onus runs; shown in errors so a user can run it by hand. */
export function gitLogArgs(range: string | undefined): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '-p',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    '--full-history',
    `--format=${FORMAT}`,
    ...(range === undefined ? ['--all'] : [range, '--']),
  ];
}

/** `"b/caf\303\251 \"x\""` -> `café "x"`: git quotes paths with C escapes (octal bytes of UTF-8). */
export function unquoteGitPath(quoted: string): string {
  if (!quoted.startsWith('"')) return quoted;
  const bytes: number[] = [];
  const body = quoted.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path after `+++ b/`, or null for `+++ /dev/null` (a deleted file adds nothing). */
function newPathOf(header: string): string | null {
  // git ends the name with a tab when it holds a space, so that the name's end is unambiguous.
  const raw = header.endsWith('\t') ? header.slice(4, -1) : header.slice(4);
  if (raw === '/dev/null') return null;
  const path = unquoteGitPath(raw);
  return path.startsWith('b/') ? path.slice(2) : path;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git log -p -U0` output line by line and hands each file's added lines of each commit to `onFile`. */
export class PatchReader {
  private commit: CommitInfo | null = null;
  private path: string | null = null;
  private added: string[] = [];
  private lineNumbers: number[] = [];
  private nextLine = 0;
  private oldLeft = 0;
  private newLeft = 0;
  commits = 0;

  constructor(
    private readonly onFile: (commit: CommitInfo, path: string, lines: string[], numbers: number[]) => void,
  ) {}

  line(text: string): void {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      // Inside a hunk: with -U0 it holds exactly oldLeft removed and newLeft added lines.
      const mark = text.charCodeAt(0);
      if (mark === 43 /* + */ && this.newLeft > 0) {
        this.added.push(text.slice(1));
        this.lineNumbers.push(this.nextLine++);
        this.newLeft--;
        return;
      }
      if (mark === 45 /* - */ && this.oldLeft > 0) {
        this.oldLeft--;
        return;
      }
      if (mark === 92 /* \ No newline at end of file */) return;
      // Anything else ends the hunk early (should not happen); read it as a header.
      this.oldLeft = 0;
      this.newLeft = 0;
    }
    if (text.startsWith(COMMIT_MARK)) {
      this.flush();
      const [commit = '', author = '', date = ''] = text.slice(COMMIT_MARK.length).split('\u001f');
      this.commit = { commit, author, date };
      this.path = null;
      this.commits++;
    } else if (text.startsWith('diff --git ')) {
      this.flush();
      this.path = null;
    } else if (text.startsWith('+++ ')) {
      this.path = newPathOf(text);
    } else if (text.startsWith('@@ ')) {
      if (text.charCodeAt(3) === 45 /* - */) {
        const hunk = HUNK.exec(text);
        if (hunk) {
          this.oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
          this.newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
          this.nextLine = Number(hunk[2]);
        }
      }
    }
    // `\ No newline`, `Binary files ... differ`, mode lines, `index`, `---`: nothing to scan.
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.commit !== null && this.path !== null && this.added.length > 0) {
      this.onFile(this.commit, this.path, this.added, this.lineNumbers);
    }
    this.added = [];
    this.lineNumbers = [];
  }
}

/** The findings in the lines one commit added to one file, at their real line numbers. */
export function scanAddedLines(
  commit: CommitInfo,
  path: string,
  lines: readonly string[],
  numbers: readonly number[],
): HistoryFinding[] {
  const findings = scanText(lines.join('\n'), { path });
  return findings.map((finding) => ({
    ...finding,
    ...commit,
    path,
    line: numbers[finding.line - 1] ?? finding.line,
    lineText: lines[finding.line - 1] ?? '',
  }));
}

export class GitError extends Error {}

/** Runs `git log -p` in `repository` and scans every added line of every commit. */
export async function scanGitHistory(repository: string, options: HistoryOptions = {}): Promise<HistoryScan> {
  const git = options.git ?? 'git';
  const args = gitLogArgs(options.range);
  const child = spawn(git, args, { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] });
  const findings: HistoryFinding[] = [];
  const reader = new PatchReader((commit, path, lines, numbers) => {
    findings.push(...scanAddedLines(commit, path, lines, numbers));
  });
  let bytes = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const spawnError = new Promise<never>((_, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new GitError(
          error.code === 'ENOENT'
            ? `${git} is not installed or not on PATH`
            : `cannot run ${git}: ${error.message}`,
        ),
      );
    });
  });
  const exited = new Promise<number>((resolve) => {
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
  // Split by hand rather than with readline: one string per chunk, sliced into lines, is several times faster.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      reader.line(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  });
  const reading = new Promise<void>((resolve) => {
    child.stdout.on('end', () => {
      rest += decoder.end();
      if (rest !== '') reader.line(rest);
      reader.end();
      resolve();
    });
  });
  await Promise.race([Promise.all([reading, exited]), spawnError]);
  const code = await exited;
  if (code !== 0) {
    const first = stderr.trim().split('\n')[0] ?? '';
    throw new GitError(`git log failed in ${repository}: ${first || `exit code ${String(code)}`}`);
  }
  return { findings, commits: reader.commits, bytes };
}
