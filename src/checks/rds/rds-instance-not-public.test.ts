import { withGap } from '../../testing/builders.js';
import { rdsInstance } from '../../testing/kinds.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-not-public.js';

testCheck(check, {
  pass: [
    {
      name: 'a private instance',
      resources: [rdsInstance()],
      message: /orders \(postgres\) is not publicly accessible/,
    },
    {
      name: 'a private Aurora instance in a cluster',
      resources: [rdsInstance({ engine: 'aurora-mysql', dbClusterIdentifier: 'shop' })],
    },
  ],
  fail: [
    {
      name: 'an instance with a public endpoint',
      resources: [rdsInstance({ publiclyAccessible: true })],
      message: /^DB instance orders \(postgres\) is publicly accessible$/,
    },
    {
      name: 'a public Aurora reader in an otherwise private cluster',
      resources: [
        rdsInstance({ engine: 'aurora-mysql', dbClusterIdentifier: 'shop', publiclyAccessible: true }),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the public accessibility setting could not be read',
      resources: [withGap(rdsInstance(), 'publiclyAccessible', 'access-denied', 'rds:DescribeDBInstances')],
      reason: 'access-denied',
    },
    listingFailed('the region is disabled for the account', '*', undefined, 'region-disabled'),
  ],
});
