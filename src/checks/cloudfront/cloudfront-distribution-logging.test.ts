import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-logging.js';

const distribution = (loggingEnabled: boolean) => cloudfrontDistribution({ loggingEnabled });

testCheck(check, {
  pass: [
    {
      name: 'the distribution logs requests to S3',
      resources: [distribution(true)],
      message: /E2QWRUHAPOMQZL .* has standard logging to S3 turned on/,
    },
  ],
  fail: [
    {
      name: 'the distribution has no logging configured',
      resources: [distribution(false)],
      message: /has no standard logging configured/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distribution config could not be read',
      resources: [
        withGap(distribution(true), 'loggingEnabled', 'access-denied', 'cloudfront:GetDistributionConfig'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'distributions could not be listed',
      resources: [],
      scopeGaps: [
        {
          region: 'global',
          kind: 'cloudfront.distribution',
          field: '*',
          reason: 'throttled',
          action: 'cloudfront:ListDistributions',
        },
      ],
      reason: 'throttled',
    },
  ],
});
