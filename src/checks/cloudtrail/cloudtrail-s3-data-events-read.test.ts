import { REGION, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { trail } from '../cloudwatch/support/monitoring-fixtures.js';
import check from './cloudtrail-s3-data-events-read.js';

const ALL = { read: true, write: true };
const NONE = { read: false, write: false };
const DESCRIBE_DENIED = {
  region: 'us-east-1',
  kind: 'cloudtrail.trail',
  field: '*',
  reason: 'access-denied' as const,
  action: 'cloudtrail:DescribeTrails',
};
const REGION_DISABLED = { region: 'me-central-1', kind: '*', field: '*', reason: 'region-disabled' as const };

testCheck(check, {
  pass: [
    {
      name: 'the multi-region trail records S3 object reads and writes for all buckets',
      resources: [trail({ s3DataEvents: ALL })],
      message: /Trail main records S3 object-level read events for all buckets/,
    },
    {
      name: 'a separate data-events trail records only reads, beside a management trail',
      resources: [
        trail(),
        trail(
          { name: 'data-events', s3DataEvents: { ...NONE, read: true }, managementEvents: NONE },
          'us-east-1',
        ),
      ],
      message: /data-events/,
    },
    {
      name: 'one trail records them although trails could not be listed in another region',
      resources: [trail({ s3DataEvents: ALL })],
      scopeGaps: [DESCRIBE_DENIED],
    },
  ],
  fail: [
    {
      name: 'the trail records management events only',
      resources: [trail()],
      message: /No trail records S3 object-level read events for all buckets \(main/,
    },
    {
      name: 'the trail records S3 writes but not reads',
      resources: [trail({ s3DataEvents: { ...NONE, write: true } })],
      message: /No trail records S3 object-level read events/,
    },
    {
      name: 'only a single-region trail records them',
      resources: [trail({ isMultiRegionTrail: false, s3DataEvents: ALL })],
      message: /only by trails that do not cover the account: main \(single-region\)/,
    },
    {
      name: 'the trail that records them has stopped logging',
      resources: [trail({ isLogging: false, s3DataEvents: ALL })],
      message: /main \(not logging\)/,
    },
    {
      name: 'the account has no trail, and the only unseen region is not enabled',
      resources: [],
      regions: [REGION],
      scopeGaps: [REGION_DISABLED],
      message: /no CloudTrail trail/,
    },
  ],
  notEvaluated: [
    {
      name: 'the event selectors of the only trail could not be read',
      resources: [withGap(trail(), 's3DataEvents', 'access-denied', 'cloudtrail:GetEventSelectors')],
      reason: 'access-denied',
    },
    {
      name: 'trails could not be listed in a region and no recording trail was seen elsewhere',
      resources: [trail()],
      scopeGaps: [DESCRIBE_DENIED],
      reason: 'access-denied',
      message: /could not be observed: access-denied: cloudtrail:DescribeTrails/,
    },
  ],
});
