import { isAscii } from 'node:buffer';
import { constants, gunzipSync } from 'node:zlib';
import type { TrailEvent, TrailProblem } from '../types.js';
import { ProblemTally } from './problems.js';

/** What one file (or one chunk of a stream) held: the usable records, and what could not be read. */
export interface ParsedTrail {
  events: TrailEvent[];
  problems: TrailProblem[];
}

const REQUIRED_FIELDS = ['eventTime', 'eventName', 'eventSource'] as const;

/**
 * Reads CloudTrail records from a file's bytes, whatever shape they came in:
 * - a CloudTrail log file `{"Records": [...]}` (plain or gzip; a truncated gzip keeps the records before the cut);
 * - a JSON array of records, or one record object;
 * - an EventBridge event (`detail-type` + `detail`, e.g. "AWS API Call via CloudTrail");
 * - `aws cloudtrail lookup-events` output `{"Events": [{"CloudTrailEvent": "<record JSON>"}]}`;
 * - CloudTrail Lake `GetQueryResults` output `{"QueryResultRows": [[{"column": "value"}, ...]]}`, one row per record;
 * - NDJSON: one of the above per line; bad lines are counted, good ones kept.
 * Records without eventTime, eventName or eventSource are counted and dropped.
 */
export function parseTrailBytes(bytes: Uint8Array, source: string): ParsedTrail {
  const problems = new ProblemTally();
  const events: TrailEvent[] = [];
  let data: Uint8Array = bytes;
  let truncated = false;
  if (isGzip(bytes)) {
    const unzipped = gunzipTolerant(bytes);
    if (unzipped === null) {
      problems.add(source, 'not readable as gzip (corrupt data)');
      return { events, problems: problems.list() };
    }
    data = unzipped.data;
    truncated = unzipped.truncated;
  }
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // ASCII (what CloudTrail writes, bar the odd name) decodes the same as Latin-1, which skips UTF-8's checks.
  const ascii = isAscii(buffer);
  if (!truncated) {
    const records = parseInPieces(buffer, ascii);
    if (records !== null) {
      for (const record of records) acceptRecord(record, source, events, problems);
      return { events, problems: problems.list() };
    }
  }
  const text = ascii ? buffer.toString('latin1') : buffer.toString('utf8');
  if (truncated) {
    const kept = salvageTruncated(text, source, events, problems);
    problems.add(
      source,
      kept > 0
        ? 'gzip data truncated or corrupt: records after the cut are lost'
        : 'gzip data truncated or corrupt: no record readable',
    );
    return { events, problems: problems.list() };
  }
  parseTrailText(text, source, events, problems);
  return { events, problems: problems.list() };
}

const RECORDS_OPENING = Buffer.from('{"Records":[');
/** Between two records as CloudTrail writes them; never inside a string (its quotes would be escaped). */
const RECORD_SEPARATOR = Buffer.from('},{"eventVersion":');
/**
 * Pieces of about this size: V8 gives a string over 128 KiB pages of its own, fresh from the system (several
 * times the cost of copying its bytes), while smaller ones come from the young generation's free space.
 */
const PIECE_BYTES = 32 * 1024;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * The records of a CloudTrail log file as AWS writes it (`{"Records":[{"eventVersion":...},{...}]}` with no
 * spaces), parsed in pieces of about 32 KiB cut between two records, each read as a JSON array of its own.
 * The same records as JSON.parse of the whole text: a cut can only fall between two records of the array (a cut
 * inside a record leaves a piece with an unclosed brace, which does not parse). Null when the text does not
 * have that shape, is small, or a piece does not parse: the caller then parses the whole text as before.
 * The buffer is written to while a piece is decoded (its cut bytes become brackets) and restored at once.
 */
