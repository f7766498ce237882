import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { UserError } from '../cli/errors.js';
import type { Severity } from '../core/severity.js';
import { BASELINE_DETECTORS, type BaselineDetector } from './baseline.js';
import { baselineFinding, eventFinding, factsOf, windowFinding } from './evidence.js';
import {
  correlate,
  linkCorrelations,
  compileSigma,
  parseSigma,
  SigmaError,
  sigmaDocuments,
  type CorrelationInput,
  type SigmaCorrelation,
  type SigmaLevel,
  type SigmaRule,
} from './sigma/index.js';
import type { Detection, MitreTechnique, TrailEvent, TrailFinding } from './types.js';

/** Rules and correlations ready to run, and the detections they report as. */
export interface DetectionSet {
  /** What a run can report: single-event rules that report on their own, correlations, baseline detectors. */
  detections: Detection[];
  /** Every compiled rule, including base rules that only feed a correlation. */
  rules: SigmaRule[];
  /** Correlations, their rule references resolved to rule ids. */
  correlations: SigmaCorrelation[];
  /** Ids of the rules whose matches are findings on their own (the rest only feed correlations). */
  reportingRuleIds: ReadonlySet<string>;
}

/** A rule file that could not be used: the file and one line saying why. */
export interface RuleFileProblem {
  file: string;
  message: string;
}

const BUNDLED_RULES = new URL('./rules/', import.meta.url);
/**
 * Written by `npm run build`: the bundled rules' documents as JSON, so a run (and each of its worker threads)
 * parses no YAML. Running from source, the YAML files are read.
 */
export const PRECOMPILED_RULES = new URL('./rules.json', import.meta.url);
const BUNDLED = 'bundled';

/** One bundled rule file: its name and its YAML documents as plain data. */
export interface BundledRuleFile {
  file: string;
  documents: unknown[];
}

/** The bundled rule files read from their YAML, in name order. */
export function bundledRuleFiles(): BundledRuleFile[] {
  const directory = fileURLToPath(BUNDLED_RULES);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.yml'))
    .sort()
    .map((file) => ({
      file,
      documents: sigmaDocuments(readFileSync(join(directory, file), 'utf8'), BUNDLED),
    }));
}

/** Writes {@link PRECOMPILED_RULES} (the build does, after copying the YAML next to the compiled code). */
export function writePrecompiledRules(target: URL = PRECOMPILED_RULES): void {
  writeFileSync(target, JSON.stringify(bundledRuleFiles()));
}

const SEVERITY_OF_LEVEL: Readonly<Record<SigmaLevel, Severity>> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

/** The Sigma rules shipped with onus (`./rules/*.yml`, precompiled when built) and the whole-period detectors. */
export function loadBundledDetections(precompiled: URL = PRECOMPILED_RULES): DetectionSet {
  const files = existsSync(precompiled)
    ? (JSON.parse(readFileSync(precompiled, 'utf8')) as BundledRuleFile[])
    : bundledRuleFiles();
  const rules: SigmaRule[] = [];
  const correlations: SigmaCorrelation[] = [];
  for (const { documents } of files) {
    // A broken bundled rule is a bug in onus, not bad input: let it throw.
    const parsed = compileSigma(documents, BUNDLED);
    rules.push(...parsed.rules);
    correlations.push(...parsed.correlations);
  }
  const set = assemble(rules, linkCorrelations(rules, correlations));
  set.detections.push(...BASELINE_DETECTORS.map((detector) => detector.detection));
  return set;
}

/**
 * Users' Sigma rules from `--rules DIR` (every `.yml`/`.yaml` below it), added to `base` (the bundled set
 * unless given). A file that does not parse, or whose rules clash with ids already loaded or refer to unknown
 * rules, is left out and reported as one line naming it; the other files are loaded.
 */
export function loadUserRules(
  directory: string,
  base: DetectionSet = loadBundledDetections(),
): { set: DetectionSet; problems: RuleFileProblem[] } {
  const files = ruleFilesBelow(directory);
  const problems: RuleFileProblem[] = [];
  const knownIds = new Set([...base.rules.map((rule) => rule.id), ...base.detections.map((d) => d.id)]);
  const rules: SigmaRule[] = [...base.rules];
  const userCorrelations: { file: string; correlation: SigmaCorrelation }[] = [];
  for (const file of files) {
    const parsed = parseRuleFile(file);
    if ('message' in parsed) {
      problems.push({ file, message: parsed.message });
      continue;
    }
    const ids = [...parsed.rules, ...parsed.correlations].map((rule) => rule.id);
    const clash = ids.find((id, index) => knownIds.has(id) || ids.indexOf(id) !== index);
    if (clash !== undefined) {
      problems.push({ file, message: `${file}: rule id '${clash}' is already used by another rule` });
      continue;
    }
    for (const id of ids) knownIds.add(id);
    rules.push(...parsed.rules);
    userCorrelations.push(...parsed.correlations.map((correlation) => ({ file, correlation })));
  }
  const correlations = [...base.correlations];
  for (const { file, correlation } of userCorrelations) {
    try {
      correlations.push(...linkCorrelations(rules, [correlation]));
    } catch (error) {
      if (!(error instanceof SigmaError)) throw error;
      problems.push({ file, message: error.message });
    }
  }
  const set = assemble(rules, correlations);
  set.detections.push(...BASELINE_DETECTORS.map((detector) => detector.detection));
  return { set, problems };
}

