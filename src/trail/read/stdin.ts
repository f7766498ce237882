import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { TrailEvent } from '../types.js';
import { parseNdjsonLine, parseTrailText, type ParsedTrail } from './parse.js';
import { ProblemTally } from './problems.js';

const SOURCE = 'stdin';
/** Events handed on at a time when streaming NDJSON: large enough to amortise, small enough to bound memory. */
export const STDIN_BATCH_EVENTS = 1_000;

/**
 * Reads records from a stream (gzip or not). NDJSON (the first line is a JSON value on its own) is read line by
 * line and handed on in batches, so memory stays bounded; any other document is read whole and parsed like a
 * file. Problems are tallied over the whole stream and come with the last batch.
 */
export async function* readStdin(stream: NodeJS.ReadableStream): AsyncIterable<ParsedTrail> {
  const problems = new ProblemTally();
  const decoder = new StringDecoder('utf8');
  let mode: 'undecided' | 'ndjson' | 'document' = 'undecided';
  let pending = '';
  let events: TrailEvent[] = [];

  const chunks = await decompressedChunks(stream, problems);
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (mode === 'undecided') mode = decideMode(pending);
    if (mode !== 'ndjson') continue;
    const lastNewline = pending.lastIndexOf('\n');
    if (lastNewline === -1) continue;
    const complete = pending.slice(0, lastNewline);
    pending = pending.slice(lastNewline + 1);
    for (const line of complete.split('\n')) {
      parseNdjsonLine(line, SOURCE, events, problems);
      if (events.length >= STDIN_BATCH_EVENTS) {
        yield { events, problems: [] };
        events = [];
      }
    }
  }
  pending += decoder.end();
  if (mode === 'ndjson') {
    for (const line of pending.split('\n')) parseNdjsonLine(line, SOURCE, events, problems);
  } else {
    parseTrailText(pending, SOURCE, events, problems);
  }
  yield { events, problems: problems.list() };
}

/** Decides once the first line is complete (or the text starts a JSON array). */
function decideMode(text: string): 'undecided' | 'ndjson' | 'document' {
  const start = /\S/.exec(text)?.index;
  if (start === undefined) return 'undecided';
  if (text[start] !== '{') return 'document';
  const newline = text.indexOf('\n', start);
  if (newline === -1) return 'undecided';
  try {
    JSON.parse(text.slice(start, newline));
    return 'ndjson';
  } catch {
    return 'document';
  }
}

/**
 * The stream's chunks, gunzipped when it starts with the gzip magic bytes. A gzip stream cut short ends early
 * with what was decompressed so far, and the cut is counted.
 */
async function decompressedChunks(
  stream: NodeJS.ReadableStream,
  problems: ProblemTally,
): Promise<AsyncIterable<Buffer | string>> {
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: (Buffer | string)[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const rest = (async function* () {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  })();
  const first = head[0];
  const gzip =
    Buffer.isBuffer(first) &&
    Buffer.concat(head as Buffer[])
      .subarray(0, 2)
      .equals(Buffer.from([0x1f, 0x8b]));
  if (!gzip) return rest;
  const gunzip = Readable.from(rest).pipe(createGunzip());
  return (async function* () {
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch {
      problems.add(SOURCE, 'gzip data truncated or corrupt: records after the cut are lost');
    }
  })();
}
