import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import keyRotationCheck from '../../../checks/kms/kms-key-rotation-enabled.js';
import type { Check } from '../../../core/check.js';
import { runChecks } from '../../../core/engine.js';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, NOW, REGION } from '../../../testing/builders.js';
import { loadCollected, snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { kmsCollector } from './kms.js';

const kms = mockClient(KMSClient);
const KINDS = Object.keys(kmsCollector.kinds);

const KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};

const arnOf = (keyId: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;

const metadata = (keyId: string, overrides: Partial<KeyMetadata> = {}): KeyMetadata => ({
  KeyId: keyId,
  Arn: arnOf(keyId),
  AWSAccountId: ACCOUNT,
  Description: `key ${keyId}`,
  KeyManager: 'CUSTOMER',
  KeySpec: 'SYMMETRIC_DEFAULT',
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Enabled: true,
  Origin: 'AWS_KMS',
  ...overrides,
});

/** Keys as ListKeys returns them (one page) and DescribeKey describes them; rotation on, no tags. */
function account(keys: KeyMetadata[]) {
  kms.on(ListKeysCommand).resolves({ Keys: keys.map((key) => ({ KeyId: key.KeyId, KeyArn: key.Arn })) });
  for (const key of keys) kms.on(DescribeKeyCommand, { KeyId: key.KeyId }).resolves({ KeyMetadata: key });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(KEY_POLICY), PolicyName: 'default' });
}

