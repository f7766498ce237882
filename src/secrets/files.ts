/**
 * The files `onus secrets PATH...` reads: files and directories walked depth-first in name order, `.gitignore`d
 * paths, `.git` and `node_modules` left out, binary and huge files skipped, `-` for stdin. Problems (unreadable
 * files, symlink loops) are reported and the walk goes on.
 *
 * `.gitignore` support covers what real repositories use: blank lines and `#` comments, `*`, `?`, `[...]`,
 * `**` (leading, trailing and in the middle), a leading or inner `/` anchoring the pattern to its directory, a
 * trailing `/` for directories only, and `!` negation (which, as in git, cannot re-include a file whose directory
 * is ignored). Not supported: `.git/info/exclude`, the global `core.excludesFile`, `\ ` escaped trailing spaces
 * and git's case-insensitive mode.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readTextFile } from '../sources/text-file.js';
import { scanText, type Finding } from './scan.js';

/** Files up to this size are read whole; bigger ones are read in overlapping windows of about this size. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * How much of a window the next one repeats (cut at a line start): more than any secret spans (a 4096-bit PEM
 * key is about 3.3 KB) and more than the 5 lines an AWS key id and its secret may lie apart.
 */
const WINDOW_OVERLAP_BYTES = 64 * 1024;
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
export const STDIN_PATH = '<stdin>';

export interface SourceFile {
  /** As shown and fingerprinted: relative to the working directory, `/`-separated; `<stdin>` for `-`. */
  path: string;
  text: string;
  /**
   * Set when a huge file is read in windows: the line of the file `text` starts at (1-based), and where the
   * part this window adds begins in `text` (the window before it also held what comes before: findings that
   * start there were already reported).
   */
  window?: { firstLine: number; newFrom: number };
}

export interface WalkProblem {
  path: string;
  message: string;
  /** `error`: a PATH that could not be read at all (exit 2); `warning`: a file skipped, the scan goes on. */
  severity: 'error' | 'warning';
}

export interface WalkOptions {
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
  /** Only files matching one of these globs (a glob without `/` matches the file name). */
  include?: readonly string[];
  /** Files and directories matching one of these globs are left out. */
  exclude?: readonly string[];
  maxBytes?: number;
  /** Where `-` reads from (tests). */
  readStdin?: () => string;
  cwd?: string;
}

/** A glob (`*`, `**`, `?`, `[...]`) as a regular expression over a whole `/`-separated path. */
export function globSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*') {
      if (glob.charAt(index + 1) === '*') {
        const slashBefore = index === 0 || glob.charAt(index - 1) === '/';
        const slashAfter = glob.charAt(index + 2) === '/';
        if (slashBefore && slashAfter) {
          source += '(?:.*/)?';
          index += 2;
          continue;
        }
        source += '.*';
        index += 1;
        continue;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close === -1) {
        source += '\\[';
      } else {
        const body = glob
          .slice(index + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = close;
      }
    } else if (char === '\\' && index + 1 < glob.length) {
      source += escapeChar(glob.charAt(index + 1));
      index += 1;
    } else {
      source += escapeChar(char);
    }
  }
  return source;
}

