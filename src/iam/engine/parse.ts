/**
 * Policy documents from JSON, validated the way IAM validates them (IAM User Guide, "IAM JSON policy elements
 * reference" and "Grammar of the IAM JSON policy language"). A problem is a value naming the source and the
 * JSON path, so a user can find the line to fix.
 */
import { parseOperator } from './conditions.js';
import type { ConditionClause, PolicyDocument, PolicyStatement, PrincipalBlock } from './types.js';

export type ParseResult = { ok: true; policy: PolicyDocument } | { ok: false; error: string };

const TOP_LEVEL_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/** A validation failure at a JSON path; caught once in parsePolicy and turned into the error line. */
class PolicyError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** `source` names the policy for the error line: `bucket policy of logs`, `inline policy ops of user/amy`. */
export function parsePolicy(input: unknown, source: string): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return {
        ok: false,
        error: `${source}: $: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  try {
    return { ok: true, policy: readDocument(value) };
  } catch (error) {
    if (error instanceof PolicyError) return { ok: false, error: `${source}: ${error.message}` };
    throw error;
  }
}

function readDocument(value: unknown): PolicyDocument {
  const document = expectObject(value, '$');
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL_KEYS.has(key))
      throw new PolicyError(`$.${key}`, `unknown element "${key}" (expected Version, Id or Statement)`);
  }
  const version = document.Version;
  // A missing Version means the 2008-10-17 language, which has no policy variables.
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new PolicyError('$.Version', `expected "2012-10-17" or "2008-10-17", got ${show(version)}`);
  }
  const id = document.Id;
  if (id !== undefined && typeof id !== 'string')
    throw new PolicyError('$.Id', `expected a string, got ${show(id)}`);

  const statement = document.Statement;
  if (statement === undefined) throw new PolicyError('$', 'missing required element "Statement"');
  let statements: PolicyStatement[];
  if (Array.isArray(statement)) {
    if (statement.length === 0) throw new PolicyError('$.Statement', 'expected at least one statement');
    statements = statement.map((item: unknown, index) => readStatement(item, `$.Statement[${index}]`));
  } else {
    statements = [readStatement(statement, '$.Statement')];
  }
  return { version: version ?? '2008-10-17', id: id ?? null, statements };
}

function readStatement(value: unknown, path: string): PolicyStatement {
  const statement = expectObject(value, path);
  for (const key of Object.keys(statement)) {
    if (!STATEMENT_KEYS.has(key)) throw new PolicyError(`${path}.${key}`, `unknown element "${key}"`);
  }
  const sid = statement.Sid;
  if (sid !== undefined && typeof sid !== 'string')
    throw new PolicyError(`${path}.Sid`, `expected a string, got ${show(sid)}`);
  const effect = statement.Effect;
  if (effect === undefined) throw new PolicyError(path, 'missing required element "Effect"');
  if (effect !== 'Allow' && effect !== 'Deny')
    throw new PolicyError(`${path}.Effect`, `expected "Allow" or "Deny", got ${show(effect)}`);

  const action = 'Action' in statement;
  const notAction = 'NotAction' in statement;
  if (action === notAction) {
    throw new PolicyError(
      path,
      action ? 'has both "Action" and "NotAction"; use one' : 'missing "Action" or "NotAction"',
    );
  }
  if ('Resource' in statement && 'NotResource' in statement)
    throw new PolicyError(path, 'has both "Resource" and "NotResource"; use one');
  if ('Principal' in statement && 'NotPrincipal' in statement)
    throw new PolicyError(path, 'has both "Principal" and "NotPrincipal"; use one');

  return {
    sid: sid ?? null,
    effect,
    principal: 'Principal' in statement ? readPrincipal(statement.Principal, `${path}.Principal`) : null,
    notPrincipal:
      'NotPrincipal' in statement ? readPrincipal(statement.NotPrincipal, `${path}.NotPrincipal`) : null,
    action: action ? readStrings(statement.Action, `${path}.Action`) : null,
    notAction: notAction ? readStrings(statement.NotAction, `${path}.NotAction`) : null,
    resource: 'Resource' in statement ? readStrings(statement.Resource, `${path}.Resource`) : null,
    notResource:
      'NotResource' in statement ? readStrings(statement.NotResource, `${path}.NotResource`) : null,
    conditions: 'Condition' in statement ? readConditions(statement.Condition, `${path}.Condition`) : [],
    path,
  };
}

/** `"*"` or `{ "AWS": ..., "Service": ..., "Federated": ..., "CanonicalUser": ... }`, each a string or a list. */
function readPrincipal(value: unknown, path: string): PrincipalBlock {
  if (value === '*') return '*';
  if (typeof value === 'string')
    throw new PolicyError(path, `expected "*" or an object such as {"AWS": ...}, got ${show(value)}`);
  const block = expectObject(value, path);
  const keys = Object.keys(block);
  if (keys.length === 0)
    throw new PolicyError(path, 'expected at least one of AWS, Service, Federated, CanonicalUser');
  const principal: { AWS?: string[]; Service?: string[]; Federated?: string[]; CanonicalUser?: string[] } =
    {};
  for (const key of keys) {
    const type = PRINCIPAL_TYPES.find((candidate) => candidate === key);
    if (type === undefined)
      throw new PolicyError(
        `${path}.${key}`,
        `unknown principal type "${key}" (expected AWS, Service, Federated or CanonicalUser)`,
      );
    principal[type] = readStrings(block[key], `${path}.${key}`);
  }
  return principal;
}

/** `"Operator": { "key": value | [values] }`; values become strings as IAM compares them (true -> "true"). */
function readConditions(value: unknown, path: string): ConditionClause[] {
  const block = expectObject(value, path);
  const clauses: ConditionClause[] = [];
  for (const [operatorText, keys] of Object.entries(block)) {
    const operatorPath = `${path}.${operatorText}`;
    const operator = parseOperator(operatorText);
    if (operator === null)
      throw new PolicyError(operatorPath, `unknown condition operator "${operatorText}"`);
    const entries = Object.entries(expectObject(keys, operatorPath));
    if (entries.length === 0) throw new PolicyError(operatorPath, 'expected at least one condition key');
    for (const [key, raw] of entries) {
      const keyPath = `${operatorPath}.${key}`;
      const list: unknown[] = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0) throw new PolicyError(keyPath, 'expected at least one value');
      const values = list.map((item, index) => {
        if (typeof item === 'string') return item;
        if (typeof item === 'number' || typeof item === 'boolean') return String(item);
        throw new PolicyError(
          Array.isArray(raw) ? `${keyPath}[${index}]` : keyPath,
          `expected a string, number or boolean, got ${show(item)}`,
        );
      });
      clauses.push({ ...operator, key, values });
    }
  }
  return clauses;
}

/** A string or a non-empty list of strings; single strings become one-item lists. */
function readStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value))
    throw new PolicyError(path, `expected a string or a list of strings, got ${show(value)}`);
  if (value.length === 0) throw new PolicyError(path, 'expected at least one value');
  return value.map((item: unknown, index) => {
    if (typeof item !== 'string')
      throw new PolicyError(`${path}[${index}]`, `expected a string, got ${show(item)}`);
    return item;
  });
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolicyError(path, `expected an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}
