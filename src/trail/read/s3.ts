import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { TrailFilters } from './filters.js';
import {
  dayPath,
  DELIVERY_SLACK_MS,
  fileTimeStamp,
  isDigestPath,
  isTrailFileName,
  layoutInFilters,
  parseS3Url,
  parseTrailPath,
} from './layout.js';
import type { TrailListingDeps, TrailSource } from './sources.js';
import { describeError } from './errors.js';

/** Longest `--since`..`--until` span listed day by day; longer spans list years and months first. */
const MAX_DAYS_LISTED_DIRECTLY = 31;
const DAY_MS = 86_400_000;

interface S3Walk {
  client: S3Client;
  bucket: string;
  filters: TrailFilters;
  deps: TrailListingDeps;
  now: Date;
}

/**
 * Lists the trail files under `s3://bucket/prefix`. Where the prefix follows the CloudTrail layout the walk
 * goes straight to the prefixes the filters allow: only `CloudTrail/` under an account, only the `--region`s,
 * only the days between `--since` and `--until`, and within the first day only files delivered after `--since`.
 * Digest and Insight prefixes are never listed; digest files met elsewhere are counted.
 */
export async function* listS3TrailSources(
  client: S3Client,
  url: string,
  filters: TrailFilters,
  deps: TrailListingDeps,
): AsyncIterable<TrailSource> {
  const parsed = parseS3Url(url);
  if (!parsed) {
    deps.onProblem?.({ source: url, reason: 'not an S3 URL (expected s3://bucket/prefix)', count: 1 });
    return;
  }
  const walk: S3Walk = { client, bucket: parsed.bucket, filters, deps, now: deps.now?.() ?? new Date() };
  yield* walkPrefixes(walk, parsed.prefix);
}

/**
 * Prefixes listed at once. Walking the layout is one round trip per prefix (an organization trail: accounts,
 * then regions, then days), so one listing at a time would make a large bucket's walk as slow as the sum of
 * its round trips.
 */
const LISTINGS_AT_ONCE = 8;

/**
 * Walks the prefixes under `root`, up to {@link LISTINGS_AT_ONCE} at a time, yielding each trail file as soon
 * as a page names it. Files come in no fixed order: whoever reads them merges what they find.
 */
