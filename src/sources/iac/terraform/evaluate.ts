/**
 * Static evaluation of HCL expressions into `IacValue`s. What cannot be known before apply (a variable without a
 * value, a data source, a resource attribute, an unknown function) becomes `Unresolved` with a detail a user can
 * act on, or a `Reference` to the resource so mappers can join resources; never a guess. Unresolved inputs
 * propagate: a template with one unresolved part is unresolved with that part's detail.
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Interpolation, Reference, Unresolved, type IacObject, type IacValue } from '../types.js';
import type { Expr, TemplatePart } from './hcl/ast.js';

/** What names mean where an expression is evaluated. */
export interface Scope {
  /** `path.module`: the module directory as the user named it. */
  moduleDir: string;
  /** `path.root` and `path.cwd`. */
  rootDir: string;
  /** Prefix of resource addresses in this module: `''` at the root, `module.app.` below. */
  prefix: string;
  /** `var.X`; throws EvalError when the module declares no such variable. */
  variable(name: string): IacValue;
  /** `local.X`; throws EvalError when there is no such local. */
  local(name: string): IacValue;
  /** `module.X.Y`. */
  moduleOutput(module: string, output: string): IacValue;
  /** `each.key` / `each.value` inside a resource with `for_each`. */
  each?: { key: IacValue; value: IacValue } | Unresolved;
  /** `count.index` inside a resource with `count`. */
  countIndex?: IacValue;
}

/** An expression that is wrong whatever the inputs (a type error, an unknown name): Terraform would refuse it. */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

/** Carries an unresolved input out of the computation that needed it. */
class UnknownSignal extends Error {
  constructor(readonly value: Unresolved) {
    super(value.detail);
  }
}

type Bindings = ReadonlyMap<string, IacValue>;
const NO_BINDINGS: Bindings = new Map();
const SPLAT = '\0splat';

/** Files read by `file()` larger than this are not read. */
const MAX_FILE_BYTES = 1024 * 1024;

/** Evaluates an expression; errors become Unresolved with the error's message. */
export function evaluate(expr: Expr, scope: Scope, bindings: Bindings = NO_BINDINGS): IacValue {
  try {
    return evalExpr(expr, scope, bindings);
  } catch (error) {
    if (error instanceof EvalError) return new Unresolved(error.message);
    throw error;
  }
}

/** Unresolved, as a value: a Reference is a value only known after apply. */
export function unknownOf(value: Unresolved | Reference): Unresolved {
  if (value instanceof Unresolved) return value;
  const name = value.attribute === null ? value.target : value.detail;
  return new Unresolved(`${name} is known only after apply`);
}

function isUnknown(value: IacValue | undefined): value is Unresolved | Reference {
  return value instanceof Unresolved || value instanceof Reference;
}

export function isObject(value: IacValue | undefined): value is IacObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value);
}

