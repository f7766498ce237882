/**
 * One thread's share of an `onus trail` run: events in, a partial result out. The main thread and every worker
 * run one scanner each over the sources they are given; the partials are then merged (`mergePartials`), the
 * correlations run over every thread's matches, and the whole-period detectors judge their merged state. So
 * the result does not depend on how files were shared between threads, nor on their order.
 */
import { readFileSync } from 'node:fs';

import type { BaselineDetector } from './baseline.js';
import type { DetectionSet } from './detections.js';
import {
  baselineFinding,
  describeEvent,
  eventFinding,
  factsOf,
  findingFingerprint,
  keepIfEarliest,
  mergeEarliest,
  textAt,
  windowFinding,
} from './evidence.js';
import { eventInFilters, type TrailFilters } from './read/filters.js';
import { parseTrailBytes } from './read/parse.js';
import { compileFieldPath } from './sigma/event-fields.js';
import { correlate, type CorrelationInput, type SigmaRule } from './sigma/index.js';
import type { TrailEvent, TrailFinding, TrailProblem } from './types.js';

/** A correlation's base rule matched this event (kept whole: the window needs its fields). */
export interface CorrelationMatch {
  ruleId: string;
  time: number;
  event: TrailEvent;
  source: string;
}

/** What one thread saw: plain data, structured-cloneable, so it crosses from a worker to the main thread. */
export interface ScanPartial {
  files: number;
  events: number;
  bytes: number;
  firstEvent: string | null;
  lastEvent: string | null;
  accounts: string[];
  regions: string[];
  problems: TrailProblem[];
  /** Single-event findings, one per detection and message (the same act repeated is one finding, counted). */
  eventFindings: TrailFinding[];
  correlationMatches: CorrelationMatch[];
  /** One state per baseline detector, in the set's order. */
  baselineStates: unknown[];
}

const MAX_REMEMBERED_NAMES = 10_000;

/** What evidence shows of an event (see evidenceOf): a correlation match keeps these fields at least. */
const EVIDENCE_FIELDS = [
  'eventID',
  'eventTime',
  'eventSource',
  'eventName',
  'userIdentity',
  'sourceIPAddress',
  'awsRegion',
  'recipientAccountId',
  'userAgent',
  'errorCode',
];

/**
 * The top-level fields of an event a correlation match must keep: the evidence's, and the first field of every
 * path a correlation groups by or counts (whole, so paths read the same), plus the path itself for records that
 * have dotted keys. Matches wait in memory until the end of the run and cross threads: a match of a busy rule
 * (every GetParameter call feeds the SSM harvest window) should not carry its request and response.
 */
function keptFields(set: DetectionSet): string[] {
  const fields = new Set(EVIDENCE_FIELDS);
  for (const correlation of set.correlations) {
    const paths = [
      ...correlation.groupBy,
      ...(correlation.condition?.field ? [correlation.condition.field] : []),
      ...Object.values(correlation.aliases).flatMap((perRule) => Object.values(perRule)),
    ];
    for (const path of paths) {
      fields.add(path);
      fields.add(path.split('.')[0] ?? path);
    }
  }
  return [...fields];
}

