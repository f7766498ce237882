import type { Check } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import { matchesWritten } from '../iam/engine/patterns.js';
import { resourceKey, runsOnCode, type IacInventory } from '../sources/iac/inventory.js';
import type { Location } from '../sources/iac/types.js';

/**
 * Findings on code point at the line that decided them: the attribute named in the evidence (or read by the
 * check) when the code writes it, else the resource's own line. A result about an attribute the code leaves to
 * its default points at the resource, which is where the missing setting belongs.
 */
export function placeFindings(
  findings: readonly Finding[],
  iac: IacInventory,
  checks: readonly Check[],
): Finding[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return findings.map((finding) => {
    const written = iac.locations.get(resourceKey(finding.resource.kind, finding.resource.id));
    if (!written) return finding;
    const check = byId.get(finding.checkId);
    // The first read field names the resource; the evidence names what decided. An attribute written in the code
    // has its own line; one left to its default is placed on the resource, where the setting belongs.
    const identity = check?.reads[0];
    const candidates = [...Object.keys(finding.evidence), ...(check?.reads.slice(1) ?? [])].filter(
      (name) => name !== identity && written.fields[name] !== undefined,
    );
    const own = (location: Location | undefined) =>
      location !== undefined &&
      (location.line !== written.resource.line || location.file !== written.resource.file);
    const field = candidates.find((name) => own(written.fields[name])) ?? candidates[0];
    const location: Location = (field === undefined ? undefined : written.fields[field]) ?? written.resource;
    return {
      ...finding,
      resource: {
        ...finding.resource,
        location: { file: location.file, line: location.line, column: location.column },
      },
    };
  });
}

/**
 * Drops the results of checks on resources written in a language the check does not run on (a CloudFormation
 * bucket's MFA Delete, which templates cannot set, in a tree that also has Terraform): not evaluated there by
 * design, not for want of anything.
 */
export function withinLanguage(
  findings: readonly Finding[],
  iac: IacInventory,
  checks: readonly Check[],
): Finding[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return findings.filter((finding) => {
    const written = iac.locations.get(resourceKey(finding.resource.kind, finding.resource.id));
    const check = byId.get(finding.checkId);
    return !written || !check || runsOnCode(check, written.language);
  });
}

/**
 * Applies inline `onus:ignore <check> <reason>` comments (and CloudFormation `Metadata`): a FAIL result on the
 * resource they sit on becomes MUTED with that reason, like a config suppression, and records where it is
 * written. Returns the findings and one note per ignore that muted nothing.
 */
export function applyInlineIgnores(
  findings: readonly Finding[],
  iac: IacInventory,
): { findings: Finding[]; notes: string[] } {
  const used = new Set<object>();
  const muted = findings.map((finding) => {
    if (finding.status !== 'FAIL') return finding;
    const ignores = iac.ignores.get(resourceKey(finding.resource.kind, finding.resource.id)) ?? [];
    const ignore = ignores.find((candidate) =>
      matchesWritten(candidate.check, finding.checkId, { ignoreCase: false, arn: false }),
    );
    if (!ignore) return finding;
    used.add(ignore);
    return {
      ...finding,
      status: 'MUTED' as const,
      suppression: {
        reason: ignore.reason,
        expires: null,
        entry: { index: -1, check: ignore.check, resource: finding.resource.id },
        inline: { file: ignore.location.file, line: ignore.location.line },
      },
    };
  });
  const notes: string[] = [];
  for (const ignores of iac.ignores.values()) {
    for (const ignore of ignores) {
      if (!used.has(ignore)) {
        notes.push(
          `${ignore.location.file}:${String(ignore.location.line)}: onus:ignore ${ignore.check} muted nothing: no failing result matches it`,
        );
      }
    }
  }
  return { findings: muted, notes };
}
