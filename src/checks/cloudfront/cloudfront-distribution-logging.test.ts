import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudfront-distribution-logging.js';

const distribution = (loggingEnabled: boolean) =>
  resource(
    'cloudfront.distribution',
    'E2QWRUHAPOMQZL',
    {
      id: 'E2QWRUHAPOMQZL',
      domainName: 'd111111abcdef8.cloudfront.net',
      enabled: true,
      viewerProtocolPolicies: [{ pathPattern: null, policy: 'redirect-to-https' }],
      minimumProtocolVersion: 'TLSv1.2_2021',
      originProtocolPolicies: [],
      webAclId: null,
      loggingEnabled,
      defaultRootObject: null,
    },
    { arn: 'arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL' },
  );

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
