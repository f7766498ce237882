import type { Gap } from './gap.js';

/** The values that decided an outcome, shown to users as evidence. */
export type Evidence = Record<string, unknown>;

/** What a check's evaluate function returns. */
export type Outcome =
  | { status: 'PASS' | 'FAIL'; message: string; evidence: Evidence }
  | { status: 'NOT_EVALUATED'; message: string; gap: Gap }
  | { status: 'MANUAL'; message: string };

export function pass(message: string, evidence: Evidence = {}): Outcome {
  return { status: 'PASS', message, evidence };
}

export function fail(message: string, evidence: Evidence = {}): Outcome {
  return { status: 'FAIL', message, evidence };
}

/** For aggregate checks that see part of their scope unobserved and cannot decide without it. */
export function notEvaluated(gap: Gap, message: string): Outcome {
  return { status: 'NOT_EVALUATED', message, gap };
}

/** For requirements a person has to verify; `guidance` says how. */
export function manual(guidance: string): Outcome {
  return { status: 'MANUAL', message: guidance };
}

/**
 * Thrown by `ctx.read` and `ctx.related` when a check reaches for something that was not observed. The engine
 * turns it into NOT_EVALUATED with the gap's reason; checks never need to catch it.
 */
export class Unobserved extends Error {
  constructor(readonly gap: Gap) {
    super(`unobserved: ${gap.field} (${gap.reason})`);
    this.name = 'Unobserved';
  }
}
