import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';

import { runTrail } from '../src/trail/run.js';

const ACCOUNT = '111122223333';
const BUCKET = 'org-trail-bucket';
const s3 = mockClient(S3Client);
const cloudtrail = mockClient(CloudTrailClient);

function record(index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    eventTime: `2026-11-02T10:${String(index % 60).padStart(2, '0')}:00Z`,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '10.0.0.5',
    userAgent: 'aws-cli/2.15',
    recipientAccountId: ACCOUNT,
    eventID: `evt-${String(index)}`,
    readOnly: true,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
    ...overrides,
  };
}

const rootLogin = (index: number) =>
  record(index, {
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    sourceIPAddress: '203.0.113.50',
    userIdentity: {
      type: 'Root',
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accountId: ACCOUNT,
      principalId: ACCOUNT,
    },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'Yes' },
    readOnly: false,
  });

const stopLogging = (index: number) =>
  record(index, {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    sourceIPAddress: '198.51.100.9',
    requestParameters: { name: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/main` },
    readOnly: false,
  });

/** `count` log files in the S3 layout; file 3 holds a root sign-in, file 5 a StopLogging. */
function bucket(count: number): Map<string, Uint8Array> {
  const objects = new Map<string, Uint8Array>();
  for (let file = 0; file < count; file++) {
    const records = Array.from({ length: 20 }, (_, i) => record(file * 20 + i));
    if (file === 3) records.push(rootLogin(1000));
    if (file === 5) records.push(stopLogging(1001));
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/2026/11/02/${ACCOUNT}_CloudTrail_eu-west-1_20261102T10${String(file).padStart(2, '0')}Z_f${String(file)}.json.gz`;
    objects.set(key, new Uint8Array(gzipSync(JSON.stringify({ Records: records }))));
  }
  return objects;
}

function serve(objects: Map<string, Uint8Array>, failing: ReadonlySet<string> = new Set()): void {
  s3.on(ListObjectsV2Command).callsFake((input: { Prefix?: string }) => ({
    Contents: [...objects.keys()]
      .filter((key) => key.startsWith(input.Prefix ?? ''))
      .map((key) => ({ Key: key, Size: objects.get(key)?.length ?? 0 })),
    CommonPrefixes: [],
    IsTruncated: false,
  }));
  s3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    if (failing.has(input.Key)) {
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    }
    const bytes = objects.get(input.Key) ?? new Uint8Array();
    // A copy per read: a worker takes ownership of the bytes it is sent.
    return { Body: { transformToByteArray: () => Promise.resolve(new Uint8Array(bytes)) } };
  });
}

