import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-versioning-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'versioning is enabled',
      resources: [s3Bucket('reports', { versioning: 'Enabled' })],
      message: /reports keeps every version/,
    },
  ],
  fail: [
    {
      name: 'versioning was never enabled',
      resources: [s3Bucket('reports', { versioning: null, mfaDelete: false })],
      message: /never enabled on bucket reports/,
    },
    {
      name: 'versioning was suspended',
      resources: [s3Bucket('reports', { versioning: 'Suspended' })],
      message: /suspended on bucket reports/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketVersioning was denied',
      resources: [withGap(s3Bucket(), 'versioning', 'access-denied', 's3:GetBucketVersioning')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket', undefined, 'throttled'),
  ],
});
