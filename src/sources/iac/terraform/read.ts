/**
 * Reads a Terraform root module (HCL `.tf` files, with its `.tfvars` and local modules) into IaC resources.
 * Only `resource "aws_*"` blocks become resources; `count` and `for_each` that are known statically expand into
 * one resource per instance, as Terraform addresses them (`aws_s3_bucket.b[0]`, `aws_s3_bucket.b["logs"]`).
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile } from '../../text-file.js';
import {
  Reference,
  Unresolved,
  type IacDocumentSet,
  type IacObject,
  type IacProblem,
  type IacResource,
  type IacValue,
  type InlineIgnore,
  type Location,
  type PropertyPath,
} from '../types.js';
import type { Attribute, Block, Body, Expr } from './hcl/ast.js';
import type { Comment } from './hcl/lexer.js';
import { HclSyntaxError, parseHcl, type HclFile } from './hcl/parser.js';
import { EvalError, evaluate, isObject, unknownOf, type Scope } from './evaluate.js';

export interface ReadTerraformOptions {
  /** `-var-file`s, applied after `terraform.tfvars` and `*.auto.tfvars`, in order. */
  varFiles?: readonly string[];
}

/** Files larger than this are skipped with a warning. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Modules nested deeper than this (or a module including itself) are not read. */
const MAX_MODULE_DEPTH = 16;
/** A `count` or `for_each` with more instances than this is read as one resource. */
const MAX_INSTANCES = 1000;

/** Locals referring to locals referring to locals... deeper than this are not evaluated. */
const MAX_CHAIN = 100;

/** Resource arguments that are Terraform's, not the provider's. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

const IGNORE = /^onus:ignore\s+(\S+)(?:\s+(.*))?$/;

interface SourceFile {
  path: string;
  hcl: HclFile;
}

interface ParsedModule {
  dir: string;
  files: SourceFile[];
  variables: Map<string, Block>;
  locals: Map<string, Attribute>;
  outputs: Map<string, Attribute>;
  resources: { block: Block; file: SourceFile }[];
  modules: { block: Block; file: SourceFile }[];
  providers: Block[];
}

interface Reader {
  problems: IacProblem[];
  files: string[];
  rootDir: string;
  /** Root module `aws` provider regions by alias (`''`: the default provider). */
  regions: Map<string, string | null>;
  resources: IacResource[];
  /** Modules already read, by directory: a module called twice is read (and its problems reported) once. */
  parsed: Map<string, ParsedModule>;
}

/** Reads one Terraform root module and the local modules it calls. Never throws on bad input. */
export function readTerraformModule(dir: string, options: ReadTerraformOptions = {}): IacDocumentSet {
  const reader: Reader = {
    problems: [],
    files: [],
    rootDir: dir,
    regions: new Map(),
    resources: [],
    parsed: new Map(),
  };
  try {
    const parsed = loadModule(dir, reader);
    const inputs = rootVariables(dir, options.varFiles ?? [], reader);
    const root = new ModuleInstance(reader, parsed, '', inputs, 0, [dir]);
    reader.regions = root.regions();
    root.collect();
  } catch (error) {
    // A bug or an exhausted stack must not end the run: the module is reported and the rest goes on.
    reader.problems.push({
      file: dir,
      message: `cannot be read: ${(error as Error).message}`,
      severity: 'error',
    });
  }
  return {
    format: 'terraform',
    root: dir,
    files: reader.files,
    resources: reader.resources,
    problems: reader.problems,
  };
}

/**
 * The directories the local `module` blocks of a module point at, and theirs in turn, so discovery does not read
 * a module on its own when a root module already reads it.
 */
export function localModuleDirs(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string, depth: number): void => {
    if (depth > MAX_MODULE_DEPTH) return;
    for (const name of tfFiles(current)) {
      let hcl: HclFile;
      try {
        hcl = parseHcl(readFileSync(join(current, name), 'utf8'));
      } catch {
        continue;
      }
      for (const block of hcl.body.blocks) {
        if (block.type !== 'module') continue;
        const source = literalSource(block);
        if (source === undefined || !isLocalSource(source)) continue;
        const child = join(current, source);
        if (found.includes(child) || !existsSync(child)) continue;
        found.push(child);
        visit(child, depth + 1);
      }
    }
  };
  visit(dir, 0);
  return found;
}

function tfFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.tf'))
      .sort();
  } catch {
    return [];
  }
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

function literalSource(block: Block): string | undefined {
  const attribute = block.body.attributes.find((candidate) => candidate.name === 'source');
  if (!attribute) return undefined;
  const value = evaluate(attribute.expr, LITERAL_SCOPE);
  return typeof value === 'string' ? value : undefined;
}

/** A scope for values that may not refer to anything: variable defaults, `.tfvars`. */
const LITERAL_SCOPE: Scope = {
  moduleDir: '.',
  rootDir: '.',
  prefix: '',
  variable: (name) => {
    throw new EvalError(`var.${name} cannot be used here`);
  },
  local: (name) => {
    throw new EvalError(`local.${name} cannot be used here`);
  },
  moduleOutput: (name) => new Unresolved(`module.${name} cannot be used here`),
};

/** Reads a file as text, or reports why not (missing, huge, binary). */
function readText(path: string, reader: Reader): string | undefined {
  const read = readTextFile(path, MAX_FILE_BYTES);
  if (read.ok) {
    reader.files.push(path);
    return read.text;
  }
  reader.problems.push(
    read.reason === 'unreadable'
      ? { file: path, message: `cannot be read: ${read.code}`, severity: 'error' }
      : {
          file: path,
          message:
            read.reason === 'huge'
              ? `skipped: larger than ${MAX_FILE_BYTES} bytes`
              : 'skipped: a binary file',
          severity: 'warning',
        },
  );
  return undefined;
}

function parseFile(path: string, reader: Reader): HclFile | undefined {
  const text = readText(path, reader);
  if (text === undefined) return undefined;
  try {
    return parseHcl(text);
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) {
      reader.problems.push({
        file: path,
        message: `cannot be parsed: ${(error as Error).message}`,
        severity: 'error',
      });
      return undefined;
    }
    reader.problems.push({
      file: path,
      line: error.line,
      column: error.column,
      message: `HCL syntax error: ${error.message.replace(/ \(line \d+, column \d+\)$/, '')}`,
      severity: 'error',
    });
    return undefined;
  }
}

function loadModule(dir: string, reader: Reader): ParsedModule {
  const known = reader.parsed.get(dir);
  if (known) return known;
  const module: ParsedModule = {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: [],
    modules: [],
    providers: [],
  };
  reader.parsed.set(dir, module);
  for (const name of tfFiles(dir)) {
    const path = join(dir, name);
    const hcl = parseFile(path, reader);
    if (!hcl) continue;
    const file: SourceFile = { path, hcl };
    module.files.push(file);
    for (const block of hcl.body.blocks) {
      const [first] = block.labels;
      switch (block.type) {
        case 'variable':
          if (first !== undefined) module.variables.set(first, block);
          break;
        case 'locals':
          for (const attribute of block.body.attributes) module.locals.set(attribute.name, attribute);
          break;
        case 'output': {
          const value = block.body.attributes.find((attribute) => attribute.name === 'value');
          if (first !== undefined && value) module.outputs.set(first, value);
          break;
        }
        case 'resource':
          module.resources.push({ block, file });
          break;
        case 'module':
          module.modules.push({ block, file });
          break;
        case 'provider':
          module.providers.push(block);
          break;
        default:
          break;
      }
    }
  }
  return module;
}

/** Values for the root module's variables: `terraform.tfvars`, `*.auto.tfvars` (by name), then `varFiles`. */
function rootVariables(dir: string, varFiles: readonly string[], reader: Reader): Map<string, IacValue> {
  const values = new Map<string, IacValue>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    reader.problems.push({ file: dir, message: 'the Terraform directory cannot be read', severity: 'error' });
  }
  const automatic = [
    ...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)),
    ...names.filter((name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort(),
  ].map((name) => join(dir, name));
  for (const path of [...automatic, ...varFiles]) {
    if (path.endsWith('.json')) {
      const text = readText(path, reader);
      if (text === undefined) continue;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          reader.problems.push({
            file: path,
            line: 1,
            message: 'a .tfvars.json file must hold an object',
            severity: 'error',
          });
          continue;
        }
        for (const [key, value] of Object.entries(parsed as Record<string, unknown>))
          values.set(key, jsonValue(value));
      } catch (error) {
        reader.problems.push({
          file: path,
          line: 1,
          message: `invalid JSON: ${(error as Error).message}`,
          severity: 'error',
        });
      }
      continue;
    }
    const hcl = parseFile(path, reader);
    if (!hcl) continue;
    for (const attribute of hcl.body.attributes)
      values.set(attribute.name, evaluate(attribute.expr, LITERAL_SCOPE));
  }
  return values;
}