/** The first unresolved part of a value, depth first. */
export function firstUnknown(value: IacValue): Unresolved | undefined {
  if (isUnknown(value)) return unknownOf(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const item of Object.values(value)) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

function known(value: IacValue): void {
  if (isUnknown(value)) throw new UnknownSignal(unknownOf(value));
}

function deepKnown(value: IacValue): void {
  const found = firstUnknown(value);
  if (found) throw new UnknownSignal(found);
}

function kindOf(value: IacValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function asString(value: IacValue, what = 'argument'): string {
  known(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new EvalError(`${what} must be a string, not ${kindOf(value)}`);
}

function asNumber(value: IacValue, what = 'argument'): number {
  known(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new EvalError(`${what} must be a number, not ${kindOf(value)}`);
}

function asBool(value: IacValue, what = 'condition'): boolean {
  known(value);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EvalError(`${what} must be true or false, not ${kindOf(value)}`);
}

function asList(value: IacValue, what = 'argument'): IacValue[] {
  known(value);
  if (Array.isArray(value)) return value;
  throw new EvalError(`${what} must be a list, not ${kindOf(value)}`);
}

function asObject(value: IacValue, what = 'argument'): IacObject {
  known(value);
  if (isObject(value)) return value;
  throw new EvalError(`${what} must be an object or map, not ${kindOf(value)}`);
}

function evalExpr(expr: Expr, scope: Scope, bindings: Bindings): IacValue {
  try {
    return evalNode(expr, scope, bindings);
  } catch (error) {
    if (error instanceof UnknownSignal) return error.value;
    throw error;
  }
}

function evalNode(expr: Expr, scope: Scope, bindings: Bindings): IacValue {
  const sub = (inner: Expr, extra: Bindings = bindings): IacValue => evalExpr(inner, scope, extra);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'parens':
      return sub(expr.expr);
    case 'template':
      return evalTemplate(expr.parts, scope, bindings);
    case 'tuple':
      return expr.items.map((item) => sub(item));
    case 'object': {
      const result: IacObject = {};
      for (const item of expr.items) {
        const key = asString(sub(item.key), 'an object key');
        result[key] = sub(item.value);
      }
      return result;
    }
    case 'variable':
    case 'getattr':
    case 'index':
      return evalTraversal(expr, scope, bindings);
    case 'splatItem': {
      const item = bindings.get(SPLAT);
      if (item === undefined) throw new EvalError('a splat item outside a splat');
      return item;
    }
    case 'splat': {
      const target = sub(expr.target);
      known(target);
      if (target === null) return [];
      const items = Array.isArray(target) ? target : [target];
      return items.map((item) => sub(expr.each, new Map([...bindings, [SPLAT, item]])));
    }
    case 'unary': {
      const operand = sub(expr.operand);
      return expr.op === '!'
        ? !asBool(operand, 'the operand of "!"')
        : -asNumber(operand, 'the operand of "-"');
    }
    case 'binary':
      return evalBinary(expr.op, expr.left, expr.right, sub);
    case 'conditional':
      return asBool(sub(expr.cond), 'the condition') ? sub(expr.then) : sub(expr.else);
    case 'for':
      return evalFor(expr, scope, bindings);
    case 'call':
      return evalCall(expr, scope, bindings);
  }
}

function evalBinary(op: string, leftExpr: Expr, rightExpr: Expr, sub: (inner: Expr) => IacValue): IacValue {
  const left = sub(leftExpr);
  if (op === '&&' || op === '||') {
    // Static short-circuit: `false && <unknown>` is false whatever the unknown is.
    if (!isUnknown(left) && asBool(left, `the left operand of "${op}"`) === (op === '||')) return op === '||';
    const right = sub(rightExpr);
    if (!isUnknown(right) && asBool(right, `the right operand of "${op}"`) === (op === '||'))
      return op === '||';
    known(left);
    known(right);
    return op === '&&';
  }
  const right = sub(rightExpr);
  if (op === '==' || op === '!=') {
    deepKnown(left);
    deepKnown(right);
    return equal(left, right) === (op === '==');
  }
  const a = asNumber(left, `the left operand of "${op}"`);
  const b = asNumber(right, `the right operand of "${op}"`);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvalError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalError('modulo by zero');
      return a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw new EvalError(`unknown operator ${op}`);
  }
}

function equal(a: IacValue, b: IacValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => equal(x, b[i] ?? null))
    );
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => key in b && equal(a[key] ?? null, b[key] ?? null))
    );
  }
  return a === b;
}

/** The entries a for expression or directive iterates: index and item of a list, key and value of a map (by key). */
function entriesOf(collection: IacValue): [IacValue, IacValue][] {
  known(collection);
  if (Array.isArray(collection)) return collection.map((item, index) => [index, item]);
  if (isObject(collection)) {
    return Object.keys(collection)
      .sort()
      .map((key) => [key, collection[key] ?? null]);
  }
  throw new EvalError(`a for expression needs a list or a map, not ${kindOf(collection)}`);
}

