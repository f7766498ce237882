/** Shared by the output format tests: a report full of hostile text, and validators for each format. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import { CHECKS } from '../checks/index.js';
import type { Finding } from '../core/finding.js';
import { scanInventory, type ScanReport } from '../core/scan.js';
import { summarize } from '../core/summary.js';
import { catalog } from '../responsibility/catalog.js';
import { buildMap } from '../responsibility/map.js';
import { inventoryOf, NOW, resource, withGap } from './builders.js';
import { s3Bucket } from './kinds.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url);

// Assembled from parts, so that no scanner mistakes this file for a leak.
export const KEY_ID = ['AKIA', 'Q3T7ZK5M2XWP4R6N'].join('');
export const SECRET_KEY = ['kq7R2m9Xw', 'P4tL8vZ3nB6yH1cJ5sD0fG2aE7uK9oT'].join('');

/** A bucket name no real bucket may have: quotes, markup, a comma, a line break and a control character. */
export const HOSTILE_NAME = 'x"y\',z<b>&amp;\nline2\u0001|`*_=cmd';

export const MUTE_REASON = 'Accepted by "security" <team>, ticket SEC-1 & co';

/**
 * A scan over a few resources with hostile names, a secret in user data, a resource that could not be read, and
 * one failure turned MUTED and one MANUAL the way the suppression and framework steps produce them.
 */
export function hostileReport(): ScanReport {
  const userData = resource('ec2.instance-user-data', 'i-0abc', {
    instanceId: 'i-0abc',
    userData: `#!/bin/bash\naws configure set aws_access_key_id ${KEY_ID}\naws configure set aws_secret_access_key ${SECRET_KEY}\n`,
  });
  const inventory = inventoryOf([
    s3Bucket(HOSTILE_NAME, { publicAccessBlock: null, versioning: 'Suspended' }),
    s3Bucket('=HYPERLINK("http://evil")', { mfaDelete: false }),
    withGap(s3Bucket('hidden'), 'policy', 'access-denied', 's3:GetBucketPolicy'),
    userData,
  ]);
  const report = scanInventory(inventory, CHECKS, {
    now: NOW,
    thresholds: {},
    generatedAt: NOW,
    tool: { name: 'onus', version: '9.9.9-test' },
    target: { type: 'snapshot', name: 'hostile "snapshot".json' },
  });
  const failing = report.findings.filter((finding) => finding.status === 'FAIL');
  const muted = failing.find(
    (finding) => finding.checkId.startsWith('s3-') && finding.resource.id === 'hidden',
  );
  const target = muted ?? failing.find((finding) => finding.resource.id !== HOSTILE_NAME);
  const manualSource = report.findings.find((finding) => finding.status === 'PASS');
  const findings: Finding[] = report.findings.map((finding) => {
    if (finding === target) return { ...finding, status: 'MUTED', message: MUTE_REASON };
    if (finding === manualSource)
      return { ...finding, status: 'MANUAL', message: 'Ask the owner, then "confirm" <by hand>' };
    return finding;
  });
  const withMuted: ScanReport = { ...report, findings, summary: summarize(findings) };
  const { totals, summary } = buildMap(inventory, withMuted, catalog());
  withMuted.responsibility = { summary, ...totals };
  return withMuted;
}

/** A copy of `report` with `count` failing findings, each on its own resource. */
export function manyFailures(report: ScanReport, count: number): ScanReport {
  const template = report.findings.find((finding) => finding.status === 'FAIL');
  if (!template) throw new Error('the report has no failure to copy');
  const severities = ['critical', 'high', 'medium', 'low'] as const;
  const findings: Finding[] = Array.from({ length: count }, (_, index) => ({
    ...template,
    severity: severities[index % severities.length] ?? 'low',
    fingerprint: index.toString(16).padStart(32, '0'),
    resource: { ...template.resource, id: `bucket-${index}`, name: `bucket-${index}` },
    message: `Bucket bucket-${index} | is <public> & open, with a long explanation ${'x'.repeat(80)}`,
  }));
  return { ...report, findings, summary: summarize(findings) };
}

// ---------------------------------------------------------------- CSV

