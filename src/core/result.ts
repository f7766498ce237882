import type { Evidence } from './outcome.js';
import type { Gap, GapReason } from './gap.js';
import type { ResourceRef } from './resource.js';

export const STATUSES = ['FAIL', 'NOT_EVALUATED', 'MANUAL', 'MUTED', 'PASS'] as const;
/**
 * PASS and FAIL were evaluated; NOT_EVALUATED could not be (with a reason); MANUAL needs a person; MUTED failed
 * but a suppression accepted the risk (with its reason).
 */
export type Status = (typeof STATUSES)[number];

/** Why a result is NOT_EVALUATED: a gap's reason, or the check itself threw. */
export type NotEvaluatedReason = GapReason | 'check-error';

export interface Result {
  checkId: string;
  status: Status;
  /** Set when status is NOT_EVALUATED. */
  reason: NotEvaluatedReason | null;
  message: string;
  evidence: Evidence;
  resource: ResourceRef;
  /** The gap that prevented evaluation, when there was one. */
  gap: Gap | null;
}

/** Results that count as evaluated for coverage: onus looked and decided. */
export function isEvaluated(status: Status): boolean {
  return status === 'PASS' || status === 'FAIL' || status === 'MUTED';
}
