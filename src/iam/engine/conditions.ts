/**
 * Condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators" and "Single-valued vs.
 * multivalued context keys"). One clause is one operator applied to one key; a statement's clauses are ANDed.
 */
import { isIP } from 'node:net';
import { matchesPattern, patternText, type Pattern } from './patterns.js';
import type { ConditionClause, RequestContext, SetQualifier } from './types.js';
import { substituteVariables } from './variables.js';

interface OperatorDefinition {
  name: string;
  /** Negated operators are true when the request value matches none of the clause's values. */
  negated: boolean;
  /** The positive comparison of one request value with one (substituted) clause value. */
  test: (requestValue: string, clauseValue: Pattern) => boolean;
}

const stringEquals = (value: string, pattern: Pattern): boolean => value === patternText(pattern);
const stringEqualsIgnoreCase = (value: string, pattern: Pattern): boolean =>
  value.toLowerCase() === patternText(pattern).toLowerCase();
const stringLike = (value: string, pattern: Pattern): boolean =>
  matchesPattern(pattern, value, { ignoreCase: false, arn: false });
// ArnEquals and ArnLike are documented together: segment-wise, case-sensitive, wildcards allowed in both.
const arnLike = (value: string, pattern: Pattern): boolean =>
  matchesPattern(pattern, value, { ignoreCase: false, arn: true });

function numeric(compare: (request: number, clause: number) => boolean) {
  return (value: string, pattern: Pattern): boolean => {
    const request = parseNumber(value);
    const clause = parseNumber(patternText(pattern));
    return request !== null && clause !== null && compare(request, clause);
  };
}

function date(compare: (request: number, clause: number) => boolean) {
  return (value: string, pattern: Pattern): boolean => {
    const request = parseDate(value);
    const clause = parseDate(patternText(pattern));
    return request !== null && clause !== null && compare(request, clause);
  };
}

const OPERATOR_LIST: OperatorDefinition[] = [
  { name: 'StringEquals', negated: false, test: stringEquals },
  { name: 'StringNotEquals', negated: true, test: stringEquals },
  { name: 'StringEqualsIgnoreCase', negated: false, test: stringEqualsIgnoreCase },
  { name: 'StringNotEqualsIgnoreCase', negated: true, test: stringEqualsIgnoreCase },
  { name: 'StringLike', negated: false, test: stringLike },
  { name: 'StringNotLike', negated: true, test: stringLike },
  { name: 'NumericEquals', negated: false, test: numeric((a, b) => a === b) },
  { name: 'NumericNotEquals', negated: true, test: numeric((a, b) => a === b) },
  { name: 'NumericLessThan', negated: false, test: numeric((a, b) => a < b) },
  { name: 'NumericLessThanEquals', negated: false, test: numeric((a, b) => a <= b) },
  { name: 'NumericGreaterThan', negated: false, test: numeric((a, b) => a > b) },
  { name: 'NumericGreaterThanEquals', negated: false, test: numeric((a, b) => a >= b) },
  { name: 'DateEquals', negated: false, test: date((a, b) => a === b) },
  { name: 'DateNotEquals', negated: true, test: date((a, b) => a === b) },
  { name: 'DateLessThan', negated: false, test: date((a, b) => a < b) },
  { name: 'DateLessThanEquals', negated: false, test: date((a, b) => a <= b) },
  { name: 'DateGreaterThan', negated: false, test: date((a, b) => a > b) },
  { name: 'DateGreaterThanEquals', negated: false, test: date((a, b) => a >= b) },
  { name: 'Bool', negated: false, test: stringEqualsIgnoreCase },
  { name: 'BinaryEquals', negated: false, test: binaryEquals },
  { name: 'IpAddress', negated: false, test: ipInRange },
  { name: 'NotIpAddress', negated: true, test: ipInRange },
  { name: 'ArnEquals', negated: false, test: arnLike },
  { name: 'ArnLike', negated: false, test: arnLike },
  { name: 'ArnNotEquals', negated: true, test: arnLike },
  { name: 'ArnNotLike', negated: true, test: arnLike },
];

const OPERATORS = new Map(OPERATOR_LIST.map((definition) => [definition.name.toLowerCase(), definition]));
const NULL_OPERATOR = 'Null';

export interface ParsedOperator {
  operator: string;
  qualifier: SetQualifier;
  ifExists: boolean;
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts, with the documented spelling of each. Null for an
 * operator IAM does not know (including `NullIfExists`: IfExists applies to every operator except Null).
 */
export function parseOperator(text: string): ParsedOperator | null {
  let rest = text;
  let qualifier: SetQualifier = null;
  const colon = rest.indexOf(':');
  if (colon !== -1) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else return null;
    rest = rest.slice(colon + 1);
  }
  if (rest.toLowerCase() === 'null')
    return qualifier === null ? { operator: NULL_OPERATOR, qualifier, ifExists: false } : null;
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const definition = OPERATORS.get(rest.toLowerCase());
  return definition === undefined ? null : { operator: definition.name, qualifier, ifExists };
}

