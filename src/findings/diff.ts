import type { Finding } from '../core/finding.js';
import type { Status } from '../core/result.js';
import type { FindingHistory, RunRecord, RunScope } from './store/types.js';

/** A run with its findings, as the store gives them back. */
export interface RunWithFindings {
  run: RunRecord;
  findings: readonly Finding[];
}

/** One finding's change between two runs. */
export interface DiffEntry {
  fingerprint: string;
  /** As the later run has it, or as the earlier run had it when the later run has none. */
  finding: Finding;
  /** Its status in the earlier run, null when absent there. */
  before: Status | null;
  /** Its status in the later run, null when absent there. */
  after: Status | null;
}

/**
 * What changed from run A to run B, by fingerprint. Failing means FAIL; MUTED is not failing (a suppression
 * accepted the risk) and is listed on its own.
 */
export interface RunDiff {
  /** Failing in B, not failing in A (absent, PASS, NOT_EVALUATED, MANUAL or MUTED there). */
  new: DiffEntry[];
  /** Failing in A; in B PASS, or absent although B's scope covers its check, account and region. */
  resolved: DiffEntry[];
  /** Failing in both. */
  stillFailing: DiffEntry[];
  /** Failing in A, muted by a suppression in B. */
  muted: DiffEntry[];
  /**
   * Failing in A, and B cannot say: NOT_EVALUATED or MANUAL there, or absent and outside B's scope (another
   * check selection, other regions or accounts). Never called resolved.
   */
  notRechecked: DiffEntry[];
}

/**
 * Whether a scope covers a finding's check, account and region. Global resources are collected with every
 * account, so `global` is covered wherever the account is.
 */
export function covers(scope: RunScope, finding: Finding): boolean {
  const { account, region } = finding.resource;
  return (
    scope.checkIds.includes(finding.checkId) &&
    scope.accounts.includes(account) &&
    (region === 'global' || scope.regions.includes(region))
  );
}

/** Compares an earlier run A with a later run B. Pure; entries keep each run's finding order. */
export function diffRuns(a: RunWithFindings, b: RunWithFindings): RunDiff {
  const before = new Map(a.findings.map((finding) => [finding.fingerprint, finding]));
  const after = new Map(b.findings.map((finding) => [finding.fingerprint, finding]));
  const diff: RunDiff = { new: [], resolved: [], stillFailing: [], muted: [], notRechecked: [] };

  for (const finding of a.findings) {
    if (finding.status !== 'FAIL') continue;
    const later = after.get(finding.fingerprint);
    const entry = (bucket: DiffEntry[]) => {
      bucket.push({
        fingerprint: finding.fingerprint,
        finding: later ?? finding,
        before: 'FAIL',
        after: later?.status ?? null,
      });
    };
    if (!later) entry(covers(b.run.scope, finding) ? diff.resolved : diff.notRechecked);
    else if (later.status === 'FAIL') entry(diff.stillFailing);
    else if (later.status === 'PASS') entry(diff.resolved);
    else if (later.status === 'MUTED') entry(diff.muted);
    else entry(diff.notRechecked);
  }
  for (const finding of b.findings) {
    if (finding.status !== 'FAIL' || before.get(finding.fingerprint)?.status === 'FAIL') continue;
    diff.new.push({
      fingerprint: finding.fingerprint,
      finding,
      before: before.get(finding.fingerprint)?.status ?? null,
      after: 'FAIL',
    });
  }
  return diff;
}

/** Whether two runs looked at the same thing: the same kind, accounts, regions and checks. */
export function sameScope(a: RunRecord, b: RunRecord): boolean {
  const same = (x: readonly string[], y: readonly string[]) => {
    const [left, right] = [[...x].sort(), [...y].sort()];
    return left.length === right.length && left.every((value, index) => value === right[index]);
  };
  return (
    a.kind === b.kind &&
    same(a.scope.accounts, b.scope.accounts) &&
    same(a.scope.regions, b.scope.regions) &&
    same(a.scope.checkIds, b.scope.checkIds)
  );
}

/** One line of the diff, as JSON gives it. */
export interface DiffLine {
  fingerprint: string;
  checkId: string;
  title: string;
  severity: Finding['severity'];
  account: string;
  region: string;
  resource: { kind: string; id: string; name: string; arn: string | null };
  /** Status in the earlier and the later run; null when the run has no result for it. */
  before: string | null;
  after: string | null;
  message: string;
  /** First and last time it was recorded failing, in any run of the store. */
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A diff entry as a line, with when its finding was first and last seen failing. */
export function lineOf(entry: DiffEntry, seen: Map<string, FindingHistory>): DiffLine {
  const { finding } = entry;
  const { kind, id, name, arn } = finding.resource;
  return {
    fingerprint: entry.fingerprint,
    checkId: finding.checkId,
    title: finding.title,
    severity: finding.severity,
    account: finding.resource.account,
    region: finding.resource.region,
    resource: { kind, id, name, arn },
    before: entry.before,
    after: entry.after,
    message: finding.message,
    firstSeen: seen.get(entry.fingerprint)?.firstSeen ?? null,
    lastSeen: seen.get(entry.fingerprint)?.lastSeen ?? null,
  };
}