function jsonValue(value: unknown): IacValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]),
    );
  }
  return null;
}

/** One module as called: its variables' values, lazily evaluated locals and outputs, and its child modules. */
class ModuleInstance {
  private readonly localValues = new Map<string, IacValue>();
  private readonly outputValues = new Map<string, IacValue>();
  private readonly evaluating = new Set<string>();
  private children: Map<string, { instances: ModuleInstance[]; repeated: boolean }> | undefined;
  readonly scope: Scope;

  constructor(
    private readonly reader: Reader,
    private readonly module: ParsedModule,
    private readonly prefix: string,
    private readonly inputs: ReadonlyMap<string, IacValue>,
    private readonly depth: number,
    private readonly chain: readonly string[],
  ) {
    this.scope = {
      moduleDir: module.dir,
      rootDir: reader.rootDir,
      prefix,
      variable: (name) => this.variable(name),
      local: (name) => this.local(name),
      moduleOutput: (name, output) => this.moduleOutput(name, output),
    };
  }

  private variable(name: string): IacValue {
    const declared = this.module.variables.get(name);
    if (!declared) throw new EvalError(`var.${name} is not declared`);
    const given = this.inputs.get(name);
    if (given !== undefined) return given;
    const fallback = declared.body.attributes.find((attribute) => attribute.name === 'default');
    if (fallback) return evaluate(fallback.expr, LITERAL_SCOPE);
    return new Unresolved(
      this.prefix === ''
        ? `variable ${name} has no default and no value in a .tfvars file`
        : `variable ${name} of ${this.prefix.slice(0, -1)} has no default and is not given`,
    );
  }

