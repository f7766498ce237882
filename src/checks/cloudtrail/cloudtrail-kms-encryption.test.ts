import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudtrail-kms-encryption.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const trail = (kmsKeyId: string | null) =>
  resource('cloudtrail.trail', 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main', {
    name: 'main',
    homeRegion: REGION,
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    isLogging: true,
    logFileValidationEnabled: true,
    s3BucketName: 'trail-logs',
    kmsKeyId,
    managementEvents: { read: true, write: true },
    cloudWatchLogsLogGroupArn: null,
    latestCloudWatchLogsDeliveryAt: null,
    s3DataEvents: { read: false, write: false },
  });

testCheck(check, {
  pass: [
    {
      name: 'the trail encrypts its logs with a customer managed key',
      resources: [trail(KEY)],
      message: /main encrypts its log files with KMS key arn:aws:kms:/,
    },
  ],
  fail: [
    {
      name: 'the trail relies on S3 managed encryption',
      resources: [trail(null)],
      message: /^Trail main has no KMS key/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trail could not be described',
      resources: [withGap(trail(KEY), 'kmsKeyId', 'access-denied', 'cloudtrail:DescribeTrails')],
      reason: 'access-denied',
    },
    {
      name: 'trails could not be listed in the region',
      resources: [],
      scopeGaps: [
        {
          region: REGION,
          kind: 'cloudtrail.trail',
          field: '*',
          reason: 'access-denied',
          action: 'cloudtrail:DescribeTrails',
        },
      ],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'the region has no trail', resources: [], regions: [REGION] }],
});
