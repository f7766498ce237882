import { daysAgo, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { serverCertificate } from '../../testing/iam-kinds.js';
import check from './iam-server-certificate-not-expired.js';

testCheck(check, {
  pass: [
    {
      name: 'a certificate valid for another 200 days',
      resources: [serverCertificate('www-example-com')],
      message: /^Certificate www-example-com is valid until .* \(200 days left\)$/,
    },
  ],
  fail: [
    {
      name: 'a certificate that expired last month',
      resources: [serverCertificate('old-www', { expiration: daysAgo(30) })],
      message: /^Certificate old-www expired on .*, 30 days ago, and is still stored in IAM$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the expiration date was missing from the listing',
      resources: [withGap(serverCertificate(), 'expiration', 'not-collected', 'iam:ListServerCertificates')],
      reason: 'not-collected',
    },
  ],
});