export interface ConditionOptions {
  /** Whether `${...}` in clause values are policy variables (Version 2012-10-17) or plain text. */
  variables: boolean;
}

/** Every clause must hold (several operators, and several keys in one operator, are ANDed). */
export function conditionsHold(
  clauses: readonly ConditionClause[],
  context: RequestContext,
  options: ConditionOptions,
): boolean {
  return clauses.every((clause) => evaluateCondition(clause, context, options));
}

/**
 * One clause against the request context (keys lower-cased, derived keys included). Several values in the
 * clause are ORed; for negated operators the request value must match none of them. An operator this engine
 * does not know never holds, so its statement never applies.
 */
export function evaluateCondition(
  clause: ConditionClause,
  context: RequestContext,
  options: ConditionOptions,
): boolean {
  const raw = context[clause.key.toLowerCase()];
  const requestValues: readonly string[] = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
  const present = requestValues.length > 0;

  if (clause.operator.toLowerCase() === 'null') {
    // "Null": {"k": "true"} holds when the key is absent; "false" when it is present.
    return clause.values.some((value) =>
      value.toLowerCase() === 'true' ? !present : value.toLowerCase() === 'false' && present,
    );
  }
  const definition = OPERATORS.get(clause.operator.toLowerCase());
  if (definition === undefined) return false;

  if (!present) {
    if (clause.ifExists || clause.qualifier === 'ForAllValues') return true;
    if (clause.qualifier === 'ForAnyValue') return false;
    // A missing key matches no value: positive operators fail, negated ones hold.
    return definition.negated;
  }

  const clauseValues: Pattern[] = [];
  for (const value of clause.values) {
    // A variable without a value matches nothing ("Policy variables with no value").
    const pattern = options.variables
      ? substituteVariables(value, context, true)
      : [{ text: value, literal: false }];
    if (pattern !== null) clauseValues.push(pattern);
  }
  const matchesAny = (requestValue: string): boolean =>
    clauseValues.some((value) => definition.test(requestValue, value));
  const satisfies = (requestValue: string): boolean =>
    definition.negated ? !matchesAny(requestValue) : matchesAny(requestValue);

  switch (clause.qualifier) {
    case 'ForAllValues':
      return requestValues.every(satisfies);
    case 'ForAnyValue':
      return requestValues.some(satisfies);
    case null:
      // Unqualified on a multivalued key: true when any request value matches; a negated operator when none does.
      return definition.negated ? requestValues.every(satisfies) : requestValues.some(satisfies);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : null;
}

/** ISO 8601 dates and times, or seconds since the epoch (both documented for Date operators). */
function parseDate(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? null : time;
}

function binaryEquals(value: string, pattern: Pattern): boolean {
  const clause = patternText(pattern);
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (!base64.test(value) || !base64.test(clause)) return value === clause;
  return Buffer.from(value, 'base64').equals(Buffer.from(clause, 'base64'));
}

interface Address {
  bits: bigint;
  width: 32 | 128;
}

/** The request's address lies in the clause's CIDR block (a bare address means a single host). */
function ipInRange(value: string, pattern: Pattern): boolean {
  const address = parseAddress(value.trim());
  const [network = '', prefixText] = patternText(pattern).trim().split('/');
  const block = parseAddress(network);
  if (address === null || block === null || address.width !== block.width) return false;
  const prefix = prefixText === undefined ? block.width : Number(prefixText);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > block.width ||
    (prefixText !== undefined && !/^\d+$/.test(prefixText))
  )
    return false;
  const shift = BigInt(block.width - prefix);
  return address.bits >> shift === block.bits >> shift;
}

function parseAddress(text: string): Address | null {
  const version = isIP(text);
  if (version === 4) {
    const bits = text.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
    return { bits, width: 32 };
  }
  if (version === 6) return { bits: ipv6Bits(text), width: 128 };
  return null;
}

/** 128-bit value of a valid IPv6 address, with `::` expanded and a trailing dotted IPv4 part. */
function ipv6Bits(text: string): bigint {
  let groups: string[];
  const [head = '', tail] = text.split('::');
  const toGroups = (part: string): string[] => {
    if (part === '') return [];
    const pieces = part.split(':');
    const last = pieces.at(-1) ?? '';
    if (last.includes('.')) {
      const octets = last.split('.').map(Number);
      pieces.splice(
        -1,
        1,
        (((octets[0] ?? 0) << 8) | (octets[1] ?? 0)).toString(16),
        (((octets[2] ?? 0) << 8) | (octets[3] ?? 0)).toString(16),
      );
    }
    return pieces;
  };
  if (tail === undefined) {
    groups = toGroups(head);
  } else {
    const left = toGroups(head);
    const right = toGroups(tail);
    groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  }
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n);
}