function parseRuleFile(
  file: string,
): { rules: SigmaRule[]; correlations: SigmaCorrelation[] } | { message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { message: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return parseSigma(text, file);
  } catch (error) {
    if (error instanceof SigmaError) return { message: error.message };
    throw error;
  }
}

/** `.yml` and `.yaml` files below a directory, in a stable order. A missing directory is the user's to fix. */
function ruleFilesBelow(directory: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    throw new UserError(`--rules ${directory}: no such directory`);
  }
  if (!isDirectory) throw new UserError(`--rules ${directory}: not a directory`);
  const entries = readdirSync(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => relative(directory, a).localeCompare(relative(directory, b)));
}

/** Which rules report on their own: those no correlation absorbs with `generate: false`. */
function assemble(rules: SigmaRule[], correlations: SigmaCorrelation[]): DetectionSet {
  const absorbed = new Set<string>();
  const generated = new Set<string>();
  for (const correlation of correlations) {
    for (const id of correlation.rules) (correlation.generate ? generated : absorbed).add(id);
  }
  const reporting = rules.filter((rule) => generated.has(rule.id) || !absorbed.has(rule.id));
  return {
    detections: [
      ...reporting.map((rule) => detectionOf(rule, 'event')),
      ...correlations.map((correlation) => detectionOf(correlation, 'window')),
    ],
    rules,
    correlations,
    reportingRuleIds: new Set(reporting.map((rule) => rule.id)),
  };
}

function detectionOf(rule: SigmaRule | SigmaCorrelation, kind: 'event' | 'window'): Detection {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    // Sigma makes level optional; a rule that does not say is worth a look, not an alarm.
    severity: rule.level === null ? 'medium' : SEVERITY_OF_LEVEL[rule.level],
    mitre: mitreOf(rule.tags),
    references: [...rule.references],
    falsePositives: [...rule.falsePositives],
    kind,
    origin: rule.origin,
  };
}

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
/** `attack.g0016` (groups) and `attack.s0002` (software) are neither techniques nor tactics. */
const OTHER_ATTACK_TAG = /^attack\.[gs]\d{4}$/i;

/**
 * MITRE ATT&CK from Sigma tags: each `attack.t1234(.001)` technique, paired with the rule's first tactic tag
 * (`attack.initial-access` or `attack.initial_access` both give `initial-access`).
 */
export function mitreOf(tags: readonly string[]): MitreTechnique[] {
  let tactic: string | null = null;
  const techniques: string[] = [];
  for (const tag of tags) {
    const technique = TECHNIQUE_TAG.exec(tag);
    if (technique?.[1] !== undefined) {
      techniques.push(technique[1].toUpperCase());
    } else if (tactic === null && /^attack\.[a-z_-]+$/i.test(tag) && !OTHER_ATTACK_TAG.test(tag)) {
      tactic = tag.slice('attack.'.length).toLowerCase().replaceAll('_', '-');
    }
  }
  return techniques.map((id) => ({ id, tactic }));
}

/** One event and where it was read from. */
export interface SourcedEvent {
  event: TrailEvent;
  source: string;
}

/**
 * Runs every detection of a set over events held in memory, in one thread: single-event rules, correlations
 * over the rules' matches, and the whole-period detectors. Findings come out in time order. The reference
 * for what a run must find; a parallel pipeline must find the same.
 */
export function runDetections(
  set: DetectionSet,
  events: Iterable<SourcedEvent>,
  baselineDetectors: readonly BaselineDetector<unknown>[] = BASELINE_DETECTORS,
): TrailFinding[] {
  const detectionsById = new Map(set.detections.map((detection) => [detection.id, detection]));
  const correlated = new Set(set.correlations.flatMap((correlation) => correlation.rules));
  const matches: CorrelationInput[] = [];
  const sources = new Map<TrailEvent, string>();
  const states = baselineDetectors.map((detector) => detector.empty());
  const findings: TrailFinding[] = [];
  for (const { event, source } of events) {
    // Every rule on every event, no prefilter: this is what the scanner's indexes are checked against.
    for (const rule of set.rules) {
      if (!rule.matches(event)) continue;
      const detection = set.reportingRuleIds.has(rule.id) ? detectionsById.get(rule.id) : undefined;
      if (detection !== undefined) findings.push(eventFinding(detection, event, source));
      if (correlated.has(rule.id)) {
        matches.push({ ruleId: rule.id, time: Date.parse(String(event.eventTime)), event });
        sources.set(event, source);
      }
    }
    baselineDetectors.forEach((detector, index) => {
      detector.observe(states[index], event, factsOf(event), source);
    });
  }
  for (const correlation of set.correlations) {
    const detection = detectionsById.get(correlation.id);
    if (detection === undefined) continue;
    for (const hit of correlate(correlation, matches)) {
      const hitEvents = hit.events.map((match) => ({
        event: match.event,
        source: sources.get(match.event) ?? '',
      }));
      findings.push(
        windowFinding(
          detection,
          { groupBy: hit.groupBy, count: hit.count, events: hitEvents },
          correlation.timespanMs,
        ),
      );
    }
  }
  baselineDetectors.forEach((detector, index) => {
    for (const hit of detector.findings(states[index]))
      findings.push(baselineFinding(detector.detection, hit));
  });
  return findings.sort(
    (a, b) =>
      (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '') || a.detectionId.localeCompare(b.detectionId),
  );
}
