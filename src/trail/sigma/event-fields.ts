import type { TrailEvent } from '../types.js';

/**
 * Reads a dotted path (`userIdentity.sessionContext.sessionIssuer.type`) from an event. A key that itself
 * contains dots wins when present at the top level. Arrays met on the way are walked element by element, so
 * `requestParameters.ipPermissions.items.ipRanges.items.cidrIp` gives every CIDR of the request.
 */
export function compileFieldPath(path: string): (event: TrailEvent) => unknown {
  const segments = path.split('.');
  if (segments.length === 1) {
    return (event) => ownValue(event, path);
  }
  return (event) => {
    const whole = ownValue(event, path);
    if (whole !== undefined) return whole;
    return walk(event, segments, 0);
  };
}

function walk(value: unknown, segments: readonly string[], index: number): unknown {
  let current = value;
  for (let i = index; i < segments.length; i++) {
    if (Array.isArray(current)) return walkArray(current, segments, i);
    current = ownValue(current, segments[i] ?? '');
    if (current === undefined) return undefined;
  }
  return current;
}

function walkArray(items: readonly unknown[], segments: readonly string[], index: number): unknown {
  const found: unknown[] = [];
  for (const item of items) {
    const value = walk(item, segments, index);
    if (value === undefined) continue;
    if (Array.isArray(value)) found.push(...(value as unknown[]));
    else found.push(value);
  }
  return found.length === 0 ? undefined : found;
}

/** Own properties only: `constructor` or `toString` in a rule must not read the object's prototype. */
function ownValue(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
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
