import { createHash } from 'node:crypto';

import type { TrailEvent } from '../types.js';
import { parseCondition, type ConditionNode } from './condition.js';
import { SigmaProblem } from './errors.js';
import { compileFieldClause, type CompileOptions, type EventPredicate } from './field-clause.js';
import type { RuleMetadata } from './metadata.js';

export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];
export const SIGMA_STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;
export type SigmaStatus = (typeof SIGMA_STATUSES)[number];

/** A Sigma detection rule, compiled: `matches` decides one event. */
export interface SigmaRule extends RuleMetadata {
  /**
   * A field the rule needs to equal one of a few values (`eventName: StopLogging`, else `errorCode:
   * AccessDenied`, `userIdentity.type: Root`...), or null when it may match any event: the rule can only match
   * an event whose field is text and whose lower-cased text is in `values`. A pipeline may skip the rule for
   * other text values (not for arrays, objects or numbers, which may match through their elements or text).
   */
  readonly prefilter: RulePrefilter | null;
  matches(event: TrailEvent): boolean;
}

export interface RulePrefilter {
  field: string;
  values: ReadonlySet<string>;
}

/** Field -> the lower-cased values the field must equal for the condition to be true. */
type RequiredValues = ReadonlyMap<string, ReadonlySet<string>>;

interface CompiledIdentifier {
  matches: EventPredicate;
  required: RequiredValues;
}

const NOTHING_REQUIRED: RequiredValues = new Map();