async function* walkPrefixes(walk: S3Walk, root: string): AsyncIterable<TrailSource> {
  const found: TrailSource[] = [];
  // Depth first: a day's files are found before the walk spreads over every other prefix.
  const pending: string[] = [root];
  let active = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const step: WalkStep = {
    found: (source) => {
      found.push(source);
      notify();
    },
    descend: (prefix) => {
      pending.push(prefix);
      notify();
    },
  };
  for (;;) {
    while (active < LISTINGS_AT_ONCE && pending.length > 0) {
      const prefix = pending.pop() ?? '';
      active++;
      // A listing that fails is reported by listPages; anything else that fails is reported here.
      void visitPrefix(walk, prefix, step)
        .catch((error: unknown) => {
          walk.deps.onProblem?.({
            source: `s3://${walk.bucket}/${prefix}`,
            reason: `cannot list (${describeError(error)})`,
            count: 1,
          });
        })
        .finally(() => {
          active--;
          notify();
        });
    }
    if (found.length > 0) {
      yield* found.splice(0);
      continue;
    }
    if (active === 0 && pending.length === 0) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

interface WalkStep {
  found: (source: TrailSource) => void;
  descend: (prefix: string) => void;
}

/** One prefix of the walk: the files it holds go to `found`, the prefixes under it worth walking to `descend`. */
async function visitPrefix(walk: S3Walk, prefix: string, step: WalkStep): Promise<void> {
  if (prefix !== '' && !prefix.endsWith('/')) {
    await listFlat(walk, prefix, step);
    return;
  }
  const layout = parseTrailPath(prefix);
  if (!layoutInFilters(layout, walk.filters)) return;
  if (layout.account !== undefined && layout.logType === undefined) {
    step.descend(`${prefix}CloudTrail/`);
    return;
  }
  if (layout.logType === 'CloudTrail' && layout.region === undefined && walk.filters.regions) {
    for (const region of walk.filters.regions) step.descend(`${prefix}${region}/`);
    return;
  }
  if (layout.logType === 'CloudTrail' && layout.region !== undefined && layout.year === undefined) {
    const days = daysToList(walk);
    if (days) {
      for (const day of days) step.descend(`${prefix}${dayPath(day)}/`);
      return;
    }
  }
  if (layout.day !== undefined) {
    await listFlat(walk, prefix, step, startAfter(walk, prefix, layout.account, layout.region));
    return;
  }
  for await (const entry of listPages(walk, prefix, '/')) {
    if (entry.kind === 'object') {
      const source = objectSource(walk, entry.key, entry.size);
      if (source) step.found(source);
    } else if (layoutInFilters(parseTrailPath(entry.prefix), walk.filters)) {
      step.descend(entry.prefix);
    }
  }
}

/** The UTC days from `--since` to `--until` (plus delivery slack), when that is a short list. */
function daysToList(walk: S3Walk): number[] | undefined {
  const { since, until } = walk.filters;
  if (!since) return undefined;
  const last = Math.min(until ? until.getTime() + DELIVERY_SLACK_MS : Infinity, walk.now.getTime());
  const first = Math.floor(since.getTime() / DAY_MS) * DAY_MS;
  const days: number[] = [];
  for (let day = first; day <= last; day += DAY_MS) {
    if (days.length === MAX_DAYS_LISTED_DIRECTLY) return undefined;
    days.push(day);
  }
  return days;
}

/** Keys in a day sort by delivery time, so listing can start at the first file delivered in `--since`'s minute. */
function startAfter(
  walk: S3Walk,
  prefix: string,
  account: string | undefined,
  region: string | undefined,
): string | undefined {
  const since = walk.filters.since;
  if (!since || account === undefined || region === undefined) return undefined;
  if (!prefix.endsWith(`/${dayPath(since.getTime())}/`)) return undefined;
  return `${prefix}${account}_CloudTrail_${region}_${fileTimeStamp(since.getTime())}`;
}

async function listFlat(walk: S3Walk, prefix: string, step: WalkStep, after?: string): Promise<void> {
  for await (const entry of listPages(walk, prefix, undefined, after)) {
    if (entry.kind !== 'object') continue;
    const source = objectSource(walk, entry.key, entry.size);
    if (source) step.found(source);
  }
}

function objectSource(walk: S3Walk, key: string, size: number): TrailSource | undefined {
  if (isDigestPath(key)) {
    walk.deps.onDigestSkipped?.(`s3://${walk.bucket}/${key}`);
    return undefined;
  }
  if (!isTrailFileName(key) || !layoutInFilters(parseTrailPath(key), walk.filters)) return undefined;
  return { kind: 's3', bucket: walk.bucket, key, size };
}

type ListEntry = { kind: 'object'; key: string; size: number } | { kind: 'prefix'; prefix: string };

/** Every page of ListObjectsV2 under a prefix; a listing that fails is reported and ends, the walk goes on. */
async function* listPages(
  walk: S3Walk,
  prefix: string,
  delimiter?: string,
  after?: string,
): AsyncIterable<ListEntry> {
  let token: string | undefined;
  do {
    let page;
    try {
      page = await walk.client.send(
        new ListObjectsV2Command({
          Bucket: walk.bucket,
          Prefix: prefix,
          Delimiter: delimiter,
          StartAfter: token === undefined ? after : undefined,
          ContinuationToken: token,
        }),
      );
    } catch (error) {
      walk.deps.onProblem?.({
        source: `s3://${walk.bucket}/${prefix}`,
        reason: `cannot list (${describeError(error)})`,
        count: 1,
      });
      return;
    }
    for (const common of page.CommonPrefixes ?? []) {
      if (common.Prefix !== undefined) yield { kind: 'prefix', prefix: common.Prefix };
    }
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) yield { kind: 'object', key: object.Key, size: object.Size ?? 0 };
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}

export { describeError } from './errors.js';

/** The whole body of one object. Rejects with the SDK's error (NoSuchKey, AccessDenied, ...). */
export async function readS3Object(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!response.Body) throw new Error(`s3://${bucket}/${key}: empty response body`);
  return response.Body.transformToByteArray();
}
