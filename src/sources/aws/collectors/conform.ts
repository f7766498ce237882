import type { z } from 'zod';
import type { Gap } from '../../../core/gap.js';
import { kindDefinition, type AttributesOf, type KindName } from '../../../core/kinds/index.js';

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
      settled.push({ field, reason: 'not-collected', action, detail: `the response had no ${field}` });
      continue;
    }
    const parsed = (shape[field] as z.ZodType | undefined)?.safeParse(value);
    if (parsed?.success) attributes[field] = parsed.data;
    else {
      settled.push({
        field,
        reason: 'collection-error',
        action,
        detail: `unexpected ${field} in the response: ${JSON.stringify(value).slice(0, 200)}`,
      });
    }
  }
  return { attributes: attributes as Partial<AttributesOf<K>>, gaps: settled };
}
