import type { Tag } from '@aws-sdk/client-ec2';
import type { Gap } from '../../../core/gap.js';
import type { KindName } from '../../../core/kinds/index.js';
import type { CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';

/** Shared by the EC2-API collectors (VPC, storage): listing with kind gaps, required fields, tags, ARNs. */

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

/** Sets a field the API should always return; if it did not, the field is a gap rather than a made-up value. */
export function present<A, F extends keyof A & string>(
  attributes: Partial<A>,
  gaps: Gap[],
  action: string,
  field: F,
  value: A[F] | undefined,
): void {
  if (value === undefined) gaps.push(missing(field, action));
  else attributes[field] = value;
}

/** The gap on a field whose answer came back without it (or in a shape onus does not know). */
export function missing(field: string, action: string, what = `no ${field} in the response`): Gap {
  return { field, reason: 'not-collected', action, detail: what };
}

/** `value` if it is one of `allowed`, else undefined (a value AWS added since would not fit the kind). */
export function oneOf<const T extends string>(
  allowed: readonly T[],
  value: string | undefined,
): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function tagsOf(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? '']] : [])));
}

/** An EC2 resource ARN in the collector's region and account (`account: ''` for AMIs, whose ARNs have none). */
export function ec2Arn(ctx: CollectorContext, type: string, id: string, account = ctx.account): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${account}:${type}/${id}`;
}
