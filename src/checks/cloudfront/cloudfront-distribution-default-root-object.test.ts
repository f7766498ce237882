import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-default-root-object.js';

testCheck(check, {
  pass: [
    {
      name: 'a distribution that serves index.html at its root',
      resources: [cloudfrontDistribution()],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) serves index\.html at its root$/,
    },
  ],
  fail: [
    {
      name: 'a distribution that passes requests for / to its origin',
      resources: [cloudfrontDistribution({ defaultRootObject: null })],
      message: /has no default root object: a request for \/ goes to the origin as is$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distribution config could not be read',
      resources: [
        withGap(
          cloudfrontDistribution(),
          'defaultRootObject',
          'access-denied',
          'cloudfront:GetDistributionConfig',
        ),
      ],
      reason: 'access-denied',
    },
  ],
});
