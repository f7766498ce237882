import { describe, expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './kms-key-rotation-enabled.js';

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
      name: 'a customer managed key rotates automatically',
      resources: [key()],
      message: new RegExp(`rotation is enabled for key ${KEY_ID}`),
    },
  ],
  fail: [
    {
      name: 'a customer managed key does not rotate',
      resources: [key({ rotationEnabled: false })],
      message: new RegExp(`rotation is off for customer managed key ${KEY_ID}`),
    },
  ],
  notEvaluated: [
    {
      name: 'the rotation status could not be read',
      resources: [withGap(key(), 'rotationEnabled', 'access-denied', 'kms:GetKeyRotationStatus')],
      reason: 'access-denied',
    },
    {
      name: 'the key could not be described',
      resources: [withGap(key(), 'keyState', 'throttled', 'kms:DescribeKey')],
      reason: 'throttled',
    },
    {
      name: 'the keys in the region could not be listed',
      resources: [],
      scopeGaps: [
        { region: REGION, kind: 'kms.key', field: '*', reason: 'access-denied', action: 'kms:ListKeys' },
      ],
      reason: 'access-denied',
      message: /KMS key: could not list in eu-west-1/,
    },
  ],
  skip: [
    {
      name: 'an AWS managed key gets no result: AWS rotates it yearly',
      resources: [key({ keyManager: 'AWS', rotationEnabled: false })],
    },
    {
      name: 'an asymmetric signing key gets no result: it cannot rotate automatically',
      resources: [key({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', rotationEnabled: false })],
    },
    {
      name: 'an HMAC key gets no result',
      resources: [key({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC', rotationEnabled: false })],
    },
    {
      name: 'a key with imported key material gets no result',
      resources: [key({ origin: 'EXTERNAL', rotationEnabled: false })],
    },
    {
      name: 'a key in a CloudHSM key store gets no result',
      resources: [key({ origin: 'AWS_CLOUDHSM', rotationEnabled: false })],
    },
    {
      name: 'a disabled or pending-deletion key gets no result',
      resources: [
        key({ keyId: 'disabled', keyState: 'Disabled', rotationEnabled: false }),
        key({ keyId: 'doomed', keyState: 'PendingDeletion', rotationEnabled: false }),
      ],
    },
  ],
});

describe('kms-key-rotation-enabled per key', () => {
  it('reports each key on its own: only the key without rotation fails', () => {
    const results = runCase(check, {
      name: 'two keys',
      resources: [key({ keyId: 'rotating' }), key({ keyId: 'static', rotationEnabled: false })],
    });
    expect(results.map((result) => [result.resource.id, result.status])).toEqual([
      ['rotating', 'PASS'],
      ['static', 'FAIL'],
    ]);
  });
});
