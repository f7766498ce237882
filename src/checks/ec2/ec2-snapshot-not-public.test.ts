import type { AttributesOf } from '../../core/kinds/index.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-snapshot-not-public.js';

const snapshot = (overrides: Partial<AttributesOf<'ec2.snapshot'>> = {}) =>
  resource('ec2.snapshot', 'snap-0abc', {
    snapshotId: 'snap-0abc',
    volumeId: 'vol-0abc',
    encrypted: false,
    kmsKeyId: null,
    startTime: daysAgo(10),
    public: false,
    ...overrides,
  });

testCheck(check, {
  pass: [
    { name: 'a private snapshot', resources: [snapshot()], message: /snap-0abc of vol-0abc is not public/ },
    { name: 'a private copied snapshot with no source volume', resources: [snapshot({ volumeId: null })] },
  ],
  fail: [
    {
      name: 'a snapshot anyone may restore',
      resources: [snapshot({ public: true })],
      message: /^EBS snapshot snap-0abc of vol-0abc can be restored by any AWS account$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the public snapshots could not be listed',
      resources: [withGap(snapshot(), 'public', 'access-denied', 'ec2:DescribeSnapshots')],
      reason: 'access-denied',
    },
    listingFailed('snapshots could not be listed in the region', 'ec2.snapshot', 'ec2:DescribeSnapshots'),
  ],
});
