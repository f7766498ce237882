import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-origin-https.js';

type Distribution = AttributesOf<'cloudfront.distribution'>;

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
      resources: [cloudfrontDistribution({ originProtocolPolicies: [origin('https-only')] })],
      message: /reaches its 1 custom origins over HTTPS only$/,
    },
    {
      name: 'a match-viewer origin while every viewer is redirected to HTTPS',
      resources: [cloudfrontDistribution({ originProtocolPolicies: [origin('match-viewer')] })],
    },
  ],
  fail: [
    {
      name: 'a custom origin reached over plain HTTP',
      resources: [
        cloudfrontDistribution({
          originProtocolPolicies: [origin('https-only', 'static'), origin('http-only')],
        }),
      ],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) reaches custom origins over plain HTTP: api \(api\.example\.com, http-only\)$/,
    },
    {
      name: 'a match-viewer origin while one cache behavior lets viewers in over HTTP',
      resources: [
        cloudfrontDistribution({
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
        withGap(
          cloudfrontDistribution(),
          'originProtocolPolicies',
          'collection-error',
          'cloudfront:ListDistributions',
        ),
      ],
      reason: 'collection-error',
    },
  ],
  skip: [
    {
      name: 'a distribution with only an S3 origin',
      resources: [cloudfrontDistribution({ originProtocolPolicies: [] })],
    },
  ],
});
