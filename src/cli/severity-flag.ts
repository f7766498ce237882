import { isSeverity, SEVERITIES, type Severity } from '../core/severity.js';
import { UserError } from './errors.js';

/** A severity given on the command line (`--fail-on high`), or a user error naming the flag. */
export function parseSeverity(value: string, flag: string): Severity {
  const severity = value.trim().toLowerCase();
  if (!isSeverity(severity))
    throw new UserError(`${flag}: unknown severity '${value}' (use one of ${SEVERITIES.join(', ')})`);
  return severity;
}
