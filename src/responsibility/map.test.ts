import { describe, expect, it } from 'vitest';
import type { Inventory } from '../core/inventory.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, inventoryOf, withGap } from '../testing/builders.js';
import { rdsCluster } from '../testing/database-kinds.js';
import { s3Bucket } from '../testing/kinds.js';
import { scanOf } from '../testing/scan.js';
import { catalog } from './catalog.js';
import { buildMap, detectServices, summaryLine, type MappedService } from './map.js';

const OTHER = '444455556666';

function mapOf(resources: Resource[], inventory: Inventory = inventoryOf(resources)) {
  return buildMap(inventory, scanOf(inventory), catalog());
}

function service(map: ReturnType<typeof mapOf>, id: string): MappedService {
  const found = map.services.find((s) => s.id === id);
  if (!found) throw new Error(`service ${id} is not in the map: ${map.services.map((s) => s.id).join(', ')}`);
  return found;
}

function item(mapped: MappedService, id: string) {
  const found = mapped.items.find((i) => i.id === id);
  if (!found) throw new Error(`item ${id} is not in ${mapped.id}`);
  return found;
}

describe('service detection', () => {
  it('finds the services whose resources are in the inventory, with accounts, regions and counts', () => {
    const inventory = inventoryOf([
      s3Bucket('reports'),
      s3Bucket('logs', {}, { region: 'eu-west-1' }),
      s3Bucket('partner', {}, { account: OTHER }),
    ]);
    const usages = detectServices(inventory, catalog());
    const s3 = usages.find((usage) => usage.service.id === 's3');
    expect(s3).toMatchObject({
      accounts: [ACCOUNT, OTHER],
      resourceCount: 3,
      resourcesByKind: { 's3.bucket': 3 },
    });
    expect(usages.some((usage) => usage.service.id === 'dynamodb')).toBe(false);
  });

  it('lists account-wide duties (IAM, CloudTrail, GuardDuty) for every account, even with nothing built', () => {
    const ids = detectServices(inventoryOf([]), catalog()).map((usage) => usage.service.id);
    expect(ids).toEqual(expect.arrayContaining(['iam', 'cloudtrail', 'guardduty', 'config', 'securityhub']));
    expect(ids).not.toContain('s3');
  });
});

describe('the map', () => {
  it('puts AWS items as inherited, with the evidence a customer can obtain', () => {
    const s3 = service(mapOf([s3Bucket()]), 's3');
    const facilities = item(s3, 'abstracted.physical.facilities');
    expect(facilities).toMatchObject({ owner: 'aws', status: 'inherited', origin: 'category' });
    expect(facilities.why).toContain('AWS Artifact');
    expect(item(s3, 's3.infrastructure.durability').status).toBe('inherited');
  });

  it('judges a customer item met when every check passes on every resource', () => {
    const s3 = service(mapOf([s3Bucket('reports'), s3Bucket('logs')]), 's3');
    expect(item(s3, 's3.data.encryption-at-rest')).toMatchObject({
      status: 'met',
      owner: 'shared',
      checks: [expect.objectContaining({ checkId: 's3-bucket-kms-encryption', pass: 2, fail: 0 })],
    });
  });

  it('judges it not met when one resource fails, naming the failing result as evidence', () => {
    const s3 = service(mapOf([s3Bucket('reports'), s3Bucket('uploads', { defaultEncryption: null })]), 's3');
    const encryption = item(s3, 's3.data.encryption-at-rest');
    expect(encryption.status).toBe('not-met');
    expect(encryption.why).toContain('s3-bucket-kms-encryption (1 of 2)');
    expect(encryption.failing).toEqual([
      expect.objectContaining({ checkId: 's3-bucket-kms-encryption', resource: 'uploads' }),
    ]);
    // Worst first.
    expect(s3.items[0]?.status).toBe('not-met');
  });

  it('never calls an item met when a check could not see a resource: unknown, with why', () => {
    const s3 = service(
      mapOf([
        s3Bucket('reports'),
        withGap(s3Bucket('secret'), 'defaultEncryption', 'access-denied', 's3:GetEncryptionConfiguration'),
      ]),
      's3',
    );
    const encryption = item(s3, 's3.data.encryption-at-rest');
    expect(encryption.status).toBe('unknown');
    expect(encryption.why).toContain('access-denied: s3:GetEncryptionConfiguration');
  });

  it('leaves items no check can decide to a person, with guidance', () => {
    const classification = item(service(mapOf([s3Bucket()]), 's3'), 's3.data.classification');
    expect(classification.status).toBe('manual');
    expect(classification.why).toContain('Macie');
  });

  it('marks an item whose checks pass but which needs review too as partial', () => {
    const iam = service(mapOf([]), 'iam');
    const partial = iam.items.filter((i) => i.verifiability === 'partial');
    expect(partial.length).toBeGreaterThan(0);
    for (const i of partial) expect(['partial', 'not-met', 'unknown']).toContain(i.status);
  });

  it('applies variant items only where resources are in that configuration', () => {
    const withAurora = service(mapOf([rdsCluster()]), 'rds');
    expect(withAurora.variants.map((v) => v.id)).toEqual(['aurora']);
    expect(withAurora.items.map((i) => i.id)).toContain('rds.platform.aurora-storage-replication');
    const withoutAurora = service(mapOf([rdsCluster({ engine: 'mysql', identifier: 'legacy' })]), 'rds');
    expect(withoutAurora.variants).toEqual([]);
    expect(withoutAurora.items.map((i) => i.id)).not.toContain('rds.platform.aurora-storage-replication');
  });

  it('counts per owner and per status, and opens with the summary line', () => {
    const map = mapOf([s3Bucket('reports'), s3Bucket('uploads', { defaultEncryption: null })]);
    const s3 = service(map, 's3');
    expect(s3.owners.aws).toBe(s3.items.filter((i) => i.owner === 'aws').length);
    expect(s3.yours.notMet).toBe(s3.items.filter((i) => i.owner !== 'aws' && i.status === 'not-met').length);
    const { totals } = map;
    expect(totals.yours).toBe(totals.shared + totals.customer);
    expect(
      totals.status.met +
        totals.status.notMet +
        totals.status.unknown +
        totals.status.partial +
        totals.status.manual,
    ).toBe(totals.yours);
    expect(map.summary).toBe(summaryLine(totals));
    expect(map.summary).toMatch(
      /^You use \d+ services; AWS covers \d+ items, you own \d+ \(\d+ shared\): \d+ met, \d+ not met, \d+ not evaluated/,
    );
  });

  it('judges a service across every account that uses it', () => {
    const map = mapOf([
      s3Bucket('reports'),
      s3Bucket('uploads', { defaultEncryption: null }, { account: OTHER }),
    ]);
    const s3 = service(map, 's3');
    expect(s3.accounts).toEqual([ACCOUNT, OTHER]);
    expect(item(s3, 's3.data.encryption-at-rest').status).toBe('not-met');
  });
});
