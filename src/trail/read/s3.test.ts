import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../../testing/aws.js';
import type { TrailProblem } from '../types.js';
import { parseTrailFilters, type TrailFilters } from './filters.js';
import { parseTrailBytes } from './parse.js';
import { readS3Object } from './s3.js';
import { listTrailSources } from './sources.js';

const s3 = mockClient(S3Client);
const client = new S3Client({ region: 'us-east-1' });
const NOW = new Date('2026-05-10T12:00:00Z');
const BUCKET = 'audit-logs';
const A = '111122223333';
const B = '444455556666';
/** Small pages, so every listing of more than two entries needs its continuation token. */
const PAGE_SIZE = 2;

function trailKey(
  root: string,
  account: string,
  region: string,
  delivered: string,
  unique = 'a1B2c3D4e5F6g7H8',
): string {
  const [day, time] = delivered.split('T') as [string, string];
  const stamp = `${day.replaceAll('-', '')}T${time.replace(':', '')}Z`;
  return `${root}${account}/CloudTrail/${region}/${day.replaceAll('-', '/')}/${account}_CloudTrail_${region}_${stamp}_${unique}.json.gz`;
}

function digestKey(root: string, account: string, region: string, day: string): string {
  const path = day.replaceAll('-', '/');
  return `${root}${account}/CloudTrail-Digest/${region}/${path}/${account}_CloudTrail-Digest_${region}_main_${region}_${day.replaceAll('-', '')}T130000Z.json.gz`;
}

/** A bucket that answers ListObjectsV2 as S3 does: sorted keys, prefix, delimiter, StartAfter and pages. */
function serveBucket(keys: string[]): void {
  s3.on(ListObjectsV2Command).callsFake(bucketListing(keys));
}

function bucketListing(keys: string[]): (input: ListObjectsV2CommandInput) => ListObjectsV2CommandOutput {
  const sorted = [...keys].sort();
  return (input) => {
    const prefix = input.Prefix ?? '';
    const after = input.ContinuationToken ?? input.StartAfter ?? '';
    const entries: { key?: string; prefix?: string }[] = [];
    for (const key of sorted) {
      if (!key.startsWith(prefix) || key <= after) continue;
      const cut = input.Delimiter ? key.indexOf(input.Delimiter, prefix.length) : -1;
      if (cut === -1) {
        entries.push({ key });
        continue;
      }
      const common = key.slice(0, cut + 1);
      if (entries.at(-1)?.prefix !== common) entries.push({ prefix: common });
    }
    const page = entries.slice(0, PAGE_SIZE);
    const truncated = entries.length > PAGE_SIZE;
    const last = page.at(-1);
    return {
      $metadata: {},
      Contents: page.flatMap((entry) => (entry.key ? [{ Key: entry.key, Size: entry.key.length }] : [])),
      CommonPrefixes: page.flatMap((entry) => (entry.prefix ? [{ Prefix: entry.prefix }] : [])),
      IsTruncated: truncated,
      NextContinuationToken: truncated ? (last?.key ?? `${last?.prefix ?? ''}\uffff`) : undefined,
    };
  };
}

async function list(url: string, filters: TrailFilters = {}) {
  const problems: TrailProblem[] = [];
  const digests: string[] = [];
  const keys: string[] = [];
  const deps = {
    s3: client,
    now: () => NOW,
    onProblem: (problem: TrailProblem) => problems.push(problem),
    onDigestSkipped: (location: string) => digests.push(location),
  };
  for await (const source of listTrailSources([url], filters, deps)) {
    if (source.kind === 's3') keys.push(source.key);
  }
  // Prefixes are listed several at a time, so files come in no fixed order.
  return { keys: keys.sort(), problems, digests: digests.sort() };
}

/**
 * The prefixes listed (with StartAfter where given), ignoring the repeated calls of later pages, in name order
 * (several are listed at a time).
 */
function listedPrefixes(): string[] {
  return s3
    .commandCalls(ListObjectsV2Command)
    .filter((call) => call.args[0].input.ContinuationToken === undefined)
    .map((call) => {
      const input = call.args[0].input;
      return input.StartAfter ? `${input.Prefix ?? ''} after ${input.StartAfter}` : (input.Prefix ?? '');
    })
    .sort();
}

