import { IAC_ACCOUNT } from '../inventory.js';
import {
  Interpolation,
  Reference,
  Unresolved,
  type IacObject,
  type IacProblem,
  type IacValue,
  type Position,
  type PropertyPath,
} from '../types.js';
import type { Entry, MapNode, Node } from './parse.js';

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Resolved = IacValue | typeof NO_VALUE;

/** Records where the value at a path (below the value being resolved) is written. */
export type Recorder = (path: PropertyPath, pos: Position) => void;
const ignore: Recorder = () => undefined;

/** Pseudo parameters known only when the stack is deployed. */
const DEPLOY_TIME = new Set(['AWS::StackName', 'AWS::StackId', 'AWS::NotificationARNs']);

const FUNCTIONS = new Set([
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::If',
  'Fn::FindInMap',
  'Fn::Select',
  'Fn::Split',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
]);

export interface TemplateParts {
  file: string;
  parameters: Map<string, MapNode | undefined>;
  /** Logical id -> type, every entry of `Resources` (custom and conditional ones included). */
  resources: Map<string, string>;
  mappings: MapNode | undefined;
  conditions: Map<string, Node>;
  values: Record<string, string>;
  region: string | undefined;
}

export function entry(node: Node | undefined, key: string): Entry | undefined {
  return node?.kind === 'map' ? node.entries.find((candidate) => candidate.key === key) : undefined;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The single `Fn::X` / `Ref` entry of an intrinsic function call, if the node is one. */
function intrinsic(node: Node, conditionContext: boolean): Entry | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const [only] = node.entries;
  if (!only) return undefined;
  if (only.key === 'Ref' || only.key.startsWith('Fn::')) return only;
  if (conditionContext && only.key === 'Condition') return only;
  return undefined;
}

