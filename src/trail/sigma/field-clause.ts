import type { TrailEvent } from '../types.js';
import { cidrContains, parseCidr } from './cidr.js';
import { encodeValue, isEncodingModifier, type EncodingModifier } from './encodings.js';
import { SigmaProblem } from './errors.js';
import { compileFieldPath, jsonTextOf, lowerJsonTextOf } from './event-fields.js';
import {
  compilePattern,
  hasWildcards,
  literalPattern,
  parseWildcards,
  patternLiteral,
  wrapPattern,
  type PatternPart,
  type TextTest,
} from './text-pattern.js';

export type EventPredicate = (event: TrailEvent) => boolean;

export interface CompileOptions {
  /** Values for `%name%` placeholders, used by the `expand` modifier. */
  placeholders?: Readonly<Record<string, readonly string[]>>;
}

/** A field's equality clause as the eventName prefilter sees it: the exact values it requires, or null. */
export interface CompiledClause {
  field: string;
  matches: EventPredicate;
  /** Lower-cased values one of which the field must equal (plain equality, no wildcard), else null. */
  requiredValues: ReadonlySet<string> | null;
}

type Scalar = string | number | boolean;
type ValueTest = (value: unknown) => boolean;

const KNOWN_MODIFIERS = new Set([
  'all',
  'cased',
  'neq',
  'exists',
  'contains',
  'startswith',
  'endswith',
  're',
  'i',
  'm',
  's',
  'ignorecase',
  'multiline',
  'dotall',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'windash',
  'lt',
  'lte',
  'gt',
  'gte',
  'cidr',
  'fieldref',
  'expand',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]);
const COMPARISONS = ['lt', 'lte', 'gt', 'gte'] as const;
type Comparison = (typeof COMPARISONS)[number];
const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
type TimePart = (typeof TIME_PARTS)[number];
const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'];

/**
 * Compiles one `field|modifier|…: value(s)` entry of a detection map. `path` names the entry in error
 * messages (`detection.selection.eventName|foo`). An empty field name searches the whole event's JSON text.
 */
export function compileFieldClause(
  key: string,
  raw: unknown,
  path: string,
  options: CompileOptions,
): CompiledClause {
  const [field = '', ...modifiers] = key.split('|');
  for (const modifier of modifiers) {
    if (!KNOWN_MODIFIERS.has(modifier)) throw new SigmaProblem(path, `unknown modifier '${modifier}'`);
  }
  const has = (name: string): boolean => modifiers.includes(name);
  const readField: (event: TrailEvent) => unknown = field === '' ? (event) => event : compileFieldPath(field);

  if (raw === null) {
    if (modifiers.length > 0) throw new SigmaProblem(path, `null takes no modifiers`);
    return { field, matches: (event) => readField(event) == null, requiredValues: null };
  }
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    throw new SigmaProblem(path, 'expected a value or a list of values, found a map');
  }
  const values = (Array.isArray(raw) ? raw : [raw]) as unknown[];
  if (values.length === 0) throw new SigmaProblem(path, 'empty list of values');
  values.forEach((value, index) => {
    if (value === null) {
      throw new SigmaProblem(
        `${path}[${String(index)}]`,
        'null inside a list; put `field: null` in its own selection',
      );
    }
    if (typeof value === 'object')
      throw new SigmaProblem(`${path}[${String(index)}]`, 'expected a plain value');
  });
  const scalars = values as Scalar[];
  if (has('all') && scalars.length < 2)
    throw new SigmaProblem(path, `'all' needs a list of two or more values`);

  if (has('exists')) {
    if (modifiers.length > 1)
      throw new SigmaProblem(path, `'exists' cannot be combined with other modifiers`);
    const wanted = scalars[0];
    if (scalars.length !== 1 || typeof wanted !== 'boolean') {
      throw new SigmaProblem(path, `'exists' takes true or false`);
    }
    return { field, matches: (event) => (readField(event) !== undefined) === wanted, requiredValues: null };
  }

  const tests = compileValueTests(field, modifiers, scalars, path, options);
  const negate = has('neq');
  // Costly tests on text (several values, contains, a regex) remember their answer per text: a rule such as
  // `userAgent|contains: [kali, pacu, ...]` runs on every event, and a trail repeats a few user agents.
  // Only fieldref reads anything but the value itself.
  const remember = !has('fieldref') && (tests.length > 1 || has('contains') || has('re'));
  const matches = combine(readField, tests, has('all'), negate, remember);
  return { field, matches, requiredValues: negate ? null : requiredValues(modifiers, scalars) };
}

