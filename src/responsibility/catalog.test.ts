import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { KINDS } from '../core/kinds/index.js';
import { catalog, loadCatalog } from './catalog.js';
import { ServiceSchema } from './schema.js';
import { SERVICE_FILES } from './services/index.js';

const SERVICES_DIR = fileURLToPath(new URL('./services/', import.meta.url));
const CHECK_IDS = new Set(CHECKS.map((check) => check.id));
const { services, categories } = catalog();
const items = services.flatMap((service) => service.responsibilities.map((item) => ({ service, item })));

describe('the responsibility catalog', () => {
  it('loads every service file in the directory, each valid against the schema', () => {
    const files = readdirSync(SERVICES_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
    expect(Object.keys(SERVICE_FILES).sort()).toEqual(files);
    expect(() => loadCatalog()).not.toThrow();
  });

  it('covers at least 40 services, each with AWS, and yours or shared, items', () => {
    expect(services.length).toBeGreaterThanOrEqual(40);
    for (const service of services) {
      const owners = new Set(service.responsibilities.map((item) => item.owner));
      expect(owners.has('aws'), service.id).toBe(true);
      expect(owners.has('customer') || owners.has('shared'), service.id).toBe(true);
    }
  });

  it('has one layer of AWS-owned items per category, and AWS items never carry checks', () => {
    expect(categories.map((layer) => layer.category).sort()).toEqual([
      'abstracted',
      'container',
      'infrastructure',
    ]);
    for (const layer of categories)
      for (const item of layer.responsibilities) expect([item.owner, item.checks]).toEqual(['aws', []]);
  });

  it('gives every item a unique id', () => {
    const ids = [
      ...categories.flatMap((layer) => layer.responsibilities),
      ...items.map(({ item }) => item),
    ].map((item) => item.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('binds only check ids that exist', () => {
    const unknown = items.flatMap(({ item }) =>
      item.checks.filter((id) => !CHECK_IDS.has(id)).map((id) => `${item.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every automated customer item at least one check', () => {
    const bare = items.filter(
      ({ item }) => item.owner !== 'aws' && item.verifiability === 'automated' && item.checks.length === 0,
    );
    expect(bare.map(({ item }) => item.id)).toEqual([]);
  });

  it('cites every check by at least one item', () => {
    const cited = new Set(items.flatMap(({ item }) => item.checks));
    expect(CHECKS.map((check) => check.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it('detects services only from kinds onus has', () => {
    const unknown = services.flatMap((service) =>
      service.detect.filter((kind) => !KINDS.has(kind)).map((kind) => `${service.id}: ${kind}`),
    );
    const predicates = services.flatMap((service) =>
      service.variants.flatMap((variant) =>
        variant.when.filter((p) => !KINDS.has(p.kind)).map((p) => `${service.id}/${variant.id}: ${p.kind}`),
      ),
    );
    expect([...unknown, ...predicates]).toEqual([]);
  });

  it('tests variant attributes that the kinds define', () => {
    const missing: string[] = [];
    for (const service of services)
      for (const variant of service.variants)
        for (const predicate of variant.when) {
          const shape = KINDS.get(predicate.kind)?.attributes.shape as Record<string, unknown> | undefined;
          if (!shape || !(predicate.field in shape))
            missing.push(`${service.id}/${variant.id}: ${predicate.kind}.${predicate.field}`);
        }
    expect(missing).toEqual([]);
  });
});

describe('the catalog schema', () => {
  const valid = {
    id: 'demo',
    name: 'Demo',
    category: 'abstracted',
    securityChapter: 'https://docs.aws.amazon.com/demo/security.html',
    detect: [],
    responsibilities: [
      {
        id: 'demo.data.encryption',
        title: 'Encrypted',
        description: 'Data is encrypted.',
        owner: 'shared',
        class: 'shared',
        domain: 'data',
        verifiability: 'automated',
        awsPart: 'AWS encrypts.',
        customerPart: 'You pick the key.',
        checks: ['s3-bucket-kms-encryption'],
        source: 'https://docs.aws.amazon.com/demo/encryption.html',
      },
    ],
  };
  const problems = (change: (service: typeof valid) => unknown) =>
    (ServiceSchema.safeParse(change(structuredClone(valid))).error?.issues ?? []).map(
      (issue) => issue.message,
    );

  it('accepts a well-formed service', () => {
    expect(problems((s) => s)).toEqual([]);
  });

  it.each([
    [
      'a shared item without its AWS part',
      (s: typeof valid) => ({ ...s, responsibilities: [{ ...s.responsibilities[0], awsPart: undefined }] }),
      'a shared item states awsPart and customerPart',
    ],
    [
      'an automated item without checks',
      (s: typeof valid) => ({ ...s, responsibilities: [{ ...s.responsibilities[0], checks: [] }] }),
      'an automated item names the checks that verify it',
    ],
    [
      'an AWS item with checks',
      (s: typeof valid) => ({
        ...s,
        responsibilities: [
          { ...s.responsibilities[0], owner: 'aws', class: 'inherited', verifiability: 'aws-attested' },
        ],
      }),
      'an AWS item has no checks',
    ],
    [
      'an id of another service',
      (s: typeof valid) => ({
        ...s,
        responsibilities: [{ ...s.responsibilities[0], id: 's3.data.encryption' }],
      }),
      'ids start with the service id "demo."',
    ],
    [
      'a plain-http source',
      (s: typeof valid) => ({ ...s, securityChapter: 'http://docs.aws.amazon.com/x' }),
      'Invalid URL',
    ],
    [
      'an unknown variant',
      (s: typeof valid) => ({
        ...s,
        responsibilities: [{ ...s.responsibilities[0], variants: ['fargate'] }],
      }),
      'unknown variant "fargate"',
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(problems(change).join(' | ')).toContain(message);
  });
});
