import type { TrailEvent } from '../types.js';
import { sigmaError, SigmaProblem, type SigmaLocation } from './errors.js';
import { compileFieldPath } from './event-fields.js';
import { isMap, type SigmaRule } from './rule.js';
import type { RuleMetadata } from './metadata.js';

export const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** The count a correlation needs: every bound given must hold (`gt: 100, lte: 200` is a range). */
export interface CorrelationCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  neq?: number;
  /** value_count: the field whose distinct values are counted. */
  field: string | null;
}

/** A Sigma correlation rule (v2.1): a count or a sequence of other rules' matches within a time window. */
export interface SigmaCorrelation extends RuleMetadata {
  readonly type: CorrelationType;
  /** The rules it correlates: ids once linked (see linkCorrelations), else ids or names as written. */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  readonly timespanMs: number;
  /** Null for temporal rules without one (all rules must appear). */
  readonly condition: CorrelationCondition | null;
  /** alias -> rule (id once linked) -> field read in that rule's events. */
  readonly aliases: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Whether the correlated rules also report on their own. */
  readonly generate: boolean;
}

/** One matched event handed to correlation: which rule matched, when (epoch ms), and the event. */
export interface CorrelationInput {
  ruleId: string;
  time: number;
  event: TrailEvent;
}

/** One window in which a correlation's condition held, for one group. */
export interface CorrelationHit {
  correlationId: string;
  /** group-by field (or alias) -> the value shared by the window's events (null when absent). */
  groupBy: Readonly<Record<string, unknown>>;
  /** Time (epoch ms) of the first and last event in the window. */
  start: number;
  end: number;
  /** Events (event_count), distinct values (value_count) or distinct rules (temporal) in the window. */
  count: number;
  /** Every event in the window, in time order. */
  events: CorrelationInput[];
}

const TIMESPAN_UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const BOUNDS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;

/** Reads a `correlation:` section; throws SigmaProblem naming the path of what is wrong. */
export function parseCorrelationSection(section: unknown, metadata: RuleMetadata): SigmaCorrelation {
  if (!isMap(section)) throw new SigmaProblem('correlation', 'expected a map');
  for (const key of Object.keys(section)) {
    if (!['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate'].includes(key)) {
      throw new SigmaProblem(`correlation.${key}`, 'unknown attribute');
    }
  }
  const type = section['type'];
  if (typeof type !== 'string') throw new SigmaProblem('correlation.type', 'missing');
  if (!(CORRELATION_TYPES as readonly string[]).includes(type)) {
    throw new SigmaProblem(
      'correlation.type',
      `'${type}' is not supported (supported: ${CORRELATION_TYPES.join(', ')})`,
    );
  }
  const correlationType = type as CorrelationType;
  const rules = stringList(section['rules'], 'correlation.rules', true);
  const groupBy =
    section['group-by'] === undefined ? [] : stringList(section['group-by'], 'correlation.group-by', false);
  const timespanMs = parseTimespan(section['timespan']);
  const condition = parseCorrelationCondition(section['condition'], correlationType);
  const aliases = parseAliases(section['aliases']);
  const generate = section['generate'] ?? false;
  if (typeof generate !== 'boolean') throw new SigmaProblem('correlation.generate', 'expected true or false');
  return { ...metadata, type: correlationType, rules, groupBy, timespanMs, condition, aliases, generate };
}

function stringList(value: unknown, path: string, required: boolean): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || (required && list.length === 0)) {
    throw new SigmaProblem(
      path,
      required ? 'expected a list of rule ids or names' : 'expected a list of fields',
    );
  }
  return list.map((item: unknown, index) => {
    if (typeof item !== 'string' || item === '')
      throw new SigmaProblem(`${path}[${String(index)}]`, 'expected text');
    return item;
  });
}

export function parseTimespan(value: unknown): number {
  const match = typeof value === 'string' ? /^(\d+)([smhdw])$/.exec(value) : null;
  if (match === null) {
    throw new SigmaProblem(
      'correlation.timespan',
      `expected a number and a unit (s, m, h, d, w) like '10m', found '${String(value)}'`,
    );
  }
  return Number(match[1]) * (TIMESPAN_UNITS[match[2] ?? ''] ?? 0);
}