function parseInPieces(buffer: Buffer, ascii: boolean): unknown[] | null {
  let end = buffer.length;
  while (end > 0 && isSpaceByte(buffer[end - 1] ?? 0)) end--;
  if (end < 2 * PIECE_BYTES || buffer[end - 1] !== CLOSE_BRACE || buffer[end - 2] !== CLOSE_BRACKET)
    return null;
  if (buffer.compare(RECORDS_OPENING, 0, RECORDS_OPENING.length, 0, RECORDS_OPENING.length) !== 0)
    return null;
  const last = end - 2;
  const records: unknown[] = [];
  let open = RECORDS_OPENING.length - 1;
  while (open < last) {
    const separator =
      last - open > 2 * PIECE_BYTES ? buffer.indexOf(RECORD_SEPARATOR, open + PIECE_BYTES) : -1;
    // The piece runs from `open` to `close`: the comma after a record's brace, or the array's own bracket.
    const close = separator === -1 || separator + 1 >= last ? last : separator + 1;
    const before = buffer[open] ?? 0;
    const after = buffer[close] ?? 0;
    buffer[open] = OPEN_BRACKET;
    buffer[close] = CLOSE_BRACKET;
    const text = buffer.toString(ascii ? 'latin1' : 'utf8', open, close + 1);
    buffer[open] = before;
    buffer[close] = after;
    let piece: unknown;
    try {
      piece = JSON.parse(text);
    } catch {
      return null;
    }
    if (!Array.isArray(piece)) return null;
    for (const record of piece as unknown[]) records.push(record);
    open = close;
  }
  return records;
}

function isSpaceByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;
/** Deflate cannot expand data more than about 1032 to 1: a larger claimed size is not believed. */
const MAX_RATIO = 1032;

/**
 * A gzip file ends with its uncompressed size (modulo 4 GiB): inflating into one buffer of that size saves
 * gathering 16 KiB chunks and copying them into one (a third of gunzip's time on CloudTrail files). A size
 * that is wrong (several gzip members, a cut file) only means more chunks.
 */
function outputChunkSize(bytes: Uint8Array): number {
  const end = bytes.length;
  const size =
    ((bytes[end - 4] ?? 0) | ((bytes[end - 3] ?? 0) << 8) | ((bytes[end - 2] ?? 0) << 16)) +
    (bytes[end - 1] ?? 0) * 0x1000000;
  // One byte more than the data: zlib then sees the end of the stream before the buffer is full.
  return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, end * MAX_RATIO, size + 1));
}

/** Gunzips; on a cut-off file returns what was decompressed before the cut rather than nothing. */
function gunzipTolerant(bytes: Uint8Array): { data: Uint8Array; truncated: boolean } | null {
  try {
    return { data: gunzipSync(bytes, { chunkSize: outputChunkSize(bytes) }), truncated: false };
  } catch {
    try {
      // SYNC_FLUSH hands back the output so far instead of failing at the missing end of the stream.
      return { data: gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }), truncated: true };
    } catch {
      return null;
    }
  }
}

/** Parses decompressed text into `events`, counting problems: the shape is decided by the text itself. */
export function parseTrailText(
  text: string,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): void {
  const start = firstNonSpace(text);
  if (start === -1) {
    problems.add(source, 'empty file');
    return;
  }
  let document: unknown;
  try {
    // The common case (a whole CloudTrail file) is one JSON.parse of the whole text.
    document = JSON.parse(text);
  } catch (error) {
    if (looksLikeNdjson(text, start)) {
      parseNdjson(text, source, events, problems);
    } else if (salvageRecords(text, source, events, problems) > 0) {
      problems.add(source, 'invalid JSON: file cut short, records after the cut are lost');
    } else {
      problems.add(source, `invalid JSON (${(error as Error).message})`);
    }
    return;
  }
  collectRecords(document, source, events, problems);
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : -1;
}

/** More than one line, and the first line is a JSON value on its own. */
function looksLikeNdjson(text: string, start: number): boolean {
  const newline = text.indexOf('\n', start);
  if (newline === -1 || firstNonSpace(text.slice(newline)) === -1) return false;
  try {
    JSON.parse(text.slice(start, newline));
    return true;
  } catch {
    return false;
  }
}

function parseNdjson(text: string, source: string, events: TrailEvent[], problems: ProblemTally): void {
  for (const line of text.split('\n')) parseNdjsonLine(line, source, events, problems);
}

/** One NDJSON line: blank lines are skipped, bad ones counted. */
export function parseNdjsonLine(
  line: string,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): void {
  const trimmed = line.trim();
  if (trimmed === '') return;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    problems.add(source, 'invalid JSON line');
    return;
  }
  collectRecords(value, source, events, problems);
}

