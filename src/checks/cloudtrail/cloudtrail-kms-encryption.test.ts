import { REGION, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { cloudtrailTrail } from '../../testing/logging-kinds.js';
import check from './cloudtrail-kms-encryption.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const trail = (kmsKeyId: string | null) => cloudtrailTrail({ kmsKeyId });

testCheck(check, {
  pass: [
    {
      name: 'the trail encrypts its logs with a customer managed key',
      resources: [trail(KEY)],
      message: /main encrypts its log files with KMS key arn:aws:kms:/,
    },
  ],
  fail: [
    {
      name: 'the trail relies on S3 managed encryption',
      resources: [trail(null)],
      message: /^Trail main has no KMS key/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trail could not be described',
      resources: [withGap(trail(KEY), 'kmsKeyId', 'access-denied', 'cloudtrail:DescribeTrails')],
      reason: 'access-denied',
    },
    listingFailed(
      'trails could not be listed in the region',
      'cloudtrail.trail',
      'cloudtrail:DescribeTrails',
    ),
  ],
  skip: [{ name: 'the region has no trail', resources: [], regions: [REGION] }],
});
