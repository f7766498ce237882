import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import type { Framework, Requirement } from './index.js';

/**
 * A requirement's status: `pass` and `fail` were evaluated; `manual` needs a person (no onus check verifies it);
 * `not-evaluated` means a check that verifies it could not look somewhere, and nothing failed.
 */
export type RequirementStatus = 'pass' | 'fail' | 'manual' | 'not-evaluated';

export interface RequirementResult {
  requirement: Requirement;
  status: RequirementStatus;
  /** Why, in a sentence: what failed, what could not be seen, or that nothing was in scope. */
  detail: string;
  counts: { pass: number; fail: number; notEvaluated: number };
  failing: { checkId: string; resource: string; region: string; message: string }[];
}

export interface ComplianceReport {
  framework: Omit<Framework, 'requirements'>;
  generatedAt: string;
  target: ScanReport['target'];
  results: RequirementResult[];
  totals: Record<RequirementStatus, number>;
  /** pass / (pass + fail): requirements that could not be evaluated or need a person are left out, and said so. */
  score: number | null;
}

function assess(
  requirement: Requirement,
  findings: readonly Finding[],
  ran: ReadonlySet<string>,
): RequirementResult {
  const counts = { pass: 0, fail: 0, notEvaluated: 0 };
  const failing: RequirementResult['failing'] = [];
  if (requirement.checks.length === 0) {
    const guidance = requirement.guidance ?? 'Verify by hand.';
    // An automatable requirement onus has no check for yet is not evaluated, not a person's job.
    return requirement.assessment === 'manual'
      ? { requirement, status: 'manual', detail: guidance, counts, failing }
      : { requirement, status: 'not-evaluated', detail: `no onus check yet; ${guidance}`, counts, failing };
  }
  const notRun = requirement.checks.filter((id) => !ran.has(id));
  for (const finding of findings) {
    if (!requirement.checks.includes(finding.checkId)) continue;
    if (finding.status === 'FAIL') {
      counts.fail++;
      failing.push({
        checkId: finding.checkId,
        resource: finding.resource.name,
        region: finding.resource.region,
        message: finding.message,
      });
    } else if (finding.status === 'NOT_EVALUATED') counts.notEvaluated++;
    else if (finding.status === 'PASS' || finding.status === 'MUTED') counts.pass++;
  }
  if (counts.fail > 0) {
    return { requirement, status: 'fail', detail: `${counts.fail} failing result(s)`, counts, failing };
  }
  if (counts.notEvaluated > 0 || notRun.length > 0) {
    const parts = [
      counts.notEvaluated > 0 ? `${counts.notEvaluated} result(s) could not be evaluated` : null,
      notRun.length > 0 ? `not run: ${notRun.join(', ')}` : null,
    ].filter((part) => part !== null);
    return { requirement, status: 'not-evaluated', detail: parts.join('; '), counts, failing };
  }
  const detail =
    counts.pass > 0 ? `${counts.pass} passing result(s)` : 'nothing in scope: no resource this applies to';
  return { requirement, status: 'pass', detail, counts, failing };
}

/** Joins a framework with a scan: a status per requirement, and a score that leaves out what was not evaluated. */
export function assessCompliance(framework: Framework, report: ScanReport): ComplianceReport {
  const ran = new Set(report.checkIds);
  const results = framework.requirements.map((requirement) => assess(requirement, report.findings, ran));
  const totals: Record<RequirementStatus, number> = { pass: 0, fail: 0, manual: 0, 'not-evaluated': 0 };
  for (const result of results) totals[result.status]++;
  const decided = totals.pass + totals.fail;
  const { requirements: _requirements, ...meta } = framework;
  return {
    framework: meta,
    generatedAt: report.generatedAt,
    target: report.target,
    results,
    totals,
    score: decided === 0 ? null : totals.pass / decided,
  };
}