function parseCorrelationCondition(value: unknown, type: CorrelationType): CorrelationCondition | null {
  if (value === undefined) {
    if (type === 'temporal' || type === 'temporal_ordered') return null;
    throw new SigmaProblem('correlation.condition', `required for ${type}`);
  }
  if (type === 'temporal_ordered') {
    throw new SigmaProblem(
      'correlation.condition',
      'not supported for temporal_ordered (the whole sequence must appear)',
    );
  }
  if (!isMap(value)) throw new SigmaProblem('correlation.condition', 'expected a map like `gte: 10`');
  const condition: CorrelationCondition = { field: null };
  for (const [key, bound] of Object.entries(value)) {
    if (key === 'field') {
      if (typeof bound !== 'string' || bound === '')
        throw new SigmaProblem('correlation.condition.field', 'expected a field name');
      condition.field = bound;
    } else if ((BOUNDS as readonly string[]).includes(key)) {
      if (typeof bound !== 'number')
        throw new SigmaProblem(`correlation.condition.${key}`, 'expected a number');
      condition[key as (typeof BOUNDS)[number]] = bound;
    } else {
      throw new SigmaProblem(
        `correlation.condition.${key}`,
        `unknown operator (use ${BOUNDS.join(', ')}, field)`,
      );
    }
  }
  if (!BOUNDS.some((bound) => condition[bound] !== undefined)) {
    throw new SigmaProblem('correlation.condition', `needs one of ${BOUNDS.join(', ')}`);
  }
  if (type === 'value_count' && condition.field === null) {
    throw new SigmaProblem('correlation.condition.field', 'required for value_count');
  }
  if (type !== 'value_count' && condition.field !== null) {
    throw new SigmaProblem('correlation.condition.field', `only value_count counts a field`);
  }
  return condition;
}

function parseAliases(value: unknown): Record<string, Record<string, string>> {
  if (value === undefined) return {};
  if (!isMap(value))
    throw new SigmaProblem('correlation.aliases', 'expected a map of alias -> rule -> field');
  const aliases: Record<string, Record<string, string>> = {};
  for (const [alias, perRule] of Object.entries(value)) {
    if (!isMap(perRule))
      throw new SigmaProblem(`correlation.aliases.${alias}`, 'expected a map of rule -> field');
    const fields: Record<string, string> = {};
    for (const [rule, field] of Object.entries(perRule)) {
      if (typeof field !== 'string')
        throw new SigmaProblem(`correlation.aliases.${alias}.${rule}`, 'expected a field');
      fields[rule] = field;
    }
    aliases[alias] = fields;
  }
  return aliases;
}

/**
 * Resolves each correlation's rule references (ids or names) to rule ids, across every file loaded.
 * Throws SigmaError for a reference to no known rule.
 */
export function linkCorrelations(
  rules: readonly SigmaRule[],
  correlations: readonly SigmaCorrelation[],
): SigmaCorrelation[] {
  const byReference = new Map<string, string>();
  for (const rule of rules) {
    byReference.set(rule.id, rule.id);
    if (rule.name !== null) byReference.set(rule.name, rule.id);
  }
  const correlationReferences = new Set(
    correlations.flatMap((other) => [other.id, ...(other.name === null ? [] : [other.name])]),
  );
  return correlations.map((correlation) => {
    const location: SigmaLocation = { origin: correlation.origin, rule: correlation.title };
    const resolve = (reference: string, path: string): string => {
      const id = byReference.get(reference);
      if (id !== undefined) return id;
      if (correlationReferences.has(reference)) {
        throw sigmaError(
          location,
          path,
          `refers to correlation '${reference}'; chained correlations are not supported`,
        );
      }
      throw sigmaError(location, path, `unknown rule '${reference}'`);
    };
    const ruleIds = correlation.rules.map((reference, index) =>
      resolve(reference, `correlation.rules[${String(index)}]`),
    );
    const aliases: Record<string, Record<string, string>> = {};
    for (const [alias, perRule] of Object.entries(correlation.aliases)) {
      const fields: Record<string, string> = {};
      for (const [reference, field] of Object.entries(perRule)) {
        fields[resolve(reference, `correlation.aliases.${alias}.${reference}`)] = field;
      }
      aliases[alias] = fields;
    }
    return { ...correlation, rules: ruleIds, aliases };
  });
}

/**
 * Finds the windows in which a linked correlation holds. Matches may come in any order and may include
 * other rules' matches (ignored). Windows slide: each starts at an event and spans `timespanMs` inclusive of
 * both ends; after a hit, the next window starts after the hit's last event, so hits never share events.
 */
