import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-https-only.js';

type Distribution = AttributesOf<'cloudfront.distribution'>;
type Behavior = Distribution['viewerProtocolPolicies'][number];

const behavior = (pathPattern: string | null, policy: Behavior['policy']): Behavior => ({
  pathPattern,
  policy,
});
const distribution = (viewerProtocolPolicies: Behavior[]) =>
  cloudfrontDistribution({ viewerProtocolPolicies });

testCheck(check, {
  pass: [
    {
      name: 'the default behavior redirects HTTP to HTTPS',
      resources: [distribution([behavior(null, 'redirect-to-https')])],
      message: /E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) requires HTTPS on every cache behavior/,
    },
    {
      name: 'the site redirects and the API path only accepts HTTPS',
      resources: [distribution([behavior(null, 'redirect-to-https'), behavior('/api/*', 'https-only')])],
    },
  ],
  fail: [
    {
      name: 'the default behavior allows plain HTTP',
      resources: [distribution([behavior(null, 'allow-all')])],
      message: /allows plain HTTP on cache behavior default$/,
    },
    {
      name: 'one path pattern still allows plain HTTP',
      resources: [distribution([behavior(null, 'redirect-to-https'), behavior('/images/*', 'allow-all')])],
      message: /cache behavior \/images\/\*$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distribution’s cache behaviors were not collected',
      resources: [
        withGap(
          distribution([behavior(null, 'redirect-to-https')]),
          'viewerProtocolPolicies',
          'access-denied',
          'cloudfront:ListDistributions',
        ),
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
          reason: 'access-denied',
          action: 'cloudfront:ListDistributions',
        },
      ],
      reason: 'access-denied',
    },
  ],
});
