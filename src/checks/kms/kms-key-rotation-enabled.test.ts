import { describe, expect, it } from 'vitest';
import { REGION, withGap } from '../../testing/builders.js';
import { KMS_KEY_ID, kmsKey } from '../../testing/kinds.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './kms-key-rotation-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'a customer managed key rotates automatically',
      resources: [kmsKey()],
      message: new RegExp(`rotation is enabled for key ${KMS_KEY_ID}`),
    },
  ],
  fail: [
    {
      name: 'a customer managed key does not rotate',
      resources: [kmsKey({ rotationEnabled: false })],
      message: new RegExp(`rotation is off for customer managed key ${KMS_KEY_ID}`),
    },
  ],
  notEvaluated: [
    {
      name: 'the rotation status could not be read',
      resources: [withGap(kmsKey(), 'rotationEnabled', 'access-denied', 'kms:GetKeyRotationStatus')],
      reason: 'access-denied',
    },
    {
      name: 'the key could not be described',
      resources: [withGap(kmsKey(), 'keyState', 'throttled', 'kms:DescribeKey')],
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
      resources: [kmsKey({ keyManager: 'AWS', rotationEnabled: false })],
    },
    {
      name: 'an asymmetric signing key gets no result: it cannot rotate automatically',
      resources: [kmsKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', rotationEnabled: false })],
    },
    {
      name: 'an HMAC key gets no result',
      resources: [kmsKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC', rotationEnabled: false })],
    },
    {
      name: 'a key with imported key material gets no result',
      resources: [kmsKey({ origin: 'EXTERNAL', rotationEnabled: false })],
    },
    {
      name: 'a key in a CloudHSM key store gets no result',
      resources: [kmsKey({ origin: 'AWS_CLOUDHSM', rotationEnabled: false })],
    },
    {
      name: 'a disabled or pending-deletion key gets no result',
      resources: [
        kmsKey({ keyId: 'disabled', keyState: 'Disabled', rotationEnabled: false }),
        kmsKey({ keyId: 'doomed', keyState: 'PendingDeletion', rotationEnabled: false }),
      ],
    },
  ],
});

describe('kms-key-rotation-enabled per key', () => {
  it('reports each key on its own: only the key without rotation fails', () => {
    const results = runCase(check, {
      name: 'two keys',
      resources: [kmsKey({ keyId: 'rotating' }), kmsKey({ keyId: 'static', rotationEnabled: false })],
    });
    expect(results.map((result) => [result.resource.id, result.status])).toEqual([
      ['rotating', 'PASS'],
      ['static', 'FAIL'],
    ]);
  });
});
