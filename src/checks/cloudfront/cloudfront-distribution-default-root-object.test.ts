import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudfront-distribution-default-root-object.js';

type Distribution = AttributesOf<'cloudfront.distribution'>;

const distribution = (overrides: Partial<Distribution> = {}) =>
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
      webAclId: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/a1b2c3d4',
      loggingEnabled: true,
      defaultRootObject: 'index.html',
      ...overrides,
    },
    { arn: 'arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL' },
  );

testCheck(check, {
  pass: [
    {
      name: 'a distribution that serves index.html at its root',
      resources: [distribution()],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) serves index\.html at its root$/,
    },
  ],
  fail: [
    {
      name: 'a distribution that passes requests for / to its origin',
      resources: [distribution({ defaultRootObject: null })],
      message: /has no default root object: a request for \/ goes to the origin as is$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distribution config could not be read',
      resources: [
        withGap(distribution(), 'defaultRootObject', 'access-denied', 'cloudfront:GetDistributionConfig'),
      ],
      reason: 'access-denied',
    },
  ],
});
