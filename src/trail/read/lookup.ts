import {
  CloudTrailClient,
  LookupEventsCommand,
  type LookupEventsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import type { TrailEvent, TrailProblem } from '../types.js';
import { acceptLookupResult } from './parse.js';
import { ProblemTally } from './problems.js';
import { describeError } from './errors.js';

/** LookupEvents allows 2 requests per second per account per region (AWS CloudTrail quotas). */
const MIN_INTERVAL_MS = 500;
const MAX_ATTEMPTS = 6;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 16_000;
/** The most LookupEvents returns per page. */
const PAGE_SIZE = 50;

export interface LookupEventsOptions {
  since?: Date;
  until?: Date;
  region: string;
  /** Bad CloudTrailEvent JSON and records missing fields, tallied for the whole region, given once at the end. */
  onProblem?: (problem: TrailProblem) => void;
  /** Injectable for tests: no real time needs to pass. */
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

export interface LookupProgress {
  region: string;
  pages: number;
  events: number;
}

const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

/**
 * The management events of the last 90 days in one region (cloudtrail:LookupEvents), a page at a time. Calls are
 * spaced to stay under the documented rate; a throttled call is retried with doubling backoff, and after
 * MAX_ATTEMPTS the error is thrown. The caller loops over regions.
 */
export async function* lookupEvents(
  client: CloudTrailClient,
  options: LookupEventsOptions,
  onPage?: (progress: LookupProgress) => void,
): AsyncIterable<TrailEvent[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? (() => performance.now());
  const source = `lookup-events ${options.region}`;
  const problems = new ProblemTally();
  const progress: LookupProgress = { region: options.region, pages: 0, events: 0 };
  let lastCall = -Infinity;
  let token: string | undefined;
  try {
    do {
      let page: LookupEventsCommandOutput | undefined;
      for (let attempt = 1; page === undefined; attempt++) {
        const wait = lastCall + MIN_INTERVAL_MS - clock();
        if (wait > 0) await sleep(wait);
        lastCall = clock();
        try {
          page = await client.send(
            new LookupEventsCommand({
              StartTime: options.since,
              EndTime: options.until,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
          );
        } catch (error) {
          if (!isThrottling(error) || attempt >= MAX_ATTEMPTS) throw error;
          await sleep(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
        }
      }
      const events: TrailEvent[] = [];
      for (const result of page.Events ?? []) acceptLookupResult(result, source, events, problems);
      progress.pages++;
      progress.events += events.length;
      onPage?.({ ...progress });
      if (events.length > 0) yield events;
      token = page.NextToken;
    } while (token !== undefined);
  } finally {
    for (const problem of problems.list()) options.onProblem?.(problem);
  }
}

function isThrottling(error: unknown): boolean {
  return error instanceof Error && (THROTTLED.has(error.name) || /rate exceeded/i.test(describeError(error)));
}