function escapeChar(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

/** `--include`/`--exclude`: a glob with a `/` matches the path, one without matches any path segment's name. */
export function globMatcher(glob: string): (path: string) => boolean {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const pattern = trimmed.includes('/')
    ? new RegExp(`^(?:.*/)?${globSource(trimmed)}(?:/.*)?$`)
    : new RegExp(`(?:^|/)${globSource(trimmed)}(?:/|$)`);
  return (path) => pattern.test(path);
}

interface IgnoreRule {
  pattern: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

/** The rules of one `.gitignore`, relative to its directory. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globSource(line);
    rules.push({
      pattern: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`),
      negated,
      directoryOnly,
    });
  }
  return rules;
}

interface IgnoreFile {
  /** Absolute directory of the `.gitignore`. */
  base: string;
  rules: IgnoreRule[];
}

/** Whether the last matching rule of the applicable `.gitignore` files ignores the path. */
function ignored(stack: readonly IgnoreFile[], absolute: string, directory: boolean): boolean {
  let result = false;
  for (const file of stack) {
    const path = relative(file.base, absolute).split(sep).join('/');
    if (path === '' || path.startsWith('..')) continue;
    for (const rule of file.rules) {
      if (rule.directoryOnly && !directory) continue;
      if (rule.pattern.test(path)) result = !rule.negated;
    }
  }
  return result;
}

function loadIgnore(directory: string): IgnoreFile | null {
  const file = join(directory, '.gitignore');
  if (!existsSync(file)) return null;
  try {
    return { base: directory, rules: parseGitignore(readFileSync(file, 'utf8')) };
  } catch {
    return null;
  }
}

/** The `.gitignore` files of the directories above `directory`, up to its repository's root (if any). */
function ancestorsIgnores(directory: string): IgnoreFile[] {
  const chain: string[] = [];
  for (let current = dirname(directory); ; current = dirname(current)) {
    chain.unshift(current);
    if (existsSync(join(current, '.git')) || dirname(current) === current) break;
  }
  if (!chain.some((dir) => existsSync(join(dir, '.git')))) return [];
  return chain.map(loadIgnore).filter((file): file is IgnoreFile => file !== null);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * The secrets in a file (or a window of a huge one, at the file's line numbers): a window repeats the end of the
 * one before, and what lies wholly there was found in that one.
 */
export function findingsIn(file: SourceFile): Finding[] {
  const findings = scanText(file.text, { path: file.path });
  const window = file.window;
  if (window === undefined) return findings;
  return findings
    .filter((finding) => finding.end > window.newFrom)
    .map((finding) => ({ ...finding, line: finding.line + window.firstLine - 1 }));
}

/**
 * A file too big to hold whole, in windows of about `size` bytes cut at line ends, each repeating the end of the
 * one before (WINDOW_OVERLAP_BYTES), so a secret across a cut is whole in the next window. Memory stays about
 * two windows whatever the file's size. A file whose first bytes hold a NUL is binary and yields nothing.
 */
function* windowsOf(absolute: string, path: string, size: number): Generator<SourceFile> {
  const fd = openSync(absolute, 'r');
  try {
    const chunk = Buffer.alloc(size);
    let overlap = Buffer.alloc(0); // the end of the window before, repeated for context
    let pending = Buffer.alloc(0); // read, not yet in a window: a partial last line
    let firstLine = 1;
    let probed = false;
    for (;;) {
      const read = readSync(fd, chunk, 0, size, null);
      if (!probed) {
        probed = true;
        if (chunk.subarray(0, Math.min(read, 8192)).includes(0)) return;
      }
      const fresh = Buffer.concat([pending, chunk.subarray(0, read)]);
      let cut = read === 0 ? fresh.length : fresh.lastIndexOf(0x0a) + 1;
      // A whole window without a line end is taken as it is rather than grown without bound.
      if (cut === 0) cut = fresh.length;
      if (cut === 0) return;
      pending = Buffer.from(fresh.subarray(cut));
      const overlapText = overlap.toString('utf8');
      yield {
        path,
        text: overlapText + fresh.subarray(0, cut).toString('utf8'),
        window: { firstLine, newFrom: overlapText.length },
      };
      if (read === 0 && pending.length === 0) return;
      const whole = Buffer.concat([overlap, fresh.subarray(0, cut)]);
      let keepFrom = whole.length - WINDOW_OVERLAP_BYTES;
      if (keepFrom <= 0) keepFrom = 0;
      else {
        const lineEnd = whole.indexOf(0x0a, keepFrom);
        keepFrom = lineEnd === -1 ? whole.length : lineEnd + 1;
      }
      for (let at = whole.indexOf(0x0a); at !== -1 && at < keepFrom; at = whole.indexOf(0x0a, at + 1))
        firstLine++;
      overlap = Buffer.from(whole.subarray(keepFrom));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of every file under the paths, in order, with the problems met on the way. Files are read one at a
 * time, as the caller asks for them.
 */
export function* sourceFiles(
  paths: readonly string[],
  problems: WalkProblem[],
  options: WalkOptions = {},
): Generator<SourceFile> {
  const cwd = options.cwd ?? process.cwd();
  const useGitignore = options.gitignore ?? true;
  const includes = (options.include ?? []).map(globMatcher);
  const excludes = (options.exclude ?? []).map(globMatcher);
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const display = (absolute: string): string => {
    const path = relative(cwd, absolute).split(sep).join('/');
    return path === '' ? '.' : path;
  };

  function* read(absolute: string, stats: Stats): Generator<SourceFile> {
    const path = display(absolute);
    const read = readTextFile(absolute, maxBytes, stats.size);
    if (read.ok) yield { path, text: read.text };
    else if (read.reason === 'huge') {
      try {
        yield* windowsOf(absolute, path, maxBytes);
      } catch (error) {
        problems.push({ path, message: `cannot read: ${errorCode(error)}`, severity: 'warning' });
      }
    } else if (read.reason === 'unreadable') {
      problems.push({ path, message: `cannot read: ${read.code}`, severity: 'warning' });
    }
  }

  function* walk(directory: string, stack: IgnoreFile[], visited: Set<string>): Generator<SourceFile> {
    let real: string;
    try {
      real = realpathSync(directory);
    } catch (error) {
      problems.push({
        path: display(directory),
        message: `cannot read: ${errorCode(error)}`,
        severity: 'warning',
      });
      return;
    }
    if (visited.has(real)) {
      problems.push({ path: display(directory), message: 'skipped: symlink loop', severity: 'warning' });
      return;
    }
    visited.add(real);
    const own = useGitignore ? loadIgnore(directory) : null;
    const here = own ? [...stack, own] : stack;
    let entries: string[];
    try {
      entries = readdirSync(directory).sort();
    } catch (error) {
      problems.push({
        path: display(directory),
        message: `cannot read: ${errorCode(error)}`,
        severity: 'warning',
      });
      visited.delete(real);
      return;
    }
    for (const name of entries) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const absolute = join(directory, name);
      let stats: Stats;
      try {
        stats = statSync(absolute);
      } catch (error) {
        const code = errorCode(error);
        problems.push({
          path: display(absolute),
          message: code === 'ELOOP' ? 'skipped: symlink loop' : `cannot read: ${code}`,
          severity: 'warning',
        });
        continue;
      }
      const directoryEntry = stats.isDirectory();
      if (useGitignore && ignored(here, absolute, directoryEntry)) continue;
      const path = display(absolute);
      if (excludes.some((matches) => matches(path))) continue;
      if (directoryEntry) {
        yield* walk(absolute, here, visited);
      } else if (stats.isFile()) {
        if (includes.length > 0 && !includes.some((matches) => matches(path))) continue;
        yield* read(absolute, stats);
      }
    }
    visited.delete(real);
  }

  for (const given of paths) {
    if (given === '-') {
      try {
        yield { path: STDIN_PATH, text: (options.readStdin ?? (() => readFileSync(0, 'utf8')))() };
      } catch (error) {
        problems.push({ path: STDIN_PATH, message: `cannot read: ${errorCode(error)}`, severity: 'error' });
      }
      continue;
    }
    const absolute = resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = errorCode(error);
      problems.push({
        path: given,
        message: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}`,
        severity: 'error',
      });
      continue;
    }
    if (stats.isDirectory()) {
      yield* walk(absolute, useGitignore ? ancestorsIgnores(absolute) : [], new Set());
    } else {
      // A file named on the command line is read whatever .gitignore and the globs say.
      yield* read(absolute, stats);
    }
  }
}
