import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-volume-encrypted.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const volume = (overrides: Partial<AttributesOf<'ec2.volume'>> = {}) =>
  resource('ec2.volume', 'vol-0abc', {
    volumeId: 'vol-0abc',
    encrypted: true,
    kmsKeyId: KEY,
    state: 'in-use',
    sizeGiB: 100,
    attachedInstanceIds: ['i-0123'],
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'an attached volume encrypted with a KMS key',
      resources: [volume()],
      message: /vol-0abc \(attached to i-0123\) is encrypted with arn:aws:kms/,
    },
    {
      name: 'an unattached encrypted volume',
      resources: [volume({ state: 'available', attachedInstanceIds: [] })],
      message: /unattached/,
    },
  ],
  fail: [
    {
      name: 'the root volume of a running instance is not encrypted',
      resources: [volume({ encrypted: false, kmsKeyId: null })],
      message: /^EBS volume vol-0abc \(attached to i-0123\) is not encrypted$/,
    },
    {
      name: 'a detached volume left behind unencrypted',
      resources: [volume({ encrypted: false, kmsKeyId: null, state: 'available', attachedInstanceIds: [] })],
      message: /unattached\) is not encrypted/,
    },
  ],
  notEvaluated: [
    {
      name: 'whether the volume is encrypted could not be read',
      resources: [withGap(volume(), 'encrypted', 'access-denied', 'ec2:DescribeVolumes')],
      reason: 'access-denied',
    },
    listingFailed(
      'volumes could not be listed in the region',
      'ec2.volume',
      'ec2:DescribeVolumes',
      'throttled',
    ),
  ],
  skip: [
    {
      name: 'an unencrypted volume that is being deleted',
      resources: [volume({ encrypted: false, kmsKeyId: null, state: 'deleting', attachedInstanceIds: [] })],
    },
  ],
});