/** What a user would see: the check's status per resource id. */
function verdicts(sink: CollectionSink, check: Check): Record<string, string> {
  const loaded = loadCollected(sink, KINDS);
  if (!loaded.ok) throw new Error(loaded.error);
  const results = runChecks(loaded.inventory, [check], { now: NOW, thresholds: {} });
  return Object.fromEntries(results.map((result) => [result.resource.id, result.status]));
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('kms collector', () => {
  beforeEach(() => kms.reset());

  it('reports every key across ListKeys pages, with every attribute of the kind and tags across pages', async () => {
    const [a, b] = [metadata('key-a'), metadata('key-b', { Description: undefined })];
    account([a, b]);
    kms
      .on(ListKeysCommand)
      .resolvesOnce({ Keys: [{ KeyId: 'key-a', KeyArn: arnOf('key-a') }], NextMarker: 'm2', Truncated: true })
      .resolvesOnce({ Keys: [{ KeyId: 'key-b', KeyArn: arnOf('key-b') }], Truncated: false });
    kms
      .on(ListResourceTagsCommand, { KeyId: 'key-a' })
      .resolvesOnce({ Tags: [{ TagKey: 'team', TagValue: 'payments' }], NextMarker: 't2', Truncated: true })
      .resolvesOnce({ Tags: [{ TagKey: 'env', TagValue: 'prod' }], Truncated: false });
    kms.on(GetKeyRotationStatusCommand, { KeyId: 'key-b' }).resolves({ KeyRotationEnabled: false });
    const sink = await collectWith(kmsCollector);

    expect(sink.resources.map((r) => r.id).sort()).toEqual(['key-a', 'key-b']);
    expect(byId(sink, 'key-a')).toEqual({
      kind: 'kms.key',
      id: 'key-a',
      arn: arnOf('key-a'),
      region: REGION,
      tags: { team: 'payments', env: 'prod' },
      attributes: {
        keyId: 'key-a',
        description: 'key key-a',
        keyManager: 'CUSTOMER',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        keyState: 'Enabled',
        origin: 'AWS_KMS',
        rotationEnabled: true,
        policy: KEY_POLICY,
      },
      gaps: [],
    });
    expect(kms.commandCalls(GetKeyPolicyCommand)[0]?.args[0].input).toMatchObject({ PolicyName: 'default' });
    expect(byId(sink, 'key-b')?.attributes).toMatchObject({ description: '', rotationEnabled: false });
    expect(kms.commandCalls(ListKeysCommand)).toHaveLength(2);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(verdicts(sink, keyRotationCheck)).toEqual({ 'key-a': 'PASS', 'key-b': 'FAIL' });
  });

  it('reports a region without keys as no resources and no gap', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [], Truncated: false });
    const sink = await collectWith(kmsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListKeys into a gap on the kind, naming the action', async () => {
    kms.on(ListKeysCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(kmsCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('kms.key', 'access-denied', 'kms:ListKeys')]);
    expect(verdicts(sink, keyRotationCheck)).toEqual({ '*': 'NOT_EVALUATED' });
  });

  it('keeps a key whose DescribeKey was denied (by its key policy, typically) as a gap on the whole key', async () => {
    account([metadata('open'), metadata('locked')]);
    kms.on(DescribeKeyCommand, { KeyId: 'locked' }).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(kmsCollector);
    expect(byId(sink, 'locked')).toMatchObject({
      arn: arnOf('locked'),
      attributes: { keyId: 'locked' },
      gaps: [expect.objectContaining({ field: '*', reason: 'access-denied', action: 'kms:DescribeKey' })],
    });
    expect(Object.keys(byId(sink, 'locked')?.attributes ?? {})).toEqual(['keyId']);
    // Nothing else is asked about a key nobody could describe: not even whose it is is known.
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((call) => call.args[0].input.KeyId)).toEqual([
      'open',
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(verdicts(sink, keyRotationCheck)).toEqual({ open: 'PASS', locked: 'NOT_EVALUATED' });
  });

  it('keeps a key whose rotation status was denied, with a gap on rotationEnabled only', async () => {
    account([metadata('key-a')]);
    kms.on(GetKeyRotationStatusCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(kmsCollector);
    const [key] = sink.resources;
    expect(key?.gaps).toEqual([
      expect.objectContaining({
        field: 'rotationEnabled',
        reason: 'access-denied',
        action: 'kms:GetKeyRotationStatus',
      }),
    ]);
    expect(key?.attributes).not.toHaveProperty('rotationEnabled');
    expect(key?.attributes).toMatchObject({ keyManager: 'CUSTOMER', keyState: 'Enabled' });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(verdicts(sink, keyRotationCheck)).toEqual({ 'key-a': 'NOT_EVALUATED' });
  });

  it('gaps rotationEnabled as throttled when GetKeyRotationStatus is throttled for good', async () => {
    account([metadata('key-a')]);
    kms.on(GetKeyRotationStatusCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'rotationEnabled',
        reason: 'throttled',
        action: 'kms:GetKeyRotationStatus',
      }),
    ]);
  });

  it('gaps the whole key as throttled when DescribeKey is throttled for good', async () => {
    account([metadata('key-a')]);
    kms.on(DescribeKeyCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: '*', reason: 'throttled', action: 'kms:DescribeKey' }),
    ]);
  });

  it('reports a key whose ListResourceTags was denied without tags and without a gap (tags are no attribute)', async () => {
    account([metadata('key-a')]);
    kms.on(ListResourceTagsCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]).toMatchObject({ tags: {}, gaps: [], attributes: { rotationEnabled: true } });
    expect(sink.errors).toEqual([expect.objectContaining({ action: 'kms:ListResourceTags' })]);
  });

  it('gaps the whole key when DescribeKey answers without metadata, rather than guessing', async () => {
    account([metadata('key-a')]);
    kms.on(DescribeKeyCommand).resolves({});
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: '*', reason: 'collection-error', action: 'kms:DescribeKey' }),
    ]);
  });

  it('records an AWS managed key as rotating (AWS rotates it yearly) without asking, and asks no tags', async () => {
    account([metadata('aws-ebs', { KeyManager: 'AWS', Description: 'Default key for EBS' })]);
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]).toMatchObject({
      tags: {},
      gaps: [],
      attributes: { keyManager: 'AWS', rotationEnabled: true },
    });
    expect(kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
    expect(kms.commandCalls(ListResourceTagsCommand)).toHaveLength(0);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    // The rotation check is about customer keys only: an AWS managed key gets no result at all.
    expect(verdicts(sink, keyRotationCheck)).toEqual({});
  });

  it.each([
    ['an asymmetric signing key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }],
    ['an HMAC key', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }],
    ['a key with imported material', { Origin: 'EXTERNAL' }],
    ['a key in a CloudHSM key store', { Origin: 'AWS_CLOUDHSM' }],
    ['a disabled key', { KeyState: 'Disabled', Enabled: false }],
    ['a key pending deletion', { KeyState: 'PendingDeletion', Enabled: false }],
  ] as [string, Partial<KeyMetadata>][])(
    'records %s as not rotating, without asking, and still reads its tags',
    async (_name, overrides) => {
      account([metadata('key-a', overrides)]);
      kms
        .on(ListResourceTagsCommand)
        .resolves({ Tags: [{ TagKey: 'team', TagValue: 'x' }], Truncated: false });
      const sink = await collectWith(kmsCollector);
      expect(sink.resources[0]).toMatchObject({
        tags: { team: 'x' },
        gaps: [],
        attributes: { rotationEnabled: false },
      });
      expect(kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
      expect(verdicts(sink, keyRotationCheck)).toEqual({});
    },
  );

  it('keeps a key whose key policy was denied, with a gap on its policy alone', async () => {
    account([metadata('key-a')]);
    kms.on(GetKeyPolicyCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'access-denied', action: 'kms:GetKeyPolicy' }),
    ]);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('policy');
    expect(sink.resources[0]?.attributes).toMatchObject({ rotationEnabled: true });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the key policy when KMS answers without one, rather than reading it as no policy', async () => {
    account([metadata('key-a')]);
    kms.on(GetKeyPolicyCommand).resolves({});
    const sink = await collectWith(kmsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'collection-error', action: 'kms:GetKeyPolicy' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