export function correlate(
  correlation: SigmaCorrelation,
  matches: Iterable<CorrelationInput>,
): CorrelationHit[] {
  const wanted = new Set(correlation.rules);
  const readers = groupReaders(correlation);
  const groups = new Map<string, { values: unknown[]; events: CorrelationInput[] }>();
  for (const match of matches) {
    if (!wanted.has(match.ruleId)) continue;
    const values = readers.map((reader) => normaliseGroupValue(reader(match)));
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (group === undefined) {
      group = { values, events: [] };
      groups.set(key, group);
    }
    group.events.push(match);
  }
  const hits: CorrelationHit[] = [];
  for (const group of groups.values()) {
    const events = group.events.sort((a, b) => a.time - b.time);
    const groupBy = Object.fromEntries(
      correlation.groupBy.map((field, index) => [field, group.values[index] ?? null]),
    );
    for (const window of findWindows(correlation, events)) {
      hits.push({ correlationId: correlation.id, groupBy, ...window });
    }
  }
  return hits.sort(
    (a, b) => a.start - b.start || JSON.stringify(a.groupBy).localeCompare(JSON.stringify(b.groupBy)),
  );
}

function groupReaders(correlation: SigmaCorrelation): ((match: CorrelationInput) => unknown)[] {
  return correlation.groupBy.map((field) => {
    const perRule = correlation.aliases[field];
    if (perRule === undefined) {
      const read = compileFieldPath(field);
      return (match) => read(match.event);
    }
    const readers = new Map(
      Object.entries(perRule).map(([ruleId, path]) => [ruleId, compileFieldPath(path)]),
    );
    return (match) => readers.get(match.ruleId)?.(match.event);
  });
}

function normaliseGroupValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

type Window = Omit<CorrelationHit, 'correlationId' | 'groupBy'>;

function findWindows(correlation: SigmaCorrelation, events: readonly CorrelationInput[]): Window[] {
  if (correlation.type === 'temporal_ordered') return orderedWindows(correlation, events);
  const measure = windowMeasure(correlation);
  const holds = conditionTest(correlation);
  const windows: Window[] = [];
  let start = 0;
  while (start < events.length) {
    const first = events[start] as CorrelationInput;
    let end = start;
    while (
      end + 1 < events.length &&
      (events[end + 1] as CorrelationInput).time - first.time <= correlation.timespanMs
    ) {
      end++;
    }
    const inWindow = events.slice(start, end + 1);
    const count = measure(inWindow);
    if (holds(count)) {
      windows.push({
        start: first.time,
        end: (events[end] as CorrelationInput).time,
        count,
        events: inWindow,
      });
      start = end + 1;
    } else {
      start++;
    }
  }
  return windows;
}

function windowMeasure(correlation: SigmaCorrelation): (events: readonly CorrelationInput[]) => number {
  switch (correlation.type) {
    case 'event_count':
      return (events) => events.length;
    case 'value_count': {
      const read = compileFieldPath(correlation.condition?.field ?? '');
      return (events) => {
        const distinct = new Set<string>();
        for (const match of events) {
          const value = read(match.event);
          if (value !== undefined && value !== null) distinct.add(JSON.stringify(value));
        }
        return distinct.size;
      };
    }
    case 'temporal':
    case 'temporal_ordered':
      return (events) => new Set(events.map((match) => match.ruleId)).size;
  }
}

function conditionTest(correlation: SigmaCorrelation): (count: number) => boolean {
  const condition = correlation.condition;
  if (condition === null) return (count) => count >= new Set(correlation.rules).size;
  return (count) =>
    (condition.gt === undefined || count > condition.gt) &&
    (condition.gte === undefined || count >= condition.gte) &&
    (condition.lt === undefined || count < condition.lt) &&
    (condition.lte === undefined || count <= condition.lte) &&
    (condition.eq === undefined || count === condition.eq) &&
    (condition.neq === undefined || count !== condition.neq);
}

/** temporal_ordered: the rules' matches appear in the listed order, all within the timespan of the first. */
function orderedWindows(correlation: SigmaCorrelation, events: readonly CorrelationInput[]): Window[] {
  const sequence = correlation.rules;
  const windows: Window[] = [];
  let start = 0;
  while (start < events.length) {
    const first = events[start] as CorrelationInput;
    let completedAt = -1;
    if (first.ruleId === sequence[0]) {
      let step = 1;
      for (let index = start + 1; index < events.length && step < sequence.length; index++) {
        const event = events[index] as CorrelationInput;
        if (event.time - first.time > correlation.timespanMs) break;
        if (event.ruleId === sequence[step]) {
          step++;
          if (step === sequence.length) completedAt = index;
        }
      }
      if (sequence.length === 1) completedAt = start;
    }
    if (completedAt < 0) {
      start++;
      continue;
    }
    const inWindow = events.slice(start, completedAt + 1);
    const last = events[completedAt] as CorrelationInput;
    windows.push({
      start: first.time,
      end: last.time,
      count: new Set(inWindow.map((match) => match.ruleId)).size,
      events: inWindow,
    });
    start = completedAt + 1;
  }
  return windows;
}
