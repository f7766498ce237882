import type { PublicAccessBlock } from '../../core/kinds/s3.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-public-access-block.js';

const ALL_ON: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const bucket = (publicAccessBlock: PublicAccessBlock | null) => s3Bucket('reports', { publicAccessBlock });
const account = (configuration: PublicAccessBlock | null) =>
  resource('s3.account-public-access-block', '111122223333', { configuration });

testCheck(check, {
  pass: [
    { name: 'the bucket blocks everything itself', resources: [bucket(ALL_ON), account(null)] },
    {
      name: 'the account blocks everything and the bucket has no setting',
      resources: [bucket(null), account(ALL_ON)],
    },
    {
      name: 'bucket and account settings together cover all four',
      resources: [
        bucket({ ...ALL_ON, blockPublicPolicy: false, restrictPublicBuckets: false }),
        account({ ...ALL_ON, blockPublicAcls: false, ignorePublicAcls: false }),
      ],
    },
    {
      name: 'the bucket blocks everything even though the account settings could not be read',
      resources: [bucket(ALL_ON), withGap(account(null), 'configuration')],
    },
  ],
  fail: [
    {
      name: 'neither level blocks public access',
      resources: [bucket(null), account(null)],
      message: /blockPublicAcls/,
    },
    {
      name: 'one setting is off at both levels',
      resources: [
        bucket({ ...ALL_ON, restrictPublicBuckets: false }),
        account({ ...ALL_ON, restrictPublicBuckets: false }),
      ],
      message: /restrictPublicBuckets off/,
    },
  ],
  notEvaluated: [
    {
      name: 'the bucket setting could not be read',
      resources: [
        withGap(bucket(null), 'publicAccessBlock', 'access-denied', 's3:GetBucketPublicAccessBlock'),
        account(ALL_ON),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the bucket is partly open and the account setting could not be read',
      resources: [
        bucket(null),
        withGap(account(null), 'configuration', 'access-denied', 's3:GetAccountPublicAccessBlock'),
      ],
      reason: 'access-denied',
    },
  ],
});
