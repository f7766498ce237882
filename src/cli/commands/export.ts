import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../core/finding.js';
import { scopeOf } from '../../findings/store/common.js';
import { openStore } from '../../findings/store/open.js';
import type { ExportEntry, RunScope, Store } from '../../findings/store/types.js';
import type { ScanReport } from '../../core/scan.js';
import {
  destinationOf,
  exportToSecurityHub,
  formatOutcome,
  formatPlan,
  type ExportOptions,
} from '../../integrations/securityhub.js';
import { EXIT, UserError } from '../errors.js';

/** What `onus export securityhub` and `onus scan --securityhub` need to reach Security Hub. */
export interface SecurityHubFlags {
  apply?: boolean;
  store?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  quiet?: boolean;
}

/** How many earlier scans are searched for the last known details of a finding that is gone. */
const KNOWN_RUNS = 10;

/**
 * Clients made the way collectors make them (the SDK's credential chain, `--profile`, `--role-arn`), one per
 * account and Region, created only when something is sent. This is the only place onus writes to AWS.
 */
async function clientFactory(
  flags: SecurityHubFlags,
  home: string,
): Promise<(account: string, region: string) => SecurityHubClient> {
  const [{ SecurityHubClient }, { ClientPool }, { credentialsFor }] = await Promise.all([
    import('@aws-sdk/client-securityhub'),
    import('../../sources/aws/pool.js'),
    import('../../sources/aws/credentials.js'),
  ]);
  const credentials = credentialsFor({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    region: home,
  });
  const pool = new ClientPool({
    credentials: () => credentials,
    concurrency: 4,
    // onus retries failed findings itself, with backoff; the SDK's adaptive retries cover transport errors.
    maxAttempts: 3,
    requestTimeoutMs: 60_000,
    rates: { securityhub: { rate: 10, burst: 10 } },
  });
  return (account, region) => pool.get(SecurityHubClient, 'securityhub', account, region);
}

/** The latest entry per fingerprint across the destinations this scope can have sent to. */
async function previousExports(store: Store, scope: RunScope, home: string): Promise<ExportEntry[]> {
  const latest = new Map<string, ExportEntry>();
  const regions = [...new Set([...scope.regions, home])];
  for (const account of scope.accounts) {
    for (const region of regions) {
      for (const entry of await store.exported(destinationOf(account, region))) {
        const seen = latest.get(entry.fingerprint);
        if (!seen || seen.exportedAt < entry.exportedAt) latest.set(entry.fingerprint, entry);
      }
    }
  }
  return [...latest.values()];
}

/** Earlier findings for the fingerprints that are gone now, newest first. */
async function knownFindings(store: Store, wanted: Set<string>): Promise<Map<string, Finding>> {
  const known = new Map<string, Finding>();
  if (wanted.size === 0) return known;
  for (const run of await store.listRuns({ limit: KNOWN_RUNS, kind: 'scan' })) {
    for (const finding of await store.findingsOf(run.id)) {
      if (wanted.has(finding.fingerprint) && !known.has(finding.fingerprint))
        known.set(finding.fingerprint, finding);
    }
    if (known.size === wanted.size) break;
  }
  return known;
}

/**
 * Plans the export, prints the plan (the API calls) on stderr, and with `--apply` sends it and records what
 * Security Hub accepted. Returns the exit code: 1 when some findings could not be sent.
 */
export async function exportFindings(
  store: Store,
  findings: readonly Finding[],
  scope: RunScope,
  flags: SecurityHubFlags,
  now = new Date(),
): Promise<number> {
  const { homeRegion } = await import('../../sources/aws/credentials.js');
  const home = homeRegion();
  const previous = await previousExports(store, scope, home);
  const present = new Set(findings.map((finding) => finding.fingerprint));
  const known = await knownFindings(
    store,
    new Set(previous.filter((entry) => !present.has(entry.fingerprint)).map((entry) => entry.fingerprint)),
  );
  const failing = findings.filter((finding) => finding.status === 'FAIL' || finding.status === 'MUTED');
  const history = await store.history(failing.map((finding) => finding.fingerprint));
  const firstSeen = new Map([...history].map(([fingerprint, seen]) => [fingerprint, seen.firstSeen]));
  const base: ExportOptions = {
    client: () => {
      throw new Error('a dry run makes no call');
    },
    findings,
    scope,
    previous,
    known,
    firstSeen,
    now,
    homeRegion: home,
  };
  const plan = await exportToSecurityHub({ ...base, apply: false });
  process.stderr.write(formatPlan(plan));
  if (!flags.apply || plan.calls.length === 0) {
    for (const failure of plan.failed)
      process.stderr.write(`  cannot send ${failure.id}: ${failure.reason}\n`);
    return plan.failed.length > 0 && flags.apply ? EXIT.unexpected : EXIT.ok;
  }
  const report = await exportToSecurityHub({
    ...base,
    apply: true,
    client: await clientFactory(flags, home),
  });
  await store.recordExport(report.entries);
  process.stderr.write(formatOutcome(report));
  return report.failed.length > 0 ? EXIT.unexpected : EXIT.ok;
}

/** `onus scan --securityhub [--apply]`: exports the report just made. */
export async function exportScan(report: ScanReport, flags: SecurityHubFlags): Promise<number> {
  const store = await openStore(flags.store ? { store: flags.store } : {});
  try {
    return await exportFindings(store, report.findings, scopeOf(report), flags);
  } finally {
    await store.close();
  }
}

/** `onus export securityhub [RUN] [--apply]`: exports a recorded scan (the latest by default). */
export async function exportSecurityHub(runId: string | undefined, flags: SecurityHubFlags): Promise<number> {
  const store = await openStore({ ...(flags.store ? { store: flags.store } : {}), create: false });
  try {
    const run = runId
      ? await store.getRun(runId)
      : ((await store.listRuns({ limit: 1, kind: 'scan' }))[0] ?? null);
    if (!run) {
      throw new UserError(
        runId
          ? `export securityhub: no run '${runId}' in ${store.location} (see \`onus history\`)`
          : `export securityhub: no scan recorded in ${store.location}; run \`onus scan\` first`,
      );
    }
    if (run.kind !== 'scan') {
      throw new UserError(
        `export securityhub: run ${run.id} is a ${run.kind} run; only scans go to Security Hub`,
      );
    }
    if (!flags.quiet)
      process.stderr.write(`exporting run ${run.id} (${run.target.name}, ${run.finishedAt})\n`);
    return await exportFindings(store, await store.findingsOf(run.id), run.scope, flags);
  } finally {
    await store.close();
  }
}