/** How many texts a clause remembers its answer for, before forgetting them all (a hostile file has millions). */
const REMEMBERED_TEXTS = 4096;

function combine(
  readField: (event: TrailEvent) => unknown,
  tests: readonly ((value: unknown, event: TrailEvent) => boolean)[],
  all: boolean,
  negate: boolean,
  remember: boolean,
): EventPredicate {
  const single = tests.length === 1 ? tests[0] : undefined;
  const decide =
    single !== undefined && !negate
      ? single
      : (value: unknown, event: TrailEvent): boolean => {
          // "Different from the values": an absent field is not different, it is absent.
          if (negate) {
            if (value == null) return false;
            for (const test of tests) if (test(value, event)) return false;
            return true;
          }
          if (all) {
            for (const test of tests) if (!test(value, event)) return false;
            return true;
          }
          for (const test of tests) if (test(value, event)) return true;
          return false;
        };
  if (!remember) return (event) => decide(readField(event), event);
  const answers = new Map<string, boolean>();
  return (event) => {
    const value = readField(event);
    if (typeof value !== 'string') return decide(value, event);
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = decide(value, event);
      if (answers.size >= REMEMBERED_TEXTS) answers.clear();
      answers.set(value, answer);
    }
    return answer;
  };
}

function compileValueTests(
  field: string,
  modifiers: readonly string[],
  values: readonly Scalar[],
  path: string,
  options: CompileOptions,
): ((value: unknown, event: TrailEvent) => boolean)[] {
  const has = (name: string): boolean => modifiers.includes(name);
  const comparisons = modifiers.filter((name): name is Comparison =>
    (COMPARISONS as readonly string[]).includes(name),
  );
  const timeParts = modifiers.filter((name): name is TimePart =>
    (TIME_PARTS as readonly string[]).includes(name),
  );
  if (comparisons.length > 1) throw new SigmaProblem(path, `only one of lt, lte, gt, gte may be used`);
  if (timeParts.length > 1) throw new SigmaProblem(path, `only one time modifier may be used`);
  const reFlags = modifiers.filter((name) =>
    ['i', 'm', 's', 'ignorecase', 'multiline', 'dotall'].includes(name),
  );
  if (reFlags.length > 0 && !has('re'))
    throw new SigmaProblem(path, `'${reFlags[0] ?? ''}' needs the 're' modifier`);

  const timePart = timeParts[0];
  const comparison = comparisons[0];
  if (timePart !== undefined || comparison !== undefined) {
    allowOnly(modifiers, [...COMPARISONS, ...TIME_PARTS, 'neq', 'all'], path, comparison ?? timePart ?? '');
    return values.map((value) => {
      const number =
        typeof value === 'number' ? value : typeof value === 'string' ? numericText(value) : null;
      if (number === null) throw new SigmaProblem(path, `'${comparison ?? timePart ?? ''}' needs a number`);
      const test = numberTest(number, comparison ?? null);
      if (timePart === undefined) return anyScalar((scalar) => test(toNumber(scalar)), false);
      return anyScalar((scalar) => test(timePartOf(scalar, timePart)), false);
    });
  }
  if (has('cidr')) {
    allowOnly(modifiers, ['cidr', 'neq', 'all'], path, 'cidr');
    return values.map((value, index) => {
      const range = typeof value === 'string' ? parseCidr(value) : null;
      if (range === null)
        throw new SigmaProblem(`${path}[${String(index)}]`, `'${String(value)}' is not a CIDR range`);
      return anyScalar((scalar) => typeof scalar === 'string' && cidrContains(range, scalar), false);
    });
  }
  if (has('re')) {
    allowOnly(
      modifiers,
      ['re', 'i', 'm', 's', 'ignorecase', 'multiline', 'dotall', 'neq', 'all'],
      path,
      're',
    );
    const flags = [
      has('i') || has('ignorecase') ? 'i' : '',
      has('m') || has('multiline') ? 'm' : '',
      has('s') || has('dotall') ? 's' : '',
    ].join('');
    return values.map((value, index) => {
      let regex: RegExp;
      try {
        regex = new RegExp(String(value), flags);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SigmaProblem(`${path}[${String(index)}]`, `invalid regular expression: ${reason}`);
      }
      return anyScalar(
        (scalar) => regex.test(String(scalar)),
        true,
        (text) => regex.test(text),
      );
    });
  }
  if (has('fieldref')) {
    allowOnly(
      modifiers,
      ['fieldref', 'cased', 'neq', 'all', 'contains', 'startswith', 'endswith'],
      path,
      'fieldref',
    );
    return values.map((value) => {
      const readOther = compileFieldPath(String(value));
      const cased = has('cased');
      return (fieldValue: unknown, event: TrailEvent) => {
        const other = readOther(event);
        if (!isScalar(other)) return false;
        const parts = wrapPattern(
          literalPattern(String(other)),
          has('contains') || has('endswith'),
          has('contains') || has('startswith'),
        );
        return textValueTest(compilePattern(parts, cased))(fieldValue);
      };
    });
  }
  const textModifiers = modifiers.filter((name) => !['all', 'neq', 'cased'].includes(name));
  if (textModifiers.length === 0 && !has('cased')) {
    return values.map((value) => {
      // Keywords search the event's text, so a number or boolean keyword is looked for as text.
      if (field === '')
        return textValueTest(compilePattern(wrapPattern(parseWildcards(String(value)), true, true), false));
      if (typeof value === 'number')
        return anyScalar((scalar) => scalar === value || scalar === String(value), false);
      if (typeof value === 'boolean') return anyScalar((scalar) => sameBoolean(scalar, value), false);
      return textValueTest(compilePattern(parseWildcards(value), false));
    });
  }
  return values.map((value) =>
    anyVariant(compileStringValue(field, modifiers, value, path, options).map((test) => textValueTest(test))),
  );
}

