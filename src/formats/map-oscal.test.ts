import { readFileSync } from 'node:fs';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';

import type { MappedItem, MappedService, ResponsibilityMap } from '../responsibility/map.js';
import { controlId, formatMapOscal, OSCAL_VERSION, uuid5 } from './map-oscal.js';

/** NIST's official OSCAL 1.2.0 SSP JSON schema (draft-07), vendored: see test/fixtures/oscal/README.md. */
const SCHEMA_PATH = new URL('../../test/fixtures/oscal/oscal_ssp_schema.json', import.meta.url);

// ajv-formats is CommonJS: under NodeNext its default import is the module object on some setups.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/;

function item(overrides: Partial<MappedItem> & Pick<MappedItem, 'id' | 'owner' | 'status'>): MappedItem {
  return {
    title: `Title of ${overrides.id}`,
    description: `What ${overrides.id} is about.`,
    class:
      overrides.owner === 'aws' ? 'inherited' : overrides.owner === 'shared' ? 'shared' : 'customer-specific',
    domain: 'data',
    verifiability: overrides.owner === 'aws' ? 'aws-attested' : 'automated',
    awsPart: null,
    customerPart: null,
    guidance: null,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html',
    awsDefault: null,
    origin: 'service',
    why: `Because of ${overrides.id}.`,
    checks: [],
    failing: [],
    ...overrides,
  };
}

const failing = {
  checkId: 's3-bucket-block-public-access',
  fingerprint: 'f1e2d3c4b5a6',
  resource: 'arn:aws:s3:::public-bucket',
  account: '111122223333',
  region: 'eu-west-1',
  message: 'Block Public Access is off\non this bucket.',
};

const items: MappedItem[] = [
  item({
    id: 'aws.physical.datacenters',
    owner: 'aws',
    status: 'inherited',
    domain: 'physical',
    origin: 'category',
  }),
  item({
    id: 's3.data.encryption-at-rest',
    owner: 'shared',
    status: 'not-met',
    awsPart: 'AWS encrypts new objects with SSE-S3 by default.',
    customerPart: 'You choose SSE-KMS where your policy requires it.',
    why: '1 failing result: s3-bucket-block-public-access (1 of 3)',
    checks: [
      { checkId: 's3-bucket-block-public-access', pass: 2, fail: 1, notEvaluated: 0, muted: 0, reasons: [] },
    ],
    failing: [failing],
    awsDefault: { since: '2023-01-05', what: 'SSE-S3 for every new object' },
  }),
  item({
    id: 's3.identity.no-public-acls',
    owner: 'customer',
    status: 'met',
    domain: 'identity',
    why: 'Every check passes on 3 results',
    checks: [{ checkId: 's3-bucket-acl-disabled', pass: 3, fail: 0, notEvaluated: 0, muted: 0, reasons: [] }],
  }),
  item({
    id: 's3.governance.data-classification',
    owner: 'customer',
    status: 'manual',
    domain: 'governance',
    verifiability: 'manual',
    guidance: 'Tag buckets with their data classification.',
  }),
  item({
    id: 's3.logging.access-logs',
    owner: 'customer',
    status: 'unknown',
    domain: 'logging',
    why: 'Not evaluated: s3-bucket-access-logging: access-denied: s3:GetBucketLogging',
    checks: [
      {
        checkId: 's3-bucket-access-logging',
        pass: 0,
        fail: 0,
        notEvaluated: 3,
        muted: 0,
        reasons: ['access-denied: s3:GetBucketLogging'],
      },
    ],
  }),
  item({
    id: 's3.data.backups',
    owner: 'customer',
    status: 'partial',
    verifiability: 'partial',
    guidance: 'Check the retention.',
  }),
];

const s3: MappedService = {
  id: 's3',
  name: 'Amazon S3',
  category: 'abstracted',
  securityChapter: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html',
  everyAccount: false,
  accounts: ['111122223333'],
  regions: ['eu-west-1'],
  resourceCount: 3,
  resourcesByKind: { 's3.bucket': 3 },
  variants: [],
  items,
  owners: { aws: 1, shared: 1, customer: 4 },
  yours: { met: 1, notMet: 1, partial: 1, unknown: 1, manual: 1 },
};

