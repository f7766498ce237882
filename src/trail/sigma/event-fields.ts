import type { TrailEvent } from '../types.js';

/**
 * Reads a dotted path (`userIdentity.sessionContext.sessionIssuer.type`) from an event. A key that itself
 * contains dots wins when present at the top level. Arrays met on the way are walked element by element, so
 * `requestParameters.ipPermissions.items.ipRanges.items.cidrIp` gives every CIDR of the request.
 */
export function compileFieldPath(path: string): (event: TrailEvent) => unknown {
  const segments = path.split('.');
  const read = readerOf(path);
  if (segments.length === 1) return read;
  const readers = segments.map(readerOf);
  return (event) => {
    const whole = read(event);
    if (whole !== undefined) return whole;
    return walk(event, readers, 0);
  };
}

type Reader = (value: unknown) => unknown;

function walk(value: unknown, readers: readonly Reader[], index: number): unknown {
  let current = value;
  for (let i = index; i < readers.length; i++) {
    if (Array.isArray(current)) return walkArray(current, readers, i);
    const read = readers[i];
    if (read === undefined) return undefined;
    current = read(current);
    if (current === undefined) return undefined;
  }
  return current;
}

function walkArray(items: readonly unknown[], readers: readonly Reader[], index: number): unknown {
  const found: unknown[] = [];
  for (const item of items) {
    const value = walk(item, readers, index);
    if (value === undefined) continue;
    if (Array.isArray(value)) found.push(...(value as unknown[]));
    else found.push(value);
  }
  return found.length === 0 ? undefined : found;
}

/**
 * Reads one own property of an object (undefined for anything else). Records come from JSON.parse, so their
 * objects' prototype is Object.prototype: a name it lacks (every CloudTrail field) is read directly; a name
 * it has (`constructor`, `toString`, `__proto__` in a rule) must be an own property to count.
 */
function readerOf(key: string): Reader {
  if (key in Object.prototype) {
    return (value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)[key]
      : undefined;
}

const jsonTexts = new WeakMap<object, string>();
const lowerJsonTexts = new WeakMap<object, string>();

/**
 * The JSON text of an object or array (an event, or a field such as `requestParameters`), computed at most
 * once per object however many rules ask: keyword searches and `requestParameters|contains` read it.
 */
export function jsonTextOf(value: object): string {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTexts.set(value, text);
  }
  return text;
}

/** {@link jsonTextOf}, lower-cased, for the case-insensitive matching Sigma does by default. */
export function lowerJsonTextOf(value: object): string {
  let text = lowerJsonTexts.get(value);
  if (text === undefined) {
    text = jsonTextOf(value).toLowerCase();
    lowerJsonTexts.set(value, text);
  }
  return text;
}
