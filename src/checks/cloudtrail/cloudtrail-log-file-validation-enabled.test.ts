import { REGION, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { cloudtrailTrail } from '../../testing/logging-kinds.js';
import check from './cloudtrail-log-file-validation-enabled.js';

const trail = (logFileValidationEnabled: boolean) => cloudtrailTrail({ logFileValidationEnabled });

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
    listingFailed(
      'trails could not be listed in the region',
      'cloudtrail.trail',
      'cloudtrail:DescribeTrails',
    ),
  ],
  skip: [{ name: 'the region has no trail', resources: [], regions: [REGION] }],
});
