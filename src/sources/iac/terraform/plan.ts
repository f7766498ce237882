/**
 * Reads a Terraform plan rendered as JSON (`terraform show -json plan.out`): the planned values of every managed
 * `aws_*` resource, root and child modules. Values Terraform knows only after apply are `Unresolved`, or a
 * `Reference` when the configuration shows the expression refers to another resource (so a versioning resource
 * still joins its bucket before the bucket exists).
 */

import {
  Reference,
  Unresolved,
  type IacDocumentSet,
  type IacObject,
  type IacResource,
  type IacValue,
  type Location,
  type PropertyPath,
} from '../types.js';

/** Whether parsed JSON is a Terraform plan (rather than, say, a CloudFormation template). */
export function looksLikeTerraformPlan(parsed: unknown): boolean {
  if (!isRecord(parsed)) return false;
  return (
    typeof parsed.format_version === 'string' &&
    (isRecord(parsed.planned_values) || Array.isArray(parsed.resource_changes))
  );
}

/** Reads one plan file's text; malformed JSON is one problem, never a throw. */
export function readTerraformPlan(file: string, text: string): IacDocumentSet {
  const set: IacDocumentSet = {
    format: 'terraform-plan',
    root: file,
    files: [file],
    resources: [],
    problems: [],
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    set.problems.push({
      file,
      ...jsonErrorPosition(text, message),
      message: `invalid JSON: ${message}`,
      severity: 'error',
    });
    return set;
  }
  if (!looksLikeTerraformPlan(parsed) || !isRecord(parsed)) {
    set.problems.push({
      file,
      line: 1,
      message: 'not a Terraform plan: expected format_version and planned_values (terraform show -json)',
      severity: 'error',
    });
    return set;
  }

  const changes = new Map<string, Record<string, unknown>>();
  for (const change of arrayOf(parsed.resource_changes)) {
    if (isRecord(change) && typeof change.address === 'string') changes.set(change.address, change);
  }
  const configuration = isRecord(parsed.configuration) ? parsed.configuration : {};
  const providerRegion = defaultRegion(configuration);
  const configRoot = isRecord(configuration.root_module) ? configuration.root_module : {};

  const add = (address: string, type: string, values: IacObject, afterUnknown: unknown): void => {
    const modulePath = modulesOf(address);
    const expressions = configExpressions(configRoot, modulePath, localAddress(address));
    const prefix = modulePath.map((name) => `module.${name}.`).join('');
    const properties = overlayUnknown(values, afterUnknown, [], (path) => {
      // An unknown the configuration does not write (an id, an ARN, a default the provider reads back) is the
      // provider's to compute: to the code, as to HCL, it is absent.
      if (expressions !== undefined && !writtenAt(expressions, path)) return null;
      const reference = referenceAt(expressions, path, prefix);
      return reference ?? new Unresolved(`known after apply (${address}.${dotted(path)})`);
    });
    const propertiesObject = isIacObject(properties) ? properties : {};
    const location: Location = { file, ...addressPosition(text, address) };
    const region = typeof propertiesObject.region === 'string' ? propertiesObject.region : providerRegion;
    const resource: IacResource = {
      format: 'terraform-plan',
      type,
      address,
      properties: propertiesObject,
      location,
      locate: (path: PropertyPath) => (path.length === 0 ? location : undefined),
      ignores: [],
      region,
    };
    set.resources.push(resource);
  };

  const planned = isRecord(parsed.planned_values) ? parsed.planned_values : undefined;
  if (planned && isRecord(planned.root_module)) {
    const visit = (module: Record<string, unknown>, depth: number): void => {
      if (depth > 64) return;
      for (const entry of arrayOf(module.resources)) {
        if (!isRecord(entry) || entry.mode !== 'managed') continue;
        const { address, type } = entry;
        if (typeof address !== 'string' || typeof type !== 'string' || !type.startsWith('aws_')) continue;
        const values = jsonValue(entry.values);
        const change = changes.get(address);
        const after = isRecord(change?.change) ? change.change : {};
        add(address, type, isIacObject(values) ? values : {}, after.after_unknown);
      }
      for (const child of arrayOf(module.child_modules)) if (isRecord(child)) visit(child, depth + 1);
    };
    visit(planned.root_module, 0);
  } else {
    // A plan without planned_values: the resource changes' "after" values, deletions left out.
    for (const change of changes.values()) {
      const { address, type, mode } = change;
      if (
        mode !== 'managed' ||
        typeof address !== 'string' ||
        typeof type !== 'string' ||
        !type.startsWith('aws_')
      ) {
        continue;
      }
      const body = isRecord(change.change) ? change.change : {};
      if (body.after === null || body.after === undefined) continue;
      const values = jsonValue(body.after);
      add(address, type, isIacObject(values) ? values : {}, body.after_unknown);
    }
  }
  return set;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIacObject(value: IacValue): value is IacObject {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Unresolved) &&
    !(value instanceof Reference)
  );
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function jsonValue(value: unknown): IacValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]),
    );
  }
  return null;
}

