import type { EC2Client } from '@aws-sdk/client-ec2';

import { atLeast, type Severity } from '../../core/severity.js';
import { alignedColumns } from '../../formats/text.js';
import { detectionSetFor } from '../../trail/setup.js';
import { parseTrailFilters } from '../../trail/read/filters.js';
import { parseS3Url } from '../../trail/read/layout.js';
import { runTrail } from '../../trail/run.js';
import type { Detection, TrailReport } from '../../trail/types.js';
import { deliver } from '../output.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { parseSeverity } from '../severity-flag.js';
import { Messages, paintFor } from '../terminal.js';

export const TRAIL_FORMATS = ['table', 'json', 'ocsf', 'asff', 'html'] as const;
export type TrailFormat = (typeof TRAIL_FORMATS)[number];

export interface TrailFlags {
  format: TrailFormat;
  output?: string;
  since?: string;
  until?: string;
  account?: string;
  region?: string;
  rules?: string;
  workers?: string;
  list?: boolean;
  failOn?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  store?: string | false;
  color: boolean;
  quiet: boolean;
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new UserError(`--workers ${value}: expected a whole number from 0 to 64`);
  }
  return workers;
}

function listDetections(detections: readonly Detection[]): string {
  const rows = detections
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((detection) => [
      detection.id,
      detection.severity,
      detection.kind,
      detection.mitre.map((technique) => technique.id).join(' '),
      detection.title,
    ]);
  return `${alignedColumns([['ID', 'SEVERITY', 'KIND', 'MITRE', 'TITLE'], ...rows])}${String(detections.length)} detections\n`;
}

