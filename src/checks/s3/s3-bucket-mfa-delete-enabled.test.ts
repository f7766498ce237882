import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-mfa-delete-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'a versioned bucket with MFA Delete',
      resources: [s3Bucket('reports', { versioning: 'Enabled', mfaDelete: true })],
      message: /requires the root user's MFA/,
    },
  ],
  fail: [
    {
      name: 'a versioned bucket without MFA Delete',
      resources: [s3Bucket('reports', { versioning: 'Enabled', mfaDelete: false })],
      message: /^Bucket reports does not have MFA Delete: its versions can be deleted without MFA$/,
    },
    {
      name: 'a bucket that was never versioned',
      resources: [s3Bucket('reports', { versioning: null, mfaDelete: false })],
      message: /versioning is off, and MFA Delete needs it/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketVersioning was denied',
      resources: [withGap(withGap(s3Bucket(), 'versioning', 'access-denied'), 'mfaDelete', 'access-denied')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