function dotted(path: PropertyPath): string {
  return path
    .map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`))
    .join('')
    .replace(/^\./, '');
}

/** Marks the paths `after_unknown` flags as unknown. */
function overlayUnknown(
  value: IacValue | undefined,
  unknown: unknown,
  path: (string | number)[],
  resolve: (path: PropertyPath) => IacValue,
): IacValue {
  if (unknown === true) return resolve(path);
  if (Array.isArray(unknown)) {
    const base = Array.isArray(value) ? value : [];
    const length = Math.max(base.length, unknown.length);
    const result: IacValue[] = [];
    for (let index = 0; index < length; index++) {
      result.push(overlayUnknown(base[index] ?? null, unknown[index], [...path, index], resolve));
    }
    return value === undefined && !containsTrue(unknown) ? null : result;
  }
  if (isRecord(unknown)) {
    const base = value !== undefined && value !== null && isIacObject(value) ? value : {};
    const result: IacObject = { ...base };
    for (const [key, flag] of Object.entries(unknown)) {
      if (!containsTrue(flag)) continue;
      result[key] = overlayUnknown(base[key], flag, [...path, key], resolve);
    }
    return result;
  }
  return value ?? null;
}

function containsTrue(value: unknown): boolean {
  if (value === true) return true;
  if (Array.isArray(value)) return value.some(containsTrue);
  if (isRecord(value)) return Object.values(value).some(containsTrue);
  return false;
}

/** `module.a.module.b[0].aws_x.y["k"]` -> ['a', 'b']. */
function modulesOf(address: string): string[] {
  const modules: string[] = [];
  const pattern = /^module\.([^.[]+)(?:\[[^\]]*\])?\./;
  let rest = address;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    modules.push(match[1] ?? '');
    rest = rest.slice(match[0].length);
  }
  return modules;
}

/** `module.a.aws_x.y[0]` -> `aws_x.y` (configuration addresses have neither module nor instance key). */
function localAddress(address: string): string {
  const withoutModules = address.replace(/^(module\.[^.[]+(\[[^\]]*\])?\.)+/, '');
  return withoutModules.replace(/\[[^\]]*\]$/, '');
}

function configExpressions(root: Record<string, unknown>, modules: string[], address: string): unknown {
  let module: Record<string, unknown> | undefined = root;
  for (const name of modules) {
    const calls: unknown = module.module_calls;
    const call: unknown = isRecord(calls) ? calls[name] : undefined;
    module = isRecord(call) && isRecord(call.module) ? call.module : undefined;
    if (!module) return undefined;
  }
  const found = arrayOf(module.resources).find((entry) => isRecord(entry) && entry.address === address);
  return isRecord(found) ? found.expressions : undefined;
}

/** Whether the configuration writes an expression at `path` (or at a parent of it, as a whole value). */
function writtenAt(expressions: unknown, path: PropertyPath): boolean {
  let node: unknown = expressions;
  for (const step of path) {
    if (isRecord(node) && ('references' in node || 'constant_value' in node)) return true;
    if (typeof step === 'number') node = Array.isArray(node) ? (node as unknown[])[step] : undefined;
    else node = isRecord(node) ? node[step] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

/** The resource an unknown value's expression refers to, from the configuration's `references`. */
function referenceAt(expressions: unknown, path: PropertyPath, prefix: string): Reference | undefined {
  let node: unknown = expressions;
  for (const step of [undefined, ...path]) {
    if (step !== undefined) {
      if (typeof step === 'number') node = Array.isArray(node) ? (node as unknown[])[step] : undefined;
      else node = isRecord(node) ? node[step] : undefined;
    }
    if (isRecord(node) && Array.isArray(node.references)) {
      for (const reference of node.references as unknown[]) {
        if (typeof reference !== 'string') continue;
        if (/^(var|local|data|module|each|count|path|self|terraform)\./.test(reference)) continue;
        const match = /^([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?)(?:\.([A-Za-z0-9_-]+))?/.exec(
          reference,
        );
        if (match?.[1]) return new Reference(`${prefix}${match[1]}`, match[2] ?? null);
      }
      return undefined;
    }
  }
  return undefined;
}

/** The default `aws` provider's region, when the configuration gives it as a constant. */
function defaultRegion(configuration: Record<string, unknown>): string | null {
  const providers = isRecord(configuration.provider_config) ? configuration.provider_config : {};
  const aws = providers.aws;
  if (!isRecord(aws) || aws.alias !== undefined) return null;
  const expressions = isRecord(aws.expressions) ? aws.expressions : {};
  const region = isRecord(expressions.region) ? expressions.region.constant_value : undefined;
  return typeof region === 'string' ? region : null;
}

/** Line and column of the resource's `"address": "<address>"` (its first occurrence), else 1:1. */
function addressPosition(text: string, address: string): { line: number; column: number } {
  const escaped = JSON.stringify(address).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`"address"\\s*:\\s*${escaped}`).exec(text);
  return match ? positionAt(text, match.index) : { line: 1, column: 1 };
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function jsonErrorPosition(text: string, message: string): { line: number; column?: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return positionAt(text, Number(position[1]));
  return { line: 1 };
}
