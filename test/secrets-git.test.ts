import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { ReportedSecret } from '../src/cli/commands/secrets.js';
import { PatchReader, unquoteGitPath } from '../src/secrets/git.js';
import { base62, crc32 } from '../src/secrets/rules/validators.js';
import { KEY_ID, SECRET_KEY } from '../src/testing/formats.js';
import { onus } from './support/onus-cli.js';

/** A GitHub token with a valid checksum, built here so this file does not hold one literally. */
const TOKEN_BODY = 'uPmsqQzB4mYn0dWq6M9mAJ2xa8Hs1Y';
const GITHUB_TOKEN = ['ghp', '_', TOKEN_BODY, base62(crc32(TOKEN_BODY), 6)].join('');

/** A repository whose history is written commit by commit, with fixed authors and dates. */
class Repo {
  readonly dir = mkdtempSync(join(tmpdir(), 'onus-secrets-git-'));
  private count = 0;

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Dev One',
        GIT_AUTHOR_EMAIL: 'dev@example.com',
        GIT_COMMITTER_NAME: 'Dev One',
        GIT_COMMITTER_EMAIL: 'dev@example.com',
      },
    });
  }

  /** Writes (or with null deletes) files and commits them; returns the commit id. */
  commit(
    files: Record<string, string | null>,
    date = `2026-0${String(1 + this.count)}-15T10:00:00+00:00`,
  ): string {
    this.count++;
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) rmSync(full);
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    this.git('add', '-A');
    this.git(
      '-c',
      'commit.gpgsign=false',
      'commit',
      '-q',
      '-m',
      `change ${String(this.count)}`,
      '--date',
      date,
    );
    return this.git('rev-parse', 'HEAD').trim();
  }
}

async function history(
  args: string[],
): Promise<{ code: number; findings: ReportedSecret[]; stderr: string }> {
  const run = await onus(['secrets', '--git', '--format', 'json', ...args]);
  const findings = run.stdout ? (JSON.parse(run.stdout) as { findings: ReportedSecret[] }).findings : [];
  return { code: run.code, findings, stderr: run.stderr };
}

describe('onus secrets --git', () => {
  it('reports a secret that was committed and later removed, with the commit that added it, its author, date, path and line', async () => {
    const repo = new Repo();
    repo.commit({ 'app/config.py': 'import os\n\nDEBUG = True\n' });
    const leaking = repo.commit({
      'app/config.py': `import os\n\nDEBUG = True\naws_access_key_id = "${KEY_ID}"\naws_secret_access_key = "${SECRET_KEY}"\n`,
    });
    repo.commit({ 'app/config.py': 'import os\n\nDEBUG = True\n' });

    // The working tree is clean: only the history shows the key.
    const files = await onus(['secrets', '--format', 'json', repo.dir]);
    expect((JSON.parse(files.stdout) as { findings: unknown[] }).findings).toEqual([]);

    const { code, findings } = await history([repo.dir]);
    expect(code).toBe(3);
    const secret = findings.find((finding) => finding.ruleId === 'aws-secret-access-key');
    expect(secret).toMatchObject({
      path: 'app/config.py',
      line: 5,
      commit: leaking,
      author: 'Dev One <dev@example.com>',
      date: '2026-02-15T10:00:00+00:00',
    });
    expect(findings.every((finding) => finding.commit === leaking)).toBe(true);
    expect(JSON.stringify(findings)).not.toContain(SECRET_KEY);
  });

  it('reports a secret once, in the commit that introduced it, though later commits edit other lines of the file', async () => {
    const repo = new Repo();
    const first = repo.commit({ 'deploy.sh': `#!/bin/sh\nexport GITHUB_TOKEN=${GITHUB_TOKEN}\n` });
    repo.commit({ 'deploy.sh': `#!/bin/sh\n# deploy\nexport GITHUB_TOKEN=${GITHUB_TOKEN}\necho done\n` });
    const { findings } = await history([repo.dir]);
    expect(findings.map((finding) => [finding.ruleId, finding.commit, finding.line])).toEqual([
      ['github-pat', first, 2],
    ]);
  });

  it('reads secrets in files on other branches and in paths with spaces and non-ASCII characters', async () => {
    const repo = new Repo();
    repo.commit({ 'README.md': 'hello\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const onBranch = repo.commit({ 'docs/café notes.txt': `token: ${GITHUB_TOKEN}\n` });
    repo.git('checkout', '-q', 'main');
    const { findings } = await history([repo.dir]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'docs/café notes.txt', line: 1, commit: onBranch });
  });

  it('limits the scan to a revision range with --git-range', async () => {
    const repo = new Repo();
    repo.commit({ 'old.env': `GITHUB_TOKEN=${GITHUB_TOKEN}\n` });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.commit({ 'new.txt': 'nothing secret here\n' });
    const { code, findings } = await history([repo.dir, '--git-range', `${base}..HEAD`]);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('honours onus:ignore on the committed line', async () => {
    const repo = new Repo();
    repo.commit({ 'a.txt': `GITHUB_TOKEN=${GITHUB_TOKEN} # onus:ignore\n` });
    const { code, findings } = await history([repo.dir]);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('says in one line that a directory is not a git repository, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-not-a-repo-'));
    const run = await onus(['secrets', '--git', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${dir}.*git log failed.*not a git repository`, 'i'));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --git-range without --git', async () => {
    const run = await onus(['secrets', '--git-range', 'HEAD~1..HEAD', '.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--git-range needs --git');
  });
});

describe('reading git patches', () => {
  it('numbers added lines from the hunk header and skips removed lines', () => {
    const files: [string, string[], number[]][] = [];
    const reader = new PatchReader((_, path, lines, numbers) => files.push([path, lines, numbers]));
    for (const line of [
      '\u001eonus\u001fabc\u001fA <a@x>\u001f2026-01-01T00:00:00Z',
      '',
      'diff --git a/f b/f',
      'index 1..2 100644',
      '--- a/f',
      '+++ b/f',
      '@@ -3 +3,2 @@',
      '-old',
      '+new one',
      '+++ b/not-a-header, an added line',
      '@@ -10,0 +12 @@ context',
      '+twelve',
      'diff --git a/g b/g',
      'deleted file mode 100644',
      '--- a/g',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-gone',
    ])
      reader.line(line);
    reader.end();
    expect(files).toEqual([['f', ['new one', '++ b/not-a-header, an added line', 'twelve'], [3, 4, 12]]]);
  });

  it('unquotes the C-style paths git writes for unusual names', () => {
    expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\".txt"')).toBe('b/café "x".txt');
    expect(unquoteGitPath('b/plain.txt')).toBe('b/plain.txt');
  });
});
