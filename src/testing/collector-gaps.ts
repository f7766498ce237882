import { expect } from 'vitest';
import type { GapReason } from '../core/gap.js';
import { REGION } from './builders.js';

/** Matches the gap a collector leaves on a whole kind in REGION when it cannot list it: why, and which IAM action. */
export function kindGap(kind: string, reason: GapReason, action: string): unknown {
  return expect.objectContaining({ kind, field: '*', region: REGION, reason, action });
}
