import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ALL, type Gap } from '../../core/gap.js';
import type { Inventory, RegionInventory } from '../../core/inventory.js';
import { KINDS } from '../../core/kinds/index.js';
import { GLOBAL, type Resource } from '../../core/resource.js';
import { jsonErrorOffset } from './json-error.js';
import { jsonPath, lineColumn } from './json-path.js';
import { SCHEMA_VERSION, snapshotSchema, type Snapshot, type StoredResource } from './schema.js';

/** A snapshot loads, or says in one line what is wrong and where. */
export type SnapshotLoad = { ok: true; inventory: Inventory } | { ok: false; error: string };

export async function readSnapshotFile(file: string): Promise<SnapshotLoad> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
    return { ok: false, error: `cannot read snapshot ${file}: ${why}` };
  }
  return parseSnapshot(text, file);
}

/** Parses and validates snapshot text; `name` is used in error messages. */
export function parseSnapshot(text: string, name: string): SnapshotLoad {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${name}: not valid JSON${jsonErrorLocation(text, error)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: `${name}: $: expected a JSON object with schemaVersion, collection and accounts`,
    };
  }
  const version = (data as Record<string, unknown>).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    const seen =
      version === undefined ? 'no schemaVersion' : `unknown schemaVersion ${JSON.stringify(version)}`;
    return {
      ok: false,
      error: `${name}: $.schemaVersion: ${seen}; this onus reads schemaVersion ${SCHEMA_VERSION}`,
    };
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `${name}: ${describeIssues(parsed.error.issues, [])}` };
  return toInventory(parsed.data, name);
}

function toInventory(snapshot: Snapshot, name: string): SnapshotLoad {
  const accounts: Inventory['accounts'] = [];
  for (const [accountIndex, account] of snapshot.accounts.entries()) {
    const regions: RegionInventory[] = [];
    for (const [regionName, region] of Object.entries(account.regions)) {
      const resources: Resource[] = [];
      for (const [index, stored] of region.resources.entries()) {
        const path = ['accounts', accountIndex, 'regions', regionName, 'resources', index];
        const resource = toResource(stored, account.id, regionName, name);
        if (typeof resource === 'string')
          return { ok: false, error: `${name}: ${jsonPath(path)}${resource}` };
        resources.push(resource);
      }
      resources.sort((a, b) => (a.kind === b.kind ? compare(a.id, b.id) : compare(a.kind, b.kind)));
      regions.push({ name: regionName, resources, gaps: region.gaps ?? [] });
    }
    regions.sort((a, b) => (a.name === GLOBAL ? -1 : b.name === GLOBAL ? 1 : compare(a.name, b.name)));
    accounts.push({ id: account.id, alias: account.alias, regions });
  }
  accounts.sort((a, b) => compare(a.id, b.id));
  return { ok: true, inventory: { collection: snapshot.collection, accounts } };
}

/** The resource, or an error suffix (path tail and message) for its first problem. */
function toResource(
  stored: StoredResource,
  account: string,
  region: string,
  file: string,
): Resource | string {
  const kind = KINDS.get(stored.kind);
  if (!kind) return `.kind: unknown resource kind ${JSON.stringify(stored.kind)}`;
  if ((region === GLOBAL) !== kind.global) {
    return `.kind: ${stored.kind} is ${kind.global ? 'global' : 'regional'} and cannot sit under ${region}`;
  }
  const gaps = stored.gaps ?? [];
  const schema = kind.attributes as unknown as z.ZodObject<z.ZodRawShape>;
  const shape = schema.shape;
  for (const [index, gap] of gaps.entries()) {
    if (gap.field !== ALL && !(gap.field in shape)) {
      return `.gaps[${index}].field: ${stored.kind} has no attribute ${JSON.stringify(gap.field)}`;
    }
  }
  let attributes: Record<string, unknown> = {};
  if (!gaps.some((gap) => gap.field === ALL)) {
    // Fields that are gaps may be absent; every other field must be present and well typed.
    const parsed = attributeSchema(schema, stored.kind, gaps).safeParse(stored.attributes);
    if (!parsed.success) return describeIssues(parsed.error.issues, ['attributes']).replace(/^\$/, '');
    attributes = parsed.data;
  }
  return {
    kind: kind.name,
    id: stored.id,
    arn: stored.arn ?? null,
    account,
    region,
    tags: stored.tags ?? {},
    attributes,
    source: stored.source ?? { type: 'snapshot', file },
    gaps,
  };
}

const schemas = new Map<string, z.ZodObject<z.ZodRawShape>>();

/** The kind's attribute schema without the fields that are gaps; built once per kind and set of gaps. */
function attributeSchema(
  schema: z.ZodObject<z.ZodRawShape>,
  kind: string,
  gaps: readonly Gap[],
): z.ZodObject<z.ZodRawShape> {
  if (gaps.length === 0) return schema;
  const fields = gaps.map((gap) => gap.field).sort();
  const key = `${kind}\u0000${fields.join('\u0000')}`;
  let cached = schemas.get(key);
  if (!cached) {
    cached = schema.omit(Object.fromEntries(fields.map((field) => [field, true] as const)));
    schemas.set(key, cached);
  }
  return cached;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): string {
  const [first, ...rest] = issues;
  if (!first) return `${jsonPath(prefix)}: invalid`;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${jsonPath([...prefix, ...first.path])}: ${issueMessage(first)}${more}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function jsonErrorLocation(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (
    /^(Unexpected [^,]+|Unterminated string|Expected [^,]+|Bad [^,]+)/.exec(message)?.[1] ?? 'syntax error'
  ).replace(/ in JSON at position \d+.*$/s, '');
  const { line, column } = lineColumn(text, jsonErrorOffset(text));
  return ` at line ${line}, column ${column}: ${reason}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