function evalFor(expr: Expr & { kind: 'for' }, scope: Scope, bindings: Bindings): IacValue {
  const entries = entriesOf(evalExpr(expr.collection, scope, bindings));
  const list: IacValue[] = [];
  const object: IacObject = {};
  const groups = new Map<string, IacValue[]>();
  for (const [key, value] of entries) {
    const inner = new Map(bindings);
    if (expr.keyVar !== null) inner.set(expr.keyVar, key);
    inner.set(expr.valueVar, value);
    if (expr.cond && !asBool(evalExpr(expr.cond, scope, inner), 'the for expression condition')) continue;
    const item = evalExpr(expr.valueExpr, scope, inner);
    if (expr.keyExpr === null) {
      list.push(item);
      continue;
    }
    const itemKey = asString(evalExpr(expr.keyExpr, scope, inner), 'a for expression key');
    if (expr.grouping) {
      const group = groups.get(itemKey) ?? [];
      group.push(item);
      groups.set(itemKey, group);
    } else {
      if (itemKey in object)
        throw new EvalError(`duplicate key "${itemKey}" in a for expression (use "..." to group)`);
      object[itemKey] = item;
    }
  }
  if (expr.keyExpr === null) return list;
  if (expr.grouping) for (const [key, group] of groups) object[key] = group;
  return object;
}

function evalTemplate(parts: TemplatePart[], scope: Scope, bindings: Bindings): IacValue {
  // A template that is a single interpolation is that value, not its string form.
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'interp') return evalExpr(only.expr, scope, bindings);
  // Text and references to resources only (`"${aws_s3_bucket.b.arn}/*"`): kept in parts, so a policy that
  // names its own resource can still be read.
  if (parts.every((part) => part.kind === 'lit' || part.kind === 'interp')) {
    const pieces: (string | Reference)[] = [];
    let referenced = false;
    for (const part of parts) {
      if (part.kind === 'lit') {
        pieces.push(part.value);
        continue;
      }
      const value = evalExpr(part.expr, scope, bindings);
      if (value instanceof Reference) {
        referenced = true;
        pieces.push(value);
      } else if (value instanceof Interpolation) {
        referenced = true;
        pieces.push(...value.parts);
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        pieces.push(String(value));
      } else {
        return renderParts(parts, scope, bindings);
      }
    }
    if (referenced) return new Interpolation(pieces);
  }
  return renderParts(parts, scope, bindings);
}

/** Whether a value's only unknown parts are references to resources (or strings built from them). */
function onlyReferences(value: IacValue): boolean {
  if (value instanceof Reference || value instanceof Interpolation) return true;
  if (value instanceof Unresolved) return false;
  if (Array.isArray(value)) return value.every(onlyReferences);
  if (isObject(value)) return Object.values(value).every(onlyReferences);
  return true;
}

function renderParts(parts: TemplatePart[], scope: Scope, bindings: Bindings): string {
  let text = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'lit':
        text += part.value;
        break;
      case 'interp': {
        const value = evalExpr(part.expr, scope, bindings);
        if (value === null) throw new EvalError('a template interpolates a null value');
        text += asString(value, 'an interpolated value');
        break;
      }
      case 'if': {
        const cond = asBool(evalExpr(part.cond, scope, bindings), 'the %{if} condition');
        text += renderParts(cond ? part.then : part.else, scope, bindings);
        break;
      }
      case 'for':
        for (const [key, value] of entriesOf(evalExpr(part.collection, scope, bindings))) {
          const inner = new Map(bindings);
          if (part.keyVar !== null) inner.set(part.keyVar, key);
          inner.set(part.valueVar, value);
          text += renderParts(part.body, scope, inner);
        }
        break;
    }
  }
  return text;
}

// Traversals: var.x, local.y, each.key, module.m.out, aws_s3_bucket.b.arn, data.x.y.z, for variables.

type Step = { name: string } | { index: Expr };

