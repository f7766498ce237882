import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { Gap } from '../../../core/gap.js';
import { kindDefinition, type AttributesOf, type KindName } from '../../../core/kinds/index.js';
import type { CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';

/**
 * Helpers shared by the collectors. Nothing here imports from an SDK client: every AWS call stays in a
 * collector, where the read-only test sees it.
 */

/** Every item of every page, in order: the loop each listing would otherwise write out again. */
export async function allPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const found: T[] = [];
  for await (const page of pages) found.push(...(items(page) ?? []));
  return found;
}

/** Lists; a failure becomes a gap on each of `kinds` in this region (and `null`), so other kinds go on. */
export async function listOrGap<T>(
  ctx: CollectorContext,
  kinds: KindName | readonly KindName[],
  action: string,
  list: () => Promise<T[]>,
): Promise<T[] | null> {
  try {
    return await ctx.call(action, list);
  } catch (error) {
    if (!(error instanceof AwsCallFailed)) throw error;
    for (const kind of typeof kinds === 'string' ? [kinds] : kinds) ctx.kindGap(kind, error);
    return null;
  }
}

/** A response the kind cannot hold (a policy that is not JSON): inside `observe`, a gap rather than a guess. */
export class UnexpectedResponse extends Error {
  override readonly name = 'UnexpectedResponse';
}

/** Thrown inside `observe` for an answer that left out what it always carries: a gap, not an empty value. */
export function incompleteResponse(action: string, detail: string): AwsCallFailed {
  return new AwsCallFailed(action, 'collection-error', 'IncompleteResponse', detail);
}

/** The gap on a field whose answer came back without it: never filled in with a made-up value. */
export function missing(field: string, action: string, detail = `no ${field} in the response`): Gap {
  return { field, reason: 'not-collected', action, detail };
}

/** The gap on a field whose answer onus cannot hold (not JSON, a value it does not know). */
export function unexpected(field: string, action: string, detail: string): Gap {
  return { field, reason: 'collection-error', action, detail };
}

/** Sets a field the API always returns; missing, or not one of `allowed`, it is a gap, never a made-up value. */
export function present<A, F extends keyof A & string>(
  attributes: Partial<A>,
  gaps: Gap[],
  action: string,
  field: F,
  value: A[F] | undefined,
  allowed?: readonly A[F][],
): void {
  if (value === undefined) gaps.push(missing(field, action));
  else if (allowed && !allowed.includes(value))
    gaps.push(unexpected(field, action, `unknown ${field} ${JSON.stringify(value)}`));
  else attributes[field] = value;
}

/** `present` for a run of fields from one response: the attributes, gaps and action said once. */
export function presentFrom<A>(attributes: Partial<A>, gaps: Gap[], action: string) {
  return <F extends keyof A & string>(field: F, value: A[F] | undefined): void => {
    present(attributes, gaps, action, field, value);
  };
}

/** `value` if it is one of `allowed`, else undefined (a value AWS added since would not fit the kind). */
export function oneOf<const T extends string>(
  allowed: readonly T[],
  value: string | undefined,
): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** `[{ name, value }]` pairs (ECS environments, ECS and KMS tags) as a record; a repeated name keeps its last value. */
export function pairsToRecord<P>(
  pairs: readonly P[] | undefined,
  key: (pair: P) => string | undefined,
  value: (pair: P) => string | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const name = key(pair);
    if (name !== undefined && name !== '') record[name] = value(pair) ?? '';
  }
  return record;
}

/** An AWS tag list (`[{ Key, Value }]`) as a record; a tag without a key is left out. */
export function tagsOf(
  tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
): Record<string, string> {
  return pairsToRecord(
    tags,
    (tag) => tag.Key,
    (tag) => tag.Value,
  );
}

/** The ARN of a resource in the collector's region, for when the response did not give one. */
export function regionalArn(
  ctx: Pick<CollectorContext, 'partition' | 'region' | 'account'>,
  service: string,
  resource: string,
  account = ctx.account,
): string {
  return `arn:${ctx.partition}:${service}:${ctx.region}:${account}:${resource}`;
}

/** A resource policy as an API returns it, as text: parsed (null for none), or why it could not be. */
export type ParsedPolicy =
  { ok: true; value: Record<string, unknown> | null } | { ok: false; detail: string };

/** Policy text as an object, null when there is none; text that is not a JSON object is no policy onus can read. */
export function parsePolicyJson(text: string | undefined, what = 'policy'): ParsedPolicy {
  if (text === undefined || text === '') return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, detail: `the ${what} is not valid JSON` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, detail: `the ${what} is not a JSON object` };
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** `parsePolicyJson` inside `observe`: the policy, or an UnexpectedResponse that becomes the field's gap. */
export function parsePolicy(text: string | undefined, what: string): Record<string, unknown> | null {
  const parsed = parsePolicyJson(text, what);
  if (!parsed.ok) throw new UnexpectedResponse(parsed.detail);
  return parsed.value;
}

/** A value as read from a response: anything in it may be missing, until the kind's schema says otherwise. */
type Loose<T> = T extends readonly (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? { [P in keyof T]: Loose<T[P]> | undefined }
    : T;

/** Attributes as a collector reads them from responses: what a response did not carry is undefined. */
export type Draft<K extends KindName> = {
  [F in keyof AttributesOf<K>]?: Loose<AttributesOf<K>[F]> | undefined;
};

/** For every attribute of a kind, the IAM action of the call that reads it. */
export type FilledBy<K extends KindName> = Record<keyof AttributesOf<K> & string, string>;

/**
 * The attributes and gaps of a resource, held to its kind's schema. A field that already has a gap is left
 * out; a field the response did not carry becomes a `not-collected` gap, and one whose value the kind cannot
 * hold (an enum value newer than onus, say) a `collection-error` gap, each naming the action that read it.
 * Nothing is guessed, and whatever is emitted loads as a snapshot.
 */
export function conform<K extends KindName>(
  kind: K,
  draft: Draft<K>,
  gaps: readonly Gap[],
  filledBy: FilledBy<K>,
): { attributes: Partial<AttributesOf<K>>; gaps: Gap[] } {
  const shape = (kindDefinition(kind).attributes as unknown as z.ZodObject<z.ZodRawShape>).shape;
  const values = draft as Record<string, unknown>;
  const attributes: Record<string, unknown> = {};
  const settled = [...gaps];
  const gapped = new Set(gaps.map((gap) => gap.field));
  for (const [field, action] of Object.entries(filledBy as Record<string, string>)) {
    if (gapped.has(field) || gapped.has('*')) continue;
    const value = values[field];
    if (value === undefined) {
      settled.push(missing(field, action, `the response had no ${field}`));
      continue;
    }
    const parsed = (shape[field] as z.ZodType | undefined)?.safeParse(value);
    if (parsed?.success) attributes[field] = parsed.data;
    else {
      settled.push(
        unexpected(
          field,
          action,
          `unexpected ${field} in the response: ${JSON.stringify(value).slice(0, 200)}`,
        ),
      );
    }
  }
  return { attributes: attributes as Partial<AttributesOf<K>>, gaps: settled };
}

/** Enough for any user data (16 KB before base64), while a gzip bomb cannot fill memory. */
const MAX_USER_DATA_BYTES = 1024 * 1024;

/** Base64 user data as text, gunzipped if it is gzip (cloud-init accepts both); undefined if that fails. */
export function userDataText(encoded: string | undefined): string | null | undefined {
  if (!encoded) return null;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_USER_DATA_BYTES }).toString('utf8');
  } catch {
    return undefined;
  }
}