/** A second service sharing the category-layer AWS item, to check it yields one requirement, two components. */
const dynamodb: MappedService = {
  ...s3,
  id: 'dynamodb',
  name: 'Amazon DynamoDB',
  resourcesByKind: { 'dynamodb.table': 1 },
  resourceCount: 1,
  items: [items[0] as MappedItem],
  owners: { aws: 1, shared: 0, customer: 0 },
  yours: { met: 0, notMet: 0, partial: 0, unknown: 0, manual: 0 },
};

const map: ResponsibilityMap = {
  schema: 'onus.map/v1',
  catalogVersion: '2026.05.1',
  generatedAt: '2026-05-01T12:34:56.789Z',
  target: { type: 'live', name: 'acme-prod' },
  accounts: [{ id: '111122223333', alias: 'acme-prod' }],
  services: [s3, dynamodb],
  totals: {
    services: 2,
    aws: 1,
    yours: 5,
    shared: 1,
    customer: 4,
    status: { met: 1, notMet: 1, partial: 1, unknown: 1, manual: 1 },
  },
  summary: 'You use 2 services; AWS covers 1 item, you own 5 (1 shared): 1 met, 1 not met.',
};

/* ---------------------------------------------------------------- OSCAL shapes the assertions read */

interface Entry {
  uuid: string;
  description: string;
  'provided-uuid'?: string;
  'responsibility-uuid'?: string;
  links?: { href: string; rel?: string; text?: string }[];
  props?: { name: string; value: string }[];
}
interface ByComponent {
  'component-uuid': string;
  'implementation-status'?: { state: string };
  inherited?: Entry[];
  satisfied?: Entry[];
}
interface Requirement {
  'control-id': string;
  props: { name: string; value: string }[];
  'by-components': ByComponent[];
}
interface Ssp {
  uuid: string;
  metadata: { title: string; 'last-modified': string; 'oscal-version': string; parties: { name?: string }[] };
  'system-implementation': {
    'leveraged-authorizations': { uuid: string; 'party-uuid': string; 'date-authorized': string }[];
    components: { uuid: string; type: string; title: string; props?: { name: string; value: string }[] }[];
  };
  'control-implementation': { 'implemented-requirements': Requirement[] };
}

function parse(text: string): { 'system-security-plan': Ssp } {
  return JSON.parse(text) as { 'system-security-plan': Ssp };
}

function requirement(ssp: Ssp, id: string): Requirement {
  const found = ssp['control-implementation']['implemented-requirements'].find((r) =>
    r.props.some((p) => p.name === 'responsibility-id' && p.value === id),
  );
  if (!found) throw new Error(`no implemented-requirement for ${id}`);
  return found;
}

function errorsOf(errors: ErrorObject[] | null | undefined): string {
  return JSON.stringify(errors ?? [], null, 2);
}

