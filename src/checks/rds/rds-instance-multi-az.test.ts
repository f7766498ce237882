import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsInstance } from '../../testing/kinds.js';
import check from './rds-instance-multi-az.js';

testCheck(check, {
  pass: [
    {
      name: 'a Multi-AZ instance',
      resources: [rdsInstance()],
      message: /^DB instance orders \(postgres\) has a standby in another Availability Zone$/,
    },
  ],
  fail: [
    {
      name: 'a Single-AZ instance',
      resources: [rdsInstance({ multiAZ: false })],
      message: /^DB instance orders \(postgres\) runs in a single Availability Zone, with no standby$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the Multi-AZ setting could not be read',
      resources: [withGap(rdsInstance(), 'multiAZ', 'throttled', 'rds:DescribeDBInstances')],
      reason: 'throttled',
    },
  ],
  skip: [
    {
      name: 'an Aurora instance, whose cluster spreads over zones',
      resources: [
        rdsInstance({ engine: 'aurora-postgresql', dbClusterIdentifier: 'orders', multiAZ: false }),
      ],
    },
  ],
});