/** Finds the records in one parsed JSON value, whichever known shape it has. */
export function collectRecords(
  value: unknown,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): void {
  if (Array.isArray(value)) {
    for (const item of value) acceptRecord(item, source, events, problems);
    return;
  }
  if (!isObject(value)) {
    problems.add(source, 'not a CloudTrail record (expected a JSON object)');
    return;
  }
  const records = value.Records;
  if (Array.isArray(records)) {
    for (const item of records) acceptRecord(item, source, events, problems);
    return;
  }
  if (typeof value['detail-type'] === 'string' && isObject(value.detail)) {
    acceptRecord(value.detail, source, events, problems);
    return;
  }
  const lookupResults = value.Events;
  if (Array.isArray(lookupResults)) {
    for (const item of lookupResults) acceptLookupResult(item, source, events, problems);
    return;
  }
  const rows = value.QueryResultRows;
  if (Array.isArray(rows)) {
    for (const row of rows) acceptRecord(mergeQueryRow(row), source, events, problems);
    return;
  }
  if (typeof value.CloudTrailEvent === 'string') {
    acceptLookupResult(value, source, events, problems);
    return;
  }
  acceptRecord(value, source, events, problems);
}

/** One LookupEvents result: the record is the JSON text in `CloudTrailEvent`. */
export function acceptLookupResult(
  item: unknown,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): void {
  const text = isObject(item) ? item.CloudTrailEvent : undefined;
  if (typeof text !== 'string') {
    problems.add(source, 'LookupEvents result without CloudTrailEvent');
    return;
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    problems.add(source, 'invalid JSON in CloudTrailEvent');
    return;
  }
  acceptRecord(record, source, events, problems);
}

const LAKE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/**
 * A Lake result row is a list of one-column maps: `[{"eventName": "X"}, {"eventTime": "..."}]`. Lake writes
 * times as `2026-05-05 11:00:00.000` in UTC; they become ISO times, as in a CloudTrail file.
 */
function mergeQueryRow(row: unknown): unknown {
  if (!Array.isArray(row)) return row;
  const record: Record<string, unknown> = {};
  for (const column of row) if (isObject(column)) Object.assign(record, column);
  const lakeTime = typeof record.eventTime === 'string' ? LAKE_TIME.exec(record.eventTime) : null;
  if (lakeTime) record.eventTime = `${lakeTime[1] ?? ''}T${lakeTime[2] ?? ''}Z`;
  return record;
}

/** Keeps a record that has the fields every detection relies on; counts it by the field it lacks otherwise. */
export function acceptRecord(
  item: unknown,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): void {
  if (!isObject(item)) {
    problems.add(source, 'not a CloudTrail record (expected a JSON object)');
    return;
  }
  if (
    typeof item.eventTime === 'string' &&
    typeof item.eventName === 'string' &&
    typeof item.eventSource === 'string'
  ) {
    events.push(item);
    return;
  }
  const missing = REQUIRED_FIELDS.filter((field) => typeof item[field] !== 'string');
  problems.add(source, `record without ${missing.join(', ')}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a cut-off gzip held: whole records of a CloudTrail file, or whole lines of NDJSON. */
function salvageTruncated(
  text: string,
  source: string,
  events: TrailEvent[],
  problems: ProblemTally,
): number {
  const start = firstNonSpace(text);
  if (start !== -1 && looksLikeNdjson(text, start)) {
    // Every whole line counts; the last one may be cut, so it is not read.
    const before = events.length;
    parseNdjson(text.slice(0, text.lastIndexOf('\n')), source, events, problems);
    return events.length - before;
  }
  return salvageRecords(text, source, events, problems);
}

/**
 * Reads the complete records of a cut-off `{"Records": [...` text: each whole `{...}` in the array is kept,
 * the partial one at the end is not. Returns how many records were found (kept or counted as problems).
 */
function salvageRecords(text: string, source: string, events: TrailEvent[], problems: ProblemTally): number {
  const arrayStart = /^\s*\{\s*"Records"\s*:\s*\[/.exec(text);
  if (!arrayStart) return 0;
  let found = 0;
  let depth = 0;
  let inString = false;
  let objectStart = -1;
  for (let index = arrayStart[0].length; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b) {
      if (depth === 0) objectStart = index;
      depth++;
    } else if (char === 0x7d) {
      depth--;
      if (depth === 0 && objectStart !== -1) {
        found++;
        try {
          acceptRecord(JSON.parse(text.slice(objectStart, index + 1)), source, events, problems);
        } catch {
          problems.add(source, 'invalid JSON record');
        }
        objectStart = -1;
      }
    } else if (char === 0x5d && depth === 0) break;
  }
  return found;
}
