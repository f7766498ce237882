import { REGION, withGap } from '../../testing/builders.js';
import { KMS_KEY_ID, kmsKey } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './kms-key-not-pending-deletion.js';

testCheck(check, {
  pass: [
    {
      name: 'an enabled customer managed key',
      resources: [kmsKey()],
      message: new RegExp(`key ${KMS_KEY_ID} is not scheduled for deletion \\(Enabled\\)`),
    },
    {
      name: 'a disabled key that is not scheduled for deletion',
      resources: [kmsKey({ keyState: 'Disabled' })],
    },
  ],
  fail: [
    {
      name: 'a customer managed key is scheduled for deletion',
      resources: [kmsKey({ keyState: 'PendingDeletion' })],
      message: new RegExp(
        `^Customer managed key ${KMS_KEY_ID} is scheduled for deletion \\(PendingDeletion\\)$`,
      ),
    },
    {
      name: 'a multi-Region replica key is scheduled for deletion',
      resources: [kmsKey({ keyState: 'PendingReplicaDeletion' })],
      message: /PendingReplicaDeletion/,
    },
  ],
  notEvaluated: [
    {
      name: 'the key could not be described',
      resources: [withGap(kmsKey(), 'keyState', 'access-denied', 'kms:DescribeKey')],
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
  skip: [{ name: 'an AWS managed key gets no result', resources: [kmsKey({ keyManager: 'AWS' })] }],
});
