import type { PublicAccessBlock } from '../../core/kinds/s3.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './s3-account-public-access-block.js';

const ALL_ON: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const account = (configuration: PublicAccessBlock | null) =>
  resource('s3.account-public-access-block', '111122223333', { configuration });

testCheck(check, {
  pass: [{ name: 'all four settings are on for the account', resources: [account(ALL_ON)] }],
  fail: [
    {
      name: 'the account has no configuration at all',
      resources: [account(null)],
      message: /no Block Public Access configuration/,
    },
    {
      name: 'public policies are not blocked',
      resources: [account({ ...ALL_ON, blockPublicPolicy: false })],
      message: /: blockPublicPolicy off$/,
    },
    {
      name: 'only the ACL settings are on',
      resources: [account({ ...ALL_ON, blockPublicPolicy: false, restrictPublicBuckets: false })],
      message: /blockPublicPolicy, restrictPublicBuckets off/,
    },
    {
      name: 'every setting is explicitly off',
      resources: [
        account({
          blockPublicAcls: false,
          ignorePublicAcls: false,
          blockPublicPolicy: false,
          restrictPublicBuckets: false,
        }),
      ],
      message: /blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets off/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetAccountPublicAccessBlock was denied',
      resources: [
        withGap(account(ALL_ON), 'configuration', 'access-denied', 's3:GetAccountPublicAccessBlock'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the account setting could not be collected at all',
      resources: [],
      scopeGaps: [
        {
          region: 'global',
          kind: 's3.account-public-access-block',
          field: '*',
          reason: 'collection-error',
          action: 's3:GetAccountPublicAccessBlock',
        },
      ],
      reason: 'collection-error',
    },
  ],
});
