/**
 * A gap says that something could not be observed, and why. Gaps are what keep onus honest: a check never
 * runs on a field that is a gap, so nothing is PASS because it could not be seen.
 *
 * - On a resource, `field` names the attribute that is missing (or `*` for the whole resource).
 * - On a region of an account, `kind` names the resource kind whose listing failed (or `*` for every kind),
 *   so "no trails found" is never confused with "could not list trails".
 */
export const GAP_REASONS = [
  'access-denied',
  'region-disabled',
  'unresolved',
  'throttled',
  'collection-error',
  'not-collected',
] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export interface Gap {
  /** Attribute name, or `*` when nothing about the resource or kind could be read. */
  field: string;
  reason: GapReason;
  /** The IAM action whose call failed or is needed, e.g. `s3:GetBucketPolicy`. */
  action?: string;
  /** Free text: the error message, or what could not be resolved. */
  detail?: string;
}

/** A gap that covers a whole kind (or every kind) in one region of one account. */
export interface ScopeGap extends Gap {
  /** Resource kind whose listing failed, or `*` for all kinds in the region. */
  kind: string;
}

export const ALL = '*';

/** The gap on `resourceGaps` that hides any of `fields`, if one does. */
export function gapFor(resourceGaps: readonly Gap[], fields: readonly string[]): Gap | undefined {
  return resourceGaps.find((gap) => gap.field === ALL || fields.includes(gap.field));
}

/** The scope gap that hides `kind` in a region, if one does. */
export function scopeGapFor(gaps: readonly ScopeGap[], kind: string): ScopeGap | undefined {
  return gaps.find((gap) => gap.kind === ALL || gap.kind === kind);
}

export function describeGap(gap: Gap): string {
  const parts: string[] = [gap.reason];
  if (gap.action) parts.push(gap.action);
  let text = parts.join(': ');
  if (gap.detail) text += ` (${gap.detail})`;
  return text;
}