/**
 * The string modifiers on one value: expand, windash, the encodings, then contains/startswith/endswith and
 * cased. One value may give several variants (placeholder values, base64 alignments): any of them matches.
 */
function compileStringValue(
  field: string,
  modifiers: readonly string[],
  value: Scalar,
  path: string,
  options: CompileOptions,
): TextTest[] {
  const has = (name: string): boolean => modifiers.includes(name);
  let texts = [String(value)];
  if (has('expand')) texts = texts.flatMap((text) => expandPlaceholders(text, path, options));
  const encodings: EncodingModifier[] = modifiers.filter(isEncodingModifier);
  // Without encodings, dashes are folded to one character on both sides instead of listing every variant.
  const foldDashes = has('windash') && encodings.length === 0;
  if (has('windash') && !foldDashes) texts = texts.flatMap((text) => windashVariants(text, path));
  if (foldDashes) texts = texts.map(foldWindash);
  let patterns: PatternPart[][];
  if (encodings.length > 0) {
    patterns = texts.flatMap((text) => {
      const parts = parseWildcards(text);
      const literal = patternLiteral(parts);
      if (literal === null)
        throw new SigmaProblem(path, `wildcards cannot be combined with '${encodings[0] ?? ''}'`);
      return encodeValue(literal, encodings).map((encoded) => literalPattern(encoded));
    });
  } else {
    patterns = texts.map((text) => parseWildcards(text));
  }
  const contains = has('contains') || field === '';
  const atStart = contains || has('endswith');
  const atEnd = contains || has('startswith');
  const tests = patterns.map((parts) => compilePattern(wrapPattern(parts, atStart, atEnd), has('cased')));
  if (!foldDashes) return tests;
  return tests.map(({ cased, test }) => ({ cased, test: (text: string) => test(foldWindash(text)) }));
}

function anyVariant(tests: readonly ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  return (value) => {
    for (const test of tests) if (test(value)) return true;
    return false;
  };
}

const WINDASH_PATTERN = new RegExp(`[${WINDASH_CHARACTERS.join('')}]`, 'g');

function foldWindash(text: string): string {
  return text.replace(WINDASH_PATTERN, '-');
}

function allowOnly(
  modifiers: readonly string[],
  allowed: readonly string[],
  path: string,
  main: string,
): void {
  const other = modifiers.find((name) => !allowed.includes(name));
  if (other !== undefined) throw new SigmaProblem(path, `'${other}' cannot be combined with '${main}'`);
}

function expandPlaceholders(text: string, path: string, options: CompileOptions): string[] {
  let results = [text];
  for (const match of text.matchAll(/%([A-Za-z0-9_.-]+)%/g)) {
    const name = match[1] ?? '';
    const replacements = options.placeholders?.[name];
    if (replacements === undefined || replacements.length === 0) {
      throw new SigmaProblem(path, `unknown placeholder '%${name}%'`);
    }
    results = results.flatMap((partial) =>
      replacements.map((replacement) => partial.replace(match[0], replacement)),
    );
  }
  return results;
}

