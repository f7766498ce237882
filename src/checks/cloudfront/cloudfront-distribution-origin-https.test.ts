import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudfront-distribution-origin-https.js';

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

type Origin = Distribution['originProtocolPolicies'][number];
const origin = (policy: Origin['policy'], originId = 'api'): Origin => ({
  originId,
  domainName: `${originId}.example.com`,
  policy,
  sslProtocols: ['TLSv1.2'],
});

testCheck(check, {
  pass: [
    {
      name: 'a custom origin reached over HTTPS only',
      resources: [distribution({ originProtocolPolicies: [origin('https-only')] })],
      message: /reaches its 1 custom origins over HTTPS only$/,
    },
    {
      name: 'a match-viewer origin while every viewer is redirected to HTTPS',
      resources: [distribution({ originProtocolPolicies: [origin('match-viewer')] })],
    },
  ],
  fail: [
    {
      name: 'a custom origin reached over plain HTTP',
      resources: [
        distribution({ originProtocolPolicies: [origin('https-only', 'static'), origin('http-only')] }),
      ],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) reaches custom origins over plain HTTP: api \(api\.example\.com, http-only\)$/,
    },
    {
      name: 'a match-viewer origin while one cache behavior lets viewers in over HTTP',
      resources: [
        distribution({
          viewerProtocolPolicies: [
            { pathPattern: null, policy: 'redirect-to-https' },
            { pathPattern: '/legacy/*', policy: 'allow-all' },
          ],
          originProtocolPolicies: [origin('match-viewer')],
        }),
      ],
      message: /api \(api\.example\.com, match-viewer\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the origins could not be read',
      resources: [
        withGap(distribution(), 'originProtocolPolicies', 'collection-error', 'cloudfront:ListDistributions'),
      ],
      reason: 'collection-error',
    },
  ],
  skip: [
    {
      name: 'a distribution with only an S3 origin',
      resources: [distribution({ originProtocolPolicies: [] })],
    },
  ],
});
