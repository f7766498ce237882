import { createHash } from 'node:crypto';

import type { TrailEvent } from '../types.js';
import { parseCondition, type ConditionNode } from './condition.js';
import { SigmaProblem } from './errors.js';
import { compileFieldClause, type CompileOptions, type EventPredicate } from './field-clause.js';

export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];
export const SIGMA_STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;
export type SigmaStatus = (typeof SIGMA_STATUSES)[number];

/** A Sigma detection rule, compiled: `matches` decides one event. */
export interface SigmaRule {
  /** The rule's `id`, or a stable id derived from the file and the title when it has none. */
  readonly id: string;
  /** The rule's `name`, by which correlations may refer to it. */
  readonly name: string | null;
  readonly title: string;
  readonly description: string;
  readonly status: SigmaStatus | null;
  readonly level: SigmaLevel | null;
  readonly tags: readonly string[];
  readonly references: readonly string[];
  readonly falsePositives: readonly string[];
  readonly logsource: Readonly<Record<string, string>>;
  /** The file (or `bundled`) the rule came from. */
  readonly origin: string;
  /**
   * The lower-cased eventName values the rule can only match with, or null when it may match any event.
   * A pipeline may skip the rule for events whose lower-cased eventName is not in the set.
   */
  readonly eventNames: ReadonlySet<string> | null;
  matches(event: TrailEvent): boolean;
}

interface CompiledIdentifier {
  matches: EventPredicate;
  eventNames: ReadonlySet<string> | null;
}

/** A stable id for a rule without one: the same file and title give the same id on every run. */
export function derivedRuleId(origin: string, title: string): string {
  const hex = createHash('sha256').update(`${origin}\n${title}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
}

/**
 * Compiles a rule's `detection` section into one predicate over events, plus the eventName prefilter.
 * Throws SigmaProblem naming the path of what is wrong.
 */
export function compileDetection(
  detection: unknown,
  options: CompileOptions,
): { matches: EventPredicate; eventNames: ReadonlySet<string> | null } {
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
  return { matches: compileNode(tree, compiled), eventNames: requiredEventNames(tree, compiled) };
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
      return { matches: compileFieldClause('', item, itemPath, options).matches, eventNames: null };
    });
    const predicates = items.map((item) => item.matches);
    const eventNames = items.every((item) => item.eventNames !== null)
      ? new Set(items.flatMap((item) => [...(item.eventNames ?? [])]))
      : null;
    return { matches: anyOf(predicates), eventNames };
  }
  if (typeof definition === 'string' || typeof definition === 'number') {
    return { matches: compileFieldClause('', definition, path, options).matches, eventNames: null };
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
  let eventNames: Set<string> | null = null;
  const predicates = entries.map(([key, value]) => {
    const clause = compileFieldClause(key, value, `${path}.${key}`, options);
    if (clause.field === 'eventName' && clause.requiredValues !== null) {
      eventNames = intersect(eventNames, clause.requiredValues);
    }
    return clause.matches;
  });
  return { matches: allOf(predicates), eventNames };
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

/** The eventNames the condition can only be true with: and narrows, or widens, not tells nothing. */
function requiredEventNames(
  node: ConditionNode,
  identifiers: ReadonlyMap<string, CompiledIdentifier>,
): ReadonlySet<string> | null {
  switch (node.kind) {
    case 'identifier':
      return identifiers.get(node.name)?.eventNames ?? null;
    case 'not':
      return null;
    case 'and': {
      let required: Set<string> | null = null;
      for (const operand of node.operands) {
        const names = requiredEventNames(operand, identifiers);
        if (names !== null) required = intersect(required, names);
      }
      return required;
    }
    case 'or': {
      const union = new Set<string>();
      for (const operand of node.operands) {
        const names = requiredEventNames(operand, identifiers);
        if (names === null) return null;
        for (const name of names) union.add(name);
      }
      return union;
    }
  }
}

function intersect(current: ReadonlySet<string> | null, next: ReadonlySet<string>): Set<string> {
  if (current === null) return new Set(next);
  return new Set([...current].filter((name) => next.has(name)));
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
