import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-waf.js';

testCheck(check, {
  pass: [
    {
      name: 'a distribution behind an AWS WAF web ACL',
      resources: [cloudfrontDistribution()],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) is protected by web ACL arn:aws:wafv2:/,
    },
    {
      name: 'a distribution behind a WAF Classic web ACL',
      resources: [cloudfrontDistribution({ webAclId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' })],
    },
  ],
  fail: [
    {
      name: 'a distribution without a web ACL',
      resources: [cloudfrontDistribution({ webAclId: null })],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) has no AWS WAF web ACL in front of it$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the distributions could not be listed',
      resources: [
        withGap(cloudfrontDistribution(), 'webAclId', 'access-denied', 'cloudfront:ListDistributions'),
      ],
      reason: 'access-denied',
    },
  ],
});
