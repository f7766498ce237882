import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../../testing/aws.js';
import type { TrailEvent, TrailProblem } from '../types.js';
import { lookupEvents, type LookupProgress } from './lookup.js';

const cloudtrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({ region: 'eu-west-1' });

const result = (index: number) => ({
  EventId: `event-${index}`,
  EventName: 'ConsoleLogin',
  CloudTrailEvent: JSON.stringify({
    eventTime: `2026-05-01T00:00:${String(index).padStart(2, '0')}Z`,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventID: `event-${index}`,
    awsRegion: 'eu-west-1',
  }),
});

/** A clock that moves only when the reader sleeps, so pacing shows up as sleeps and no real time passes. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

async function readAll(options: Partial<Parameters<typeof lookupEvents>[1]> = {}) {
  const time = fakeTime();
  const problems: TrailProblem[] = [];
  const progress: LookupProgress[] = [];
  const pages: TrailEvent[][] = [];
  const reading = lookupEvents(
    client,
    {
      region: 'eu-west-1',
      clock: time.clock,
      sleep: time.sleep,
      onProblem: (p) => problems.push(p),
      ...options,
    },
    (update) => progress.push(update),
  );
  for await (const page of reading) pages.push(page);
  return { pages, problems, progress, sleeps: time.sleeps };
}

describe('lookupEvents', () => {
  beforeEach(() => cloudtrail.reset());

  it('follows NextToken through every page, asking for the given time range', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [result(1), result(2)], NextToken: 'page-2' })
      .resolvesOnce({ Events: [result(3)] });
    const since = new Date('2026-04-01T00:00:00Z');
    const until = new Date('2026-05-01T00:00:00Z');
    const read = await readAll({ since, until });
    expect(read.pages.map((page) => page.map((event) => event.eventID))).toEqual([
      ['event-1', 'event-2'],
      ['event-3'],
    ]);
    const inputs = cloudtrail.commandCalls(LookupEventsCommand).map((call) => call.args[0].input);
    expect(inputs).toEqual([
      { StartTime: since, EndTime: until, MaxResults: 50, NextToken: undefined },
      { StartTime: since, EndTime: until, MaxResults: 50, NextToken: 'page-2' },
    ]);
    expect(read.progress).toEqual([
      { region: 'eu-west-1', pages: 1, events: 2 },
      { region: 'eu-west-1', pages: 2, events: 3 },
    ]);
  });

  it('spaces its calls to stay within 2 requests per second', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [result(1)], NextToken: 'a' })
      .resolvesOnce({ Events: [result(2)], NextToken: 'b' })
      .resolvesOnce({ Events: [result(3)] });
    const read = await readAll();
    expect(read.pages.flat()).toHaveLength(3);
    // The fake clock stands still between calls, so each later call waits the whole interval.
    expect(read.sleeps).toEqual([500, 500]);
  });

  it('retries a throttled call with growing backoff and loses nothing', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .rejectsOnce(awsError('ThrottlingException', 400, 'Rate exceeded'))
      .rejectsOnce(awsError('ThrottlingException', 400, 'Rate exceeded'))
      .resolvesOnce({ Events: [result(1)] });
    const read = await readAll();
    expect(read.pages.flat().map((event) => event.eventID)).toEqual(['event-1']);
    expect(read.sleeps.filter((ms) => ms >= 1_000)).toEqual([1_000, 2_000]);
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(3);
  });

  it('gives up after repeated throttling and rethrows, and other errors at once', async () => {
    cloudtrail.on(LookupEventsCommand).rejects(awsError('ThrottlingException', 400, 'Rate exceeded'));
    await expect(readAll()).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(6);
    cloudtrail.reset();
    cloudtrail.on(LookupEventsCommand).rejects(awsError('AccessDeniedException', 400));
    await expect(readAll()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(1);
  });

  it('counts events whose CloudTrailEvent is not valid JSON or lacks fields, once per reason', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({
        Events: [result(1), { EventId: 'x', CloudTrailEvent: '{"eventName": ' }, { EventId: 'y' }],
        NextToken: 'n',
      })
      .resolvesOnce({
        Events: [
          { EventId: 'z', CloudTrailEvent: 'nope' },
          {
            EventId: 'w',
            CloudTrailEvent: JSON.stringify({ eventName: 'X', eventSource: 'iam.amazonaws.com' }),
          },
        ],
      });
    const read = await readAll();
    expect(read.pages.flat().map((event) => event.eventID)).toEqual(['event-1']);
    expect(read.problems).toEqual([
      { source: 'lookup-events eu-west-1', reason: 'invalid JSON in CloudTrailEvent', count: 2 },
      { source: 'lookup-events eu-west-1', reason: 'LookupEvents result without CloudTrailEvent', count: 1 },
      { source: 'lookup-events eu-west-1', reason: 'record without eventTime', count: 1 },
    ]);
  });
});
