import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { findingsIn, globMatcher, sourceFiles, type WalkOptions, type WalkProblem } from './files.js';
import { base62, crc32 } from './rules/validators.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'onus-secrets-files-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function walk(root: string, options: WalkOptions = {}): { paths: string[]; problems: WalkProblem[] } {
  const problems: WalkProblem[] = [];
  const paths = [...sourceFiles(['.'], problems, { cwd: root, ...options })].map((file) => file.path);
  return { paths, problems };
}

describe('sourceFiles', () => {
  it('honours the common .gitignore patterns, nested files and negation', () => {
    const root = tree({
      '.gitignore': ['# comment', '*.log', '!keep.log', '/top.txt', 'build/', 'docs/**/draft.md', ''].join(
        '\n',
      ),
      'a.log': 'x',
      'keep.log': 'x',
      'top.txt': 'x',
      'sub/top.txt': 'x',
      'build/out.js': 'x',
      'src/build': 'a file named build is not a directory',
      'docs/a/b/draft.md': 'x',
      'docs/final.md': 'x',
      'sub/.gitignore': 'local.cfg\n',
      'sub/local.cfg': 'x',
      'local.cfg': 'x',
      '.git/config': 'x',
      'node_modules/pkg/index.js': 'x',
    });
    expect(walk(root).paths).toEqual([
      '.gitignore',
      'docs/final.md',
      'keep.log',
      'local.cfg',
      'src/build',
      'sub/.gitignore',
      'sub/top.txt',
    ]);
    expect(walk(root, { gitignore: false }).paths).toContain('build/out.js');
    expect(walk(root, { gitignore: false }).paths).not.toContain('.git/config');
  });

  it('applies --include and --exclude globs', () => {
    const root = tree({ 'a.py': 'x', 'b.js': 'x', 'vendor/c.py': 'x', 'src/d.py': 'x' });
    expect(walk(root, { include: ['*.py'] }).paths).toEqual(['a.py', 'src/d.py', 'vendor/c.py']);
    expect(walk(root, { include: ['*.py'], exclude: ['vendor'] }).paths).toEqual(['a.py', 'src/d.py']);
    expect(walk(root, { exclude: ['src/**/*.py'] }).paths).toEqual(['a.py', 'b.js', 'vendor/c.py']);
    expect(globMatcher('**/*.env')('deploy/prod.env')).toBe(true);
    expect(globMatcher('*.env')('deploy/prod.envx')).toBe(false);
  });

  it('skips binary files silently, and unreadable files and symlink loops with a warning', () => {
    const root = tree({
      'text.txt': 'hello',
      'image.bin': Buffer.from([0x89, 0x50, 0x00, 0x01, 0x41]),
      'big.bin': Buffer.concat([Buffer.from([0x00, 0x01]), Buffer.alloc(3000, 0x41)]),
      'dir/file.txt': 'x',
    });
    symlinkSync('..', join(root, 'dir/loop'));
    const { paths, problems } = walk(root, { maxBytes: 1000 });
    expect(paths).toEqual(['dir/file.txt', 'text.txt']);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'dir/loop', message: 'skipped: symlink loop', severity: 'warning' }),
    ]);
  });

  it('reads a file over the size limit in windows and finds every secret once, at its line, across the cuts', () => {
    // Filler lines of 50 bytes; secrets every 37 lines, so that some fall on or across window cuts.
    const lines: string[] = [];
    const expected: string[] = [];
    for (let line = 1; line <= 3000; line++) {
      if (line % 37 === 0) {
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
        let seed = line;
        const body = Array.from({ length: 30 }, () => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return alphabet.charAt(Math.floor((seed / 2147483648) * 62));
        }).join('');
        lines.push(`GITHUB_TOKEN=ghp_${body}${base62(crc32(body), 6)}`);
        expected.push(`${String(line)} github-pat`);
      } else lines.push(`filler line ${String(line).padStart(6, '0')} of text, nothing secret here.`);
    }
    lines[1499] = '-----BEGIN OPENSSH PRIVATE KEY-----';
    for (let i = 1500; i < 1520; i++)
      lines[i] = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
    lines[1520] = '-----END OPENSSH PRIVATE KEY-----';
    const root = tree({ 'huge.env': `${lines.join('\n')}\n` });
    const problems: WalkProblem[] = [];
    // Windows of 4 KB over 150 KB: about 40 cuts, each window repeating up to 64 KB of the one before.
    const windows = [...sourceFiles(['.'], problems, { cwd: root, maxBytes: 4096 })];
    expect(windows.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
    for (const window of windows) {
      const first = window.text.split('\n')[0];
      expect(first).toBe(lines[(window.window?.firstLine ?? 1) - 1]);
    }
    const found = windows
      .flatMap(findingsIn)
      .map((finding) => `${String(finding.line)} ${finding.ruleId}`)
      .sort();
    const key = found.filter((entry) => entry.endsWith('private-key-openssh'));
    expect(found.filter((entry) => entry.endsWith('github-pat'))).toEqual(
      expected.filter((entry) => !/^15(0[0-9]|1[0-9]|20) /.test(entry)).sort(),
    );
    // Reported at its first line of key material, as when the file is read whole.
    expect(key).toEqual(['1501 private-key-openssh']);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as a warning and goes on', () => {
    const root = tree({ 'a.txt': 'x', 'b.txt': 'y' });
    chmodSync(join(root, 'a.txt'), 0o000);
    const { paths, problems } = walk(root);
    expect(paths).toEqual(['b.txt']);
    expect(problems).toEqual([expect.objectContaining({ path: 'a.txt', severity: 'warning' })]);
  });

  it('reads stdin for - and reports a missing path as an error', () => {
    const problems: WalkProblem[] = [];
    const files = [...sourceFiles(['-', 'no/such/file'], problems, { readStdin: () => 'from stdin' })];
    expect(files).toEqual([{ path: '<stdin>', text: 'from stdin' }]);
    expect(problems).toEqual([expect.objectContaining({ path: 'no/such/file', severity: 'error' })]);
  });
});
