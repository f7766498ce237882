import type { Severity } from '../core/severity.js';

/** One CloudTrail record as AWS writes it (a JSON object); fields are read by dotted path. */
export type TrailEvent = Readonly<Record<string, unknown>>;

/** What a finding shows of each matching event: enough to find it again, never the whole record. */
export interface EventEvidence {
  eventId: string | null;
  eventTime: string | null;
  eventSource: string | null;
  eventName: string | null;
  /** userIdentity.arn, else `<type>:<principalId>`, else null. */
  actor: string | null;
  sourceIPAddress: string | null;
  awsRegion: string | null;
  /** recipientAccountId, else userIdentity.accountId. */
  account: string | null;
  userAgent: string | null;
  errorCode: string | null;
  /** The file (or s3:// key, or `stdin`, or `lookup-events`) the event was read from. */
  source: string;
}

/** A MITRE ATT&CK technique a detection points at. */
export interface MitreTechnique {
  /** `T1078.004` */
  id: string;
  /** `initial-access`, from the rule's `attack.<tactic>` tag when it has one. */
  tactic: string | null;
}

/** A detection as users see it in `onus trail --list` and in findings. */
export interface Detection {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  mitre: MitreTechnique[];
  references: string[];
  falsePositives: string[];
  /** `event`: one event decides; `window`: a count over a time window (Sigma correlation); `baseline`: the whole period. */
  kind: 'event' | 'window' | 'baseline';
  /** `bundled`, or the rule file a user passed with --rules. */
  origin: string;
}

/** One thing the trail showed that someone should look at. */
export interface TrailFinding {
  detectionId: string;
  title: string;
  severity: Severity;
  mitre: MitreTechnique[];
  /** What happened, in one sentence, naming the actor and what was done ("root signed in from 203.0.113.9"). */
  message: string;
  /** Who did it (the first matching event's actor), and where. */
  actor: string | null;
  account: string | null;
  region: string | null;
  sourceIPAddress: string | null;
  /** For windowed detections: the group the window was keyed by (`sourceIPAddress=203.0.113.9`). */
  groupKey: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  /** How many events matched (the evidence list may be shorter). */
  eventCount: number;
  /** The matching events, at most 20, in time order. */
  events: EventEvidence[];
  /** Stable across reruns over the same logs: hash of detection id, group key, actor and first event id. */
  fingerprint: string;
}

/** A file or stream that could not be read whole: what was lost and why. */
export interface TrailProblem {
  source: string;
  reason: string;
  /** Events (or lines) that could not be read from this source. */
  count: number;
}

/** Everything a format needs to render one `onus trail` run: pure data. */
export interface TrailReport {
  tool: { name: string; version: string };
  generatedAt: string;
  target: { type: 'trail'; name: string };
  input: {
    files: number;
    events: number;
    bytes: number;
    /** Digest files skipped (they hold hashes, not events). */
    digestFiles: number;
    firstEvent: string | null;
    lastEvent: string | null;
    accounts: string[];
    regions: string[];
  };
  problems: TrailProblem[];
  detections: Detection[];
  findings: TrailFinding[];
}
