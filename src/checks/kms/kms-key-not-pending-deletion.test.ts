import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './kms-key-not-pending-deletion.js';

type Key = AttributesOf<'kms.key'>;

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const key = (overrides: Partial<Key> = {}) => {
  const attributes: Key = {
    keyId: KEY_ID,
    description: 'application data',
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    keyState: 'Enabled',
    origin: 'AWS_KMS',
    rotationEnabled: true,
    ...overrides,
  };
  return resource('kms.key', attributes.keyId, attributes, {
    arn: `arn:aws:kms:${REGION}:111122223333:key/${attributes.keyId}`,
  });
};

testCheck(check, {
  pass: [
    {
      name: 'an enabled customer managed key',
      resources: [key()],
      message: new RegExp(`key ${KEY_ID} is not scheduled for deletion \\(Enabled\\)`),
    },
    { name: 'a disabled key that is not scheduled for deletion', resources: [key({ keyState: 'Disabled' })] },
  ],
  fail: [
    {
      name: 'a customer managed key is scheduled for deletion',
      resources: [key({ keyState: 'PendingDeletion' })],
      message: new RegExp(`^Customer managed key ${KEY_ID} is scheduled for deletion \\(PendingDeletion\\)$`),
    },
    {
      name: 'a multi-Region replica key is scheduled for deletion',
      resources: [key({ keyState: 'PendingReplicaDeletion' })],
      message: /PendingReplicaDeletion/,
    },
  ],
  notEvaluated: [
    {
      name: 'the key could not be described',
      resources: [withGap(key(), 'keyState', 'access-denied', 'kms:DescribeKey')],
      reason: 'access-denied',
    },
    {
      name: 'the keys in the region could not be listed',
      resources: [],
      scopeGaps: [
        { region: REGION, kind: 'kms.key', field: '*', reason: 'access-denied', action: 'kms:ListKeys' },
      ],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'an AWS managed key gets no result', resources: [key({ keyManager: 'AWS' })] }],
});
