import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('./commands/checks.js', () => ({
  listChecks: () => {
    throw new TypeError('cannot read properties of undefined');
  },
}));

const { main } = await import('./main.js');

describe('an unexpected error', () => {
  const stderr: string[] = [];
  afterEach(() => {
    stderr.length = 0;
  });
  function capture() {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  }

  it('exits 1 with one line and a hint, without a stack trace', async () => {
    capture();
    expect(await main(['node', 'onus', 'checks'])).toBe(1);
    const text = stderr.join('');
    expect(text).toContain('onus: unexpected error: cannot read properties of undefined');
    expect(text).toContain('run again with --debug');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace with --debug', async () => {
    capture();
    expect(await main(['node', 'onus', '--debug', 'checks'])).toBe(1);
    expect(stderr.join('')).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});
