import { withGap } from '../../testing/builders.js';
import { rdsInstance } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-deletion-protection.js';

testCheck(check, {
  pass: [
    {
      name: 'a protected instance',
      resources: [rdsInstance()],
      message: /orders \(postgres\) has deletion protection on/,
    },
  ],
  fail: [
    {
      name: 'an instance anyone with rds:DeleteDBInstance can delete in one call',
      resources: [rdsInstance({ deletionProtection: false })],
      message:
        /^DB instance orders \(postgres\) can be deleted without turning off deletion protection first$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the deletion protection setting could not be read',
      resources: [withGap(rdsInstance(), 'deletionProtection', 'access-denied', 'rds:DescribeDBInstances')],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'an Aurora instance, protected at the cluster level',
      resources: [
        rdsInstance({
          engine: 'aurora-postgresql',
          deletionProtection: false,
          dbClusterIdentifier: 'orders',
        }),
      ],
    },
  ],
});