/** A stable id for a rule without one: the same file and title give the same id on every run. */
export function derivedRuleId(origin: string, title: string): string {
  const hex = createHash('sha256').update(`${origin}\n${title}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
}

/**
 * Compiles a rule's `detection` section into one predicate over events, plus its prefilters.
 * Throws SigmaProblem naming the path of what is wrong.
 */
export function compileDetection(
  detection: unknown,
  options: CompileOptions,
): { matches: EventPredicate; prefilter: RulePrefilter | null } {
  if (!isMap(detection))
    throw new SigmaProblem('detection', 'expected a map of search identifiers and a condition');
  if ('timeframe' in detection) {
    throw new SigmaProblem('detection.timeframe', 'not supported; use a correlation rule with a timespan');
  }
  const compiled = new Map<string, CompiledIdentifier>();
  for (const [name, definition] of Object.entries(detection)) {
    if (name === 'condition') continue;
    compiled.set(name, compileIdentifier(definition, `detection.${name}`, options));
  }
  const condition = detection['condition'];
  const conditions = Array.isArray(condition) ? (condition as unknown[]) : [condition];
  if (condition === undefined || conditions.length === 0) {
    throw new SigmaProblem('detection.condition', 'missing');
  }
  const names = [...compiled.keys()];
  const trees = conditions.map((text, index) => {
    const path = Array.isArray(condition) ? `detection.condition[${String(index)}]` : 'detection.condition';
    if (typeof text !== 'string' || text.trim() === '')
      throw new SigmaProblem(path, 'expected a condition text');
    return parseCondition(text, names, path);
  });
  const tree: ConditionNode =
    trees.length === 1 ? (trees[0] as ConditionNode) : { kind: 'or', operands: trees };
  const required = requiredValuesOf(tree, compiled);

  return {
    matches: compileNode(tree, compiled),
    prefilter: prefilterOf(required),
  };
}

/**
 * Fields a prefilter may use, in order of preference: the event name, other top-level text fields every record
 * has or lacks cheaply, then userIdentity's type.
 */
const PREFILTER_FIELDS = ['eventName', 'eventSource', 'errorCode', 'eventType', 'userIdentity.type'];

function prefilterOf(required: RequiredValues): RulePrefilter | null {
  for (const field of PREFILTER_FIELDS) {
    const values = required.get(field);
    if (values !== undefined) return { field, values };
  }
  return null;
}

function compileIdentifier(definition: unknown, path: string, options: CompileOptions): CompiledIdentifier {
  if (isMap(definition)) return compileMap(definition, path, options);
  if (Array.isArray(definition)) {
    if (definition.length === 0) throw new SigmaProblem(path, 'empty list');
    const items = definition.map((item: unknown, index): CompiledIdentifier => {
      const itemPath = `${path}[${String(index)}]`;
      if (isMap(item)) return compileMap(item, itemPath, options);
      if (item === null) throw new SigmaProblem(itemPath, 'null inside a list');
      if (typeof item === 'object') throw new SigmaProblem(itemPath, 'expected a map or a keyword');
      return { matches: compileFieldClause('', item, itemPath, options).matches, required: NOTHING_REQUIRED };
    });
    return {
      matches: anyOf(items.map((item) => item.matches)),
      required: unionOf(items.map((item) => item.required)),
    };
  }
  if (typeof definition === 'string' || typeof definition === 'number') {
    return {
      matches: compileFieldClause('', definition, path, options).matches,
      required: NOTHING_REQUIRED,
    };
  }
  throw new SigmaProblem(path, 'expected a map, a list of maps or a list of keywords');
}

function compileMap(
  definition: Record<string, unknown>,
  path: string,
  options: CompileOptions,
): CompiledIdentifier {
  const entries = Object.entries(definition);
  if (entries.length === 0) throw new SigmaProblem(path, 'empty map');
  const required: RequiredValues[] = [];
  const predicates = entries.map(([key, value]) => {
    const clause = compileFieldClause(key, value, `${path}.${key}`, options);
    if (clause.requiredValues !== null) required.push(new Map([[clause.field, clause.requiredValues]]));
    return clause.matches;
  });
  return { matches: allOf(predicates), required: intersectionOf(required) };
}

function compileNode(
  node: ConditionNode,
  identifiers: ReadonlyMap<string, CompiledIdentifier>,
): EventPredicate {
  switch (node.kind) {
    case 'identifier': {
      const identifier = identifiers.get(node.name);
      if (identifier === undefined) throw new Error(`condition names unknown identifier ${node.name}`);
      return identifier.matches;
    }
    case 'and':
      return allOf(node.operands.map((operand) => compileNode(operand, identifiers)));
    case 'or':
      return anyOf(node.operands.map((operand) => compileNode(operand, identifiers)));
    case 'not': {
      const operand = compileNode(node.operand, identifiers);
      return (event) => !operand(event);
    }
  }
}

/** The values fields must have for the condition to be true: and narrows, or widens, not tells nothing. */
function requiredValuesOf(
  node: ConditionNode,
  identifiers: ReadonlyMap<string, CompiledIdentifier>,
): RequiredValues {
  switch (node.kind) {
    case 'identifier':
      return identifiers.get(node.name)?.required ?? NOTHING_REQUIRED;
    case 'not':
      return NOTHING_REQUIRED;
    case 'and':
      return intersectionOf(node.operands.map((operand) => requiredValuesOf(operand, identifiers)));
    case 'or':
      return unionOf(node.operands.map((operand) => requiredValuesOf(operand, identifiers)));
  }
}

/** All of them must hold: a field pinned by several is pinned to the values they share. */
function intersectionOf(all: readonly RequiredValues[]): RequiredValues {
  const result = new Map<string, ReadonlySet<string>>();
  for (const required of all) {
    for (const [field, values] of required) {
      const current = result.get(field);
      result.set(field, current === undefined ? values : new Set([...current].filter((v) => values.has(v))));
    }
  }
  return result;
}

/** Any of them may hold: only a field every one pins stays pinned, to the values of all of them. */
function unionOf(all: readonly RequiredValues[]): RequiredValues {
  const [first, ...rest] = all;
  if (first === undefined) return NOTHING_REQUIRED;
  const result = new Map<string, ReadonlySet<string>>();
  for (const [field, values] of first) {
    if (!rest.every((required) => required.has(field))) continue;
    const union = new Set(values);
    for (const required of rest) for (const value of required.get(field) ?? []) union.add(value);
    result.set(field, union);
  }
  return result;
}

function allOf(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1) return predicates[0] as EventPredicate;
  const [first, second] = predicates;
  if (predicates.length === 2 && first !== undefined && second !== undefined) {
    return (event) => first(event) && second(event);
  }
  return (event) => {
    for (const predicate of predicates) if (!predicate(event)) return false;
    return true;
  };
}

function anyOf(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1) return predicates[0] as EventPredicate;
  return (event) => {
    for (const predicate of predicates) if (predicate(event)) return true;
    return false;
  };
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
