import {
  Unresolved,
  type IacDocumentSet,
  type IacObject,
  type IacProblem,
  type IacResource,
  type InlineIgnore,
  type Location,
  type Position,
  type PropertyPath,
} from '../types.js';
import { parseTemplate, type MapNode, type Node } from './parse.js';
import { entry, NO_VALUE, Resolver, stringOf, type Recorder } from './resolve.js';

export interface CloudFormationOptions {
  /** Parameter values, as `--parameter Name=Value` gives them; they win over the template's defaults. */
  parameters?: Record<string, string>;
  /** The region the template is deployed to: `AWS::Region` resolves to it and each resource carries it. */
  region?: string;
}

/** The type and address of the resource that stands for the template itself (its Parameters and Outputs). */
export const TEMPLATE_TYPE = 'AWS::CloudFormation::Template';
export const TEMPLATE_ADDRESS = 'Template';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object with `AWSTemplateFormatVersion`, or a `Resources` map with an entry of an `AWS::`/`Custom::` type. */
export function looksLikeCloudFormation(parsed: unknown): boolean {
  if (!isRecord(parsed)) return false;
  if ('AWSTemplateFormatVersion' in parsed) return true;
  const resources = parsed.Resources;
  if (!isRecord(resources)) return false;
  return Object.values(resources).some(
    (resource) =>
      isRecord(resource) && typeof resource.Type === 'string' && /^(?:AWS|Custom)::/.test(resource.Type),
  );
}

/** The node as plain JSON (intrinsics left as written), deep enough for `looksLikeCloudFormation`. */
function shallow(node: Node, depth: number): unknown {
  if (node.kind === 'scalar') return node.value;
  if (depth === 0) return node.kind === 'seq' ? [] : {};
  if (node.kind === 'seq') return node.items.map((item) => shallow(item, depth - 1));
  return Object.fromEntries(node.entries.map(({ key, value }) => [key, shallow(value, depth - 1)]));
}