/** The first unresolved part of a value, depth first. */
export function firstUnresolved(value: IacValue): Unresolved | Reference | undefined {
  if (value instanceof Unresolved || value instanceof Reference) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnresolved(item);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = firstUnresolved(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** Static evaluation of CloudFormation's intrinsic functions; what cannot be known becomes `Unresolved`. */
export class Resolver {
  readonly problems: IacProblem[] = [];
  private readonly parameterCache = new Map<string, IacValue>();
  private readonly conditionCache = new Map<string, boolean | Unresolved>();
  private readonly evaluating = new Set<string>();
  /** Why a value is unresolved, in the few words "condition X depends on ..." needs. */
  private readonly causes = new WeakMap<Unresolved, string>();

  constructor(private readonly parts: TemplateParts) {}

  private unresolved(detail: string, cause?: string): Unresolved {
    const value = new Unresolved(detail);
    if (cause) this.causes.set(value, cause);
    return value;
  }

  private malformed(pos: Position, name: string, expected: string): Unresolved {
    this.problems.push({
      file: this.parts.file,
      line: pos.line,
      column: pos.column,
      message: `${name} expects ${expected}; the value is treated as unresolved`,
      severity: 'error',
    });
    return new Unresolved(`malformed ${name} at line ${pos.line}`);
  }

  private warn(pos: Position, message: string): void {
    this.problems.push({
      file: this.parts.file,
      line: pos.line,
      column: pos.column,
      message,
      severity: 'warning',
    });
  }

  /** A value with its intrinsic functions evaluated; `record` learns where each part is written. */
  value(node: Node, record: Recorder = ignore, path: PropertyPath = []): Resolved {
    record(path, node.pos);
    const call = intrinsic(node, false);
    if (call) return this.call(call, node, record, path);
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq') {
      const items: IacValue[] = [];
      for (const item of node.items) {
        const resolved = this.value(item, record, [...path, items.length]);
        if (resolved !== NO_VALUE) items.push(resolved);
      }
      return items;
    }
    const object: IacObject = {};
    for (const { key, keyPos, value } of node.entries) {
      const resolved = this.value(value, record, [...path, key]);
      if (resolved === NO_VALUE) continue;
      object[key] = resolved;
      if (value.kind !== 'scalar' && !intrinsic(value, false)) record([...path, key], keyPos);
    }
    return object;
  }

  /** Like `value`, for places where AWS::NoValue makes no sense. */
  private plain(node: Node, name: string): IacValue {
    const resolved = this.value(node);
    return resolved === NO_VALUE ? this.malformed(node.pos, name, 'a value, not AWS::NoValue') : resolved;
  }

  private call(call: Entry, node: Node, record: Recorder, path: PropertyPath): Resolved {
    const { key: name, value: argument } = call;
    const pos = node.pos;
    const args = argument.kind === 'seq' ? argument.items : undefined;
    switch (name) {
      case 'Ref': {
        const target = stringOf(argument);
        return target === undefined
          ? this.malformed(pos, 'Ref', 'a parameter or logical id')
          : this.ref(target, pos);
      }
      case 'Fn::GetAtt': {
        let target: string | undefined;
        let attribute: IacValue | undefined;
        const text = stringOf(argument);
        if (text !== undefined && text.includes('.')) {
          target = text.slice(0, text.indexOf('.'));
          attribute = text.slice(text.indexOf('.') + 1);
        } else if (args?.length === 2 && args[0] && args[1]) {
          target = stringOf(args[0]);
          attribute = this.plain(args[1], name);
        }
        if (target === undefined || attribute === undefined) {
          return this.malformed(pos, name, '[LogicalId, Attribute] or LogicalId.Attribute');
        }
        if (typeof attribute !== 'string')
          return firstUnresolved(attribute) ?? this.malformed(pos, name, 'an attribute name');
        return this.getAtt(target, attribute, pos);
      }
      case 'Fn::Sub':
        return this.sub(argument, pos);
      case 'Fn::Join': {
        if (!args || args.length !== 2 || !args[0] || !args[1] || stringOf(args[0]) === undefined) {
          return this.malformed(pos, name, '[delimiter, [values]]');
        }
        const delimiter = stringOf(args[0]) ?? '';
        const values = this.plain(args[1], name);
        if (values instanceof Unresolved || values instanceof Reference) return this.carry(values);
        if (!Array.isArray(values)) return this.malformed(pos, name, '[delimiter, [values]]');
        const parts: string[] = [];
        for (const item of values) {
          const text = this.text(item);
          if (typeof text !== 'string') return text ?? this.malformed(pos, name, 'a list of strings to join');
          parts.push(text);
        }
        return parts.join(delimiter);
      }
      case 'Fn::Select': {
        if (!args || args.length !== 2 || !args[0] || !args[1])
          return this.malformed(pos, name, '[index, [values]]');
        const index = this.plain(args[0], name);
        const values = this.plain(args[1], name);
        if (index instanceof Unresolved || index instanceof Reference) return this.carry(index);
        if (values instanceof Unresolved || values instanceof Reference) return this.carry(values);
        const at = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index;
        if (typeof at !== 'number' || !Number.isInteger(at) || !Array.isArray(values)) {
          return this.malformed(pos, name, '[index, [values]]');
        }
        const selected = values[at];
        if (selected === undefined) {
          return this.malformed(pos, name, `an index below ${values.length} (the list's length), not ${at}`);
        }
        return selected;
      }
      case 'Fn::Split': {
        if (!args || args.length !== 2 || !args[0] || !args[1] || stringOf(args[0]) === undefined) {
          return this.malformed(pos, name, '[delimiter, string]');
        }
        const source = this.text(this.plain(args[1], name));
        if (typeof source !== 'string') return source ?? this.malformed(pos, name, '[delimiter, string]');
        return source.split(stringOf(args[0]) ?? '');
      }
      case 'Fn::FindInMap':
        return this.findInMap(args, pos);
      case 'Fn::If': {
        const condition = args?.[0] ? stringOf(args[0]) : undefined;
        if (!args || args.length !== 3 || !args[1] || !args[2] || condition === undefined) {
          return this.malformed(pos, name, '[condition, value if true, value if false]');
        }
        const decided = this.condition(condition, pos);
        if (decided instanceof Unresolved) return decided;
        return this.value(decided ? args[1] : args[2], record, path);
      }
      case 'Fn::Base64':
        // The value is what the user wrote; checks look at that, not at its encoding.
        return this.value(argument, record, path);
      case 'Fn::ImportValue': {
        const exported = this.text(this.plain(argument, name));
        return this.unresolved(
          typeof exported === 'string'
            ? `Fn::ImportValue ${exported}, another stack's export known only at deployment`
            : "Fn::ImportValue, another stack's export known only at deployment",
          'Fn::ImportValue',
        );
      }
      case 'Fn::GetAZs':
        return this.unresolved(
          "Fn::GetAZs, the region's Availability Zones known only at deployment",
          'Fn::GetAZs',
        );
      case 'Fn::Cidr':
        return this.unresolved('Fn::Cidr, address blocks computed at deployment', 'Fn::Cidr');
      case 'Fn::Transform': {
        const macro = stringOf(entry(argument, 'Name')?.value);
        return this.unresolved(
          `Fn::Transform${macro ? ` (macro ${macro})` : ''}, expanded at deployment`,
          'Fn::Transform',
        );
      }
      case 'Fn::Length': {
        const values = this.plain(argument, name);
        if (values instanceof Unresolved || values instanceof Reference) return this.carry(values);
        return Array.isArray(values) ? values.length : this.malformed(pos, name, 'a list');
      }
      case 'Fn::ToJsonString': {
        const value = this.plain(argument, name);
        const missing = firstUnresolved(value);
        return missing ? this.carry(missing) : JSON.stringify(value);
      }
      default:
        if (FUNCTIONS.has(name)) return this.malformed(pos, name, 'its documented arguments');
        this.warn(pos, `${name} is not a function onus evaluates; the value is treated as unresolved`);
        return new Unresolved(`${name}, not evaluated`);
    }
  }

  /** Unresolved carries its cause; a Reference used where a value is needed becomes unresolved with its detail. */
  private carry(value: Unresolved | Reference): Unresolved {
    if (value instanceof Unresolved) return value;
    return this.unresolved(value.detail, value.detail);
  }

  /** A scalar as text; an unresolved part as Unresolved; anything else undefined. */
  private text(value: IacValue): string | Unresolved | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Unresolved || value instanceof Reference) return this.carry(value);
    return undefined;
  }

  ref(target: string, pos: Position): Resolved {
    if (target === 'AWS::NoValue') return NO_VALUE;
    if (target === 'AWS::Partition') return 'aws';
    if (target === 'AWS::URLSuffix') return 'amazonaws.com';
    // The account the template is deployed to: in onus's inventory of code, the one account `iac` all its
    // resources sit in, so a key policy naming `${AWS::AccountId}:root` names the resource's own account.
    if (target === 'AWS::AccountId') return IAC_ACCOUNT;
    if (target === 'AWS::Region') {
      return (
        this.parts.region ?? this.unresolved('Ref to AWS::Region, known only at deployment', 'AWS::Region')
      );
    }
    if (DEPLOY_TIME.has(target)) return this.unresolved(`Ref to ${target}, known only at deployment`, target);
    if (this.parts.parameters.has(target)) return this.parameter(target);
    if (this.parts.resources.has(target)) return new Reference(target, null);
    this.problems.push({
      file: this.parts.file,
      line: pos.line,
      column: pos.column,
      message: `Ref to ${target}, which is neither a parameter nor a resource of the template`,
      severity: 'error',
    });
    return new Unresolved(`Ref to ${target}, which the template does not declare`);
  }

  private getAtt(target: string, attribute: string, pos: Position): IacValue {
    if (this.parts.resources.has(target)) return new Reference(target, attribute);
    this.problems.push({
      file: this.parts.file,
      line: pos.line,
      column: pos.column,
      message: `Fn::GetAtt ${target}.${attribute}: the template has no resource ${target}`,
      severity: 'error',
    });
    return new Unresolved(`${target}.${attribute}, which the template does not declare`);
  }

  /** The text a parameter is given: `options.parameters`, else its Default; undefined when it has neither. */
  parameterText(name: string): string | undefined {
    const given = this.parts.values[name];
    if (given !== undefined) return given;
    const declared = entry(this.parts.parameters.get(name), 'Default')?.value;
    if (declared === undefined) return undefined;
    if (declared.kind === 'seq') return declared.items.map((item) => stringOf(item) ?? '').join(',');
    return stringOf(declared) ?? (declared.kind === 'scalar' ? '' : undefined);
  }

  parameter(name: string): IacValue {
    const cached = this.parameterCache.get(name);
    if (cached !== undefined) return cached;
    const type = stringOf(entry(this.parts.parameters.get(name), 'Type')?.value) ?? 'String';
    const text = this.parameterText(name);
    let value: IacValue;
    if (text === undefined) {
      value = this.unresolved(`Ref to parameter ${name}, which has no default`, `parameter ${name}`);
    } else if (type.startsWith('AWS::SSM::Parameter::Value<')) {
      value = this.unresolved(
        `Ref to parameter ${name}, read from SSM parameter ${text} at deployment`,
        `parameter ${name}`,
      );
    } else if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      // "Each member string is space trimmed" (CloudFormation parameter types).
      value = text.split(',').map((item) => item.trim());
    } else {
      // A Ref to a Number parameter gives a string too.
      value = text;
    }
    this.parameterCache.set(name, value);
    return value;
  }

  private sub(argument: Node, pos: Position): IacValue {
    let template: string | undefined;
    const variables = new Map<string, IacValue>();
    if (argument.kind === 'seq') {
      const [source, map, ...rest] = argument.items;
      template = stringOf(source);
      if (rest.length > 0 || map?.kind !== 'map') template = undefined;
      else {
        for (const { key, value } of map.entries) variables.set(key, this.plain(value, 'Fn::Sub'));
      }
    } else {
      template =
        argument.kind === 'scalar' && typeof argument.value === 'string' ? argument.value : undefined;
    }
    if (template === undefined) return this.malformed(pos, 'Fn::Sub', 'a string, or [string, {variables}]');

    const pattern = /\$\{([^}]*)\}/g;
    const parts: IacValue[] = [];
    let last = 0;
    for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
      parts.push(template.slice(last, match.index));
      last = match.index + match[0].length;
      const name = (match[1] ?? '').trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      let value = variables.get(name);
      if (value === undefined) {
        const dot = name.indexOf('.');
        const resolved =
          dot > 0 && !this.parts.parameters.has(name)
            ? this.getAtt(name.slice(0, dot), name.slice(dot + 1), pos)
            : this.ref(name, pos);
        value =
          resolved === NO_VALUE
            ? this.malformed(pos, 'Fn::Sub', `a value for \${${name}}, not AWS::NoValue`)
            : resolved;
      }
      parts.push(value);
    }
    parts.push(template.slice(last));
    const written = parts.filter((part) => part !== '');
    if (written.length === 1 && written[0] instanceof Reference) return written[0];
    // Text and references only (`${Bucket.Arn}/*`): kept in parts, so a policy can still be read.
    if (
      written.some((part) => part instanceof Reference) &&
      written.every((part) => part instanceof Reference || typeof part === 'string')
    ) {
      return new Interpolation(written);
    }
    let result = '';
    for (const part of parts) {
      const text = this.text(part);
      if (typeof text !== 'string')
        return text ?? this.malformed(pos, 'Fn::Sub', 'variables whose values are strings');
      result += text;
    }
    return result;
  }

  private findInMap(args: Node[] | undefined, pos: Position): IacValue {
    if (!args || args.length < 3 || args.length > 4 || !args[0] || !args[1] || !args[2]) {
      return this.malformed(pos, 'Fn::FindInMap', '[MapName, TopLevelKey, SecondLevelKey]');
    }
    const keys: string[] = [];
    for (const arg of args.slice(0, 3)) {
      const key = this.text(this.plain(arg, 'Fn::FindInMap'));
      if (key instanceof Unresolved) return key;
      if (key === undefined) return this.malformed(pos, 'Fn::FindInMap', 'keys that are strings');
      keys.push(key);
    }
    const [mapName = '', top = '', second = ''] = keys;
    const found = entry(entry(entry(this.parts.mappings, mapName)?.value, top)?.value, second)?.value;
    if (found) return this.plain(found, 'Fn::FindInMap');
    const fallback = args[3] ? entry(args[3], 'DefaultValue')?.value : undefined;
    if (fallback) return this.plain(fallback, 'Fn::FindInMap');
    return this.malformed(
      pos,
      'Fn::FindInMap',
      `a key that exists; Mappings has no ${mapName}.${top}.${second}`,
    );
  }

  /** A named condition: true, false, or Unresolved("condition X depends on parameter Y"). */
  condition(name: string, pos: Position): boolean | Unresolved {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const node = this.parts.conditions.get(name);
    if (!node) {
      this.problems.push({
        file: this.parts.file,
        line: pos.line,
        column: pos.column,
        message: `condition ${name} is not declared in Conditions`,
        severity: 'error',
      });
      return new Unresolved(`condition ${name}, which the template does not declare`);
    }
    if (this.evaluating.has(name))
      return this.malformed(pos, `condition ${name}`, 'conditions that do not refer to themselves');
    this.evaluating.add(name);
    let result = this.conditionValue(node);
    this.evaluating.delete(name);
    if (result instanceof Unresolved) {
      const cause = this.causes.get(result) ?? result.detail;
      result = this.unresolved(`condition ${name} depends on ${cause}`, cause);
    }
    this.conditionCache.set(name, result);
    return result;
  }

  private conditionValue(node: Node): boolean | Unresolved {
    const call = intrinsic(node, true);
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    if (!call)
      return this.malformed(node.pos, 'a condition', 'Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition');
    const args = call.value.kind === 'seq' ? call.value.items : undefined;
    switch (call.key) {
      case 'Condition': {
        const name = stringOf(call.value);
        return name === undefined
          ? this.malformed(node.pos, 'Condition', 'a condition name')
          : this.condition(name, node.pos);
      }
      case 'Fn::Equals': {
        if (!args || args.length !== 2 || !args[0] || !args[1])
          return this.malformed(node.pos, 'Fn::Equals', '[value, value]');
        const left = this.plain(args[0], 'Fn::Equals');
        const right = this.plain(args[1], 'Fn::Equals');
        const missing = firstUnresolved(left) ?? firstUnresolved(right);
        if (missing) return this.carry(missing);
        const scalar = (value: IacValue): string =>
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value);
        return scalar(left) === scalar(right);
      }
      case 'Fn::Not': {
        if (!args || args.length !== 1 || !args[0]) return this.malformed(node.pos, 'Fn::Not', '[condition]');
        const inner = this.conditionValue(args[0]);
        return inner instanceof Unresolved ? inner : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!args || args.length < 2)
          return this.malformed(node.pos, call.key, 'a list of 2 to 10 conditions');
        // false AND anything is false, true OR anything is true, whatever cannot be known.
        const decisive = call.key === 'Fn::Or';
        let pending: Unresolved | undefined;
        for (const arg of args) {
          const value = this.conditionValue(arg);
          if (value === decisive) return decisive;
          if (value instanceof Unresolved) pending ??= value;
        }
        return pending ?? !decisive;
      }
      default:
        return this.malformed(node.pos, call.key, 'to be used outside Conditions');
    }
  }
}
