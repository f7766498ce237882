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

/** One attribute as the OCSF export describes it (see test/fixtures/ocsf/README.md for what the extract keeps). */
interface OcsfAttribute {
  caption: string;
  type: string;
  requirement?: 'required' | 'recommended' | 'optional';
  is_array?: boolean;
  object_type?: string;
  /** Set when the attribute belongs to the class or object only through that profile. */
  profile?: string | null;
  /** The attribute that holds the caption of this one's enum value (`severity_id` -> `severity`). */
  sibling?: string;
  enum?: Record<string, { caption: string }>;
  '@deprecated'?: { message: string; since: string };
}

interface OcsfObject {
  name: string;
  caption: string;
  attributes: Record<string, OcsfAttribute>;
  constraints?: { at_least_one?: string[]; just_one?: string[] };
  profiles?: string[];
}

interface OcsfClass extends OcsfObject {
  uid: number;
  category_uid: number;
  profiles: string[];
}

interface OcsfType {
  caption: string;
  /** The type this one is a restriction of (`timestamp_t` -> `long_t`); absent on the base types. */
  type?: string;
  max_len?: number;
  regex?: string;
  range?: [number, number];
}

interface OcsfSchema {
  version: string;
  classes: Record<string, OcsfClass>;
  objects: Record<string, OcsfObject>;
  types: Record<string, OcsfType>;
}

let ocsfSchema: OcsfSchema | undefined;

/** The extract of the published OCSF 1.3.0 schema export vendored under test/fixtures/ocsf. */
function ocsfExtract(): OcsfSchema {
  ocsfSchema ??= JSON.parse(
    readFileSync(new URL('ocsf/ocsf-1.3.0-extract.json', FIXTURES), 'utf8'),
  ) as OcsfSchema;
  return ocsfSchema;
}

type Json = Record<string, unknown>;

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A value as a problem quotes it: its JSON kind, and the value itself cut short. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (value === null || json === undefined) return String(value);
  return `${kindOf(value)} ${json.length > 60 ? `${json.slice(0, 57)}...` : json}`;
}

/** An enum value with no fixed caption: the sibling then holds the source's own name for it. */
function isOther(caption: string): boolean {
  return caption === 'Other' || caption.endsWith(': Other');
}

const INT32 = 2 ** 31;

class OcsfValidator {
  readonly problems: string[] = [];

  constructor(
    private readonly schema: OcsfSchema,
    private readonly profiles: ReadonlySet<string>,
  ) {}

