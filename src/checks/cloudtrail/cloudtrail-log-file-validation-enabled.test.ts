import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudtrail-log-file-validation-enabled.js';

const trail = (logFileValidationEnabled: boolean) =>
  resource('cloudtrail.trail', 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main', {
    name: 'main',
    homeRegion: REGION,
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    isLogging: true,
    logFileValidationEnabled,
    s3BucketName: 'trail-logs',
    kmsKeyId: null,
    managementEvents: { read: true, write: true },
    cloudWatchLogsLogGroupArn: null,
    latestCloudWatchLogsDeliveryAt: null,
    s3DataEvents: { read: false, write: false },
  });

testCheck(check, {
  pass: [
    {
      name: 'the trail writes signed digest files',
      resources: [trail(true)],
      message: /main has log file validation enabled/,
    },
  ],
  fail: [
    {
      name: 'the trail does not validate its log files',
      resources: [trail(false)],
      message: /main has log file validation disabled/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trail settings could not be read',
      resources: [
        withGap(trail(true), 'logFileValidationEnabled', 'access-denied', 'cloudtrail:DescribeTrails'),
      ],
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