  private lazily(kind: string, name: string, cache: Map<string, IacValue>, expr: Expr): IacValue {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const key = `${kind}.${name}`;
    if (this.evaluating.has(key)) throw new EvalError(`${key} refers to itself`);
    if (this.evaluating.size >= MAX_CHAIN)
      throw new EvalError(`${key}: locals and outputs refer to each other too deeply`);
    this.evaluating.add(key);
    try {
      const value = evaluate(expr, this.scope);
      cache.set(name, value);
      return value;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private local(name: string): IacValue {
    const attribute = this.module.locals.get(name);
    if (!attribute) throw new EvalError(`local.${name} is not defined`);
    return this.lazily('local', name, this.localValues, attribute.expr);
  }

  /** The output of a child module, when the child is read and the output known statically. */
  output(name: string): IacValue {
    const attribute = this.module.outputs.get(name);
    if (!attribute)
      throw new EvalError(`${this.prefix.slice(0, -1) || 'the root module'} has no output ${name}`);
    return this.lazily('output', name, this.outputValues, attribute.expr);
  }

  private moduleOutput(name: string, output: string): IacValue {
    const child = this.childModules().get(name);
    const [instance] = child?.instances ?? [];
    if (!child || !instance)
      return new Unresolved(`module.${name} is not read, so its output ${output} is unknown`);
    if (child.repeated)
      return new Unresolved(`module.${name} has count or for_each: its outputs are not evaluated`);
    return instance.output(output);
  }

  /** The region of each `aws` provider configuration, by alias (`''` for the default), when static. */
  regions(): Map<string, string | null> {
    const regions = new Map<string, string | null>();
    for (const provider of this.module.providers) {
      if (provider.labels[0] !== 'aws') continue;
      const valueOf = (name: string): IacValue | undefined => {
        const attribute = provider.body.attributes.find((candidate) => candidate.name === name);
        return attribute ? evaluate(attribute.expr, this.scope) : undefined;
      };
      const alias = valueOf('alias') ?? '';
      const region = valueOf('region');
      if (typeof alias === 'string') regions.set(alias, typeof region === 'string' ? region : null);
    }
    return regions;
  }

  private childModules(): Map<string, { instances: ModuleInstance[]; repeated: boolean }> {
    if (this.children) return this.children;
    this.children = new Map();
    for (const { block, file } of this.module.modules) {
      const name = block.labels[0];
      if (name === undefined) continue;
      const at = { file: file.path, line: block.line, column: block.column };
      const sourceAttribute = block.body.attributes.find((attribute) => attribute.name === 'source');
      const source = sourceAttribute ? evaluate(sourceAttribute.expr, LITERAL_SCOPE) : null;
      if (typeof source !== 'string') {
        this.problem(at, `module ${name} has no literal source: it is not read`, 'warning');
        continue;
      }
      if (!isLocalSource(source)) {
        this.problem(at, `module ${name} (source ${source}) is not read: only local modules are`, 'warning');
        continue;
      }
      const dir = join(this.module.dir, source);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        this.problem(at, `module ${name}: the directory ${dir} does not exist`, 'error');
        continue;
      }
      if (this.depth + 1 > MAX_MODULE_DEPTH || this.chain.includes(dir)) {
        this.problem(
          at,
          `module ${name} (source ${source}) is nested too deeply or includes itself: not read`,
          'warning',
        );
        continue;
      }
      const parsed = loadModule(dir, this.reader);
      const address = `${this.prefix}module.${name}`;
      const instances = this.expand(block, address, at).map(({ suffix, scope }) => {
        const inputs = new Map<string, IacValue>();
        for (const attribute of block.body.attributes) {
          if (!MODULE_META.has(attribute.name)) inputs.set(attribute.name, evaluate(attribute.expr, scope));
        }
        return new ModuleInstance(this.reader, parsed, `${address}${suffix}.`, inputs, this.depth + 1, [
          ...this.chain,
          dir,
        ]);
      });
      const repeated = block.body.attributes.some(
        (attribute) => attribute.name === 'count' || attribute.name === 'for_each',
      );
      this.children.set(name, { instances, repeated });
    }
    return this.children;
  }

  private problem(at: Location, message: string, severity: IacProblem['severity']): void {
    this.reader.problems.push({ file: at.file, line: at.line, column: at.column, message, severity });
  }

  /** Adds this module's resources, then its children's, to the reader. */
  collect(): void {
    for (const { block, file } of this.module.resources) this.collectResource(block, file);
    for (const child of this.childModules().values())
      for (const instance of child.instances) instance.collect();
  }

  private collectResource(block: Block, file: SourceFile): void {
    const [type, name] = block.labels;
    if (type === undefined || name === undefined || !type.startsWith('aws_')) return;
    const address = `${this.prefix}${type}.${name}`;
    const at: Location = { file: file.path, line: block.line, column: block.column };
    const ignores = ignoresOf(block, file);
    const build = (instanceAddress: string, scope: Scope): void => {
      try {
        this.reader.resources.push(
          buildResource(block, file.path, type, instanceAddress, scope, ignores, this.regionOf(block)),
        );
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        this.problem(at, `${instanceAddress} cannot be evaluated: ${error.message}`, 'error');
      }
    };
    for (const { suffix, scope } of this.expand(block, address, at)) build(`${address}${suffix}`, scope);
  }

  /**
   * The region of the provider a resource uses: `provider = aws.<alias>`, else the default one. Child modules
   * use the root module's providers (passing providers explicitly to a module is not followed).
   */
  private regionOf(block: Block): string | null {
    const provider = block.body.attributes.find((attribute) => attribute.name === 'provider')?.expr;
    const alias =
      provider?.kind === 'getattr' && provider.target.kind === 'variable' && provider.target.name === 'aws'
        ? provider.name
        : '';
    return this.reader.regions.get(alias) ?? null;
  }

  /**
   * The instances `count` or `for_each` make of a resource or module block: the address suffix (`[0]`,
   * `["key"]`) and the scope with `count.index` / `each`. Not known statically: one instance without a suffix,
   * whose `count.index` / `each` are unresolved, and a warning.
   */
  private expand(block: Block, address: string, at: Location): { suffix: string; scope: Scope }[] {
    const count = block.body.attributes.find((attribute) => attribute.name === 'count');
    const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
    if (count) {
      const value = evaluate(count.expr, this.scope);
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_INSTANCES) {
        return Array.from({ length: value }, (_, index) => ({
          suffix: `[${index}]`,
          scope: { ...this.scope, countIndex: index },
        }));
      }
      const detail =
        value instanceof Unresolved || value instanceof Reference
          ? describeUnknown(value)
          : JSON.stringify(value);
      this.problem(
        at,
        `${address}: count is not known statically (${detail}); read as one instance`,
        'warning',
      );
      const countIndex = new Unresolved(`count.index of ${address}: count is not known statically`);
      return [{ suffix: '', scope: { ...this.scope, countIndex } }];
    }
    if (forEach) {
      const value = evaluate(forEach.expr, this.scope);
      const instances = forEachInstances(value);
      if (instances && instances.length <= MAX_INSTANCES) {
        return instances.map(([key, item]) => ({
          suffix: `[${JSON.stringify(key)}]`,
          scope: { ...this.scope, each: { key, value: item } },
        }));
      }
      const detail =
        value instanceof Unresolved || value instanceof Reference
          ? describeUnknown(value)
          : 'not a map or a set of strings';
      this.problem(
        at,
        `${address}: for_each is not known statically (${detail}); read as one instance`,
        'warning',
      );
      const each = new Unresolved(`each of ${address}: for_each is not known statically`);
      return [{ suffix: '', scope: { ...this.scope, each } }];
    }
    return [{ suffix: '', scope: this.scope }];
  }
}