/** The event's own `fields`, in a new object. */
function pick(event: TrailEvent, fields: readonly string[]): TrailEvent {
  const kept: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(event, field)) continue;
    // A plain assignment to `__proto__` would set the prototype instead.
    if (field === '__proto__') {
      Object.defineProperty(kept, field, {
        value: event[field],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      kept[field] = event[field];
    }
  }
  return kept;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/**
 * One more event of a finding already open: what mergeFinding does with the event's own finding, without
 * building it (its evidence is only built when it is among the earliest kept).
 */
function countAgain(finding: TrailFinding, event: TrailEvent, source: string): void {
  finding.eventCount++;
  const time = textAt(event, 'eventTime');
  if (time !== null) {
    if (finding.firstSeen === null || time < finding.firstSeen) finding.firstSeen = time;
    if (finding.lastSeen === null || time > finding.lastSeen) finding.lastSeen = time;
  }
  keepIfEarliest(finding.events, event, source);
}

/** Adds `other` into `into`: counts summed, the earliest events kept, first and last seen widened. */
function mergeFinding(into: TrailFinding, other: TrailFinding): void {
  into.eventCount += other.eventCount;
  mergeEarliest(into.events, other.events);
  if (other.firstSeen !== null && (into.firstSeen === null || other.firstSeen < into.firstSeen)) {
    into.firstSeen = other.firstSeen;
  }
  if (other.lastSeen !== null && (into.lastSeen === null || other.lastSeen > into.lastSeen)) {
    into.lastSeen = other.lastSeen;
  }
}

/** Rules pinned to values of one field (eventName, errorCode...), indexed by those lower-cased values. */
interface FieldIndex {
  read: (event: TrailEvent) => unknown;
  byValue: Map<string, SigmaRule[]>;
  /** Every rule of the index, for values that are not text (an array may match any of them). */
  all: SigmaRule[];
  /**
   * The rules for each value as met in events (`DescribeInstances`, not lower-cased), remembered: a trail
   * repeats a few hundred API names (and fewer error codes, sources and identity types) millions of times,
   * and one lookup of the value as met beats lower-casing it and looking it up again.
   */
  seen: Map<string, readonly SigmaRule[]>;
}

const NO_RULES: readonly SigmaRule[] = [];

function rulesFor(index: FieldIndex, value: string): readonly SigmaRule[] {
  let rules = index.seen.get(value);
  if (rules === undefined) {
    rules = index.byValue.get(value.toLowerCase()) ?? NO_RULES;
    // A hostile file could name millions of distinct calls: forget them all rather than grow without end.
    if (index.seen.size >= MAX_REMEMBERED_NAMES) index.seen.clear();
    index.seen.set(value, rules);
  }
  return rules;
}

export class TrailScanner {
  private readonly byField: FieldIndex[] = [];
  /** Rules pinning no field: tried on every event. */
  private readonly unpinned: SigmaRule[] = [];
  private readonly reporting: ReadonlySet<string>;
  private readonly correlated: ReadonlySet<string>;
  private readonly detections;
  private readonly states: unknown[];
  private readonly grouped = new Map<string, TrailFinding>();
  private readonly matches: CorrelationMatch[] = [];
  private readonly problems: TrailProblem[] = [];
  private readonly accounts = new Set<string>();
  private readonly regions = new Set<string>();
  /** The top-level fields a correlation match keeps (see {@link keptFields}). */
  private readonly correlationFields: readonly string[];
  private lastAccount: string | null = null;
  private lastRegion: string | null = null;
  private files = 0;
  private events = 0;
  private bytes = 0;
  private firstEvent: string | null = null;
  private lastEvent: string | null = null;

  constructor(
    private readonly set: DetectionSet,
    private readonly filters: TrailFilters,
    private readonly baseline: readonly BaselineDetector<unknown>[],
  ) {
    this.reporting = set.reportingRuleIds;
    this.correlated = new Set(set.correlations.flatMap((correlation) => correlation.rules));
    this.detections = new Map(set.detections.map((detection) => [detection.id, detection]));
    // Index rules by the values of the field they pin (the event name for most), so most rules are never
    // tried on most events.
    const fields = new Map<string, FieldIndex>();
    for (const rule of set.rules) {
      if (!this.reporting.has(rule.id) && !this.correlated.has(rule.id)) continue;
      if (rule.prefilter === null) {
        this.unpinned.push(rule);
        continue;
      }
      let index = fields.get(rule.prefilter.field);
      if (index === undefined) {
        index = {
          read: compileFieldPath(rule.prefilter.field),
          byValue: new Map(),
          all: [],
          seen: new Map(),
        };
        fields.set(rule.prefilter.field, index);
        this.byField.push(index);
      }
      index.all.push(rule);
      for (const value of rule.prefilter.values) addTo(index.byValue, value, rule);
    }
    this.states = baseline.map((detector) => detector.empty());
    this.correlationFields = keptFields(set);
  }

  /** A local file: read, parsed (gzip or not) and scanned; a file that cannot be read is a problem. */
  scanFile(path: string): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      this.problems.push({
        source: path,
        reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        count: 1,
      });
      return;
    }
    this.scanBytes(bytes, path);
  }

  scanBytes(bytes: Uint8Array, source: string): void {
    this.files++;
    this.bytes += bytes.byteLength;
    const parsed = parseTrailBytes(bytes, source);
    this.problems.push(...parsed.problems);
    this.scanEvents(parsed.events, source);
  }

  scanEvents(events: readonly TrailEvent[], source: string): void {
    const filtered =
      this.filters.since || this.filters.until || this.filters.accounts || this.filters.regions;
    for (const event of events) {
      if (filtered && !eventInFilters(event, this.filters)) continue;
      this.scanEvent(event, source);
    }
  }

  private scanEvent(event: TrailEvent, source: string): void {
    this.events++;
    const facts = factsOf(event);
    const time = facts.eventTime;
    if (time !== null) {
      if (this.firstEvent === null || time < this.firstEvent) this.firstEvent = time;
      if (this.lastEvent === null || time > this.lastEvent) this.lastEvent = time;
    }
    // Most events repeat the last account and region: the sets are only asked when they change.
    const account = facts.recipientAccountId;
    if (account !== null && account !== this.lastAccount) {
      this.accounts.add(account);
      this.lastAccount = account;
    }
    const region = facts.awsRegion;
    if (region !== null && region !== this.lastRegion) {
      this.regions.add(region);
      this.lastRegion = region;
    }

    for (const index of this.byField) {
      const value = index.read(event);
      if (value === undefined) continue;
      const rules = typeof value === 'string' ? rulesFor(index, value) : index.all;
      for (const rule of rules) this.tryRule(rule, event, source);
    }
    for (const rule of this.unpinned) this.tryRule(rule, event, source);
    for (let index = 0; index < this.baseline.length; index++) {
      this.baseline[index]?.observe(this.states[index], event, facts, source);
    }
  }

  private tryRule(rule: SigmaRule, event: TrailEvent, source: string): void {
    if (!rule.matches(event)) return;
    if (this.reporting.has(rule.id)) {
      const detection = this.detections.get(rule.id);
      if (detection !== undefined) {
        const key = `${rule.id}\u0000${describeEvent(detection, event)}`;
        const seen = this.grouped.get(key);
        if (seen === undefined) this.grouped.set(key, eventFinding(detection, event, source));
        else countAgain(seen, event, source);
      }
    }
    if (this.correlated.has(rule.id)) {
      this.matches.push({
        ruleId: rule.id,
        time: Date.parse(String(event.eventTime)),
        event: pick(event, this.correlationFields),
        source,
      });
    }
  }

  problem(problem: TrailProblem): void {
    this.problems.push(problem);
  }

  partial(): ScanPartial {
    return {
      files: this.files,
      events: this.events,
      bytes: this.bytes,
      firstEvent: this.firstEvent,
      lastEvent: this.lastEvent,
      accounts: [...this.accounts],
      regions: [...this.regions],
      problems: this.problems,
      eventFindings: [...this.grouped.values()],
      correlationMatches: this.matches,
      baselineStates: this.states,
    };
  }
}

