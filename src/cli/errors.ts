/** Exit codes: the contract scripts and CI rely on. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  findings: 3,
} as const;

/**
 * A problem the user can fix (a bad flag, file or value). The CLI prints its message as one line and exits 2,
 * never with a stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