describe('onus trail over S3', () => {
  beforeEach(() => {
    s3.reset();
  });

  it('reads the log files of s3://bucket/prefix and names each finding’s events by their S3 key', async () => {
    serve(bucket(8));
    const run = await runTrail({
      inputs: [`s3://${BUCKET}/AWSLogs/`],
      filters: {},
      s3: new S3Client({ region: 'eu-west-1' }),
      workers: 0,
    });
    expect(run.scan.files).toBe(8);
    expect(run.scan.events).toBe(162);
    const root = run.scan.findings.find((finding) => finding.detectionId === 'trail-root-console-login');
    expect(root?.events[0]?.source).toMatch(
      new RegExp(`^s3://${BUCKET}/AWSLogs/${ACCOUNT}/CloudTrail/.*_f3\\.json\\.gz$`),
    );
    expect(run.scan.findings.map((finding) => finding.detectionId)).toContain(
      'trail-cloudtrail-stopped-or-deleted',
    );
    expect(run.scan.problems).toEqual([]);
  });

  it('finds the same when the objects are shared between worker threads', async () => {
    const objects = bucket(16);
    serve(objects);
    const client = new S3Client({ region: 'eu-west-1' });
    const single = await runTrail({
      inputs: [`s3://${BUCKET}/AWSLogs/`],
      filters: {},
      s3: client,
      workers: 0,
    });
    const threads = await runTrail({
      inputs: [`s3://${BUCKET}/AWSLogs/`],
      filters: {},
      s3: client,
      workers: 2,
    });
    expect(threads.scan.events).toBe(single.scan.events);
    expect(threads.scan.findings).toEqual(single.scan.findings);
    expect(threads.scan.findings.length).toBeGreaterThanOrEqual(2);
  });

  it('reads objects while the listing goes on, several at a time', async () => {
    const objects = bucket(16);
    const keys = [...objects.keys()];
    const log: string[] = [];
    let firstRead: () => void = () => undefined;
    const read = new Promise<void>((resolve) => {
      firstRead = resolve;
    });
    let reading = 0;
    let mostAtOnce = 0;
    s3.on(ListObjectsV2Command).callsFake(async (input: { ContinuationToken?: string }) => {
      const second = input.ContinuationToken === 'page-2';
      // The second page comes once an object of the first was asked for (or after 3 s): a listing that must
      // end before anything is read would wait the 3 s, and list everything before its first read.
      if (second) await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 3000))]);
      log.push(second ? 'second page listed' : 'first page listed');
      const page = second ? keys.slice(8) : keys.slice(0, 8);
      return {
        Contents: page.map((key) => ({ Key: key, Size: objects.get(key)?.length ?? 0 })),
        IsTruncated: !second,
        ...(second ? {} : { NextContinuationToken: 'page-2' }),
      };
    });
    s3.on(GetObjectCommand).callsFake(async (input: { Key: string }) => {
      log.push('object read');
      firstRead();
      reading++;
      mostAtOnce = Math.max(mostAtOnce, reading);
      await new Promise((resolve) => setTimeout(resolve, 20));
      reading--;
      const bytes = objects.get(input.Key) ?? new Uint8Array();
      return { Body: { transformToByteArray: () => Promise.resolve(new Uint8Array(bytes)) } };
    });
    const run = await runTrail({
      inputs: [`s3://${BUCKET}/AWSLogs/`],
      filters: {},
      s3: new S3Client({ region: 'eu-west-1' }),
      workers: 0,
    });
    expect(run.scan.files).toBe(16);
    expect(log.indexOf('object read')).toBeLessThan(log.indexOf('second page listed'));
    // Fetched ahead: 16 objects of 20 ms each are not read one after the other.
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(run.scan.findings.map((finding) => finding.detectionId)).toContain('trail-root-console-login');
  });

  it('reports an object it may not read, by its s3:// name, and reads the others', async () => {
    const objects = bucket(8);
    const denied = [...objects.keys()][3] ?? '';
    serve(objects, new Set([denied]));
    const run = await runTrail({
      inputs: [`s3://${BUCKET}/AWSLogs/`],
      filters: {},
      s3: new S3Client({ region: 'eu-west-1' }),
      workers: 0,
    });
    expect(run.scan.problems).toEqual([
      { source: `s3://${BUCKET}/${denied}`, reason: expect.stringMatching(/AccessDenied/), count: 1 },
    ]);
    // The root sign-in was in the denied file; the StopLogging in another one is still found.
    const ids = run.scan.findings.map((finding) => finding.detectionId);
    expect(ids).not.toContain('trail-root-console-login');
    expect(ids).toContain('trail-cloudtrail-stopped-or-deleted');
  });
});

describe('onus trail over a live account (LookupEvents)', () => {
  beforeEach(() => {
    cloudtrail.reset();
  });

  it('reads each region, and a region it may not read is a problem while the others are read', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(async (_input, getClient: () => CloudTrailClient) => {
      const region = await getClient().config.region();
      if (region === 'ap-south-1')
        throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
      return {
        Events: [rootLogin(1), record(2)].map((event) => ({
          EventId: String(event.eventID),
          CloudTrailEvent: JSON.stringify({ ...event, awsRegion: region }),
        })),
      };
    });
    const run = await runTrail({
      inputs: [],
      filters: {},
      lookup: {
        regions: ['ap-south-1', 'eu-west-1'],
        client: (region) => new CloudTrailClient({ region, maxAttempts: 1 }),
      },
      now: () => new Date('2026-11-10T00:00:00Z'),
    });
    expect(run.scan.events).toBe(2);
    expect(
      run.scan.findings.find((finding) => finding.detectionId === 'trail-root-console-login')?.events[0],
    ).toMatchObject({
      source: 'lookup-events eu-west-1',
      awsRegion: 'eu-west-1',
    });
    expect(run.scan.problems).toEqual([
      expect.objectContaining({
        source: 'lookup-events ap-south-1',
        reason: expect.stringMatching(/AccessDenied/),
      }),
    ]);
    // Asked for the last 90 days (LookupEvents keeps no more).
    const start = cloudtrail.commandCalls(LookupEventsCommand)[0]?.args[0].input.StartTime;
    expect(start?.toISOString()).toBe('2026-08-12T00:00:00.000Z');
  });
});
