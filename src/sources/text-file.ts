import { readFileSync, statSync } from 'node:fs';

/** How much of a file is probed for a NUL byte: text files have none, nearly every binary format has some. */
const BINARY_PROBE_BYTES = 8192;

export type TextFile =
  | { ok: true; text: string }
  | { ok: false; reason: 'huge'; size: number }
  | { ok: false; reason: 'binary' }
  | { ok: false; reason: 'unreadable'; code: string };

/**
 * A file's text, or why it is not read: over `maxBytes`, binary, or unreadable (with the error's code). Shared
 * by every reader of users' files (templates, Terraform, secrets scanning), so they skip the same files.
 */
export function readTextFile(path: string, maxBytes: number, size?: number): TextFile {
  try {
    const bytes = size ?? statSync(path).size;
    if (bytes > maxBytes) return { ok: false, reason: 'huge', size: bytes };
    const buffer = readFileSync(path);
    if (buffer.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { ok: false, reason: 'binary' };
    return { ok: true, text: buffer.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: 'unreadable',
      code: code ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}
