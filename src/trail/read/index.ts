/**
 * The readers of `onus trail`: where CloudTrail records come from, and how bytes become records.
 *
 * The main thread lists sources (`listTrailSources`, stdin with `readStdin`, a live account with
 * `lookupEvents`); a worker turns one source's bytes into records with `parseTrailBytes`, which is pure.
 * Shapes read: CloudTrail log files `{"Records": [...]}` (gzip or not, truncated gzip salvaged), JSON arrays,
 * single records, EventBridge events (`detail`), `lookup-events` output (`Events[].CloudTrailEvent`), CloudTrail
 * Lake `GetQueryResults` output (`QueryResultRows`), and NDJSON of any of these. Problems are counted per
 * source and reason, never thrown.
 */
export { eventAccount, eventInFilters, parseTrailFilters } from './filters.js';
export type { TrailFilterFlags, TrailFilters } from './filters.js';
export { isDigestPath, layoutInFilters, parseS3Url, parseTrailPath } from './layout.js';
export type { TrailPathLayout } from './layout.js';
export { lookupEvents } from './lookup.js';
export type { LookupEventsOptions, LookupProgress } from './lookup.js';
export { parseTrailBytes } from './parse.js';
export type { ParsedTrail } from './parse.js';
export { ProblemTally } from './problems.js';
export { readS3Object } from './s3.js';
export { listTrailSources, sourceName } from './sources.js';
export type { TrailListingDeps, TrailSource } from './sources.js';
export { readStdin, STDIN_BATCH_EVENTS } from './stdin.js';
