import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudfront-distribution-waf.js';

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
      name: 'a distribution behind an AWS WAF web ACL',
      resources: [distribution()],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) is protected by web ACL arn:aws:wafv2:/,
    },
    {
      name: 'a distribution behind a WAF Classic web ACL',
      resources: [distribution({ webAclId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' })],
    },
  ],
  fail: [
    {
      name: 'a distribution without a web ACL',
      resources: [distribution({ webAclId: null })],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) has no AWS WAF web ACL in front of it$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distributions could not be listed',
      resources: [withGap(distribution(), 'webAclId', 'access-denied', 'cloudfront:ListDistributions')],
      reason: 'access-denied',
    },
  ],
});
