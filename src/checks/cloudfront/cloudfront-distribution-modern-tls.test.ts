import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudfrontDistribution } from '../../testing/edge-kinds.js';
import check from './cloudfront-distribution-modern-tls.js';

testCheck(check, {
  pass: [
    {
      name: 'a custom certificate with security policy TLSv1.2_2021',
      resources: [cloudfrontDistribution()],
      message: /uses security policy TLSv1\.2_2021$/,
    },
    {
      name: 'security policy TLSv1.3_2025',
      resources: [cloudfrontDistribution({ minimumProtocolVersion: 'TLSv1.3_2025' })],
    },
    {
      name: 'an older policy the organisation accepts through the threshold',
      resources: [cloudfrontDistribution({ minimumProtocolVersion: 'TLSv1.2_2019' })],
      thresholds: { acceptedPolicies: ['TLSv1.2_2019', 'TLSv1.2_2021'] },
    },
  ],
  fail: [
    {
      name: 'the default *.cloudfront.net certificate, which allows TLS 1.0',
      resources: [cloudfrontDistribution({ minimumProtocolVersion: 'TLSv1' })],
      message:
        /^Distribution E2QWRUHAPOMQZL \(d111111abcdef8\.cloudfront\.net\) accepts viewers on security policy TLSv1, which is what the default \*\.cloudfront\.net certificate allows .*only a custom certificate can raise it$/,
    },
    {
      name: 'a custom certificate left on TLSv1.2_2018',
      resources: [cloudfrontDistribution({ minimumProtocolVersion: 'TLSv1.2_2018' })],
      message: /security policy TLSv1\.2_2018, older than TLSv1\.2_2021, TLSv1\.2_2025, TLSv1\.3_2025$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the viewer certificate could not be read',
      resources: [
        withGap(
          cloudfrontDistribution(),
          'minimumProtocolVersion',
          'collection-error',
          'cloudfront:ListDistributions',
        ),
      ],
      reason: 'collection-error',
    },
  ],
});
