import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TrailEvent, TrailProblem } from '../types.js';
import { readStdin, STDIN_BATCH_EVENTS } from './stdin.js';

const record = (index: number) => ({
  eventTime: `2026-05-01T00:00:${String(index % 60).padStart(2, '0')}Z`,
  eventSource: 'iam.amazonaws.com',
  eventName: 'ListUsers',
  eventID: `event-${index}`,
});

async function readAll(stream: NodeJS.ReadableStream) {
  const batches: number[] = [];
  const events: TrailEvent[] = [];
  const problems: TrailProblem[] = [];
  for await (const batch of readStdin(stream)) {
    batches.push(batch.events.length);
    events.push(...batch.events);
    problems.push(...batch.problems);
  }
  return { batches, events, problems };
}

/** Splits text into small chunks at awkward places, as a pipe would deliver it. */
function chunked(data: Buffer | string, size = 7): Readable {
  const bytes = Buffer.from(data);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks);
}

describe('readStdin', () => {
  it('streams NDJSON line by line across chunk boundaries, keeping good lines and counting bad ones', async () => {
    const lines = [
      JSON.stringify(record(1)),
      'not json',
      JSON.stringify({ ...record(2), eventName: 'Ünïcödé' }),
      '',
      JSON.stringify({ eventTime: 'x', eventName: 'y' }),
      '{"cut": ',
      JSON.stringify(record(3)),
    ];
    const result = await readAll(chunked(lines.join('\n')));
    expect(result.events.map((event) => event.eventID)).toEqual(['event-1', 'event-2', 'event-3']);
    expect(result.events[1]?.eventName).toBe('Ünïcödé');
    expect(result.problems).toEqual([
      { source: 'stdin', reason: 'invalid JSON line', count: 2 },
      { source: 'stdin', reason: 'record without eventSource', count: 1 },
    ]);
  });

  it('hands NDJSON on in bounded batches, with the problems tallied once at the end', async () => {
    const total = STDIN_BATCH_EVENTS * 2 + 5;
    const lines = Array.from({ length: total }, (_, i) => JSON.stringify(record(i)));
    lines.splice(10, 0, 'bad');
    lines.splice(STDIN_BATCH_EVENTS + 500, 0, 'bad');
    const stream = new PassThrough();
    const reading = readAll(stream);
    for (const line of lines) stream.write(`${line}\n`);
    stream.end();
    const result = await reading;
    expect(result.events).toHaveLength(total);
    expect(Math.max(...result.batches)).toBeLessThanOrEqual(STDIN_BATCH_EVENTS);
    expect(result.batches.length).toBeGreaterThanOrEqual(3);
    expect(result.problems).toEqual([{ source: 'stdin', reason: 'invalid JSON line', count: 2 }]);
  });

  it('reads a pretty-printed CloudTrail document whole', async () => {
    const document = JSON.stringify({ Records: [record(1), record(2)] }, null, 2);
    const result = await readAll(chunked(document));
    expect(result.events.map((event) => event.eventID)).toEqual(['event-1', 'event-2']);
    expect(result.problems).toEqual([]);
  });

  it('reads a JSON array and an EventBridge event', async () => {
    const array = await readAll(chunked(JSON.stringify([record(1), record(2)])));
    expect(array.events).toHaveLength(2);
    const envelope = { 'detail-type': 'AWS API Call via CloudTrail', detail: record(4) };
    const bridge = await readAll(chunked(JSON.stringify(envelope, null, 2)));
    expect(bridge.events.map((event) => event.eventID)).toEqual(['event-4']);
  });

  it('gunzips a gzipped stream', async () => {
    const lines = [record(1), record(2)].map((item) => JSON.stringify(item)).join('\n');
    const result = await readAll(chunked(gzipSync(lines), 3));
    expect(result.events.map((event) => event.eventID)).toEqual(['event-1', 'event-2']);
  });

  it('keeps what a cut-off gzip stream held before the cut, and reports the cut', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i))).join('\n');
    const whole = gzipSync(lines);
    const result = await readAll(chunked(whole.subarray(0, Math.floor(whole.length / 2)), 512));
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.events.length).toBeLessThan(400);
    expect(result.problems.map((problem) => problem.reason)).toContain(
      'gzip data truncated or corrupt: records after the cut are lost',
    );
  });

  it('reports invalid JSON and an empty stream', async () => {
    const invalid = await readAll(chunked('{\n "Records": oops\n}'));
    expect(invalid.events).toEqual([]);
    expect(invalid.problems).toHaveLength(1);
    expect(invalid.problems[0]?.reason).toMatch(/^invalid JSON/);
    const empty = await readAll(Readable.from([]));
    expect(empty.problems).toEqual([{ source: 'stdin', reason: 'empty file', count: 1 }]);
  });
});
