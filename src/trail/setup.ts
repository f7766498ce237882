/**
 * What the main thread and every worker of `onus trail` load: the same detections, so a worker can be started
 * with plain data (the rule directory) and compile them itself. Nothing here loads the AWS SDK.
 */
import { BASELINE_DETECTORS, type BaselineDetector } from './baseline.js';
import {
  loadBundledDetections,
  loadUserRules,
  type DetectionSet,
  type RuleFileProblem,
} from './detections.js';
import type { TrailFilters } from './read/filters.js';
import type { ScanPartial } from './scanner.js';

/** What a worker is started with: plain data, so it can load the same detections itself. */
export interface WorkerSetup {
  ruleDirectories: string[];
  filters: TrailFilters;
}
/** Local files go a few to a message (each message costs both threads a little); S3 objects one by one. */
export type WorkerRequest =
  | { kind: 'files'; paths: string[] }
  | { kind: 'bytes'; bytes: Uint8Array; source: string }
  | { kind: 'finish' };
/** `files`: how many sources of the request were scanned. */
export type WorkerReply = { kind: 'done'; files: number } | { kind: 'partial'; partial: ScanPartial };

/** The bundled detections plus the users' rules, and the whole-period detectors. */
export function detectionSetFor(ruleDirectories: readonly string[]): {
  set: DetectionSet;
  baseline: readonly BaselineDetector<unknown>[];
  problems: RuleFileProblem[];
} {
  const [directory] = ruleDirectories;
  if (directory === undefined)
    return { set: loadBundledDetections(), baseline: BASELINE_DETECTORS, problems: [] };
  const { set, problems } = loadUserRules(directory);
  return { set, baseline: BASELINE_DETECTORS, problems };
}
