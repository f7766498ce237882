import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = new URL('../..', import.meta.url).pathname;
/** tsx by path: `--import tsx` would resolve from the working directory, which need not be the repository. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * Scans record their runs; in tests they go to one temporary SQLite store per test process (never `.onus/` in
 * the repository, never a database ONUS_DATABASE_URL names), unless a test passes its own ONUS_DATABASE_URL.
 */
const STORE_DIR = mkdtempSync(join(tmpdir(), 'onus-test-store-'));
export const TEST_STORE = join(STORE_DIR, 'onus.db');
process.on('exit', () => {
  rmSync(STORE_DIR, { recursive: true, force: true });
});

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the onus CLI from source as a user would run the binary, in `cwd` (the repository by default). */
export function onus(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ONUS_DATABASE_URL: TEST_STORE, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}
