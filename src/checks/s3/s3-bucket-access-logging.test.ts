import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-access-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'access logs go to a log bucket',
      resources: [
        s3Bucket('reports', { logging: { targetBucket: 'access-logs', targetPrefix: 'reports/' } }),
      ],
      message: /reports logs its requests to s3:\/\/access-logs\/reports\//,
    },
  ],
  fail: [
    {
      name: 'access logging is off',
      resources: [s3Bucket('reports', { logging: null })],
      message: /reports does not log the requests made to it/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketLogging was denied',
      resources: [withGap(s3Bucket(), 'logging', 'access-denied', 's3:GetBucketLogging')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