function describeUnknown(value: Unresolved | Reference): string {
  return unknownOf(value).detail;
}

/** A map's entries, or a set of strings' (key = value); undefined when not known statically. */
function forEachInstances(value: IacValue): [string, IacValue][] | undefined {
  if (isObject(value)) {
    return Object.keys(value)
      .sort()
      .map((key) => [key, value[key] ?? null]);
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return [...new Set(value)].sort().map((key) => [key, key]);
  }
  return undefined;
}

/** `# onus:ignore <check> <reason>` on the comment lines right above the block, or inside it. */
function ignoresOf(block: Block, file: SourceFile): InlineIgnore[] {
  const byLine = new Map<number, Comment[]>();
  for (const comment of file.hcl.comments)
    byLine.set(comment.line, [...(byLine.get(comment.line) ?? []), comment]);
  const selected: Comment[] = [];
  for (let line = block.line - 1; byLine.has(line); line--) selected.push(...(byLine.get(line) ?? []));
  for (const comment of file.hcl.comments) {
    if (comment.line >= block.line && comment.line <= block.endLine) selected.push(comment);
  }
  return selected
    .sort((a, b) => a.line - b.line)
    .flatMap((comment) => {
      const match = IGNORE.exec(comment.text);
      if (!match?.[1]) return [];
      return [
        {
          check: match[1],
          reason: (match[2] ?? '').trim(),
          location: { file: file.path, line: comment.line, column: comment.column },
        },
      ];
    });
}

function buildResource(
  block: Block,
  file: string,
  type: string,
  address: string,
  scope: Scope,
  ignores: InlineIgnore[],
  region: string | null,
): IacResource {
  const location: Location = { file, line: block.line, column: block.column };
  const positions = new Map<string, Location>();
  const record = (path: PropertyPath, at: { line: number; column: number }): void => {
    const key = JSON.stringify(path);
    if (!positions.has(key)) positions.set(key, { file, line: at.line, column: at.column });
  };
  const properties = evalBody(block.body, scope, new Map(), [], record, true);
  return {
    format: 'terraform',
    type,
    address,
    properties,
    location,
    locate(path: PropertyPath) {
      if (path.length === 0) return location;
      for (let length = path.length; length > 0; length--) {
        const found = positions.get(JSON.stringify(path.slice(0, length)));
        if (found) return found;
      }
      return undefined;
    },
    ignores,
    region,
  };
}

type Recorder = (path: PropertyPath, at: { line: number; column: number }) => void;