  /** The base type a dictionary type restricts, followed to the end (`timestamp_t` -> `long_t`). */
  private baseType(name: string): string {
    let current = name;
    for (let hops = 0; hops < 10; hops++) {
      const next = this.schema.types[current]?.type;
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /** `value` against an object definition: unknown and profile-gated attributes, required ones, constraints. */
  object(value: Json, definition: OcsfObject, path: string): void {
    const at = (name: string) => (path ? `${path}.${name}` : name);
    for (const [name, attributeValue] of Object.entries(value)) {
      const attribute = definition.attributes[name];
      if (!attribute) {
        this.problems.push(`unknown attribute ${at(name)}`);
        continue;
      }
      if (attribute.profile && !this.profiles.has(attribute.profile)) {
        this.problems.push(
          `${at(name)} belongs to the ${attribute.profile} profile, which metadata.profiles does not declare`,
        );
        continue;
      }
      const deprecated = attribute['@deprecated'];
      if (deprecated) this.problems.push(`${at(name)} is deprecated since ${deprecated.since}`);
      this.attribute(attributeValue, attribute, at(name), name, value);
    }
    for (const [name, attribute] of Object.entries(definition.attributes)) {
      if (attribute.requirement !== 'required' || value[name] !== undefined) continue;
      if (attribute.profile && !this.profiles.has(attribute.profile)) continue;
      this.problems.push(`missing required attribute ${at(name)}`);
    }
    const present = (names: string[]) => names.filter((name) => value[name] !== undefined);
    const { at_least_one: atLeastOne, just_one: justOne } = definition.constraints ?? {};
    if (atLeastOne && present(atLeastOne).length === 0)
      this.problems.push(`${path || definition.name} needs at least one of ${atLeastOne.join(', ')}`);
    if (justOne && present(justOne).length !== 1)
      this.problems.push(`${path || definition.name} needs exactly one of ${justOne.join(', ')}`);
  }

  private attribute(
    value: unknown,
    attribute: OcsfAttribute,
    path: string,
    name: string,
    parent: Json,
  ): void {
    const siblingName = attribute.sibling ?? '';
    const siblingPath = path.slice(0, path.length - name.length) + siblingName;
    if (!attribute.is_array) {
      this.value(value, attribute, path, { value: parent[siblingName], path: siblingPath });
      return;
    }
    if (!Array.isArray(value)) {
      const of = attribute.object_type ?? attribute.type;
      this.problems.push(`${path}: ${shown(value)} is not an array (of ${of})`);
      return;
    }
    const siblings = parent[siblingName];
    value.forEach((item: unknown, index) => {
      this.value(item, attribute, `${path}[${index}]`, {
        value: Array.isArray(siblings) ? siblings[index] : undefined,
        path: `${siblingPath}[${index}]`,
      });
    });
  }

  /** One value (an array's element, or the attribute itself): its type, enum, sibling caption, nested object. */
  private value(
    value: unknown,
    attribute: OcsfAttribute,
    path: string,
    sibling: { value: unknown; path: string },
  ): void {
    if (attribute.type === 'object_t') {
      const objectType = attribute.object_type ?? 'object';
      if (!isJsonObject(value)) {
        this.problems.push(`${path}: ${shown(value)} is not an object (${objectType})`);
        return;
      }
      // `object` is OCSF's free-form object (`unmapped`, `xattributes`): any content is valid.
      if (objectType === 'object') return;
      const definition = this.schema.objects[objectType];
      if (!definition) this.problems.push(`${path}: the ${objectType} object is not in the vendored extract`);
      else this.object(value, definition, path);
      return;
    }
    if (!this.scalar(value, attribute.type, path)) return;
    if (!attribute.enum) return;
    const entry = attribute.enum[String(value)];
    if (!entry) {
      const allowed = Object.keys(attribute.enum).join(', ');
      this.problems.push(`${path}: ${JSON.stringify(value)} is not in the enum (${allowed})`);
      return;
    }
    if (
      attribute.sibling &&
      sibling.value !== undefined &&
      !isOther(entry.caption) &&
      sibling.value !== entry.caption
    ) {
      this.problems.push(
        `${sibling.path}: ${JSON.stringify(sibling.value)} is not the caption of ${path} ${String(value)} (${JSON.stringify(entry.caption)})`,
      );
    }
  }

  /** A scalar against its dictionary type, by the base type and the type's own limits. True when it fits. */
  private scalar(value: unknown, type: string, path: string): boolean {
    const base = this.baseType(type);
    const fail = (expected: string) => {
      this.problems.push(`${path}: ${shown(value)} is not a ${type} (${expected})`);
      return false;
    };
    switch (base) {
      case 'string_t': {
        if (typeof value !== 'string') return fail('a string');
        for (const name of new Set([type, base])) {
          const limits = this.schema.types[name];
          if (limits?.max_len !== undefined && value.length > limits.max_len)
            return fail(`at most ${limits.max_len} characters`);
          if (limits?.regex !== undefined && !new RegExp(limits.regex).test(value))
            return fail(`matching ${limits.regex}`);
        }
        return true;
      }
      case 'integer_t':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < -INT32 || value >= INT32)
          return fail('a 32-bit integer');
        break;
      case 'long_t':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail('an integer');
        break;
      case 'float_t':
        if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a number');
        break;
      case 'boolean_t':
        if (typeof value !== 'boolean') return fail('true or false');
        break;
      case 'json_t':
        return true;
      default:
        this.problems.push(`${path}: type ${type} is not in the vendored extract`);
        return false;
    }
    const range = this.schema.types[type]?.range;
    if (range && ((value as number) < range[0] || (value as number) > range[1]))
      return fail(`between ${range[0]} and ${range[1]}`);
    return true;
  }
}

/**
 * Checks one event against the vendored extract of the published OCSF 1.3.0 schema (test/fixtures/ocsf), class
 * `className` with every attribute merged from the base event and its parent class: no attribute the class or the
 * object does not define (the free-form `object`, as `unmapped`, excepted), none of a profile the event does not
 * declare in `metadata.profiles`, required attributes present, each value of its dictionary type (arrays where
 * `is_array`), enum values in their enum with the sibling caption matching (except for Other), nested objects by
 * the same rules, and `type_uid = class_uid * 100 + activity_id`. Returns the problems found, empty when valid.
 */
export function ocsfProblems(event: Record<string, unknown>, className = 'compliance_finding'): string[] {
  const schema = ocsfExtract();
  const definition = schema.classes[className];
  if (!definition) throw new Error(`class ${className} is not in the vendored OCSF extract`);
  const problems: string[] = [];
  const metadata = isJsonObject(event.metadata) ? event.metadata : {};
  const declared = Array.isArray(metadata.profiles)
    ? metadata.profiles.filter((p) => typeof p === 'string')
    : [];
  for (const profile of declared) {
    if (!definition.profiles.includes(profile))
      problems.push(`metadata.profiles: ${profile} is not a profile of ${definition.caption}`);
  }
  const validator = new OcsfValidator(
    schema,
    new Set(declared.filter((p) => definition.profiles.includes(p))),
  );
  validator.object(event, definition, '');
  problems.push(...validator.problems);

  if (metadata.version !== undefined && metadata.version !== schema.version)
    problems.push(`metadata.version: ${JSON.stringify(metadata.version)} is not ${schema.version}`);
  const { class_uid: classUid, activity_id: activityId, type_uid: typeUid } = event;
  if (
    typeof classUid === 'number' &&
    typeof activityId === 'number' &&
    typeUid !== classUid * 100 + activityId
  )
    problems.push(
      `type_uid: ${String(typeUid)} is not class_uid * 100 + activity_id (${classUid * 100 + activityId})`,
    );
  return problems;
}
