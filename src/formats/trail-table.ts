import { SEVERITIES, severityRank, type Severity } from '../core/severity.js';
import type { TrailFinding, TrailReport } from '../trail/types.js';
import { NO_COLOURS, padEnd, type Paint } from './ansi.js';

export interface TrailTableOptions {
  paint?: Paint;
}

/** How many event ids a finding's block lists; the JSON and OCSF formats carry every kept event. */
const EVENT_IDS_SHOWN = 3;
const INDENT = ' '.repeat(10);

/**
 * Text that came from the logs, made safe for a terminal: whoever wrote a user agent or a user name chose it, and
 * an escape sequence in it must not recolour, move or clear the reader's screen. Control characters (C0, DEL,
 * C1) are shown as `\xNN`, so a line break cannot forge a line of the report.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/**
 * `onus trail`'s human view: one block per finding, most severe first and then oldest first, with who, from
 * where, when and which events; then what was read, the findings by severity, and what could not be read.
 */
export function formatTrailTable(report: TrailReport, options: TrailTableOptions = {}): string {
  const paint = options.paint ?? NO_COLOURS;
  const lines = [...header(report, paint)];
  const findings = [...report.findings].sort(bySeverityThenTime);
  if (findings.length === 0) {
    lines.push(
      '',
      paint.green(
        `No findings: none of the ${counted(report.detections.length, 'detection')} matched the ${counted(report.input.events, 'event')} read.`,
      ),
    );
  }
  for (const finding of findings) lines.push('', ...findingBlock(finding, paint));
  lines.push('', summaryLine(report, paint));
  if (report.problems.length > 0) {
    lines.push(
      paint.bold(paint.yellow(`Could not read all of ${counted(report.problems.length, 'source')}:`)),
    );
    for (const problem of report.problems) {
      lines.push(
        `  ${terminalSafe(problem.source)}: ${terminalSafe(problem.reason)} (${problem.count} lost)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function header(report: TrailReport, paint: Paint): string[] {
  const { input } = report;
  const period =
    input.firstEvent && input.lastEvent
      ? ` · ${terminalSafe(input.firstEvent)} to ${terminalSafe(input.lastEvent)}`
      : ' · no events';
  const scope = [
    input.accounts.length > 0 ? `accounts ${terminalSafe(input.accounts.join(', '))}` : null,
    input.regions.length > 0 ? `regions ${terminalSafe(input.regions.join(', '))}` : null,
  ].filter((part) => part !== null);
  return [
    `${paint.bold('onus trail')} · ${terminalSafe(report.target.name)}`,
    paint.dim([`${counted(report.detections.length, 'detection')}${period}`, ...scope].join(' · ')),
  ];
}

function findingBlock(finding: TrailFinding, paint: Paint): string[] {
  const field = (label: string, value: string) => `${INDENT}${paint.dim(padEnd(label, 11))}${value}`;
  const shown = finding.events
    .slice(0, EVENT_IDS_SHOWN)
    .map((event) => terminalSafe(event.eventId ?? '(no id)'));
  const more = finding.eventCount - shown.length;
  const kept =
    finding.events.length < finding.eventCount ? `, ${finding.events.length} kept as evidence` : '';
  const mitre = finding.mitre
    .map((technique) => (technique.tactic ? `${technique.id} (${technique.tactic})` : technique.id))
    .map(terminalSafe)
    .join(', ');
  const lines = [
    `${severityLabel(finding.severity, paint)}  ${paint.bold(terminalSafe(finding.title))}  ${paint.dim(terminalSafe(finding.detectionId))}`,
    `${INDENT}${terminalSafe(finding.message)}`,
    field('actor', terminalSafe(finding.actor ?? 'unknown')),
    field('source IP', terminalSafe(finding.sourceIPAddress ?? 'unknown')),
    field(
      'where',
      `${terminalSafe(finding.region ?? 'unknown region')} · account ${terminalSafe(finding.account ?? 'unknown')}`,
    ),
  ];
  if (finding.groupKey !== null) lines.push(field('grouped by', terminalSafe(finding.groupKey)));
  lines.push(
    field('seen', terminalSafe(`${finding.firstSeen ?? 'unknown'} to ${finding.lastSeen ?? 'unknown'}`)),
    field('events', `${finding.eventCount}${kept}`),
  );
  if (mitre) lines.push(field('MITRE', mitre));
  if (shown.length > 0)
    lines.push(field('event ids', `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
  return lines;
}

function summaryLine(report: TrailReport, paint: Paint): string {
  const counts = new Map<Severity, number>(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of report.findings)
    counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const bySeverity = SEVERITIES.map((severity) => {
    const count = counts.get(severity) ?? 0;
    const text = `${severity} ${count}`;
    return count > 0 ? severityColour(severity, paint)(text) : paint.dim(text);
  }).join(' · ');
  const { input } = report;
  const digests = input.digestFiles > 0 ? ` (${counted(input.digestFiles, 'digest file')} skipped)` : '';
  return `${counted(input.events, 'event')} read from ${counted(input.files, 'file')}${digests} · ${counted(report.findings.length, 'finding')}: ${bySeverity}`;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function severityColour(severity: Severity, paint: Paint): (text: string) => string {
  switch (severity) {
    case 'critical':
      return (text) => paint.bold(paint.magenta(text));
    case 'high':
      return paint.red;
    case 'medium':
      return paint.yellow;
    case 'low':
      return paint.cyan;
    case 'info':
      return paint.dim;
  }
}

function severityLabel(severity: Severity, paint: Paint): string {
  return severityColour(severity, paint)(padEnd(severity.toUpperCase(), 8));
}

function timeOf(iso: string | null): number {
  const time = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}

/** Most severe first; among equals the oldest first (a finding with no time last), then by detection id. */
function bySeverityThenTime(a: TrailFinding, b: TrailFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    timeOf(a.firstSeen) - timeOf(b.firstSeen) ||
    a.detectionId.localeCompare(b.detectionId)
  );
}
