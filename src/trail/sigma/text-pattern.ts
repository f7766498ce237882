/**
 * Sigma string values: `*` and `?` wildcards, `\` escaping `*`, `?` and `\`, and the fast tests they compile
 * to (equality, startsWith, endsWith, includes; a regular expression only when `?` is used).
 */

export type PatternPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

/** A test on text that is already in the case the test wants: lower-cased unless `cased`. */
export interface TextTest {
  cased: boolean;
  test: (text: string) => boolean;
  /** The same test on text in its original case, when it can be done without lower-casing a copy. */
  testOriginal?: (text: string) => boolean;
}

/** Splits a Sigma string into literal text and wildcards, resolving the spec's escapes. */
export function parseWildcards(value: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    if (char === '\\') {
      const next = value.charAt(i + 1);
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else {
        // A lone backslash is literal: Windows paths stay readable in rules.
        text += char;
      }
    } else if (char === '*') {
      flush();
      if (parts.at(-1)?.kind !== 'any') parts.push({ kind: 'any' });
    } else if (char === '?') {
      flush();
      parts.push({ kind: 'one' });
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

export function literalPattern(text: string): PatternPart[] {
  return text === '' ? [] : [{ kind: 'text', text }];
}

export function hasWildcards(parts: readonly PatternPart[]): boolean {
  return parts.some((part) => part.kind !== 'text');
}

/** The pattern's text when it has no wildcards, else null. */
export function patternLiteral(parts: readonly PatternPart[]): string | null {
  if (hasWildcards(parts)) return null;
  return parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}

/** `contains` / `startswith` / `endswith`: wildcards around the value, without doubling existing ones. */
export function wrapPattern(parts: readonly PatternPart[], atStart: boolean, atEnd: boolean): PatternPart[] {
  const wrapped = [...parts];
  if (atStart && wrapped[0]?.kind !== 'any') wrapped.unshift({ kind: 'any' });
  if (atEnd && wrapped.at(-1)?.kind !== 'any') wrapped.push({ kind: 'any' });
  return wrapped;
}

export function compilePattern(parts: readonly PatternPart[], cased: boolean): TextTest {
  const normalised: PatternPart[] = parts.map((part) =>
    part.kind === 'text' && !cased ? { kind: 'text', text: part.text.toLowerCase() } : part,
  );
  if (normalised.some((part) => part.kind === 'one')) {
    return { cased, test: regexTest(normalised) };
  }
  const test = starTest(normalised);
  if (cased) return { cased, test };
  const testOriginal = foldingTest(splitOnStars(normalised), test);
  return testOriginal === null ? { cased, test } : { cased, test, testOriginal };
}

/**
 * Equality, startsWith and endsWith on lower-case ASCII patterns, folding the text's ASCII case as it reads:
 * no lower-cased copy per event. Non-ASCII text goes the slow way (a few characters lower-case to ASCII).
 */
function foldingTest(
  segments: readonly string[],
  slow: (text: string) => boolean,
): ((text: string) => boolean) | null {
  if (segments.length > 2 || !segments.every(isAscii)) return null;
  const first = segments[0] ?? '';
  const last = segments.length === 2 ? (segments[1] ?? '') : null;
  return (text) => {
    // Only non-ASCII characters change length when lower-cased, and they never lower-case to all-ASCII text.
    if (last === null ? text.length !== first.length : text.length < first.length + last.length) return false;
    const head = foldedRegionEquals(text, 0, first);
    if (head === false) return false;
    const tail = last === null ? true : foldedRegionEquals(text, text.length - last.length, last);
    if (tail === false) return false;
    return head === undefined || tail === undefined ? slow(text.toLowerCase()) : true;
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Whether text at offset equals a lower-case ASCII needle ignoring ASCII case; undefined on non-ASCII text. */
function foldedRegionEquals(text: string, offset: number, needle: string): boolean | undefined {
  for (let i = 0; i < needle.length; i++) {
    let code = text.charCodeAt(offset + i);
    if (code >= 65 && code <= 90) code |= 32;
    else if (code > 127) return undefined;
    if (code !== needle.charCodeAt(i)) return false;
  }
  return true;
}

function starTest(parts: readonly PatternPart[]): (text: string) => boolean {
  const segments = splitOnStars(parts);
  const only = segments[0] ?? '';
  if (segments.length === 1) return (text) => text === only;
  const first = segments[0] ?? '';
  const last = segments.at(-1) ?? '';
  if (segments.length === 2) {
    if (first === '' && last === '') return () => true;
    if (first === '') return (text) => text.endsWith(last);
    if (last === '') return (text) => text.startsWith(first);
    const minimum = first.length + last.length;
    return (text) => text.length >= minimum && text.startsWith(first) && text.endsWith(last);
  }
  const middle = segments.slice(1, -1);
  if (segments.length === 3 && first === '' && last === '') {
    const needle = middle[0] ?? '';
    return (text) => text.includes(needle);
  }
  return (text) => {
    if (text.length < first.length + last.length) return false;
    if (!text.startsWith(first) || !text.endsWith(last)) return false;
    const limit = text.length - last.length;
    let position = first.length;
    for (const segment of middle) {
      const found = text.indexOf(segment, position);
      if (found < 0 || found + segment.length > limit) return false;
      position = found + segment.length;
    }
    return true;
  };
}

/** The literal runs between `*` wildcards; a leading or trailing `*` gives an empty first or last run. */
function splitOnStars(parts: readonly PatternPart[]): string[] {
  const segments: string[] = [];
  let current = '';
  for (const part of parts) {
    if (part.kind === 'any') {
      segments.push(current);
      current = '';
    } else if (part.kind === 'text') {
      current += part.text;
    }
  }
  segments.push(current);
  return segments;
}

function regexTest(parts: readonly PatternPart[]): (text: string) => boolean {
  const source = parts
    .map((part) => {
      if (part.kind === 'any') return '.*';
      if (part.kind === 'one') return '.';
      return escapeRegex(part.text);
    })
    .join('');
  const regex = new RegExp(`^${source}$`, 's');
  return (text) => regex.test(text);
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
