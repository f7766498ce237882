import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import { cloudtrailTrail } from '../../testing/logging-kinds.js';
import check from './cloudtrail-bucket-access-logging.js';

const BUCKET = 'org-trail-logs';
const trail = (s3BucketName: string | null = BUCKET) => cloudtrailTrail({ s3BucketName });
const logBucket = (logging: AttributesOf<'s3.bucket'>['logging']) =>
  s3Bucket(BUCKET, { logging }, { region: 'us-east-1' });

testCheck(check, {
  pass: [
    {
      name: 'the trail bucket logs access to a separate bucket',
      resources: [trail(), logBucket({ targetBucket: 'access-logs', targetPrefix: 'cloudtrail/' })],
      message: /logs access to s3:\/\/access-logs\/cloudtrail\//,
    },
  ],
  fail: [
    {
      name: 'the trail bucket does not log access',
      resources: [trail(), logBucket(null)],
      message: /^Bucket org-trail-logs, where trail main delivers its logs, has server access logging off/,
    },
  ],
  notEvaluated: [
    {
      name: 'the bucket is in an account outside the scan',
      resources: [trail('central-log-archive'), logBucket(null)],
      reason: 'unresolved',
    },
    {
      name: 'GetBucketLogging was denied',
      resources: [trail(), withGap(logBucket(null), 'logging', 'access-denied', 's3:GetBucketLogging')],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'a trail that names no bucket', resources: [trail(null)] }],
});
