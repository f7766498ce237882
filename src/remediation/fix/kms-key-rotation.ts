import {
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import type { Gap } from '../../core/gap.js';
import type { AttributesOf } from '../../core/kinds/index.js';
import type { Collector } from '../../sources/aws/collector.js';
import { allPages, regionalArn } from '../../sources/aws/collectors/support.js';
import type { Fix } from './types.js';

const LIST = 'kms:ListKeys';
const DESCRIBE = 'kms:DescribeKey';
const ROTATION = 'kms:GetKeyRotationStatus';
const WRITE = 'kms:EnableKeyRotation';

type KeyFacts = Partial<AttributesOf<'kms.key'>>;

/**
 * Reads what the rotation check reads about each key: who manages it, its spec, origin and state, and, for the
 * keys KMS can rotate, whether it does (not the key policies and tags the KMS collector reads too).
 */
export const keyRotationReader: Collector = {
  service: 'kms',
  global: false,
  actions: [LIST, DESCRIBE, ROTATION],
  kinds: { 'kms.key': ['keyId', 'keyManager', 'keySpec', 'keyState', 'origin', 'rotationEnabled'] },
  async collect(ctx) {
    const client = ctx.client(KMSClient);
    const keys = await ctx.call(LIST, () => allPages(paginateListKeys({ client }, {}), (page) => page.Keys));
    await Promise.all(
      keys.map(async (entry) => {
        const keyId = entry.KeyId ?? '';
        const arn = entry.KeyArn ?? regionalArn(ctx, 'kms', `key/${keyId}`);
        const attributes: KeyFacts = { keyId };
        const gaps: Gap[] = [];
        const described = await ctx.observe(DESCRIBE, () =>
          client.send(new DescribeKeyCommand({ KeyId: keyId })),
        );
        const metadata = described.ok ? described.value?.KeyMetadata : undefined;
        if (!described.ok) gaps.push(described.failure.gap('*'));
        else if (metadata?.KeyManager && metadata.KeySpec && metadata.KeyState && metadata.Origin) {
          attributes.keyManager = metadata.KeyManager;
          attributes.keySpec = metadata.KeySpec;
          attributes.keyState = metadata.KeyState;
          attributes.origin = metadata.Origin;
        } else
          gaps.push({ field: '*', reason: 'collection-error', action: DESCRIBE, detail: 'no KeyMetadata' });
        const rotatable =
          attributes.keyManager === 'CUSTOMER' &&
          attributes.keySpec === 'SYMMETRIC_DEFAULT' &&
          attributes.origin === 'AWS_KMS' &&
          attributes.keyState === 'Enabled';
        if (rotatable) {
          const rotation = await ctx.observe(ROTATION, () =>
            client.send(new GetKeyRotationStatusCommand({ KeyId: keyId })),
          );
          if (rotation.ok) attributes.rotationEnabled = rotation.value?.KeyRotationEnabled === true;
          else gaps.push(rotation.failure.gap('rotationEnabled'));
        } else if (attributes.keyManager) {
          // The check looks only at rotatable keys; AWS managed ones rotate on their own.
          attributes.rotationEnabled = attributes.keyManager === 'AWS';
        }
        ctx.emit({ kind: 'kms.key', id: keyId, arn, attributes, gaps });
      }),
    );
  },
};

export const keyRotationFix: Fix = {
  name: 'kms-key-rotation',
  summary:
    'enables automatic yearly rotation on each enabled customer managed symmetric key that lacks it (--key-id to limit)',
  checkIds: ['kms-key-rotation-enabled'],
  global: false,
  readers: [keyRotationReader],
  writeActions: [WRITE],
  plan({ failing }) {
    return [
      {
        action: WRITE,
        account: failing.resource.account,
        region: failing.resource.region,
        global: false,
        parameters: { KeyId: failing.resource.id },
      },
    ];
  },
  async send(call, client) {
    await client(KMSClient, call.region).send(
      new EnableKeyRotationCommand({ KeyId: String(call.parameters.KeyId) }),
    );
  },
};
