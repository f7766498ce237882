import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudfront-distribution-modern-tls.js';

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
      name: 'a custom certificate with security policy TLSv1.2_2021',
      resources: [distribution()],
      message: /uses security policy TLSv1\.2_2021$/,
    },
    {
      name: 'security policy TLSv1.3_2025',
      resources: [distribution({ minimumProtocolVersion: 'TLSv1.3_2025' })],
    },
    {
      name: 'an older policy the organisation accepts through the threshold',
      resources: [distribution({ minimumProtocolVersion: 'TLSv1.2_2019' })],
      thresholds: { acceptedPolicies: ['TLSv1.2_2019', 'TLSv1.2_2021'] },
    },
  ],
  fail: [
    {
      name: 'the default *.cloudfront.net certificate, which allows TLS 1.0',
      resources: [distribution({ minimumProtocolVersion: 'TLSv1' })],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) accepts viewers on security policy TLSv1, which is what the default \*\.cloudfront\.net certificate allows .*only a custom certificate can raise it$/,
    },
    {
      name: 'a custom certificate left on TLSv1.2_2018',
      resources: [distribution({ minimumProtocolVersion: 'TLSv1.2_2018' })],
      message: /security policy TLSv1\.2_2018, older than TLSv1\.2_2021, TLSv1\.2_2025, TLSv1\.3_2025$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the viewer certificate could not be read',
      resources: [
        withGap(distribution(), 'minimumProtocolVersion', 'collection-error', 'cloudfront:ListDistributions'),
      ],
      reason: 'collection-error',
    },
  ],
});