function evalTraversal(expr: Expr, scope: Scope, bindings: Bindings): IacValue {
  const steps: Step[] = [];
  let node: Expr = expr;
  for (;;) {
    if (node.kind === 'getattr') {
      steps.unshift({ name: node.name });
      node = node.target;
    } else if (node.kind === 'index') {
      steps.unshift({ index: node.key });
      node = node.target;
    } else {
      break;
    }
  }
  const indexOf = (step: Step): IacValue =>
    'index' in step ? evalExpr(step.index, scope, bindings) : step.name;
  if (node.kind !== 'variable') return applySteps(evalExpr(node, scope, bindings), steps, indexOf);

  const root = node.name;
  const bound = bindings.get(root);
  if (bound !== undefined) return applySteps(bound, steps, indexOf);
  const [first, ...rest] = steps;
  const firstName = first && 'name' in first ? first.name : undefined;
  switch (root) {
    case 'var':
      if (firstName === undefined) throw new EvalError('"var" must be followed by a variable name');
      return applySteps(scope.variable(firstName), rest, indexOf);
    case 'local':
      if (firstName === undefined) throw new EvalError('"local" must be followed by a local name');
      return applySteps(scope.local(firstName), rest, indexOf);
    case 'each':
      if (scope.each === undefined) throw new EvalError('"each" is only valid in a block with for_each');
      if (scope.each instanceof Unresolved) return scope.each;
      if (firstName !== 'key' && firstName !== 'value')
        throw new EvalError('"each" has only "key" and "value"');
      return applySteps(scope.each[firstName], rest, indexOf);
    case 'count':
      if (scope.countIndex === undefined) throw new EvalError('"count" is only valid in a block with count');
      if (firstName !== 'index') throw new EvalError('"count" has only "index"');
      return applySteps(scope.countIndex, rest, indexOf);
    case 'path':
      if (firstName === 'module') return applySteps(scope.moduleDir, rest, indexOf);
      if (firstName === 'root' || firstName === 'cwd') return applySteps(scope.rootDir, rest, indexOf);
      throw new EvalError(`unknown attribute path.${firstName ?? ''}`);
    case 'terraform':
      return new Unresolved(`terraform.${firstName ?? ''} is known only when Terraform runs`);
    case 'self':
      return new Unresolved('self is known only after apply');
    case 'data': {
      const [name] = rest;
      const address = `data.${firstName ?? '?'}.${name && 'name' in name ? name.name : '?'}`;
      return new Unresolved(`data source ${address} is read at apply time`);
    }
    case 'module': {
      const [output] = rest;
      if (firstName === undefined) throw new EvalError('"module" must be followed by a module name');
      if (!output) return new Unresolved(`module.${firstName} as a whole is not evaluated statically`);
      if (!('name' in output)) {
        return new Unresolved(`module.${firstName} with count or for_each is not evaluated statically`);
      }
      return applySteps(scope.moduleOutput(firstName, output.name), rest.slice(1), indexOf);
    }
    default:
      return resourceReference(root, steps, scope, indexOf);
  }
}

/** `aws_s3_bucket.b.arn` -> Reference('aws_s3_bucket.b', 'arn'); `aws_x.y[0].id` -> Reference('aws_x.y[0]', 'id'). */
function resourceReference(
  type: string,
  steps: Step[],
  scope: Scope,
  indexOf: (step: Step) => IacValue,
): IacValue {
  const [name, ...rest] = steps;
  if (!name || !('name' in name)) throw new EvalError(`unknown name "${type}"`);
  let target = `${scope.prefix}${type}.${name.name}`;
  let next = rest[0];
  if (next && 'index' in next) {
    const key = indexOf(next);
    known(key);
    if (typeof key === 'number') target += `[${key}]`;
    else if (typeof key === 'string') target += `[${JSON.stringify(key)}]`;
    else throw new EvalError(`an instance key must be a number or a string, not ${kindOf(key)}`);
    next = rest[1];
  }
  return new Reference(target, next && 'name' in next ? next.name : null);
}

function applySteps(start: IacValue, steps: Step[], indexOf: (step: Step) => IacValue): IacValue {
  let value = start;
  for (const step of steps) {
    if (isUnknown(value)) return value;
    const key = indexOf(step);
    known(key);
    if (value === null) throw new EvalError(`cannot read ${JSON.stringify(key)} of a null value`);
    if (Array.isArray(value)) {
      const index = asNumber(key, 'a list index');
      if (!Number.isInteger(index) || index < 0 || index >= value.length) {
        throw new EvalError(`index ${index} is out of range for a list of ${value.length}`);
      }
      value = value[index] ?? null;
    } else if (isObject(value)) {
      const name = asString(key, 'a key');
      if (!(name in value)) throw new EvalError(`the object has no attribute "${name}"`);
      value = value[name] ?? null;
    } else {
      throw new EvalError(`cannot read ${JSON.stringify(key)} of ${kindOf(value)}`);
    }
  }
  return value;
}

