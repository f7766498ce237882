import type { Check } from '../core/check.js';
import { configuredChecks, EMPTY_CONFIG, type OnusConfig } from './config.js';
import { UserError } from './errors.js';

import { parseSeverity } from './severity-flag.js';

export { parseSeverity };

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * The checks a run selects: the config file's selection, then `--checks id,id` (which replaces the config's
 * include and exclude lists) and `--severity sev,sev` (which replaces its severities). Unknown names are user
 * errors.
 */
export function selectChecks(
  all: readonly Check[],
  options: { checks?: string; severity?: string },
  config: OnusConfig = EMPTY_CONFIG,
): Check[] {
  const fromConfig = {
    ...config,
    checks: {
      include: options.checks === undefined ? config.checks.include : null,
      exclude: options.checks === undefined ? config.checks.exclude : [],
      severity: options.severity === undefined ? config.checks.severity : null,
    },
  };
  let selected = configuredChecks(fromConfig, all);
  if (options.checks !== undefined) {
    const ids = list(options.checks);
    if (ids.length === 0) throw new UserError('--checks: give at least one check id (see `onus checks`)');
    const known = new Set(all.map((check) => check.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UserError(
        `--checks: unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see \`onus checks\`)`,
      );
    }
    selected = selected.filter((check) => ids.includes(check.id));
  }
  if (options.severity !== undefined) {
    const severities = list(options.severity).map((value) => parseSeverity(value, '--severity'));
    if (severities.length === 0) throw new UserError('--severity: give at least one severity');
    selected = selected.filter((check) => severities.includes(check.severity));
  }
  if (selected.length === 0) {
    throw new UserError(
      `no check matches the selection given by --checks and --severity${config.file ? ` and ${config.file}` : ''}`,
    );
  }
  return selected;
}
