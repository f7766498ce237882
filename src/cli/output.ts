import { writeFile } from 'node:fs/promises';

import { UserError } from './errors.js';

/** Writes a result to `--output` (true when it did) or to stdout; an unwritable file is the user's to fix. */
export async function deliver(text: string, output: string | undefined): Promise<boolean> {
  if (!output) {
    process.stdout.write(text);
    return false;
  }
  try {
    await writeFile(output, text);
  } catch (error) {
    throw new UserError(
      `--output: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return true;
}