// Functions.

function evalCall(expr: Expr & { kind: 'call' }, scope: Scope, bindings: Bindings): IacValue {
  if (expr.name === 'try') {
    let last: Unresolved | undefined;
    for (const arg of expr.args) {
      try {
        const value = evalExpr(arg, scope, bindings);
        const missing = firstUnknown(value);
        if (!missing) return value;
        last ??= missing;
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
      }
    }
    return last ?? new Unresolved('no argument of try() can be evaluated');
  }
  if (expr.name === 'can') {
    const [arg] = expr.args;
    if (!arg || expr.args.length !== 1) throw new EvalError('can() takes one argument');
    try {
      const value = evalExpr(arg, scope, bindings);
      deepKnown(value);
      return true;
    } catch (error) {
      if (error instanceof EvalError) return false;
      throw error;
    }
  }
  let args = expr.args.map((arg) => evalExpr(arg, scope, bindings));
  if (expr.expand) {
    const last = args[args.length - 1] ?? null;
    args = [...args.slice(0, -1), ...asList(last, 'the expanded argument')];
  }
  const fn = FUNCTIONS[expr.name];
  if (!fn) return new Unresolved(`function ${expr.name} is not evaluated statically`);
  return fn(args, scope);
}

function arg(args: IacValue[], index: number, name: string): IacValue {
  if (index >= args.length) throw new EvalError(`${name}() is missing argument ${index + 1}`);
  return args[index] ?? null;
}

function stringFn(name: string, transform: (text: string) => IacValue): (args: IacValue[]) => IacValue {
  return (args) => transform(asString(arg(args, 0, name)));
}

/** Keys sorted, as Terraform's jsonencode writes them. */
function toJson(value: IacValue): string {
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${toJson(value[key] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fromJson(value: unknown): IacValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)]),
    );
  }
  return null;
}

