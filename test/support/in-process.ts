import { vi } from 'vitest';

import { main } from '../../src/cli/main.js';

/**
 * Runs the onus CLI in this process, so that the AWS SDK mocks of the test apply, and returns its exit code and
 * what it wrote to stdout and stderr.
 */
export async function onusInProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    const code = await main(['node', 'onus', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