/** What the partials add up to: the findings and the input's shape. */
export interface MergedScan extends Omit<
  ScanPartial,
  'eventFindings' | 'correlationMatches' | 'baselineStates'
> {
  findings: TrailFinding[];
}

/** Problems of one source and reason, counted once. */
function mergeProblems(problems: readonly TrailProblem[]): TrailProblem[] {
  const byKey = new Map<string, TrailProblem>();
  for (const problem of problems) {
    const key = `${problem.source}\u0000${problem.reason}`;
    const seen = byKey.get(key);
    if (seen) seen.count += problem.count;
    else byKey.set(key, { ...problem });
  }
  return [...byKey.values()].sort(
    (a, b) => a.source.localeCompare(b.source) || a.reason.localeCompare(b.reason),
  );
}

/** Adds up every thread's partial, then runs the correlations and the whole-period detectors. */
export function mergePartials(
  set: DetectionSet,
  baseline: readonly BaselineDetector<unknown>[],
  partials: readonly ScanPartial[],
): MergedScan {
  const detections = new Map(set.detections.map((detection) => [detection.id, detection]));
  const grouped = new Map<string, TrailFinding>();
  for (const partial of partials) {
    for (const finding of partial.eventFindings) {
      const key = `${finding.detectionId}\u0000${finding.message}`;
      const seen = grouped.get(key);
      if (seen === undefined) grouped.set(key, { ...finding, events: [...finding.events] });
      else mergeFinding(seen, finding);
    }
  }
  const findings = [...grouped.values()].map((finding) => {
    const first = finding.events[0];
    // The message is the first event's; once merged, the earliest event decides what it names.
    return {
      ...finding,
      fingerprint: findingFingerprint(finding.detectionId, null, finding.actor, first?.eventId ?? null),
    };
  });

  const matches: CorrelationInput[] = [];
  const sources = new Map<TrailEvent, string>();
  for (const partial of partials) {
    for (const match of partial.correlationMatches) {
      matches.push({ ruleId: match.ruleId, time: match.time, event: match.event });
      sources.set(match.event, match.source);
    }
  }
  for (const correlation of set.correlations) {
    const detection = detections.get(correlation.id);
    if (detection === undefined) continue;
    for (const hit of correlate(correlation, matches)) {
      const events = hit.events.map((match) => ({
        event: match.event,
        source: sources.get(match.event) ?? '',
      }));
      findings.push(
        windowFinding(detection, { groupBy: hit.groupBy, count: hit.count, events }, correlation.timespanMs),
      );
    }
  }

  baseline.forEach((detector, index) => {
    const [first, ...rest] = partials.map((partial) => partial.baselineStates[index]);
    const state = first ?? detector.empty();
    for (const other of rest) detector.merge(state, other);
    for (const hit of detector.findings(state)) findings.push(baselineFinding(detector.detection, hit));
  });

  const severityRank = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;
  findings.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '') ||
      a.detectionId.localeCompare(b.detectionId) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );

  let firstEvent: string | null = null;
  let lastEvent: string | null = null;
  for (const partial of partials) {
    if (partial.firstEvent !== null && (firstEvent === null || partial.firstEvent < firstEvent)) {
      firstEvent = partial.firstEvent;
    }
    if (partial.lastEvent !== null && (lastEvent === null || partial.lastEvent > lastEvent)) {
      lastEvent = partial.lastEvent;
    }
  }
  const sum = (pick: (partial: ScanPartial) => number): number =>
    partials.reduce((total, partial) => total + pick(partial), 0);
  return {
    files: sum((partial) => partial.files),
    events: sum((partial) => partial.events),
    bytes: sum((partial) => partial.bytes),
    firstEvent,
    lastEvent,
    accounts: [...new Set(partials.flatMap((partial) => partial.accounts))].sort(),
    regions: [...new Set(partials.flatMap((partial) => partial.regions))].sort(),
    problems: mergeProblems(partials.flatMap((partial) => partial.problems)),
    findings,
  };
}