/** A strict RFC 4180 parser: CRLF records, quoted fields with doubled quotes; anything else throws. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  let fieldStart = true;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index++;
        const next = text[index];
        if (next !== ',' && next !== '\r' && next !== undefined) {
          throw new Error(`character after a closing quote at ${index}: ${JSON.stringify(next)}`);
        }
        continue;
      }
      field += char;
      index++;
      continue;
    }
    if (char === '"') {
      if (!fieldStart) throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
      fieldStart = false;
      index++;
    } else if (char === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
      index++;
    } else if (char === '\r') {
      if (text[index + 1] !== '\n') throw new Error(`CR without LF at ${index}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      index += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF outside quotes at ${index}`);
    } else {
      field += char;
      fieldStart = false;
      index++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (!fieldStart || field !== '' || row.length > 0)
    throw new Error('the last record does not end with CRLF');
  return rows;
}

// ---------------------------------------------------------------- SARIF

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let sarif: ValidateFunction | undefined;

/** The OASIS SARIF 2.1.0 schema (draft-07), vendored under test/fixtures/sarif. */
export function sarifValidator(): ValidateFunction {
  if (sarif) return sarif;
  const schema = JSON.parse(
    readFileSync(new URL('sarif/sarif-schema-2.1.0.json', FIXTURES), 'utf8'),
  ) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  sarif = ajv.compile(schema);
  return sarif;
}

// ---------------------------------------------------------------- JUnit

