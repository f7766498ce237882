/**
 * A Sigma rule that cannot be used as written. The message is one line naming the file, the rule (title or
 * id, when known) and the place in the rule, so the CLI can print it as is.
 */
export class SigmaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigmaError';
  }
}

/** Where in a file a problem sits: the file, the rule when known, and the YAML path inside the rule. */
export interface SigmaLocation {
  origin: string;
  rule: string | null;
}

export function sigmaError(location: SigmaLocation, path: string, problem: string): SigmaError {
  const rule = location.rule === null ? '' : ` rule '${location.rule}':`;
  const where = path === '' ? '' : ` ${path}:`;
  return new SigmaError(`${location.origin}:${rule}${where} ${problem}`);
}

/** Raised deep inside compilation, where the rule's location is unknown; the rule compiler adds it. */
export class SigmaProblem extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(problem);
    this.name = 'SigmaProblem';
  }
}
