import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListKeys,
  paginateListResourceTags,
  type KeyListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, incompleteResponse, pairsToRecord, parsePolicy, regionalArn } from './support.js';

type KeyAttributes = AttributesOf<'kms.key'>;
/** What DescribeKey tells about a key. */
type Described = Omit<KeyAttributes, 'keyId' | 'rotationEnabled' | 'policy'>;

export const kmsCollector: Collector = {
  service: 'kms',
  global: false,
  actions: [
    'kms:ListKeys',
    'kms:DescribeKey',
    'kms:GetKeyRotationStatus',
    'kms:GetKeyPolicy',
    'kms:ListResourceTags',
  ],
  kinds: {
    'kms.key': [
      'keyId',
      'description',
      'keyManager',
      'keySpec',
      'keyUsage',
      'keyState',
      'origin',
      'rotationEnabled',
      'policy',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(KMSClient);
    // A failed listing throws out of collect(): the runner records a gap on kms.key here.
    const keys = await ctx.call('kms:ListKeys', () =>
      allPages(paginateListKeys({ client }, {}), (page) => page.Keys),
    );
    await Promise.all(keys.map((key) => collectKey(client, ctx, key)));
  },
};

async function collectKey(client: KMSClient, ctx: CollectorContext, entry: KeyListEntry): Promise<void> {
  const keyId = entry.KeyId ?? '';
  const arn = entry.KeyArn ?? regionalArn(ctx, 'kms', `key/${keyId}`);
  const described = await ctx.observe('kms:DescribeKey', () =>
    client.send(new DescribeKeyCommand({ KeyId: keyId })),
  );
  const facts = described.ok ? describedFrom(described.value?.KeyMetadata) : undefined;
  if (!facts) {
    // Without DescribeKey nothing but the id is known, not even whose key it is: the whole key is a gap.
    const failure = described.ok
      ? incompleteResponse('kms:DescribeKey', 'no complete KeyMetadata')
      : described.failure;
    ctx.emit({ kind: 'kms.key', id: keyId, arn, attributes: { keyId }, gaps: [failure.gap('*')] });
    return;
  }

  const known = knownRotation(facts);
  const [rotation, policy, tags] = await Promise.all([
    known === ASK
      ? ctx.observe('kms:GetKeyRotationStatus', () =>
          client.send(new GetKeyRotationStatusCommand({ KeyId: keyId })),
        )
      : Promise.resolve(null),
    // A key's only policy is named "default"; every key has one, so an empty answer is no answer.
    ctx.observe('kms:GetKeyPolicy', async () => {
      const output = await client.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
      const document = parsePolicy(output.Policy, 'key policy');
      if (!document) throw incompleteResponse('kms:GetKeyPolicy', 'no key policy in the response');
      return document;
    }),
    // AWS managed keys cannot be tagged. Tags are not an attribute: a failed call is in the scan's errors only.
    facts.keyManager === 'CUSTOMER'
      ? ctx.observe('kms:ListResourceTags', () => listTags(client, keyId))
      : Promise.resolve(null),
  ]);

  const attributes: Partial<KeyAttributes> = { keyId, ...facts };
  const gaps: Gap[] = [];
  if (known !== ASK) attributes.rotationEnabled = known;
  else if (rotation?.ok) attributes.rotationEnabled = rotation.value?.KeyRotationEnabled === true;
  else if (rotation) gaps.push(rotation.failure.gap('rotationEnabled'));
  if (policy.ok && policy.value) attributes.policy = policy.value;
  else if (!policy.ok) gaps.push(policy.failure.gap('policy'));

  ctx.emit({
    kind: 'kms.key',
    id: keyId,
    arn,
    tags: tags?.ok ? (tags.value ?? {}) : {},
    attributes,
    gaps,
  });
}

/** DescribeKey's answer as attributes; undefined if it left out something every key has. */
function describedFrom(metadata: KeyMetadata | undefined): Described | undefined {
  if (!metadata) return undefined;
  const { KeyManager: keyManager, KeySpec: keySpec, KeyUsage: keyUsage, KeyState: keyState } = metadata;
  const origin = metadata.Origin;
  if (!keyManager || !keySpec || !keyUsage || !keyState || !origin) return undefined;
  return { description: metadata.Description ?? '', keyManager, keySpec, keyUsage, keyState, origin };
}

const ASK = 'ask';

/**
 * `rotationEnabled` where the key's kind settles it, or ASK where only GetKeyRotationStatus can tell.
 *
 * - AWS managed keys: true. KMS rotates their material every year; it is not configurable, and
 *   GetKeyRotationStatus always answers true for them. False would say they never rotate, which is untrue.
 * - Customer managed keys KMS cannot rotate automatically (asymmetric, HMAC, imported material, custom key
 *   stores): false, which is what GetKeyRotationStatus reports for them. It is also a fact: nothing rotates them.
 * - Customer managed symmetric keys with KMS-generated material that are not Enabled: false, read as "KMS is
 *   not rotating this material now". That holds: KMS does not rotate a disabled key and reports false while
 *   a key is pending deletion. What it does not say is the stored setting, which applies again once a disabled
 *   key is re-enabled; onus does not read it, and its rotation check only looks at enabled keys.
 * - Enabled customer managed symmetric keys with KMS-generated material: ASK.
 */
function knownRotation(key: Described): boolean | typeof ASK {
  if (key.keyManager === 'AWS') return true;
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.origin !== 'AWS_KMS') return false;
  return key.keyState === 'Enabled' ? ASK : false;
}

async function listTags(client: KMSClient, keyId: string): Promise<Record<string, string>> {
  const tags = await allPages(paginateListResourceTags({ client }, { KeyId: keyId }), (page) => page.Tags);
  return pairsToRecord(
    tags,
    (tag) => tag.TagKey,
    (tag) => tag.TagValue,
  );
}