describe('formatMapOscal', () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $schema: string; $id: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(`http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-ssp-schema.json`);
    // Draft-07 is Ajv's default dialect; its patterns use \p{L} / \p{N}, which need the "u" flag (unicodeRegExp,
    // on by default in Ajv 8 — set explicitly so the intent is visible).
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  });

  const output = formatMapOscal(map);
  const ssp = parse(output)['system-security-plan'];

  it('validates against the official OSCAL SSP schema', () => {
    const valid = validate(JSON.parse(output));
    expect(valid, errorsOf(validate.errors)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects a broken document, so the validation can fail', () => {
    const broken = parse(output);
    delete (broken['system-security-plan'] as Partial<Ssp>).metadata;
    expect(validate(broken)).toBe(false);
    expect(
      validate.errors?.some((e) => e.keyword === 'required' && e.params.missingProperty === 'metadata'),
    ).toBe(true);

    const badUuid = parse(output);
    badUuid['system-security-plan'].uuid = 'not-a-uuid';
    expect(validate(badUuid)).toBe(false);

    const extra = parse(output) as unknown as { 'system-security-plan': Record<string, unknown> };
    extra['system-security-plan']['unexpected'] = true;
    expect(validate(extra)).toBe(false);

    // Deep in the tree too: `inherited` takes no remarks, and a control-id is a token (no spaces).
    const deep = parse(output);
    const [first] = deep['system-security-plan']['control-implementation']['implemented-requirements'];
    const inherited = first?.['by-components'][0]?.inherited?.[0] as unknown as Record<string, unknown>;
    inherited['remarks'] = 'not allowed here';
    if (first) first['control-id'] = 'not a token';
    expect(validate(deep)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain(
      '/system-security-plan/control-implementation/implemented-requirements/0/control-id',
    );
    expect(paths).toContain(
      '/system-security-plan/control-implementation/implemented-requirements/0/by-components/0/inherited/0',
    );
  });

  it('is deterministic: the same map gives byte-identical output', () => {
    expect(formatMapOscal(structuredClone(map))).toBe(output);
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('carries the metadata, the parties and AWS as the leveraged authorization', () => {
    expect(ssp.metadata.title).toBe('onus responsibility map: acme-prod');
    expect(ssp.metadata['last-modified']).toBe(map.generatedAt);
    expect(ssp.metadata['oscal-version']).toBe('1.2.0');
    expect(ssp.metadata.parties.map((p) => p.name)).toContain('Amazon Web Services');
    const [leveraged] = ssp['system-implementation']['leveraged-authorizations'];
    expect(leveraged?.['date-authorized']).toBe('2026-05-01');
    const components = ssp['system-implementation'].components;
    expect(components.map((c) => [c.type, c.title])).toEqual([
      ['this-system', 'acme-prod'],
      ['service', 'Amazon S3'],
      ['service', 'Amazon DynamoDB'],
    ]);
    for (const c of components.filter((c) => c.type === 'service'))
      expect(c.props).toContainEqual({ name: 'leveraged-authorization-uuid', value: leveraged?.uuid });
  });

  it('gives AWS items inherited, customer items satisfied and shared items both', () => {
    const aws = requirement(ssp, 'aws.physical.datacenters');
    expect(aws['by-components']).toHaveLength(2); // one per service listing it
    for (const bc of aws['by-components']) {
      expect(bc.inherited).toHaveLength(1);
      expect(bc.satisfied).toBeUndefined();
      expect(bc.inherited?.[0]?.description).toContain('AWS Artifact');
      expect(bc['implementation-status']?.state).toBe('implemented');
    }

    const shared = requirement(ssp, 's3.data.encryption-at-rest')['by-components'][0];
    expect(shared?.inherited?.[0]?.description).toContain('AWS encrypts new objects');
    expect(shared?.satisfied?.[0]?.description).toMatch(/^Not met: /);
    expect(shared?.['implementation-status']?.state).toBe('planned');

    const met = requirement(ssp, 's3.identity.no-public-acls')['by-components'][0];
    expect(met?.inherited).toBeUndefined();
    expect(met?.satisfied).toHaveLength(1);
    expect(met?.['implementation-status']?.state).toBe('implemented');

    expect(requirement(ssp, 's3.data.backups')['by-components'][0]?.['implementation-status']?.state).toBe(
      'partial',
    );
    for (const id of ['s3.governance.data-classification', 's3.logging.access-logs']) {
      const bc = requirement(ssp, id)['by-components'][0];
      expect(bc?.satisfied).toHaveLength(1);
      expect(bc?.['implementation-status']).toBeUndefined();
    }
    const unknown = requirement(ssp, 's3.logging.access-logs')['by-components'][0]?.satisfied?.[0];
    expect(unknown?.props).toContainEqual({ name: 'status', ns: 'urn:onus:oscal', value: 'unknown' });
  });

  it('shows a failing result as evidence', () => {
    const satisfied = requirement(ssp, 's3.data.encryption-at-rest')['by-components'][0]?.satisfied?.[0];
    expect(satisfied?.links).toEqual([
      {
        href: 'urn:onus:finding:f1e2d3c4b5a6',
        rel: 'evidence',
        text: 'FAIL s3-bucket-block-public-access on arn:aws:s3:::public-bucket (111122223333, eu-west-1): Block Public Access is off on this bucket.',
      },
    ]);
    expect(
      requirement(ssp, 's3.identity.no-public-acls')['by-components'][0]?.satisfied?.[0]?.links,
    ).toBeUndefined();
  });

  it('uses valid, distinct, deterministic UUIDs and token control ids', () => {
    const uuids = [...output.matchAll(/"(?:uuid|[a-z-]+-uuid)": "([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(uuids.length).toBeGreaterThan(20);
    for (const id of uuids) expect(id).toMatch(UUID);
    const own = [...output.matchAll(/"uuid": "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(own).size).toBe(own.length);
    expect(uuid5('x')).toBe(uuid5('x'));
    expect(uuid5('x')).not.toBe(uuid5('y'));
    expect(controlId('s3.data.encryption-at-rest')).toBe('s3.data.encryption-at-rest');
    expect(controlId('123.a.b')).toBe('x-123.a.b');
    expect(requirement(ssp, 'aws.physical.datacenters')['control-id']).toBe('aws.physical.datacenters');
  });
});