function mapOf(node: Node | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

function pathKey(path: PropertyPath): string {
  return path.map(String).join('\u0000');
}

/**
 * Reads one CloudFormation template (YAML or JSON, a CDK-synthesized one too). Null when the text is not a
 * template (a YAML config file next to it); otherwise a set with one resource per entry of `Resources`, plus
 * one `AWS::CloudFormation::Template` resource for the template's Parameters and Outputs.
 */
export function readCloudFormation(
  file: string,
  text: string,
  options: CloudFormationOptions = {},
): IacDocumentSet | null {
  const parsed = parseTemplate(file, text);
  const set = (resources: IacResource[], problems: IacProblem[]): IacDocumentSet => ({
    format: 'cloudformation',
    root: file,
    files: [file],
    resources,
    problems,
  });
  // A file that does not parse is reported; the caller decides whether it was meant as a template.
  if (!parsed.root) return parsed.problems.length > 0 ? set([], parsed.problems) : null;
  const root = parsed.root;
  if (!looksLikeCloudFormation(shallow(root, 3))) return null;
  const problems = [...parsed.problems];
  const problem = (pos: Position, message: string, severity: IacProblem['severity'] = 'error'): void => {
    problems.push({ file, line: pos.line, column: pos.column, message, severity });
  };

  const section = (name: string): MapNode | undefined => {
    const found = entry(root, name);
    if (
      found &&
      found.value.kind !== 'map' &&
      !(found.value.kind === 'scalar' && found.value.value === null)
    ) {
      problem(found.keyPos, `${name} must be a map; the section is ignored`);
    }
    return mapOf(found?.value);
  };
  const parameters = section('Parameters');
  const resources = section('Resources');
  const conditions = section('Conditions');
  const outputs = section('Outputs');

  const resolver = new Resolver({
    file,
    parameters: new Map(parameters?.entries.map(({ key, value }) => [key, mapOf(value)]) ?? []),
    resources: new Map(
      resources?.entries.map(({ key, value }) => [key, stringOf(entry(value, 'Type')?.value) ?? '']) ?? [],
    ),
    mappings: section('Mappings'),
    conditions: new Map(conditions?.entries.map(({ key, value }) => [key, value]) ?? []),
    values: options.parameters ?? {},
    region: options.region,
  });
  const lines = parsed.json ? [] : text.split(/\r?\n/);
  const comments = (from: Position, endLine: number): InlineIgnore[] =>
    commentIgnores(file, lines, from.line, endLine, problems);

  const out: IacResource[] = [];
  for (const { key: logicalId, keyPos, value: node } of resources?.entries ?? []) {
    if (node.kind !== 'map') {
      problem(keyPos, `resource ${logicalId} must be a map with a Type; it is skipped`);
      continue;
    }
    if (logicalId.startsWith('Fn::ForEach::')) {
      problem(
        keyPos,
        `${logicalId} (AWS::LanguageExtensions) is not expanded; its resources are skipped`,
        'warning',
      );
      continue;
    }
    const type = stringOf(entry(node, 'Type')?.value);
    if (type === undefined) {
      problem(keyPos, `resource ${logicalId} has no Type; it is skipped`);
      continue;
    }
    // Custom resources are the user's own code; CDK's metadata resource is no AWS resource.
    if (
      type.startsWith('Custom::') ||
      type === 'AWS::CloudFormation::CustomResource' ||
      type === 'AWS::CDK::Metadata'
    ) {
      continue;
    }
    const conditionEntry = entry(node, 'Condition');
    if (conditionEntry) {
      const name = stringOf(conditionEntry.value);
      if (name === undefined)
        problem(conditionEntry.keyPos, `resource ${logicalId}: Condition must be a condition name`);
      else if (resolver.condition(name, conditionEntry.value.pos) === false) continue;
    }
    const propertiesEntry = entry(node, 'Properties');
    const positions = new Map<string, Position>();
    const record: Recorder = (path, pos) => positions.set(pathKey(path), pos);
    let properties: IacObject = {};
    if (
      propertiesEntry &&
      !(propertiesEntry.value.kind === 'scalar' && propertiesEntry.value.value === null)
    ) {
      const resolved = resolver.value(propertiesEntry.value, record);
      if (resolved instanceof Unresolved) {
        problem(
          propertiesEntry.keyPos,
          `resource ${logicalId}: Properties are unresolved (${resolved.detail}); it is skipped`,
          'warning',
        );
        continue;
      }
      if (
        resolved === NO_VALUE ||
        resolved === null ||
        typeof resolved !== 'object' ||
        Array.isArray(resolved)
      ) {
        problem(propertiesEntry.keyPos, `resource ${logicalId}: Properties must be a map; it is skipped`);
        continue;
      }
      properties = resolved as IacObject;
    }
    // Helpers such as WaitConditionHandle carry nothing to check.
    if (type.startsWith('AWS::CloudFormation::') && Object.keys(properties).length === 0) continue;

    const ignores = [
      ...metadataIgnores(
        file,
        logicalId,
        entry(entry(entry(node, 'Metadata')?.value, 'onus')?.value, 'ignore')?.value,
        problems,
      ),
      ...comments(commentBlockStart(lines, keyPos), node.endLine),
    ];
    out.push(resource(file, type, logicalId, keyPos, properties, positions, ignores, options.region ?? null));
  }

  out.push(templateResource(file, root, parameters, outputs, resolver, options, comments, problems));
  return set(out, [...problems, ...resolver.problems]);
}

function resource(
  file: string,
  type: string,
  address: string,
  pos: Position,
  properties: IacObject,
  positions: Map<string, Position>,
  ignores: InlineIgnore[],
  region: string | null,
): IacResource {
  const location: Location = { file, ...pos };
  return {
    format: 'cloudformation',
    type,
    address,
    properties,
    location,
    locate(path: PropertyPath): Location | undefined {
      if (path.length === 0) return location;
      const found = positions.get(pathKey(path));
      return found ? { file, ...found } : undefined;
    },
    ignores,
    region,
  };
}

/** `{ Parameters: { Name: { Type, NoEcho, Default?, Value, Description? } }, Outputs: { Name: { Value, Description?, Export? } } }`. */
function templateResource(
  file: string,
  root: Node,
  parameters: MapNode | undefined,
  outputs: MapNode | undefined,
  resolver: Resolver,
  options: CloudFormationOptions,
  comments: (from: Position, endLine: number) => InlineIgnore[],
  problems: IacProblem[],
): IacResource {
  const positions = new Map<string, Position>();
  const declared: IacObject = {};
  for (const { key: name, keyPos, value } of parameters?.entries ?? []) {
    positions.set(pathKey(['Parameters', name]), keyPos);
    const parameter: IacObject = {
      Type: stringOf(entry(value, 'Type')?.value) ?? 'String',
      NoEcho: /^true$/i.test(stringOf(entry(value, 'NoEcho')?.value) ?? ''),
    };
    const defaultEntry = entry(value, 'Default');
    if (defaultEntry) {
      // CloudFormation defaults are strings; a YAML list default reads as the comma-delimited text.
      const written = defaultEntry.value;
      parameter.Default =
        written.kind === 'seq'
          ? written.items.map((item) => stringOf(item) ?? '').join(',')
          : (stringOf(written) ?? '');
      positions.set(pathKey(['Parameters', name, 'Default']), defaultEntry.value.pos);
    }
    // As DescribeStacks shows it: the value given, else the default (for SSM types, the SSM parameter's name).
    parameter.Value =
      resolver.parameterText(name) ??
      new Unresolved(`parameter ${name} has no default and no value was given`);
    const description = stringOf(entry(value, 'Description')?.value);
    if (description !== undefined) parameter.Description = description;
    declared[name] = parameter;
  }
  const exported: IacObject = {};
  for (const { key: name, keyPos, value } of outputs?.entries ?? []) {
    const condition = stringOf(entry(value, 'Condition')?.value);
    if (condition !== undefined && resolver.condition(condition, keyPos) === false) continue;
    positions.set(pathKey(['Outputs', name]), keyPos);
    const output: IacObject = {};
    for (const field of ['Value', 'Description', 'Export'] as const) {
      const found = entry(value, field);
      if (!found) continue;
      const resolved = resolver.value(found.value, (path, pos) =>
        positions.set(pathKey(['Outputs', name, field, ...path]), pos),
      );
      if (resolved !== NO_VALUE) output[field] = resolved;
    }
    exported[name] = output;
  }
  const sections = [entry(root, 'Parameters'), entry(root, 'Outputs')];
  const ignores = [
    ...metadataIgnores(
      file,
      TEMPLATE_ADDRESS,
      entry(entry(entry(root, 'Metadata')?.value, 'onus')?.value, 'ignore')?.value,
      problems,
    ),
    ...sections.flatMap((found) => (found ? comments(found.keyPos, found.value.endLine) : [])),
  ];
  const pos = root.pos;
  return resource(
    file,
    TEMPLATE_TYPE,
    TEMPLATE_ADDRESS,
    pos,
    { Parameters: declared, Outputs: exported },
    positions,
    ignores,
    options.region ?? null,
  );
}

/** `Metadata: { onus: { ignore: [{ check, reason }, "<check-id> <reason>"] } }`. */
function metadataIgnores(
  file: string,
  address: string,
  node: Node | undefined,
  problems: IacProblem[],
): InlineIgnore[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  const ignores: InlineIgnore[] = [];
  for (const item of items) {
    let check: string | undefined;
    let reason: string | undefined;
    if (item.kind === 'map') {
      check = stringOf(entry(item, 'check')?.value)?.trim();
      reason = stringOf(entry(item, 'reason')?.value)?.trim();
    } else {
      const text = (stringOf(item) ?? '').trim();
      const space = text.search(/\s/);
      check = space === -1 ? text : text.slice(0, space);
      reason = space === -1 ? '' : text.slice(space).trim();
    }
    const location: Location = { file, ...item.pos };
    if (!check) {
      problems.push({
        file,
        ...position(item.pos),
        message: `${address}: Metadata.onus.ignore entry names no check id`,
        severity: 'warning',
      });
    } else if (!reason) {
      problems.push({
        file,
        ...position(item.pos),
        message: `${address}: ignore of ${check} has no reason; write why after the check id`,
        severity: 'warning',
      });
    } else {
      ignores.push({ check, reason, location });
    }
  }
  return ignores;
}

function position(pos: Position): { line: number; column: number } {
  return { line: pos.line, column: pos.column };
}

const COMMENT_ONLY = /^\s*#/;
const IGNORE_COMMENT = /(?:^|\s)(#\s*onus:ignore\b)(.*)$/;

/** The first line of the comment lines directly above a key (the key's own line when there are none). */
function commentBlockStart(lines: string[], pos: Position): Position {
  let line = pos.line;
  while (line > 1 && COMMENT_ONLY.test(lines[line - 2] ?? '')) line--;
  return { line, column: 1 };
}

/** `# onus:ignore <check-id> <reason>` comments on lines `from`..`to`. */
function commentIgnores(
  file: string,
  lines: string[],
  from: number,
  to: number,
  problems: IacProblem[],
): InlineIgnore[] {
  const ignores: InlineIgnore[] = [];
  for (let line = from; line <= to && line <= lines.length; line++) {
    const text = lines[line - 1] ?? '';
    const match = IGNORE_COMMENT.exec(text);
    if (!match) continue;
    const column = text.indexOf(match[1] ?? '#') + 1;
    const [check = '', ...words] = (match[2] ?? '').trim().split(/\s+/);
    const reason = words.join(' ');
    if (!check) {
      problems.push({ file, line, column, message: 'onus:ignore names no check id', severity: 'warning' });
    } else if (!reason) {
      problems.push({
        file,
        line,
        column,
        message: `onus:ignore ${check} has no reason; write why after the check id`,
        severity: 'warning',
      });
    } else {
      ignores.push({ check, reason, location: { file, line, column } });
    }
  }
  return ignores;
}
