import { createHash } from 'node:crypto';
import type { Check, Remediation } from './check.js';
import type { Domain } from './domain.js';
import type { Result } from './result.js';
import type { Severity } from './severity.js';

/** A requirement of a compliance framework that cites the check. */
export interface ComplianceRef {
  framework: string;
  version: string;
  requirement: string;
}

/** A result with everything a reader needs: what was checked, on what, why it matters and how to fix it. */
export interface Finding extends Result {
  /** Stable across rescans, line moves and reformatting: hash of check id, account, region and resource id. */
  fingerprint: string;
  title: string;
  severity: Severity;
  service: string;
  domain: Domain;
  risk: string;
  remediation: Remediation;
  compliance: ComplianceRef[];
}

export function fingerprintOf(checkId: string, account: string, region: string, resourceId: string): string {
  return createHash('sha256')
    .update([checkId, account, region, resourceId].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

export function toFinding(result: Result, check: Check, compliance: ComplianceRef[] = []): Finding {
  const { account, region, id } = result.resource;
  // Listed field by field rather than spread: this runs once per result, and spreads dominated scan time.
  return {
    checkId: result.checkId,
    status: result.status,
    reason: result.reason,
    message: result.message,
    evidence: result.evidence,
    resource: result.resource,
    gap: result.gap,
    fingerprint: fingerprintOf(check.id, account, region, id),
    title: check.title,
    severity: check.severity,
    service: check.service,
    domain: check.domain,
    risk: check.risk,
    remediation: check.remediation,
    compliance,
  };
}
