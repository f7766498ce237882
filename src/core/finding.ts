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
  /** Set when status is MUTED: the suppression (onus.config.yaml `suppressions`) that accepted the risk. */
  suppression?: Suppression;
}

/** What a suppression entry in the config matches on, as written (absent keys match anything). */
export interface SuppressionEntry {
  /** Its position in the config's `suppressions` list, from 0 (`suppressions[2]`). */
  index: number;
  /** A check id or glob. */
  check: string;
  account?: string;
  region?: string;
  /** A glob on the resource's id, name or ARN, or a regular expression written `/.../`. */
  resource?: string;
  tags?: Record<string, string>;
}

/** Why a FAIL result was muted: the entry that matched, its reason and its expiry. */
export interface Suppression {
  reason: string;
  /** `YYYY-MM-DD`: from that day (UTC) it no longer mutes; null when it never expires. */
  expires: string | null;
  entry: SuppressionEntry;
  /** Set for an inline `onus:ignore` comment (or CloudFormation Metadata) in code: where it is written. */
  inline?: { file: string; line: number };
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
