import { BatchImportFindingsCommand, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding.js';
import { GLOBAL } from '../core/resource.js';
import type { ExportEntry, RunScope } from '../findings/store/types.js';
import {
  ASFF_SCHEMA_VERSION,
  BEST_PRACTICES_TYPE,
  asffId,
  asffRegion,
  clip,
  partitionOfRegion,
  productArn,
  toAsff,
  type AsffFinding,
} from '../formats/asff.js';

/**
 * Sends findings to AWS Security Hub with BatchImportFindings, within its documented limits: at most 100
 * findings and 6 MB a call, 240 KB a finding, 10 calls a second (per account and Region). Findings that fail
 * are retried with backoff a bounded number of times, then reported. What was exported before and passes now
 * (or is gone) is sent again as PASSED, but only for the checks, accounts and Regions this run evaluated.
 */

export const ACTION = 'securityhub:BatchImportFindings';
export const MAX_FINDINGS_PER_CALL = 100;
/** Bytes of the request body. AWS says 6 MB; a little under, so headers and rounding never tip it over. */
export const MAX_BATCH_BYTES = 6_000_000;
/** Bytes of one finding's JSON. AWS says 240 KB. */
export const MAX_FINDING_BYTES = 240_000;
export const CALLS_PER_SECOND = 10;
const MAX_ATTEMPTS = 4;

export type ExportKind = 'new' | 'updated' | 'resolved';

export interface ExportItem {
  kind: ExportKind;
  fingerprint: string;
  checkId: string;
  account: string;
  /** The finding's own region (`global` for IAM and account settings). */
  region: string;
  status: ExportEntry['status'];
  asff: AsffFinding;
}

export interface PlannedCall {
  account: string;
  /** The Region the call goes to: the finding's, or the home Region for global resources. */
  region: string;
  action: typeof ACTION;
  items: ExportItem[];
  bytes: number;
}

export interface ExportFailure {
  fingerprint: string;
  id: string;
  account: string;
  region: string;
  reason: string;
}

export interface ExportReport {
  applied: boolean;
  calls: PlannedCall[];
  counts: Record<ExportKind, number>;
  /** Findings Security Hub accepted (0 in a dry run). */
  sent: number;
  failed: ExportFailure[];
  /** How many of `sent` resolve an earlier FAILED export. */
  resolved: number;
  /** Findings that were shrunk to fit 240 KB (description, product fields... cut). */
  shrunk: number;
  /** What to record in the store: one entry per finding Security Hub accepted. */
  entries: ExportEntry[];
}

export interface ExportOptions {
  /** One client for every call, or one per account and Region (BatchImportFindings is regional). */
  client: SecurityHubClient | ((account: string, region: string) => SecurityHubClient);
  findings: readonly Finding[];
  /** What this run evaluated: entries outside it are never resolved by it. */
  scope: RunScope;
  /** What earlier exports sent (the latest entry per fingerprint), from `Store.exported`. */
  previous: readonly ExportEntry[];
  /** Earlier findings by fingerprint, so a finding that is gone is resolved with its last known details. */
  known?: ReadonlyMap<string, Finding>;
  /** First time each fingerprint was seen failing (CreatedAt). */
  firstSeen?: ReadonlyMap<string, string>;
  now: Date;
  /** Where findings about global resources go. */
  homeRegion: string;
  /** Dry run unless true: nothing is sent. */
  apply?: boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds, for the rate limit. */
  clock?: () => number;
  maxAttempts?: number;
}

export function destinationOf(account: string, region: string): string {
  return `securityhub:${account}:${region}`;
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * The finding cut down until its JSON fits `max` bytes: description, then product fields (the fingerprint
 * and check id stay), resource tags and details, extra resources, requirements, remediation text, title.
 * Returns null when even the skeleton does not fit; callers report that, never drop it silently.
 */
export function fitFinding(asff: AsffFinding, max = MAX_FINDING_BYTES): AsffFinding | null {
  if (bytesOf(asff) <= max) return asff;
  const keep = ['onus/fingerprint', 'onus/check-id', 'onus/status'];
  const steps: ((f: AsffFinding) => AsffFinding)[] = [
    (f) => ({ ...f, Description: clip(f.Description ?? '-', 256) }),
    (f) => ({ ...f, Note: undefined, UserDefinedFields: undefined }),
    (f) => ({
      ...f,
      ProductFields: Object.fromEntries(
        Object.entries(f.ProductFields ?? {})
          .filter(([key]) => keep.includes(key))
          .map(([key, value]) => [key, clip(value, 128)]),
      ),
    }),
    (f) => ({
      ...f,
      Resources: (f.Resources ?? []).map((resource) => ({
        Type: resource.Type,
        Id: resource.Id,
        Partition: resource.Partition,
        Region: resource.Region,
      })),
    }),
    (f) => ({ ...f, Resources: (f.Resources ?? []).slice(0, 1) }),
    (f) => ({
      ...f,
      Compliance: f.Compliance && {
        ...f.Compliance,
        RelatedRequirements: f.Compliance.RelatedRequirements?.slice(0, 4),
      },
    }),
    (f) => ({
      ...f,
      Remediation: f.Remediation?.Recommendation && {
        Recommendation: {
          ...f.Remediation.Recommendation,
          Text: clip(f.Remediation.Recommendation.Text ?? '-', 128),
          Url: f.Remediation.Recommendation.Url && clip(f.Remediation.Recommendation.Url, 1024),
        },
      },
    }),
    (f) => ({
      ...f,
      Title: clip(f.Title ?? '-', 128),
      Resources: (f.Resources ?? []).map((resource) => ({ ...resource, Id: clip(resource.Id ?? '-', 1024) })),
    }),
  ];
  let current = { ...asff, ProductFields: { ...asff.ProductFields, 'onus/truncated': 'true' } };
  for (const step of steps) {
    current = JSON.parse(JSON.stringify(step(current))) as typeof current;
    current.ProductFields = { ...current.ProductFields, 'onus/truncated': 'true' };
    if (bytesOf(current) <= max) return current;
  }
  return null;
}

/** A finding that is gone: resolved with its last known details, or a minimal record of what was sent. */
function resolvedAbsent(entry: ExportEntry, options: ExportOptions, now: string): AsffFinding {
  const known = options.known?.get(entry.fingerprint);
  if (known) return toAsff(known, { now, homeRegion: options.homeRegion, compliance: 'PASSED' });
  const region = asffRegion(entry.region, options.homeRegion);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: asffId(entry.fingerprint),
    ProductArn: productArn(entry.account, region),
    GeneratorId: `onus/${entry.checkId}`,
    AwsAccountId: entry.account,
    Types: [BEST_PRACTICES_TYPE],
    CreatedAt: entry.exportedAt,
    UpdatedAt: now,
    Title: clip(`onus ${entry.checkId}`, 256),
    Description: 'No longer reported by onus: the resource is gone or no longer fails this check.',
    Resources: [
      {
        Type: 'Other',
        Id: `onus/${entry.fingerprint}`,
        Partition: partitionOfRegion(region),
        Region: region,
      },
    ],
    ProductFields: { 'onus/fingerprint': entry.fingerprint, 'onus/check-id': entry.checkId },
    Compliance: { Status: 'PASSED' },
    Workflow: { Status: 'RESOLVED' },
    RecordState: 'ACTIVE',
  };
}

/** Whether this run evaluated the entry's check, account and Region (global resources: its account). */
export function inScope(
  entry: Pick<ExportEntry, 'checkId' | 'account' | 'region'>,
  scope: RunScope,
): boolean {
  return (
    scope.checkIds.includes(entry.checkId) &&
    scope.accounts.includes(entry.account) &&
    (entry.region === GLOBAL || scope.regions.includes(entry.region))
  );
}

/** What to send: failing findings (new or updated) and earlier FAILED exports that pass now or are gone. */
export function exportItems(options: ExportOptions): ExportItem[] {
  const now = options.now.toISOString();
  const previous = new Map(options.previous.map((entry) => [entry.fingerprint, entry]));
  const items: ExportItem[] = [];
  const present = new Set<string>();
  for (const finding of options.findings) {
    present.add(finding.fingerprint);
    const before = previous.get(finding.fingerprint);
    const base = {
      fingerprint: finding.fingerprint,
      checkId: finding.checkId,
      account: finding.resource.account,
      region: finding.resource.region,
    };
    if (finding.status === 'FAIL' || finding.status === 'MUTED') {
      const firstSeen = options.firstSeen?.get(finding.fingerprint);
      items.push({
        ...base,
        kind: before ? 'updated' : 'new',
        status: 'FAILED',
        asff: toAsff(finding, { now, homeRegion: options.homeRegion, ...(firstSeen ? { firstSeen } : {}) }),
      });
    } else if (finding.status === 'PASS' && before?.status === 'FAILED') {
      items.push({
        ...base,
        kind: 'resolved',
        status: 'PASSED',
        asff: toAsff(finding, {
          now,
          homeRegion: options.homeRegion,
          firstSeen: before.exportedAt,
          compliance: 'PASSED',
        }),
      });
    }
  }
  for (const entry of options.previous) {
    if (present.has(entry.fingerprint) || entry.status !== 'FAILED' || !inScope(entry, options.scope))
      continue;
    items.push({
      kind: 'resolved',
      fingerprint: entry.fingerprint,
      checkId: entry.checkId,
      account: entry.account,
      region: entry.region,
      status: 'PASSED',
      asff: resolvedAbsent(entry, options, now),
    });
  }
  return items;
}

/**
 * Batches per account and Region (the ProductArn's Region must be the call's), each at most 100 findings and
 * 6 MB; a finding over 240 KB is shrunk first, and one that cannot be is returned in `unfit`.
 */
export function planCalls(
  items: readonly ExportItem[],
  homeRegion: string,
): { calls: PlannedCall[]; unfit: ExportItem[]; shrunk: number } {
  const groups = new Map<string, ExportItem[]>();
  const unfit: ExportItem[] = [];
  let shrunk = 0;
  for (const item of items) {
    const fitted = fitFinding(item.asff);
    if (!fitted) {
      unfit.push(item);
      continue;
    }
    if (fitted !== item.asff) shrunk++;
    const region = item.asff.Region ?? asffRegion(item.region, homeRegion);
    const key = `${item.account}\u0000${region}`;
    const group = groups.get(key) ?? [];
    group.push({ ...item, asff: fitted });
    groups.set(key, group);
  }
  const calls: PlannedCall[] = [];
  const envelope = bytesOf({ Findings: [] });
  for (const [key, group] of groups) {
    const [account = '', region = ''] = key.split('\u0000');
    let current: PlannedCall | null = null;
    for (const item of group) {
      const size = bytesOf(item.asff) + 1; // and a comma
      if (
        !current ||
        current.items.length >= MAX_FINDINGS_PER_CALL ||
        current.bytes + size > MAX_BATCH_BYTES
      ) {
        current = { account, region, action: ACTION, items: [], bytes: envelope };
        calls.push(current);
      }
      current.items.push(item);
      current.bytes += size;
    }
  }
  return { calls, unfit, shrunk };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'LimitExceededException',
  'RequestLimitExceeded',
  'Throttling',
]);

