import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inventoryOf, resource, withGap } from '../../testing/builders.js';
import { parseSnapshot, readSnapshotFile } from './read.js';
import { toSnapshot } from './write.js';

const DEMO = new URL('../../../examples/demo-account.json', import.meta.url);

async function demo(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(DEMO, 'utf8')) as Record<string, any>;
}

function errorOf(text: string): string {
  const loaded = parseSnapshot(text, 'snap.json');
  if (loaded.ok) throw new Error('expected the snapshot to be rejected');
  return loaded.error;
}

describe('snapshot reader', () => {
  it('loads the demo account with its regions, gaps and resources', async () => {
    const loaded = await readSnapshotFile(DEMO.pathname);
    if (!loaded.ok) throw new Error(loaded.error);
    const [account] = loaded.inventory.accounts;
    expect(account?.id).toBe('123456789012');
    expect(account?.regions.map((region) => region.name)).toEqual([
      'global',
      'ap-southeast-2',
      'eu-west-1',
      'me-central-1',
      'us-east-1',
    ]);
    const disabled = account?.regions.find((region) => region.name === 'me-central-1');
    expect(disabled?.gaps).toEqual([expect.objectContaining({ kind: '*', reason: 'region-disabled' })]);
    const lake = account?.regions
      .find((region) => region.name === 'us-east-1')
      ?.resources.find((item) => item.id === 'acme-data-lake-raw');
    expect(lake?.gaps).toEqual([expect.objectContaining({ field: 'policy', action: 's3:GetBucketPolicy' })]);
    expect(lake?.attributes).not.toHaveProperty('policy');
  });

  it('names the line and column of broken JSON', () => {
    const error = errorOf('{\n  "schemaVersion": 1,\n  "accounts": [,]\n}');
    expect(error).toMatch(/^snap\.json: not valid JSON at line 3, column 16: /);
    expect(error.split('\n')).toHaveLength(1);
  });

  it('rejects an unknown or missing schemaVersion, saying which version it reads', () => {
    expect(errorOf('{"schemaVersion": 7}')).toBe(
      'snap.json: $.schemaVersion: unknown schemaVersion 7; this onus reads schemaVersion 1',
    );
    expect(errorOf('{"accounts": []}')).toMatch(/\$\.schemaVersion: no schemaVersion/);
    expect(errorOf('[1, 2]')).toMatch(/^snap\.json: \$: expected a JSON object/);
  });

  it('names the JSON path of a field of the wrong type', async () => {
    const snapshot = await demo();
    snapshot.accounts[0].regions.global.resources[0].attributes.mfaActive = 'no';
    const error = errorOf(JSON.stringify(snapshot));
    expect(error).toBe(
      'snap.json: $.accounts[0].regions.global.resources[0].attributes.mfaActive: expected boolean, received string',
    );
  });

  it('names the path of a bad region name, a bad account id and an unknown field', async () => {
    const badRegion = await demo();
    badRegion.accounts[0].regions['mars-north-1x'] = { resources: [] };
    expect(errorOf(JSON.stringify(badRegion))).toMatch(/\$\.accounts\[0\]\.regions\["mars-north-1x"\]/);

    const badAccount = await demo();
    badAccount.accounts[0].id = '1234';
    expect(errorOf(JSON.stringify(badAccount))).toMatch(
      /\$\.accounts\[0\]\.id: expected a 12-digit AWS account id/,
    );

    const extra = await demo();
    extra.collection.colour = 'blue';
    expect(errorOf(JSON.stringify(extra))).toMatch(/\$\.collection: unknown field colour/);
  });

  it('rejects an unknown resource kind, and a global kind placed in a region', async () => {
    const unknown = await demo();
    unknown.accounts[0].regions['us-east-1'].resources[2].kind = 's3.buckit';
    expect(errorOf(JSON.stringify(unknown))).toMatch(
      /\$\.accounts\[0\]\.regions\["us-east-1"\]\.resources\[2\]\.kind: unknown resource kind "s3\.buckit"/,
    );
    const misplaced = await demo();
    misplaced.accounts[0].regions['us-east-1'].resources.push(
      misplaced.accounts[0].regions.global.resources[0],
    );
    expect(errorOf(JSON.stringify(misplaced))).toMatch(
      /iam\.root-user is global and cannot sit under us-east-1/,
    );
  });

  it('accepts a missing field only when a gap explains it', async () => {
    const snapshot = await demo();
    const user = snapshot.accounts[0].regions.global.resources[3];
    delete user.attributes.mfaActive;
    expect(errorOf(JSON.stringify(snapshot))).toMatch(
      /resources\[3\]\.attributes\.mfaActive: expected boolean, received undefined/,
    );
    user.gaps = [{ field: 'mfaActive', reason: 'access-denied', action: 'iam:GetCredentialReport' }];
    expect(parseSnapshot(JSON.stringify(snapshot), 'snap.json').ok).toBe(true);
    user.gaps = [{ field: 'mfaActiv', reason: 'access-denied' }];
    expect(errorOf(JSON.stringify(snapshot))).toMatch(
      /resources\[3\]\.gaps\[0\]\.field: iam\.user has no attribute "mfaActiv"/,
    );
  });

  it('reports a missing file in one line', async () => {
    const loaded = await readSnapshotFile('/nonexistent/inventory.json');
    expect(loaded).toEqual({
      ok: false,
      error: 'cannot read snapshot /nonexistent/inventory.json: no such file',
    });
  });

  it('reads back what it writes', () => {
    const bucket = withGap(
      resource('s3.bucket', 'b', {
        name: 'b',
        createdAt: null,
        publicAccessBlock: null,
        policy: null,
        defaultEncryption: null,
        versioning: null,
        mfaDelete: false,
        acl: [],
        objectOwnership: null,
        logging: null,
      }),
      'policy',
      'access-denied',
      's3:GetBucketPolicy',
    );
    const inventory = inventoryOf([bucket], {
      scopeGaps: [{ region: 'us-east-1', kind: 'kms.key', field: '*', reason: 'throttled' }],
    });
    const loaded = parseSnapshot(JSON.stringify(toSnapshot(inventory)), 'round-trip');
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.inventory).toEqual(inventory);
  });
});
