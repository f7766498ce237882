import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { globMatcher, sourceFiles, type WalkOptions, type WalkProblem } from './files.js';

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

  it('skips binary files silently, and huge files, unreadable files and symlink loops with a warning', () => {
    const root = tree({
      'text.txt': 'hello',
      'image.bin': Buffer.from([0x89, 0x50, 0x00, 0x01, 0x41]),
      'big.txt': 'y'.repeat(2000),
      'dir/file.txt': 'x',
    });
    symlinkSync('..', join(root, 'dir/loop'));
    const { paths, problems } = walk(root, { maxBytes: 1000 });
    expect(paths).toEqual(['dir/file.txt', 'text.txt']);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'big.txt', severity: 'warning' }),
      expect.objectContaining({ path: 'dir/loop', message: 'skipped: symlink loop', severity: 'warning' }),
    ]);
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
