import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { TrailProblem } from '../types.js';
import type { TrailFilters } from './filters.js';
import { isDigestPath, isTrailFileName, layoutInFilters, parseTrailPath } from './layout.js';
import { describeError } from './errors.js';

/** One unit of input: a worker reads and parses it whole (stdin is read in the main thread). */
export type TrailSource =
  | { kind: 'file'; path: string }
  | { kind: 's3'; bucket: string; key: string; size: number }
  | { kind: 'stdin' };

export interface TrailListingDeps {
  /** Needed only when an input is `s3://...`. */
  s3?: S3Client;
  /** For `--since` without `--until`: the last day worth listing. */
  now?: () => Date;
  /** An input, directory or listing that could not be read; the listing goes on without it. */
  onProblem?: (problem: TrailProblem) => void;
  /** A CloudTrail digest file met and skipped (it holds hashes, not events). */
  onDigestSkipped?: (location: string) => void;
}

/** How a source is named in problems and evidence: its path, its `s3://` URL, or `stdin`. */
export function sourceName(source: TrailSource): string {
  if (source.kind === 'file') return source.path;
  if (source.kind === 's3') return `s3://${source.bucket}/${source.key}`;
  return 'stdin';
}

/**
 * Every source the inputs name, in order: `-` is stdin, `s3://bucket/prefix` is listed, a file is itself and a
 * directory is walked for `.json`, `.json.gz`, `.jsonl`, `.ndjson` and `.gz` files. Paths in the CloudTrail
 * layout outside the filters are not read, nor are Insights files. Problems and digest files go to `deps`;
 * nothing here throws.
 */
export async function* listTrailSources(
  inputs: string[],
  filters: TrailFilters,
  deps: TrailListingDeps = {},
): AsyncIterable<TrailSource> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
    } else if (input.startsWith('s3://')) {
      // The S3 reader (and the SDK) is loaded only for s3:// inputs: it is heavy, and workers never need it.
      if (deps.s3) yield* (await import('./s3.js')).listS3TrailSources(deps.s3, input, filters, deps);
      else deps.onProblem?.({ source: input, reason: 'no S3 client to list it with', count: 1 });
    } else {
      yield* listLocal(input, filters, deps);
    }
  }
}

async function* listLocal(
  input: string,
  filters: TrailFilters,
  deps: TrailListingDeps,
): AsyncIterable<TrailSource> {
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    deps.onProblem?.({ source: input, reason: `cannot read (${describeFsError(error)})`, count: 1 });
    return;
  }
  if (info.isDirectory()) {
    yield* walkDirectory(input, filters, deps);
  } else if (isDigestPath(input)) {
    deps.onDigestSkipped?.(input);
  } else {
    yield { kind: 'file', path: input };
  }
}

/** Depth first, names in order; one generator for the whole tree (a nested one per level costs a hop each). */
async function* walkDirectory(
  root: string,
  filters: TrailFilters,
  deps: TrailListingDeps,
): AsyncIterable<TrailSource> {
  const stack: { directory: string; entries: Dirent[]; next: number }[] = [];
  const enter = async (directory: string): Promise<void> => {
    try {
      const entries = await readdir(directory, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push({ directory, entries, next: 0 });
    } catch (error) {
      deps.onProblem?.({
        source: directory,
        reason: `cannot read directory (${describeFsError(error)})`,
        count: 1,
      });
    }
  };
  await enter(root);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const entry = top.entries[top.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const path = join(top.directory, entry.name);
    // Symbolic links to directories are not followed: a link loop would never end.
    if (entry.isDirectory()) {
      if (layoutInFilters(parseTrailPath(path), filters)) await enter(path);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (isDigestPath(path)) {
      deps.onDigestSkipped?.(path);
      continue;
    }
    if (!isTrailFileName(entry.name) || !layoutInFilters(parseTrailPath(path), filters)) continue;
    // The directory entry says what a file is; only a link needs a stat to tell a file from a directory.
    if (entry.isFile()) {
      yield { kind: 'file', path };
      continue;
    }
    try {
      if ((await stat(path)).isFile()) yield { kind: 'file', path };
    } catch (error) {
      deps.onProblem?.({ source: path, reason: `cannot read (${describeFsError(error)})`, count: 1 });
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return typeof code === 'string' ? code : describeError(error);
}