const ROOT = 'trails/AWSLogs/';
const ORG_ROOT = 'trails/AWSLogs/o-aa11bb22cc/';
const KEYS = [
  trailKey(ROOT, A, 'us-east-1', '2026-04-30T23:55'),
  trailKey(ROOT, A, 'us-east-1', '2026-05-01T00:05'),
  trailKey(ROOT, A, 'us-east-1', '2026-05-01T12:05'),
  trailKey(ROOT, A, 'us-east-1', '2026-05-01T12:10', 'Z9y8X7w6V5u4T3s2'),
  trailKey(ROOT, A, 'us-east-1', '2026-05-02T08:10'),
  trailKey(ROOT, A, 'eu-west-1', '2026-05-01T12:00'),
  trailKey(ROOT, A, 'ap-south-1', '2026-05-01T12:00'),
  digestKey(ROOT, A, 'us-east-1', '2026-05-01'),
  `${ROOT}${A}/CloudTrail-Insight/us-east-1/2026/05/01/insight.json.gz`,
  trailKey(ROOT, B, 'us-east-1', '2026-05-01T12:00'),
  'trails/README.txt',
];

describe('listing s3://bucket/prefix', () => {
  beforeEach(() => s3.reset());

  it('lists every trail file across pages, never listing digest or insight folders', async () => {
    serveBucket(KEYS);
    const listing = await list(`s3://${BUCKET}/`);
    expect(listing.keys).toEqual(
      KEYS.filter((key) => key.includes('/CloudTrail/')).sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(listing.problems).toEqual([]);
    expect(listedPrefixes().some((prefix) => /CloudTrail-(Digest|Insight)/.test(prefix))).toBe(false);
    expect(listedPrefixes()).toContain(`${ROOT}${A}/CloudTrail/`);
    const continued = s3
      .commandCalls(ListObjectsV2Command)
      .filter((call) => call.args[0].input.ContinuationToken);
    expect(continued.length).toBeGreaterThan(0);
  });

  it('goes straight to the accounts, regions and days asked for, and starts the first day at --since', async () => {
    serveBucket(KEYS);
    const filters = parseTrailFilters(
      { since: '2026-05-01T12:07:00Z', until: '2026-05-01T18:00:00Z', account: A, region: 'us-east-1' },
      NOW,
    );
    const listing = await list(`s3://${BUCKET}/trails/`, filters);
    expect(listing.keys).toEqual([trailKey(ROOT, A, 'us-east-1', '2026-05-01T12:10', 'Z9y8X7w6V5u4T3s2')]);
    const day = `${ROOT}${A}/CloudTrail/us-east-1/2026/05/01/`;
    expect(listedPrefixes()).toEqual([
      'trails/',
      ROOT,
      `${day} after ${day}${A}_CloudTrail_us-east-1_20260501T1207Z`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/05/02/`,
    ]);
  });

  it('lists years and months, pruning them, when --until has no --since', async () => {
    serveBucket(KEYS);
    const listing = await list(`s3://${BUCKET}/${ROOT}${A}/CloudTrail/us-east-1/`, {
      until: new Date('2026-04-30T23:59:59Z'),
    });
    expect(listing.keys).toEqual([
      trailKey(ROOT, A, 'us-east-1', '2026-04-30T23:55'),
      trailKey(ROOT, A, 'us-east-1', '2026-05-01T00:05'),
    ]);
    expect(listedPrefixes()).toEqual([
      `${ROOT}${A}/CloudTrail/us-east-1/`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/04/`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/04/30/`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/05/`,
      `${ROOT}${A}/CloudTrail/us-east-1/2026/05/01/`,
    ]);
  });

  it('walks an organization trail down to the accounts the filter names', async () => {
    const keys = [
      trailKey(ORG_ROOT, A, 'us-east-1', '2026-05-01T12:00'),
      trailKey(ORG_ROOT, B, 'us-east-1', '2026-05-01T12:00'),
      trailKey(ORG_ROOT, B, 'eu-west-1', '2026-05-01T12:00'),
    ];
    serveBucket(keys);
    const listing = await list(`s3://${BUCKET}/trails/AWSLogs/`, parseTrailFilters({ account: B }, NOW));
    expect(listing.keys).toEqual([keys[2], keys[1]]);
    expect(listedPrefixes()).not.toContain(`${ORG_ROOT}${A}/CloudTrail/`);
    expect(listedPrefixes()).toContain(`${ORG_ROOT}${B}/CloudTrail/`);
  });

  it('lists a prefix that stops inside a name flat, counting digest files it meets', async () => {
    serveBucket(KEYS);
    const listing = await list(`s3://${BUCKET}/${ROOT}${A}/CloudTrail`);
    expect(listing.keys).toHaveLength(7);
    expect(listing.keys.some((key) => key.includes('CloudTrail-Insight'))).toBe(false);
    expect(listing.digests).toEqual([`s3://${BUCKET}/${digestKey(ROOT, A, 'us-east-1', '2026-05-01')}`]);
    expect(listedPrefixes()).toEqual([`${ROOT}${A}/CloudTrail`]);
  });

  it('reports a listing that fails and goes on with the rest', async () => {
    serveBucket(KEYS);
    s3.on(ListObjectsV2Command, { Prefix: `${ROOT}${A}/CloudTrail/` }).rejects(
      awsError('AccessDenied', 403, 'Access Denied'),
    );
    const listing = await list(`s3://${BUCKET}/trails/`);
    expect(listing.problems).toEqual([
      {
        source: `s3://${BUCKET}/${ROOT}${A}/CloudTrail/`,
        reason: 'cannot list (AccessDenied: Access Denied)',
        count: 1,
      },
    ]);
    expect(listing.keys).toEqual([trailKey(ROOT, B, 'us-east-1', '2026-05-01T12:00')]);
  });

  it('lists several prefixes at a time, never more than eight, and finds every file', async () => {
    const accounts = Array.from({ length: 12 }, (_, index) => String(100000000000 + index));
    const keys = accounts.map((account) => trailKey(ORG_ROOT, account, 'us-east-1', '2026-05-01T12:00'));
    const answer = bucketListing(keys);
    let listing = 0;
    let mostAtOnce = 0;
    s3.on(ListObjectsV2Command).callsFake(async (input: ListObjectsV2CommandInput) => {
      listing++;
      mostAtOnce = Math.max(mostAtOnce, listing);
      await new Promise((resolve) => setTimeout(resolve, 5));
      listing--;
      return answer(input);
    });
    const found = await list(`s3://${BUCKET}/trails/AWSLogs/`);
    expect(found.keys).toEqual([...keys].sort());
    expect(found.problems).toEqual([]);
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(8);
  });

  it('reports an S3 URL without a bucket', async () => {
    const listing = await list('s3://');
    expect(listing.problems).toEqual([
      { source: 's3://', reason: 'not an S3 URL (expected s3://bucket/prefix)', count: 1 },
    ]);
  });
});

describe('readS3Object', () => {
  beforeEach(() => s3.reset());

  it('returns the object body as bytes, ready to parse', async () => {
    const body = gzipSync(
      JSON.stringify({ Records: [{ eventTime: 't', eventName: 'n', eventSource: 's' }] }),
    );
    // The SDK's streaming body, reduced to the one method the reader uses.
    const stream = { transformToByteArray: () => Promise.resolve(new Uint8Array(body)) };
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: 'k.json.gz' }).resolves({ Body: stream as never });
    const bytes = await readS3Object(client, BUCKET, 'k.json.gz');
    expect(parseTrailBytes(bytes, 'k').events).toEqual([
      { eventTime: 't', eventName: 'n', eventSource: 's' },
    ]);
  });

  it('rejects with the S3 error so the caller can report the object', async () => {
    s3.on(GetObjectCommand).rejects(awsError('NoSuchKey', 404, 'The specified key does not exist.'));
    await expect(readS3Object(client, BUCKET, 'gone.json.gz')).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});
