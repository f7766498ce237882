import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-acls-disabled.js';

testCheck(check, {
  pass: [
    {
      name: 'the bucket owner owns every object and ACLs are off',
      resources: [s3Bucket('reports', { objectOwnership: 'BucketOwnerEnforced' })],
      message: /ACLs are disabled on bucket reports/,
    },
  ],
  fail: [
    {
      name: 'the bucket owner is only preferred, so ACLs still apply',
      resources: [s3Bucket('reports', { objectOwnership: 'BucketOwnerPreferred' })],
      message: /Object Ownership: BucketOwnerPreferred/,
    },
    {
      name: 'an old bucket without ownership controls',
      resources: [s3Bucket('reports', { objectOwnership: null })],
      message: /no ownership controls/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketOwnershipControls was denied',
      resources: [withGap(s3Bucket(), 'objectOwnership', 'access-denied', 's3:GetBucketOwnershipControls')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
