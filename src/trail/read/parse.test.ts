import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTrailBytes } from './parse.js';

const SHAPES = new URL('../../../test/fixtures/trail/shapes/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, SHAPES)));
const text = (value: string) => new TextEncoder().encode(value);

function record(index: number, overrides: Record<string, unknown> = {}) {
  return {
    eventVersion: '1.11',
    eventTime: `2026-05-01T12:${String(index % 60).padStart(2, '0')}:00Z`,
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    awsRegion: 'us-east-1',
    eventID: `event-${index}`,
    recipientAccountId: '111122223333',
    ...overrides,
  };
}

const trailFile = (count: number) =>
  JSON.stringify({ Records: Array.from({ length: count }, (_, i) => record(i)) });
const ids = (events: readonly Record<string, unknown>[]) => events.map((event) => event.eventID);

describe('parseTrailBytes', () => {
  it('reads every record of a CloudTrail log file, gzipped or not', () => {
    const plain = parseTrailBytes(text(trailFile(3)), 'a.json');
    const gzipped = parseTrailBytes(gzipSync(trailFile(3)), 'a.json.gz');
    expect(ids(plain.events)).toEqual(['event-0', 'event-1', 'event-2']);
    expect(gzipped).toEqual(plain);
    expect(plain.problems).toEqual([]);
  });

  it('reads a gzip file made of several gzip members, as concatenated deliveries are', () => {
    const bytes = Buffer.concat([gzipSync('{"Records":[' + JSON.stringify(record(1))), gzipSync(']}')]);
    expect(ids(parseTrailBytes(bytes, 'joined.json.gz').events)).toEqual(['event-1']);
  });

  it('reads every record when the size at the end of the gzip data is only the last member’s', () => {
    // The size trailer sizes the output buffer; here it says 2 bytes for ~600 KB of records.
    const records = JSON.stringify({ Records: Array.from({ length: 3000 }, (_, i) => record(i)) });
    const bytes = Buffer.concat([gzipSync(records.slice(0, -2)), gzipSync(records.slice(-2))]);
    const parsed = parseTrailBytes(bytes, 'big.json.gz');
    expect(parsed.events).toHaveLength(3000);
    expect(parsed.events.at(-1)?.eventID).toBe('event-2999');
    expect(parsed.problems).toEqual([]);
  });

  describe('a large file as CloudTrail writes it (read in pieces cut between records)', () => {
    // Records as AWS writes them: eventVersion first, no spaces; ~300 bytes each, so 2,000 make ~600 KB.
    const names = ['alice', 'José Ñúñez', '山田', 'deploy-🚀'];
    const big = Array.from({ length: 2000 }, (_, i) =>
      record(i, { userIdentity: { type: 'IAMUser', userName: names[i % names.length] } }),
    );

    it('reads exactly the records JSON.parse reads, gzipped or not, and leaves the bytes as they were', () => {
      const file = JSON.stringify({ Records: big });
      const plain = text(file);
      const copy = new Uint8Array(plain);
      for (const bytes of [plain, gzipSync(file)]) {
        const parsed = parseTrailBytes(bytes, 'big.json');
        expect(parsed.events).toEqual(big);
        expect(parsed.problems).toEqual([]);
      }
      expect(plain).toEqual(copy);
    });

    it('reads the same when a record holds what looks like the start of the next one', () => {
      // An array of objects keyed eventVersion inside requestParameters: a cut there must not split the record.
      const tricky = big.map((item, i) =>
        i % 2 === 0
          ? { ...item, requestParameters: { items: [{ a: 1 }, { eventVersion: '1.0', b: '},{"x' }] } }
          : item,
      );
      const parsed = parseTrailBytes(gzipSync(JSON.stringify({ Records: tricky })), 'tricky.json.gz');
      expect(parsed.events).toEqual(tricky);
      expect(parsed.problems).toEqual([]);
    });

    it('reports a broken record in the middle as before and keeps the others', () => {
      const file = JSON.stringify({ Records: big }).replace('"event-1000"', 'event-1000');
      const parsed = parseTrailBytes(gzipSync(file), 'broken.json.gz');
      expect(parsed.events).toHaveLength(1999);
      expect(parsed.problems).toEqual([
        { source: 'broken.json.gz', reason: 'invalid JSON record', count: 1 },
        {
          source: 'broken.json.gz',
          reason: 'invalid JSON: file cut short, records after the cut are lost',
          count: 1,
        },
      ]);
    });
  });

  it('decodes names outside ASCII exactly, gzipped or not', () => {
    const names = ['José Ñúñez', 'Zoë', '山田', 'deploy-🚀'];
    const file = JSON.stringify({
      Records: names.map((userName, i) => record(i, { userIdentity: { type: 'IAMUser', userName } })),
    });
    for (const bytes of [text(file), gzipSync(file)]) {
      const parsed = parseTrailBytes(bytes, 'names.json');
      expect(parsed.events.map((event) => (event.userIdentity as { userName: string }).userName)).toEqual(
        names,
      );
    }
  });

  it('keeps the records read before the cut of a truncated gzip and reports the file', () => {
    const whole = gzipSync(trailFile(200));
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const parsed = parseTrailBytes(cut, 'cut.json.gz');
    expect(parsed.events.length).toBeGreaterThan(0);
    expect(parsed.events.length).toBeLessThan(200);
    expect(ids(parsed.events)).toEqual(ids(parsed.events).map((_, i) => `event-${i}`));
    expect(parsed.problems).toEqual([
      {
        source: 'cut.json.gz',
        reason: 'gzip data truncated or corrupt: records after the cut are lost',
        count: 1,
      },
    ]);
  });

  it('reports a gzip cut before any whole record as a problem naming the file', () => {
    const whole = gzipSync(trailFile(50));
    const parsed = parseTrailBytes(whole.subarray(0, 12), 'tiny.json.gz');
    expect(parsed.events).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.source).toBe('tiny.json.gz');
    expect(parsed.problems[0]?.reason).toMatch(/gzip/);
  });

  it('reports corrupt gzip data without throwing', () => {
    const bytes = Buffer.from(gzipSync(trailFile(5)));
    bytes.fill(0x55, 10, 40);
    const parsed = parseTrailBytes(bytes, 'corrupt.json.gz');
    expect(parsed.events).toEqual([]);
    expect(parsed.problems.map((problem) => problem.source)).toEqual(['corrupt.json.gz']);
  });

  it('reports invalid JSON once for the file', () => {
    const parsed = parseTrailBytes(text('{"Records": nope}'), 'bad.json');
    expect(parsed.events).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ source: 'bad.json', count: 1 });
    expect(parsed.problems[0]?.reason).toMatch(/^invalid JSON/);
  });

  it('keeps the whole records of a plain CloudTrail file that was cut short', () => {
    const whole = trailFile(10);
    // The cut falls inside the eighth record, after its eventID.
    const parsed = parseTrailBytes(text(whole.slice(0, whole.indexOf('event-7') + 10)), 'short.json');
    expect(ids(parsed.events)).toEqual([
      'event-0',
      'event-1',
      'event-2',
      'event-3',
      'event-4',
      'event-5',
      'event-6',
    ]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.reason).toMatch(/cut short/);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseTrailBytes(text('\ufeff' + trailFile(1)), 'bom.json').events).toHaveLength(1);
  });

  it('reports an empty file', () => {
    expect(parseTrailBytes(text('  \n'), 'empty.json').problems).toEqual([
      { source: 'empty.json', reason: 'empty file', count: 1 },
    ]);
  });

  it('counts records missing eventName, eventTime or eventSource per file and reason, and drops them', () => {
    const parsed = parseTrailBytes(fixture('missing-fields.json'), 'missing-fields.json');
    expect(parsed.events).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { source: 'missing-fields.json', reason: 'record without eventName', count: 2 },
      { source: 'missing-fields.json', reason: 'record without eventTime', count: 1 },
      { source: 'missing-fields.json', reason: 'record without eventTime, eventSource', count: 1 },
      { source: 'missing-fields.json', reason: 'not a CloudTrail record (expected a JSON object)', count: 1 },
    ]);
  });

  it('gives one problem for a thousand bad records, not a thousand', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      eventTime: record(i).eventTime,
      eventName: 'X',
    }));
    const parsed = parseTrailBytes(text(JSON.stringify({ Records: records })), 'many.json');
    expect(parsed.problems).toEqual([
      { source: 'many.json', reason: 'record without eventSource', count: 1000 },
    ]);
  });

  it('reads a JSON array of records', () => {
    const parsed = parseTrailBytes(fixture('array.json'), 'array.json');
    expect(parsed.events.map((event) => event.eventName)).toEqual(['GetCallerIdentity', 'ListBuckets']);
    expect(parsed.problems).toEqual([]);
  });

  it('reads a single record object', () => {
    const parsed = parseTrailBytes(fixture('single.json'), 'single.json');
    expect(parsed.events.map((event) => event.eventName)).toEqual(['LeaveOrganization']);
  });

  it('reads the CloudTrail record inside an EventBridge event', () => {
    const parsed = parseTrailBytes(fixture('eventbridge.json'), 'eventbridge.json');
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      responseElements: { ConsoleLogin: 'Success' },
    });
    expect(parsed.events[0]).not.toHaveProperty('detail-type');
  });

  it('reads lookup-events output, counting a CloudTrailEvent that is not valid JSON', () => {
    const parsed = parseTrailBytes(fixture('lookup-events-cli.json'), 'lookup.json');
    expect(parsed.events.map((event) => event.eventName)).toEqual(['DeleteTrail']);
    expect(parsed.events[0]).toHaveProperty('userIdentity.userName', 'alice');
    expect(parsed.problems).toEqual([
      { source: 'lookup.json', reason: 'invalid JSON in CloudTrailEvent', count: 1 },
    ]);
  });

  it('reads CloudTrail Lake query results, one record per row, with Lake times made ISO', () => {
    const parsed = parseTrailBytes(fixture('lake-query-results.json'), 'lake.json');
    expect(parsed.events).toEqual([
      {
        eventTime: '2026-05-05T11:00:00.000Z',
        eventSource: 'kms.amazonaws.com',
        eventName: 'ScheduleKeyDeletion',
        awsRegion: 'us-east-1',
        recipientAccountId: '111122223333',
      },
      {
        eventTime: '2026-05-05T11:05:00.000Z',
        eventSource: 'kms.amazonaws.com',
        eventName: 'DisableKey',
        awsRegion: 'us-east-1',
        recipientAccountId: '111122223333',
      },
    ]);
  });

  it('reads NDJSON line by line, keeping good lines and counting bad ones', () => {
    const parsed = parseTrailBytes(fixture('records.ndjson'), 'records.ndjson');
    expect(parsed.events.map((event) => event.eventTime)).toEqual([
      '2026-05-08T00:00:00Z',
      '2026-05-08T00:00:01Z',
      '2026-05-08T00:00:02Z',
    ]);
    expect(parsed.problems).toEqual([
      { source: 'records.ndjson', reason: 'invalid JSON line', count: 2 },
      { source: 'records.ndjson', reason: 'record without eventSource', count: 1 },
    ]);
  });

  it('keeps the whole lines of a truncated gzipped NDJSON file', () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify(record(i))).join('\n');
    const whole = gzipSync(lines);
    const parsed = parseTrailBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.ndjson.gz');
    expect(parsed.events.length).toBeGreaterThan(0);
    expect(parsed.events.length).toBeLessThan(300);
    expect(parsed.problems).toEqual([
      {
        source: 'cut.ndjson.gz',
        reason: 'gzip data truncated or corrupt: records after the cut are lost',
        count: 1,
      },
    ]);
  });

  it('reports a JSON value that holds no record', () => {
    const parsed = parseTrailBytes(text('42'), 'number.json');
    expect(parsed.problems).toEqual([
      { source: 'number.json', reason: 'not a CloudTrail record (expected a JSON object)', count: 1 },
    ]);
  });
});