function format(spec: string, values: IacValue[]): string {
  let next = 0;
  return spec.replace(
    /%(%|[-+# 0]*\d*(?:\.(\d+))?([sdvqtfeg]))/g,
    (_match, all: string, precision?: string, verb?: string) => {
      if (all === '%') return '%';
      const value = values[next++];
      if (value === undefined) throw new EvalError('format() has too few arguments for its verbs');
      switch (verb) {
        case 'd':
          return String(Math.trunc(asNumber(value)));
        case 'f':
        case 'e':
        case 'g':
          return precision === undefined
            ? String(asNumber(value))
            : asNumber(value).toFixed(Number(precision));
        case 'q':
          return JSON.stringify(asString(value));
        case 't':
          return String(asBool(value));
        case 'v':
          deepKnown(value);
          return typeof value === 'object' && value !== null ? toJson(value) : asString(value ?? 'null');
        default:
          return asString(value);
      }
    },
  );
}

function nonEmpty(value: IacValue): boolean {
  return value !== null && value !== '';
}

function sortKey(value: IacValue): string {
  return asString(value, 'a set element');
}

const FUNCTIONS: Record<string, (args: IacValue[], scope: Scope) => IacValue> = {
  jsonencode: (args) => {
    const value = arg(args, 0, 'jsonencode');
    // A document that names resources of the code (a policy's Resource) stays structured, references and all,
    // so a mapper can put in the ARNs they will have; its JSON text would be unknown until apply.
    if (firstUnknown(value) !== undefined && onlyReferences(value) && isObject(value)) return value;
    deepKnown(value);
    return toJson(value);
  },
  jsondecode: (args) => {
    const text = asString(arg(args, 0, 'jsondecode'));
    try {
      return fromJson(JSON.parse(text));
    } catch {
      throw new EvalError('jsondecode() was given text that is not JSON');
    }
  },
  merge: (args) => {
    const result: IacObject = {};
    for (const value of args) {
      if (value === null) continue;
      Object.assign(result, asObject(value, 'each argument of merge()'));
    }
    return result;
  },
  concat: (args) => args.flatMap((value) => asList(value, 'each argument of concat()')),
  lookup: (args) => {
    const map = asObject(arg(args, 0, 'lookup'));
    const key = asString(arg(args, 1, 'lookup'));
    if (key in map) return map[key] ?? null;
    if (args.length > 2) return args[2] ?? null;
    throw new EvalError(`lookup() found no key "${key}" and has no default`);
  },
  format: (args) => format(asString(arg(args, 0, 'format')), args.slice(1)),
  join: (args) => {
    const separator = asString(arg(args, 0, 'join'));
    return args
      .slice(1)
      .flatMap((value) => asList(value))
      .map((item) => asString(item, 'each element of join()'))
      .join(separator);
  },
  split: (args) => asString(arg(args, 1, 'split')).split(asString(arg(args, 0, 'split'))),
  lower: stringFn('lower', (text) => text.toLowerCase()),
  upper: stringFn('upper', (text) => text.toUpperCase()),
  title: stringFn('title', (text) => text.replace(/\b\w/g, (char) => char.toUpperCase())),
  trimspace: stringFn('trimspace', (text) => text.trim()),
  chomp: stringFn('chomp', (text) => text.replace(/(\r?\n)+$/, '')),
  trimprefix: (args) => {
    const text = asString(arg(args, 0, 'trimprefix'));
    const prefix = asString(arg(args, 1, 'trimprefix'));
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimsuffix: (args) => {
    const text = asString(arg(args, 0, 'trimsuffix'));
    const suffix = asString(arg(args, 1, 'trimsuffix'));
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  startswith: (args) => asString(arg(args, 0, 'startswith')).startsWith(asString(arg(args, 1, 'startswith'))),
  endswith: (args) => asString(arg(args, 0, 'endswith')).endsWith(asString(arg(args, 1, 'endswith'))),
  replace: (args) => {
    const text = asString(arg(args, 0, 'replace'));
    const search = asString(arg(args, 1, 'replace'));
    const replacement = asString(arg(args, 2, 'replace'));
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      try {
        return text.replace(
          new RegExp(search.slice(1, -1), 'g'),
          replacement.replace(/\$\{(\w+)\}/g, '$$$1'),
        );
      } catch {
        throw new EvalError(`replace() was given an invalid regular expression ${search}`);
      }
    }
    return text.split(search).join(replacement);
  },
  substr: (args) => {
    const text = Array.from(asString(arg(args, 0, 'substr')));
    let offset = asNumber(arg(args, 1, 'substr'));
    const length = asNumber(arg(args, 2, 'substr'));
    if (offset < 0) offset += text.length;
    return text.slice(offset, length < 0 ? undefined : offset + length).join('');
  },
  tostring: (args) => {
    const value = arg(args, 0, 'tostring');
    return value === null ? null : asString(value);
  },
  tonumber: (args) => {
    const value = arg(args, 0, 'tonumber');
    return value === null ? null : asNumber(value);
  },
  tobool: (args) => {
    const value = arg(args, 0, 'tobool');
    return value === null ? null : asBool(value, 'the argument');
  },
  tolist: (args) => asList(arg(args, 0, 'tolist')),
  toset: (args) => {
    const items = asList(arg(args, 0, 'toset'));
    const primitive = items.every(
      (item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean',
    );
    // Sets of strings iterate in lexical order in Terraform.
    if (!primitive) return distinct(items);
    return [...new Set(items.map(sortKey))].sort();
  },
  tomap: (args) => asObject(arg(args, 0, 'tomap')),
  length: (args) => {
    const value = arg(args, 0, 'length');
    known(value);
    if (typeof value === 'string') return Array.from(value).length;
    if (Array.isArray(value)) return value.length;
    if (isObject(value)) return Object.keys(value).length;
    throw new EvalError(`length() needs a string, list or map, not ${kindOf(value)}`);
  },
  element: (args) => {
    const items = asList(arg(args, 0, 'element'));
    const index = asNumber(arg(args, 1, 'element'));
    if (items.length === 0) throw new EvalError('element() was given an empty list');
    return items[((index % items.length) + items.length) % items.length] ?? null;
  },
  coalesce: (args) => {
    for (const value of args) {
      known(value);
      if (nonEmpty(value)) return value;
    }
    throw new EvalError('coalesce() found no non-null, non-empty argument');
  },
  coalescelist: (args) => {
    for (const value of args) if (asList(value).length > 0) return value;
    throw new EvalError('coalescelist() found no non-empty list');
  },
  flatten: (args) => {
    const flat = (items: IacValue[]): IacValue[] =>
      items.flatMap((item) => {
        known(item);
        return Array.isArray(item) ? flat(item) : [item];
      });
    return flat(asList(arg(args, 0, 'flatten')));
  },
  keys: (args) => Object.keys(asObject(arg(args, 0, 'keys'))).sort(),
  values: (args) => {
    const map = asObject(arg(args, 0, 'values'));
    return Object.keys(map)
      .sort()
      .map((key) => map[key] ?? null);
  },
  contains: (args) => {
    const items = asList(arg(args, 0, 'contains'));
    const wanted = arg(args, 1, 'contains');
    deepKnown(wanted);
    if (items.some((item) => firstUnknown(item) === undefined && equal(item, wanted))) return true;
    for (const item of items) deepKnown(item);
    return false;
  },
  distinct: (args) => distinct(asList(arg(args, 0, 'distinct'))),
  compact: (args) =>
    asList(arg(args, 0, 'compact')).filter((item) => {
      known(item);
      return nonEmpty(item);
    }),
  sort: (args) =>
    asList(arg(args, 0, 'sort'))
      .map(sortKey)
      .sort(),
  reverse: (args) => [...asList(arg(args, 0, 'reverse'))].reverse(),
  slice: (args) => {
    const items = asList(arg(args, 0, 'slice'));
    return items.slice(asNumber(arg(args, 1, 'slice')), asNumber(arg(args, 2, 'slice')));
  },
  one: (args) => {
    const items = asList(arg(args, 0, 'one'));
    if (items.length > 1) throw new EvalError('one() was given more than one element');
    return items[0] ?? null;
  },
  zipmap: (args) => {
    const keys = asList(arg(args, 0, 'zipmap'));
    const values = asList(arg(args, 1, 'zipmap'));
    if (keys.length !== values.length) throw new EvalError('zipmap() needs lists of the same length');
    return Object.fromEntries(keys.map((key, index) => [asString(key, 'a key'), values[index] ?? null]));
  },
  range: (args) => {
    const numbers = args.map((value) => asNumber(value));
    const [start, end, step] =
      numbers.length === 1 ? [0, numbers[0] ?? 0, 1] : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 1];
    if (step === 0) throw new EvalError('range() step cannot be zero');
    const result: number[] = [];
    for (let value = start; step > 0 ? value < end : value > end; value += step) {
      result.push(value);
      if (result.length > 1024) throw new EvalError('range() of more than 1024 elements is not evaluated');
    }
    return result;
  },
  min: (args) => Math.min(...args.map((value) => asNumber(value))),
  max: (args) => Math.max(...args.map((value) => asNumber(value))),
  sum: (args) => asList(arg(args, 0, 'sum')).reduce<number>((total, value) => total + asNumber(value), 0),
  abs: (args) => Math.abs(asNumber(arg(args, 0, 'abs'))),
  ceil: (args) => Math.ceil(asNumber(arg(args, 0, 'ceil'))),
  floor: (args) => Math.floor(asNumber(arg(args, 0, 'floor'))),
  base64encode: stringFn('base64encode', (text) => Buffer.from(text, 'utf8').toString('base64')),
  base64decode: stringFn('base64decode', (text) => Buffer.from(text, 'base64').toString('utf8')),
  file: (args, scope) => {
    const name = asString(arg(args, 0, 'file'));
    const candidates = isAbsolute(name)
      ? [name]
      : [join(scope.moduleDir, name), name, join(scope.rootDir, name)];
    const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (found === undefined) return new Unresolved(`file ${name} was not found`);
    if (statSync(found).size > MAX_FILE_BYTES) return new Unresolved(`file ${name} is too large to read`);
    return readFileSync(found, 'utf8');
  },
  templatefile: () => new Unresolved('function templatefile is not evaluated statically'),
};

function distinct(items: IacValue[]): IacValue[] {
  const result: IacValue[] = [];
  for (const item of items) {
    deepKnown(item);
    if (!result.some((seen) => equal(seen, item))) result.push(item);
  }
  return result;
}