/** Validates JUnit XML against the vendored Ant/Jenkins schema with xmllint; returns xmllint's complaints. */
export function junitErrors(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'onus-junit-'));
  try {
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', new URL('junit/JUnit.xsd', FIXTURES).pathname, file], {
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    const failure = error as { code?: string; stderr?: Buffer };
    if (failure.code === 'ENOENT') {
      throw new Error('xmllint is not installed: apt-get install -y libxml2-utils', { cause: error });
    }
    return failure.stderr?.toString() ?? String(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- OCSF

interface Definition {
  uid?: number;
  name: string;
  attributes: Record<string, { requirement?: string; enum?: Record<string, { caption: string }> }>;
}

function definition(path: string): Definition {
  return JSON.parse(readFileSync(new URL(`ocsf/${path}`, FIXTURES), 'utf8')) as Definition;
}

/**
 * What OCSF 1.3.0's `events/base_event.json` (with the dictionary) defines for every event, which is not vendored
 * here (see test/fixtures/ocsf/README.md): its attributes, the required ones, and the severity_id enum.
 */
const BASE_EVENT = {
  attributes: [
    'activity_id',
    'activity_name',
    'category_name',
    'category_uid',
    'class_name',
    'class_uid',
    'count',
    'duration',
    'end_time',
    'enrichments',
    'message',
    'metadata',
    'observables',
    'raw_data',
    'severity',
    'severity_id',
    'start_time',
    'status',
    'status_code',
    'status_detail',
    'status_id',
    'time',
    'timezone_offset',
    'type_name',
    'type_uid',
    'unmapped',
  ],
  /** The `cloud` profile's attributes, which `metadata.profiles` declares. */
  cloudProfile: ['cloud', 'api'],
  required: ['activity_id', 'category_uid', 'class_uid', 'metadata', 'severity_id', 'time', 'type_uid'],
  severity: {
    0: 'Unknown',
    1: 'Informational',
    2: 'Low',
    3: 'Medium',
    4: 'High',
    5: 'Critical',
    6: 'Fatal',
    99: 'Other',
  },
  findingsCategory: 2,
} as const;

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * Checks one event against the vendored OCSF definitions of Compliance Finding, Finding and the Compliance
 * object: attribute names (nothing unknown outside `unmapped`), required attributes, enum values and their
 * captions, the class and type ids, and the types of the attributes onus fills. Returns the problems found.
 */
export function ocsfProblems(event: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const complianceFinding = definition('events/findings/compliance_finding.json');
  const finding = definition('events/findings/finding.json');
  const complianceObject = definition('objects/compliance.json');

  const known = new Set<string>([
    ...BASE_EVENT.attributes,
    ...BASE_EVENT.cloudProfile,
    ...Object.keys(finding.attributes).filter((name) => !name.startsWith('$')),
    ...Object.keys(complianceFinding.attributes),
  ]);
  for (const name of Object.keys(event)) if (!known.has(name)) problems.push(`unknown attribute ${name}`);

  const required = [
    ...BASE_EVENT.required,
    ...[finding, complianceFinding].flatMap((d) =>
      Object.entries(d.attributes)
        .filter(([, attribute]) => attribute.requirement === 'required')
        .map(([name]) => name),
    ),
  ];
  for (const name of required) if (event[name] === undefined) problems.push(`missing required ${name}`);

  const classUid = BASE_EVENT.findingsCategory * 1000 + (complianceFinding.uid ?? -1);
  if (event.class_uid !== classUid) problems.push(`class_uid ${String(event.class_uid)} is not ${classUid}`);
  if (event.category_uid !== BASE_EVENT.findingsCategory) problems.push('category_uid is not Findings (2)');
  const activity = finding.attributes.activity_id?.enum ?? {};
  if (typeof event.activity_id !== 'number' || !(String(event.activity_id) in activity)) {
    problems.push(`activity_id ${String(event.activity_id)} is not in ${Object.keys(activity).join(', ')}`);
  } else if (
    event.activity_name !== undefined &&
    event.activity_name !== activity[String(event.activity_id)]?.caption
  ) {
    problems.push('activity_name does not match activity_id');
  }
  if (event.type_uid !== classUid * 100 + Number(event.activity_id))
    problems.push('type_uid is not class_uid * 100 + activity_id');

  const severity = BASE_EVENT.severity as Record<number, string>;
  if (typeof event.severity_id !== 'number' || !(event.severity_id in severity))
    problems.push('severity_id out of enum');
  else if (event.severity !== undefined && event.severity !== severity[event.severity_id])
    problems.push('severity caption');

  const findingStatus = finding.attributes.status_id?.enum ?? {};
  if (event.status_id !== undefined) {
    const caption = findingStatus[JSON.stringify(event.status_id)]?.caption;
    if (!caption) problems.push(`status_id ${JSON.stringify(event.status_id)} is not in the Finding enum`);
    else if (event.status !== undefined && event.status !== caption)
      problems.push('status does not match status_id');
  }
  if (typeof event.time !== 'number' || !Number.isInteger(event.time))
    problems.push('time is not a timestamp (ms)');
  for (const name of ['message', 'status_code', 'status_detail'] as const) {
    if (event[name] !== undefined && !isString(event[name])) problems.push(`${name} is not a string`);
  }

  const metadata = event.metadata as Record<string, unknown> | undefined;
  const product = metadata?.product as Record<string, unknown> | undefined;
  if (!isString(metadata?.version)) problems.push('metadata.version (required) missing');
  if (!product) problems.push('metadata.product (required) missing');

  const info = event.finding_info as Record<string, unknown> | undefined;
  if (!isString(info?.uid) || !isString(info.title))
    problems.push('finding_info.uid and title are required strings');

  const compliance = event.compliance as Record<string, unknown> | undefined;
  if (compliance) {
    for (const name of Object.keys(compliance)) {
      if (!(name in complianceObject.attributes)) problems.push(`unknown compliance.${name}`);
    }
    for (const [name, attribute] of Object.entries(complianceObject.attributes)) {
      if (attribute.requirement === 'required' && compliance[name] === undefined)
        problems.push(`missing compliance.${name}`);
    }
    if (!Array.isArray(compliance.standards) || !compliance.standards.every(isString)) {
      problems.push('compliance.standards is not an array of strings');
    }
    if (
      compliance.requirements !== undefined &&
      (!Array.isArray(compliance.requirements) || !compliance.requirements.every(isString))
    ) {
      problems.push('compliance.requirements is not an array of strings');
    }
    if (compliance.control !== undefined && !isString(compliance.control))
      problems.push('compliance.control is not a string');
    const statuses = complianceObject.attributes.status_id?.enum ?? {};
    const caption = statuses[JSON.stringify(compliance.status_id)]?.caption;
    if (compliance.status_id !== undefined && !caption)
      problems.push(`compliance.status_id ${JSON.stringify(compliance.status_id)} out of enum`);
    if (caption && compliance.status !== undefined && compliance.status !== caption)
      problems.push('compliance.status caption');
  }

  const resources = event.resources;
  if (resources !== undefined) {
    if (!Array.isArray(resources)) problems.push('resources is not an array');
    else
      for (const item of resources as Record<string, unknown>[])
        if (!isString(item.uid) && !isString(item.name)) problems.push('resource without uid or name');
  }
  const cloud = event.cloud as Record<string, unknown> | undefined;
  if (cloud && !isString(cloud.provider))
    problems.push('cloud.provider (required by the cloud object) missing');
  if (event.unmapped !== undefined && (typeof event.unmapped !== 'object' || event.unmapped === null))
    problems.push('unmapped is not an object');
  return problems;
}
