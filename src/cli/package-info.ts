import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed package's root (works from `src` under tsx/vitest and from `dist` once built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The bundled demo account snapshot. */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));