/** Arguments evaluated; nested blocks (static and `dynamic`) as arrays of objects. */
function evalBody(
  body: Body,
  scope: Scope,
  bindings: ReadonlyMap<string, IacValue>,
  path: PropertyPath,
  record: Recorder,
  topLevel: boolean,
): IacObject {
  const result: IacObject = {};
  for (const attribute of body.attributes) {
    if (topLevel && META_ARGUMENTS.has(attribute.name)) continue;
    result[attribute.name] = evaluate(attribute.expr, scope, bindings);
    record([...path, attribute.name], attribute);
    recordExpr(attribute.expr, [...path, attribute.name], record);
  }
  const lists = new Map<string, IacValue[] | Unresolved>();
  const append = (name: string, item: IacValue | Unresolved, at: Block): void => {
    const list = lists.get(name) ?? [];
    if (list instanceof Unresolved) return;
    if (item instanceof Unresolved) {
      lists.set(name, item);
      record([...path, name], at);
      return;
    }
    record([...path, name], at);
    record([...path, name, list.length], at);
    list.push(item);
    lists.set(name, list);
  };
  for (const block of body.blocks) {
    if (topLevel && META_BLOCKS.has(block.type)) continue;
    if (block.type === 'dynamic') {
      expandDynamic(block, scope, bindings, path, record, lists, append);
      continue;
    }
    const index = (() => {
      const list = lists.get(block.type);
      return Array.isArray(list) ? list.length : 0;
    })();
    append(
      block.type,
      evalBody(block.body, scope, bindings, [...path, block.type, index], record, false),
      block,
    );
  }
  for (const [name, list] of lists) result[name] = list;
  return result;
}

function expandDynamic(
  block: Block,
  scope: Scope,
  bindings: ReadonlyMap<string, IacValue>,
  path: PropertyPath,
  record: Recorder,
  lists: Map<string, IacValue[] | Unresolved>,
  append: (name: string, item: IacValue | Unresolved, at: Block) => void,
): void {
  const [name] = block.labels;
  if (name === undefined) return;
  const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
  const content = block.body.blocks.find((candidate) => candidate.type === 'content');
  const iteratorAttribute = block.body.attributes.find((attribute) => attribute.name === 'iterator');
  const iterator = iteratorAttribute?.expr.kind === 'variable' ? iteratorAttribute.expr.name : name;
  if (!forEach || !content) {
    append(name, new Unresolved(`dynamic block ${name} needs for_each and content`), block);
    return;
  }
  const collection = evaluate(forEach.expr, scope, bindings);
  let entries: [IacValue, IacValue][];
  if (Array.isArray(collection)) {
    entries = collection.map((item, index) => [index, item]);
  } else if (isObject(collection)) {
    entries = Object.keys(collection)
      .sort()
      .map((key) => [key, collection[key] ?? null]);
  } else {
    const detail =
      collection instanceof Unresolved || collection instanceof Reference
        ? describeUnknown(collection)
        : 'not a list or a map';
    append(
      name,
      new Unresolved(`dynamic block ${name}: for_each is not known statically (${detail})`),
      block,
    );
    return;
  }
  for (const [key, value] of entries) {
    const list = lists.get(name);
    const index = Array.isArray(list) ? list.length : 0;
    const inner = new Map([...bindings, [iterator, { key, value }]]);
    append(name, evalBody(content.body, scope, inner, [...path, name, index], record, false), block);
  }
}

/** Positions of the keys and items written in object and list constructors. */
function recordExpr(expr: Expr, path: PropertyPath, record: Recorder): void {
  if (expr.kind === 'object') {
    for (const item of expr.items) {
      const key =
        item.key.kind === 'literal' && typeof item.key.value === 'string'
          ? item.key.value
          : item.key.kind === 'template' && item.key.parts.length === 1 && item.key.parts[0]?.kind === 'lit'
            ? item.key.parts[0].value
            : item.key.kind === 'template' && item.key.parts.length === 0
              ? ''
              : undefined;
      if (key === undefined) continue;
      record([...path, key], item.key);
      recordExpr(item.value, [...path, key], record);
    }
  } else if (expr.kind === 'tuple') {
    expr.items.forEach((item, index) => {
      record([...path, index], item);
      recordExpr(item, [...path, index], record);
    });
  } else if (expr.kind === 'parens') {
    recordExpr(expr.expr, path, record);
  }
}
