import type { ComplianceRef, Finding } from '../core/finding.js';
import { FRAMEWORKS } from '../frameworks/index.js';

let citations: Map<string, ComplianceRef[]> | undefined;

/** Every requirement of the frameworks onus ships, indexed by the check ids that verify it. */
function citationsByCheck(): Map<string, ComplianceRef[]> {
  if (citations) return citations;
  citations = new Map();
  for (const framework of FRAMEWORKS) {
    for (const requirement of framework.requirements) {
      for (const checkId of requirement.checks) {
        const refs = citations.get(checkId) ?? [];
        refs.push({ framework: framework.name, version: framework.version, requirement: requirement.id });
        citations.set(checkId, refs);
      }
    }
  }
  return citations;
}

/**
 * The framework requirements a finding answers to: the finding's own references when the scan attached them,
 * else every requirement of a shipped framework that cites its check.
 */
export function complianceRefsOf(finding: Finding): readonly ComplianceRef[] {
  return finding.compliance.length > 0 ? finding.compliance : (citationsByCheck().get(finding.checkId) ?? []);
}

/** `CIS Amazon Web Services Foundations Benchmark 5.0.0 1.4`: one reference as one string. */
export function refLabel(ref: ComplianceRef): string {
  return `${ref.framework} ${ref.version} ${ref.requirement}`;
}