/** Every way of writing the value's dashes and slashes, as Windows command lines accept them. */
function windashVariants(text: string, path: string): string[] {
  const dashes = text.match(WINDASH_PATTERN)?.length ?? 0;
  if (dashes > 4)
    throw new SigmaProblem(path, `'windash' with an encoding allows at most 4 dashes or slashes`);
  let variants = [''];
  for (const char of text) {
    const options = WINDASH_CHARACTERS.includes(char) ? WINDASH_CHARACTERS : [char];
    variants = variants.flatMap((prefix) => options.map((option) => prefix + option));
  }
  return variants;
}

function requiredValues(modifiers: readonly string[], values: readonly Scalar[]): ReadonlySet<string> | null {
  if (modifiers.some((name) => name !== 'cased')) return null;
  const required = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || hasWildcards(parseWildcards(value))) return null;
    required.add(patternLiteral(parseWildcards(value))?.toLowerCase() ?? '');
  }
  return required;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

let lastText = '';
let lastLower = '';

/**
 * The lower-cased text, remembered for the last text asked: a rule testing one field against a list of values
 * (`userAgent|contains: [kali, pacu, ...]`) lower-cases the event's value once, not once per value.
 */
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * A test on a field's value through its text: scalars as themselves, objects through their JSON text (as
 * Athena reads a STRING column), arrays through each element and through their JSON text.
 */
function textValueTest(pattern: TextTest): ValueTest {
  const { cased, test, testOriginal } = pattern;
  const testString = testOriginal ?? (cased ? test : (value: string): boolean => test(lowerCased(value)));
  const objectText = (value: object): string => (cased ? jsonTextOf(value) : lowerJsonTextOf(value));
  const matchValue = (value: unknown): boolean => {
    if (typeof value === 'string') return testString(value);
    if (typeof value === 'number' || typeof value === 'boolean') return test(String(value));
    if (typeof value !== 'object' || value === null) return false;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (typeof item === 'object' && item !== null ? test(objectText(item)) : matchValue(item))
          return true;
      }
    }
    return test(objectText(value));
  };
  return matchValue;
}

/** A test on scalars; arrays match when an element does; objects only through their JSON text when asked. */
function anyScalar(
  test: (scalar: Scalar) => boolean,
  readsObjects: boolean,
  textTest?: (text: string) => boolean,
): ValueTest {
  const matchValue = (value: unknown): boolean => {
    if (isScalar(value)) return test(value);
    if (typeof value !== 'object' || value === null) return false;
    if (Array.isArray(value)) {
      for (const item of value) if (matchValue(item)) return true;
    }
    return readsObjects && textTest !== undefined && textTest(jsonTextOf(value));
  };
  return matchValue;
}

function sameBoolean(scalar: Scalar, wanted: boolean): boolean {
  if (typeof scalar === 'boolean') return scalar === wanted;
  return typeof scalar === 'string' && scalar.toLowerCase() === String(wanted);
}

function numericText(text: string): number | null {
  if (text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function toNumber(scalar: Scalar): number | null {
  if (typeof scalar === 'number') return scalar;
  if (typeof scalar === 'string') return numericText(scalar);
  return null;
}

function numberTest(wanted: number, comparison: Comparison | null): (actual: number | null) => boolean {
  switch (comparison) {
    case 'lt':
      return (actual) => actual !== null && actual < wanted;
    case 'lte':
      return (actual) => actual !== null && actual <= wanted;
    case 'gt':
      return (actual) => actual !== null && actual > wanted;
    case 'gte':
      return (actual) => actual !== null && actual >= wanted;
    case null:
      return (actual) => actual === wanted;
  }
}

/** The UTC minute, hour, day of month, ISO week, month (1-12) or year of a timestamp. */
function timePartOf(scalar: Scalar, part: TimePart): number | null {
  const millis = typeof scalar === 'number' ? scalar : typeof scalar === 'string' ? Date.parse(scalar) : NaN;
  if (!Number.isFinite(millis)) return null;
  const date = new Date(millis);
  switch (part) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'year':
      return date.getUTCFullYear();
    case 'week':
      return isoWeek(date);
  }
}

function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
