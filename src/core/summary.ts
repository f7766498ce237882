import { DOMAINS, type Domain } from './domain.js';
import type { Finding } from './finding.js';
import { isEvaluated, STATUSES, type Status } from './result.js';
import { SEVERITIES, type Severity } from './severity.js';

/**
 * The share of check x subject pairs that onus actually evaluated. MANUAL results are outside it: no tool can
 * evaluate them. A pass rate without coverage next to it is how scanners mislead.
 */
export interface Coverage {
  evaluated: number;
  total: number;
  /** evaluated / total, or null when there was nothing to evaluate. */
  ratio: number | null;
}

export type StatusCounts = Record<Status, number>;

export interface Summary {
  totals: StatusCounts;
  byDomain: Record<Domain, StatusCounts>;
  /** FAIL results by severity (MUTED ones are not counted). */
  failedBySeverity: Record<Severity, number>;
  coverage: Coverage;
  /** PASS / (PASS + FAIL), or null when nothing was evaluated. */
  passRate: number | null;
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export function summarize(findings: readonly Finding[]): Summary {
  const totals = emptyCounts();
  const byDomain = Object.fromEntries(DOMAINS.map((domain) => [domain, emptyCounts()])) as Record<
    Domain,
    StatusCounts
  >;
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  let evaluated = 0;
  for (const finding of findings) {
    totals[finding.status]++;
    byDomain[finding.domain][finding.status]++;
    if (finding.status === 'FAIL') failedBySeverity[finding.severity]++;
    if (isEvaluated(finding.status)) evaluated++;
  }
  const total = findings.length - totals.MANUAL;
  const decided = totals.PASS + totals.FAIL;
  return {
    totals,
    byDomain,
    failedBySeverity,
    coverage: { evaluated, total, ratio: total === 0 ? null : evaluated / total },
    passRate: decided === 0 ? null : totals.PASS / decided,
  };
}
