import type { Gap } from '../../../core/gap.js';
import type { KindName } from '../../../core/kinds/index.js';
import type { CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';

/** Helpers shared by the Lambda, ECS, EKS and ECR collectors. */

/** A response the kind cannot hold (a policy that is not JSON): inside `observe`, a gap rather than a guess. */
export class UnexpectedResponse extends Error {
  override readonly name = 'UnexpectedResponse';
}

/** Lists a kind; a failure becomes a gap on that kind in this region (and `null`), other kinds go on. */
export async function listOrGap<T>(
  ctx: CollectorContext,
  kind: KindName,
  action: string,
  list: () => Promise<T[]>,
): Promise<T[] | null> {
  try {
    return await ctx.call(action, list);
  } catch (error) {
    if (!(error instanceof AwsCallFailed)) throw error;
    ctx.kindGap(kind, error);
    return null;
  }
}

/**
 * Sets a field the API should always return. If it did not, or returned a value the kind does not know
 * (`allowed`), the field is a gap rather than a made-up value.
 */
export function present<A, F extends keyof A & string>(
  attributes: Partial<A>,
  gaps: Gap[],
  action: string,
  field: F,
  value: A[F] | undefined,
  allowed?: readonly A[F][],
): void {
  if (value === undefined) {
    gaps.push({ field, reason: 'not-collected', action, detail: `no ${field} in the response` });
  } else if (allowed && !allowed.includes(value)) {
    gaps.push({
      field,
      reason: 'collection-error',
      action,
      detail: `unknown ${field} ${JSON.stringify(value)}`,
    });
  } else attributes[field] = value;
}

/** A JSON policy document as an object; null when there is no text. Throws UnexpectedResponse otherwise. */
export function parsePolicy(text: string | undefined, what: string): Record<string, unknown> | null {
  if (text === undefined || text === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnexpectedResponse(`the ${what} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UnexpectedResponse(`the ${what} is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** `[{ name, value }]` pairs (ECS environments, ECS tags) as a record; a repeated name keeps its last value. */
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
