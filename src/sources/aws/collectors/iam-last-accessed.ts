import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type IAMClient,
  type ServiceLastAccessed as SdkServiceLastAccessed,
} from '@aws-sdk/client-iam';
import type { Gap } from '../../../core/gap.js';
import type { ServiceLastAccessed } from '../../../core/kinds/iam.js';
import type { CollectorContext } from '../collector.js';
import { sleep } from '../limits.js';

/**
 * IAM access advisor, service level: for each principal, the services its permissions policies allow and when
 * it last used each. IAM answers in two steps (start a job, then read it once it has completed), so every job
 * is started at once and each is polled with a growing pause: the pool's IAM token bucket spaces the calls,
 * and the pauses keep thousands of pending jobs from spending that budget on "not yet".
 */

export const GENERATE_LAST_ACCESSED = 'iam:GenerateServiceLastAccessedDetails';
export const GET_LAST_ACCESSED = 'iam:GetServiceLastAccessedDetails';

/** How long to wait between polls of one job, and for how long at most. */
export interface PollSchedule {
  /** Pause before the first poll: a small job completes within a second or so, a large one in seconds. */
  firstDelayMs: number;
  /** The pause doubles after each "in progress", up to this. */
  maxDelayMs: number;
  /** A job still in progress this long after it was started is given up: a gap, not a guess. */
  timeoutMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
  firstDelayMs: 500,
  maxDelayMs: 15_000,
  timeoutMs: 10 * 60_000,
};

/** The services one principal may use and their last use, or the gap on `servicesLastAccessed`. */
export type LastAccessed = { ok: true; value: ServiceLastAccessed[] } | { ok: false; gap: Gap };

const FIELD = 'servicesLastAccessed';

/** The access-advisor report of every ARN in `arns`, read in parallel; keyed by ARN. */
export async function servicesLastAccessedOf(
  ctx: CollectorContext,
  client: IAMClient,
  arns: readonly string[],
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): Promise<Map<string, LastAccessed>> {
  const unique = [...new Set(arns)];
  if (!ctx.settings.lastAccessed) {
    // Off by default: the jobs cost at least two IAM calls per principal at IAM's account-wide rate.
    const gap: Gap = {
      field: FIELD,
      reason: 'not-collected',
      detail:
        'IAM last-accessed data is collected only with --last-accessed (or aws.lastAccessed in the config)',
    };
    return new Map(unique.map((arn) => [arn, { ok: false, gap }]));
  }
  const reports = await Promise.all(unique.map((arn) => reportOf(ctx, client, arn, schedule)));
  return new Map(unique.map((arn, index) => [arn, reports[index] as LastAccessed]));
}

async function reportOf(
  ctx: CollectorContext,
  client: IAMClient,
  arn: string,
  schedule: PollSchedule,
): Promise<LastAccessed> {
  const started = await ctx.observe(GENERATE_LAST_ACCESSED, () =>
    client.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'SERVICE_LEVEL' })),
  );
  if (!started.ok) return { ok: false, gap: started.failure.gap(FIELD) };
  const jobId = started.value?.JobId;
  if (!jobId) return failed(GENERATE_LAST_ACCESSED, `IAM started no access-advisor job for ${arn}`);

  const startedAt = Date.now();
  let delay = schedule.firstDelayMs;
  for (;;) {
    await sleep(delay);
    const page = await ctx.observe(GET_LAST_ACCESSED, () =>
      client.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 1000 })),
    );
    if (!page.ok) return { ok: false, gap: page.failure.gap(FIELD) };
    const status = page.value?.JobStatus;
    if (status === 'COMPLETED') {
      const next = page.value?.IsTruncated ? page.value.Marker : undefined;
      return readAll(ctx, client, arn, jobId, page.value?.ServicesLastAccessed, next);
    }
    if (status === 'FAILED') {
      const reason = page.value?.Error?.Message ?? page.value?.Error?.Code ?? 'no reason given';
      return failed(GET_LAST_ACCESSED, `the access-advisor job for ${arn} failed: ${reason}`);
    }
    if (status !== 'IN_PROGRESS')
      return failed(GET_LAST_ACCESSED, `unknown access-advisor job status ${JSON.stringify(status)}`);
    if (Date.now() - startedAt >= schedule.timeoutMs) {
      return failed(
        GET_LAST_ACCESSED,
        `the access-advisor job for ${arn} had not completed after ${schedule.timeoutMs / 1000} s`,
      );
    }
    delay = Math.min(schedule.maxDelayMs, delay * 2);
  }
}

/** The completed report: the first page already read, then the following ones. */
async function readAll(
  ctx: CollectorContext,
  client: IAMClient,
  arn: string,
  jobId: string,
  first: readonly SdkServiceLastAccessed[] | undefined,
  firstMarker: string | undefined,
): Promise<LastAccessed> {
  const services: ServiceLastAccessed[] = [];
  const add = (list: readonly SdkServiceLastAccessed[] | undefined): string | null => {
    for (const entry of list ?? []) {
      if (!entry.ServiceNamespace) return `a service in the report of ${arn} has no namespace`;
      services.push({
        service: entry.ServiceNamespace,
        lastAuthenticatedAt: entry.LastAuthenticated ? entry.LastAuthenticated.toISOString() : null,
      });
    }
    return null;
  };
  let problem = add(first);
  let marker = firstMarker;
  while (problem === null && marker) {
    const from = marker;
    const page = await ctx.observe(GET_LAST_ACCESSED, () =>
      client.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 1000, Marker: from })),
    );
    if (!page.ok) return { ok: false, gap: page.failure.gap(FIELD) };
    problem = add(page.value?.ServicesLastAccessed);
    marker = page.value?.IsTruncated ? page.value.Marker : undefined;
  }
  if (problem !== null) return failed(GET_LAST_ACCESSED, problem);
  return { ok: true, value: services };
}

function failed(action: string, detail: string): LastAccessed {
  return { ok: false, gap: { field: FIELD, reason: 'collection-error', action, detail } };
}
