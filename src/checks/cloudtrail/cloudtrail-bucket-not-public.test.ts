import type { AttributesOf } from '../../core/kinds/index.js';
import type { PublicAccessBlock } from '../../core/kinds/s3.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import { cloudtrailTrail } from '../../testing/logging-kinds.js';
import check from './cloudtrail-bucket-not-public.js';

const BUCKET = 'org-trail-logs';
const OTHER_ACCOUNT = '444455556666';
const trail = (s3BucketName: string | null = BUCKET) => cloudtrailTrail({ s3BucketName });
const OPEN: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
const publicRead = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${BUCKET}/*`,
    },
  ],
};
const logBucket = (overrides: Partial<AttributesOf<'s3.bucket'>> = {}, region = 'us-east-1') =>
  s3Bucket(BUCKET, { publicAccessBlock: OPEN, ...overrides }, { region });
const noAccountBlock = resource('s3.account-public-access-block', '111122223333', { configuration: null });

testCheck(check, {
  pass: [
    {
      name: 'the trail writes to a private bucket in another region of the account',
      resources: [trail(), logBucket(), noAccountBlock],
      message: /^Bucket org-trail-logs, where trail main delivers its logs, is not public$/,
    },
    {
      name: 'the bucket policy is public but RestrictPublicBuckets is on',
      resources: [
        trail(),
        logBucket({ policy: publicRead, publicAccessBlock: { ...OPEN, restrictPublicBuckets: true } }),
      ],
      message: /restricted by RestrictPublicBuckets on the bucket/,
    },
    {
      name: 'the bucket was found although another region could not be listed',
      resources: [trail(), logBucket(), noAccountBlock],
      scopeGaps: [{ region: 'me-central-1', kind: 's3.bucket', field: '*', reason: 'access-denied' }],
    },
    {
      name: 'the bucket sits in another scanned account (the log archive)',
      resources: [trail(), s3Bucket(BUCKET, {}, { account: OTHER_ACCOUNT, region: 'us-east-1' })],
    },
  ],
  fail: [
    {
      name: 'anyone can read the log files',
      resources: [trail(), logBucket({ policy: publicRead }), noAccountBlock],
      message:
        /delivers its logs to bucket org-trail-logs, which is public: its policy is public \(anyone can s3:GetObject/,
    },
    {
      name: 'the bucket ACL lets every AWS account list it',
      resources: [
        trail(),
        logBucket({
          acl: [
            {
              granteeType: 'Group',
              grantee: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
              permission: 'READ',
            },
          ],
        }),
        noAccountBlock,
      ],
      message: /its ACL is public \(every AWS account \(AuthenticatedUsers\) has READ\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the bucket is in an account outside the scan',
      resources: [trail('central-log-archive'), logBucket()],
      reason: 'unresolved',
      message: /central-log-archive, which is in an account outside this scan/,
    },
    {
      name: 'the bucket policy could not be read',
      resources: [trail(), withGap(logBucket(), 'policy', 'access-denied', 's3:GetBucketPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the bucket is not in any region that could be listed',
      resources: [trail('central-log-archive'), logBucket()],
      scopeGaps: [{ region: 'me-central-1', kind: 's3.bucket', field: '*', reason: 'throttled' }],
      reason: 'throttled',
    },
    {
      name: 'the buckets of a region could not be listed',
      resources: [trail()],
      scopeGaps: [{ region: 'us-east-1', kind: 's3.bucket', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'a trail that names no bucket', resources: [trail(null)] }],
});
