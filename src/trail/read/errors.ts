/** An AWS error as one line: its name and message. (Kept apart from the SDK so workers need not load it.) */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