function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return THROTTLING.has(e.name ?? '') || status === 429 || status >= 500 || e.$retryable !== undefined;
}

/** Starts at most `rate` calls a second: each call waits until 1/rate seconds after the one before it. */
class Pacer {
  private next = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly rate: number,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  async take(): Promise<void> {
    const now = this.clock();
    if (now < this.next) await this.sleep(this.next - now);
    this.next = Math.max(now, this.next) + 1000 / this.rate;
  }
}

/** Plans the export and, with `apply`, sends it. Never throws for AWS errors: they are reported per finding. */
export async function exportToSecurityHub(options: ExportOptions): Promise<ExportReport> {
  const items = exportItems(options);
  const { calls, unfit, shrunk } = planCalls(items, options.homeRegion);
  const counts: Record<ExportKind, number> = { new: 0, updated: 0, resolved: 0 };
  for (const item of items) counts[item.kind]++;
  const failureOf = (item: ExportItem, reason: string): ExportFailure => ({
    fingerprint: item.fingerprint,
    id: item.asff.Id ?? asffId(item.fingerprint),
    account: item.account,
    region: item.asff.Region ?? item.region,
    reason,
  });
  const failed = unfit.map((item) =>
    failureOf(item, `larger than ${MAX_FINDING_BYTES} bytes even after shrinking`),
  );
  const report: ExportReport = {
    applied: options.apply === true,
    calls,
    counts,
    sent: 0,
    failed,
    resolved: 0,
    shrunk,
    entries: [],
  };
  if (!options.apply) return report;

  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const clock = options.clock ?? (() => performance.now());
  const pacers = new Map<string, Pacer>();
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const exportedAt = options.now.toISOString();

  for (const call of calls) {
    const client =
      typeof options.client === 'function' ? options.client(call.account, call.region) : options.client;
    const pacerKey = `${call.account}|${call.region}`;
    let pacer = pacers.get(pacerKey);
    if (!pacer) pacers.set(pacerKey, (pacer = new Pacer(CALLS_PER_SECOND, clock, sleep)));
    let pending = call.items;
    for (let attempt = 1; pending.length > 0; attempt++) {
      await pacer.take();
      const byId = new Map(pending.map((item) => [item.asff.Id ?? '', item]));
      let retry: ExportItem[] = [];
      let lastReasons = new Map<string, string>();
      try {
        const response = await client.send(
          new BatchImportFindingsCommand({ Findings: pending.map((item) => item.asff) }),
        );
        const failedIds = new Map(
          (response.FailedFindings ?? []).map((failure) => [
            failure.Id ?? '',
            `${failure.ErrorCode ?? 'Error'}: ${failure.ErrorMessage ?? 'no message'}`,
          ]),
        );
        for (const item of pending) {
          const reason = failedIds.get(item.asff.Id ?? '');
          if (reason === undefined) {
            report.sent++;
            if (item.kind === 'resolved') report.resolved++;
            report.entries.push({
              destination: destinationOf(call.account, call.region),
              fingerprint: item.fingerprint,
              checkId: item.checkId,
              account: item.account,
              region: item.region,
              status: item.status,
              exportedAt,
            });
          } else {
            retry.push(item);
            lastReasons.set(item.asff.Id ?? '', reason);
          }
        }
      } catch (error) {
        const reason = `${(error as Error).name || 'Error'}: ${(error as Error).message}`;
        lastReasons = new Map([...byId.keys()].map((id) => [id, reason]));
        if (isRetryable(error)) retry = pending;
        else {
          report.failed.push(...pending.map((item) => failureOf(item, reason)));
          retry = [];
        }
      }
      if (retry.length > 0 && attempt >= maxAttempts) {
        report.failed.push(
          ...retry.map((item) =>
            failureOf(item, `${lastReasons.get(item.asff.Id ?? '') ?? 'failed'} (after ${attempt} attempts)`),
          ),
        );
        retry = [];
      }
      if (retry.length > 0) await sleep(Math.min(8_000, 500 * 2 ** (attempt - 1)));
      pending = retry;
    }
  }
  return report;
}