/** The regions LookupEvents is read in: --region, else every region the account has enabled. */
async function lookupRegions(flags: TrailFlags, ec2: EC2Client, fallback: string): Promise<string[]> {
  if (flags.region !== undefined)
    return flags.region
      .split(',')
      .map((region) => region.trim())
      .filter(Boolean);
  try {
    const { DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
    const response = await ec2.send(new DescribeRegionsCommand({}));
    const regions = (response.Regions ?? []).map((region) => region.RegionName ?? '').filter(Boolean);
    return regions.length > 0 ? regions.sort() : [fallback];
  } catch {
    return [fallback];
  }
}

/** Each format is loaded when asked for: ASFF brings the compliance frameworks, HTML the whole report. */
async function render(report: TrailReport, flags: TrailFlags): Promise<string> {
  switch (flags.format) {
    case 'json':
      return (await import('../../formats/trail-json.js')).formatTrailJson(report);
    case 'ocsf':
      return (await import('../../formats/trail-ocsf.js')).formatTrailOcsf(report);
    case 'asff':
      return (await import('../../formats/trail-asff.js')).formatTrailAsff(report, {});
    case 'html': {
      const { formatHtmlReport } = await import('../../formats/html-report.js');
      const { trailAsScanReport } = await import('../../formats/trail-scan-report.js');
      return formatHtmlReport({ report: trailAsScanReport(report), map: null, compliance: [] });
    }
    case 'table':
      return (await import('../../formats/trail-table.js')).formatTrailTable(report, {
        paint: flags.output ? paintFor(process.stdout, false) : paintFor(process.stdout, flags.color),
      });
  }
}

/**
 * `onus trail [PATH...]`: reads CloudTrail logs (files, directories, s3://, stdin; the live account's
 * LookupEvents when no PATH is given), runs the bundled Sigma detections (and --rules), and reports what it
 * found with the matching events as evidence. Exit 2 when some input could not be read (after reporting the
 * rest), 3 on findings at or above --fail-on, else 0.
 */
export async function trail(inputs: string[], flags: TrailFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  if (flags.list === true) {
    const loaded = detectionSetFor(flags.rules === undefined ? [] : [flags.rules]);
    for (const problem of loaded.problems) messages.error(problem.message);
    process.stdout.write(listDetections(loaded.set.detections));
    return loaded.problems.length > 0 ? EXIT.badInput : EXIT.ok;
  }
  const filters = parseTrailFilters(flags);
  const workers = parseWorkers(flags.workers);
  const failOnFlag = flags.failOn ?? 'info';
  const failOn: Severity | null = failOnFlag === 'none' ? null : parseSeverity(failOnFlag, '--fail-on');
  for (const input of inputs) {
    if (input.startsWith('s3://') && parseS3Url(input) === null) {
      throw new UserError(`${input}: expected s3://bucket or s3://bucket/prefix`);
    }
  }

  const needsAws = inputs.length === 0 || inputs.some((input) => input.startsWith('s3://'));
  let s3;
  let lookup;
  if (needsAws) {
    // The AWS SDK is loaded only when AWS is read: reading local files starts faster without it.
    const { credentialsFor, homeRegion } = await import('../../sources/aws/credentials.js');
    const region = homeRegion();
    const credentials = credentialsFor({
      region,
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
    });
    if (inputs.some((input) => input.startsWith('s3://'))) {
      const { S3Client } = await import('@aws-sdk/client-s3');
      s3 = new S3Client({ region, credentials, followRegionRedirects: true });
    }
    if (inputs.length === 0) {
      const { EC2Client } = await import('@aws-sdk/client-ec2');
      const { CloudTrailClient } = await import('@aws-sdk/client-cloudtrail');
      const regions = await lookupRegions(flags, new EC2Client({ region, credentials }), region);
      messages.info(
        `no logs given: reading the last 90 days of management events with cloudtrail:LookupEvents in ${String(regions.length)} region(s)`,
      );
      lookup = {
        regions,
        client: (name: string) => new CloudTrailClient({ region: name, credentials, maxAttempts: 1 }),
      };
    }
  }

  const run = await runTrail({
    inputs,
    filters,
    ...(flags.rules === undefined ? {} : { ruleDirectory: flags.rules }),
    ...(workers === undefined ? {} : { workers }),
    ...(s3 ? { s3 } : {}),
    ...(lookup ? { lookup } : {}),
    onProgress: (note) => {
      messages.info(note);
    },
  });
  for (const problem of run.ruleProblems) messages.error(problem.message);
  for (const problem of run.scan.problems) {
    messages.error(
      `${problem.source}: ${problem.reason}${problem.count > 1 ? ` (${problem.count.toLocaleString('en-US')} times)` : ''}`,
    );
  }
  const { scan } = run;
  const report: TrailReport = {
    tool: { name: 'onus', version: VERSION },
    generatedAt: new Date().toISOString(),
    target: { type: 'trail', name: inputs.length > 0 ? inputs.join(' ') : 'cloudtrail:LookupEvents' },
    input: {
      files: scan.files,
      events: scan.events,
      bytes: scan.bytes,
      digestFiles: run.digestFiles,
      firstEvent: scan.firstEvent,
      lastEvent: scan.lastEvent,
      accounts: scan.accounts,
      regions: scan.regions,
    },
    problems: scan.problems,
    detections: run.set.detections,
    findings: scan.findings,
  };
  messages.info(
    `read ${scan.events.toLocaleString('en-US')} events from ${scan.files.toLocaleString('en-US')} file(s)` +
      (run.digestFiles > 0 ? ` (${String(run.digestFiles)} digest files skipped)` : '') +
      `: ${String(scan.findings.length)} finding(s) from ${String(run.set.detections.length)} detections`,
  );

  if (await deliver(await render(report, flags), flags.output)) {
    messages.info(`wrote ${flags.format} report to ${flags.output ?? ''}`);
  }
  if (flags.store !== false) {
    const { record } = await import('./history.js');
    const { trailAsScanReport } = await import('../../formats/trail-scan-report.js');
    await record('trail', trailAsScanReport(report), flags.store, messages);
  }

  if (run.ruleProblems.length > 0 || scan.problems.length > 0) {
    messages.info('some input could not be read (see above): exit code 2');
    return EXIT.badInput;
  }
  const failing = scan.findings.filter((finding) => failOn !== null && atLeast(finding.severity, failOn));
  if (failing.length > 0) {
    messages.info(`${String(failing.length)} finding(s) at or above ${failOn ?? ''}: exit code 3`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
