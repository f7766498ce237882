import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrailProblem } from '../types.js';
import { parseTrailFilters, type TrailFilters } from './filters.js';
import { listTrailSources, sourceName, type TrailSource } from './sources.js';

const LAYOUT = fileURLToPath(new URL('../../../test/fixtures/trail/layout/', import.meta.url));
const NOW = new Date('2026-05-10T12:00:00Z');

interface Listing {
  files: string[];
  sources: TrailSource[];
  problems: TrailProblem[];
  digests: string[];
}

async function list(inputs: string[], filters: TrailFilters = {}, root = LAYOUT): Promise<Listing> {
  const problems: TrailProblem[] = [];
  const digests: string[] = [];
  const sources: TrailSource[] = [];
  const deps = {
    now: () => NOW,
    onProblem: (problem: TrailProblem) => problems.push(problem),
    onDigestSkipped: (location: string) => digests.push(relative(root, location)),
  };
  for await (const source of listTrailSources(inputs, filters, deps)) sources.push(source);
  const files = sources.flatMap((source) => (source.kind === 'file' ? [relative(root, source.path)] : []));
  return { files, sources, problems, digests };
}

const US_EAST = 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/05/01';
const EU_WEST = 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/05/02';
const ORG = 'AWSLogs/o-aa11bb22cc/444455556666/CloudTrail/us-east-1/2026/05/01';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) {
    chmodSync(scratch, 0o755);
    rmSync(scratch, { recursive: true, force: true });
  }
  scratch = undefined;
});

describe('listTrailSources on local paths', () => {
  it('walks a CloudTrail tree, organization trails included, skipping and counting digest files', async () => {
    const listing = await list([LAYOUT]);
    expect(listing.files).toEqual([
      `${EU_WEST}/111122223333_CloudTrail_eu-west-1_20260502T0810Z_Z9y8X7w6V5u4T3s2.json`,
      `${US_EAST}/111122223333_CloudTrail_us-east-1_20260501T1205Z_a1B2c3D4e5F6g7H8.json`,
      `${ORG}/444455556666_CloudTrail_us-east-1_20260501T2355Z_q1W2e3R4t5Y6u7I8.json`,
    ]);
    expect(listing.digests).toEqual([
      'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/05/01/111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20260501T130000Z.json',
    ]);
    expect(listing.problems).toEqual([]);
    expect(listing.sources.every((source) => source.kind === 'file')).toBe(true);
  });

  it('reads only the accounts, regions and days the filters allow', async () => {
    const byAccount = await list([LAYOUT], parseTrailFilters({ account: '444455556666' }, NOW));
    expect(byAccount.files).toEqual([expect.stringContaining(ORG)]);
    const byRegion = await list([LAYOUT], parseTrailFilters({ region: 'eu-west-1' }, NOW));
    expect(byRegion.files).toEqual([expect.stringContaining(EU_WEST)]);
    const byDay = await list([LAYOUT], parseTrailFilters({ since: '2026-05-02' }, NOW));
    expect(byDay.files).toEqual([expect.stringContaining(EU_WEST)]);
  });

  it('skips a file delivered before --since by the time in its name', async () => {
    const listing = await list([LAYOUT], parseTrailFilters({ since: '2026-05-01T13:00:00Z' }, NOW));
    expect(listing.files).toEqual([expect.stringContaining(EU_WEST), expect.stringContaining(ORG)]);
  });

  it('reads a file named on the command line whatever its extension, but not a digest file', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'onus-trail-'));
    const named = join(scratch, 'export.txt');
    const digest = join(
      scratch,
      '111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20260501T130000Z.json.gz',
    );
    writeFileSync(named, '{}');
    writeFileSync(digest, '{}');
    const listing = await list([named, digest], {}, scratch);
    expect(listing.files).toEqual(['export.txt']);
    expect(listing.digests).toEqual([relative(scratch, digest)]);
  });

  it('picks up every trail extension in a plain directory and ignores other files', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'onus-trail-'));
    mkdirSync(join(scratch, 'nested'));
    for (const name of ['a.json', 'b.json.gz', 'c.jsonl', 'd.ndjson', 'nested/e.gz', 'notes.txt', 'f.csv']) {
      writeFileSync(join(scratch, name), '{}');
    }
    const listing = await list([scratch], {}, scratch);
    expect(listing.files).toEqual(['a.json', 'b.json.gz', 'c.jsonl', 'd.ndjson', 'nested/e.gz']);
  });

  it('reports a missing input and goes on with the others', async () => {
    const listing = await list(['/nonexistent/onus-trail', LAYOUT]);
    expect(listing.problems).toEqual([
      { source: '/nonexistent/onus-trail', reason: 'cannot read (no such file or directory)', count: 1 },
    ]);
    expect(listing.files).toHaveLength(3);
  });

  it('reports a file that disappeared (a dangling link) and goes on', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'onus-trail-'));
    writeFileSync(join(scratch, 'ok.json'), '{}');
    symlinkSync(join(scratch, 'gone.json'), join(scratch, 'link.json'));
    const listing = await list([scratch], {}, scratch);
    expect(listing.files).toEqual(['ok.json']);
    expect(listing.problems).toEqual([
      { source: join(scratch, 'link.json'), reason: 'cannot read (no such file or directory)', count: 1 },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a directory it may not read and goes on', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'onus-trail-'));
    writeFileSync(join(scratch, 'ok.json'), '{}');
    const locked = join(scratch, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    const listing = await list([scratch], {}, scratch);
    chmodSync(locked, 0o755);
    expect(listing.files).toEqual(['ok.json']);
    expect(listing.problems).toEqual([
      { source: locked, reason: 'cannot read directory (permission denied)', count: 1 },
    ]);
  });

  it('turns - into stdin, and reports s3:// when no S3 client was given', async () => {
    const listing = await list(['-', 's3://audit-logs/AWSLogs/']);
    expect(listing.sources).toEqual([{ kind: 'stdin' }]);
    expect(listing.problems).toEqual([
      { source: 's3://audit-logs/AWSLogs/', reason: 'no S3 client to list it with', count: 1 },
    ]);
  });
});

describe('sourceName', () => {
  it('names each kind of source as problems and evidence show it', () => {
    expect(sourceName({ kind: 'file', path: 'logs/a.json.gz' })).toBe('logs/a.json.gz');
    expect(sourceName({ kind: 's3', bucket: 'audit-logs', key: 'AWSLogs/x.json.gz', size: 1 })).toBe(
      's3://audit-logs/AWSLogs/x.json.gz',
    );
    expect(sourceName({ kind: 'stdin' })).toBe('stdin');
  });
});