/** The plan, as `onus` prints it on stderr before (or instead of) sending. */
export function formatPlan(report: ExportReport): string {
  const lines: string[] = [];
  const total = report.calls.reduce((sum, call) => sum + call.items.length, 0);
  const regions = [...new Set(report.calls.map((call) => `${call.account}/${call.region}`))];
  lines.push(
    `${report.applied ? 'Security Hub export' : 'Security Hub export (dry run: nothing is sent; add --apply to send)'}: ` +
      `${total} finding(s) in ${report.calls.length} call(s) of ${ACTION}` +
      (regions.length > 0 ? ` to ${regions.join(', ')}` : ''),
  );
  lines.push(
    `  ${report.counts.new} new, ${report.counts.updated} updated, ${report.counts.resolved} resolved` +
      (report.shrunk > 0 ? `, ${report.shrunk} shrunk to fit 240 KB` : ''),
  );
  report.calls.forEach((call, index) => {
    lines.push(
      `  call ${index + 1}: ${ACTION} account ${call.account} region ${call.region}: ${call.items.length} finding(s), ${call.bytes} bytes`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/** The outcome, after `--apply`. */
export function formatOutcome(report: ExportReport): string {
  const lines = [
    `Security Hub accepted ${report.sent} finding(s) (${report.resolved} resolved); ${report.failed.length} failed`,
  ];
  for (const failure of report.failed.slice(0, 20)) {
    lines.push(`  failed ${failure.id} (${failure.account}/${failure.region}): ${failure.reason}`);
  }
  if (report.failed.length > 20) lines.push(`  ... and ${report.failed.length - 20} more`);
  return `${lines.join('\n')}\n`;
}
