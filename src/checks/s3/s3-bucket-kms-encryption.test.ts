import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-kms-encryption.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

testCheck(check, {
  pass: [
    {
      name: 'SSE-KMS under a customer managed key',
      resources: [
        s3Bucket('reports', {
          defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: KEY, bucketKeyEnabled: true },
        }),
      ],
      message: /reports encrypts new objects with aws:kms under arn:aws:kms/,
    },
    {
      name: 'SSE-KMS under the AWS managed key',
      resources: [
        s3Bucket('reports', {
          defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: null, bucketKeyEnabled: false },
        }),
      ],
      message: /the AWS managed key aws\/s3/,
    },
    {
      name: 'dual-layer DSSE-KMS',
      resources: [
        s3Bucket('reports', {
          defaultEncryption: { algorithm: 'aws:kms:dsse', kmsKeyId: KEY, bucketKeyEnabled: false },
        }),
      ],
    },
  ],
  fail: [
    {
      name: 'the default SSE-S3',
      resources: [
        s3Bucket('reports', {
          defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
        }),
      ],
      message: /S3-managed keys, not KMS: SSE-S3 \(AES256\)/,
    },
    {
      name: 'no default encryption configuration at all',
      resources: [s3Bucket('reports', { defaultEncryption: null })],
      message: /no default encryption configuration/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketEncryption was denied',
      resources: [withGap(s3Bucket(), 'defaultEncryption', 'access-denied', 's3:GetEncryptionConfiguration')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
