import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsCluster as cluster } from '../../testing/database-kinds.js';
import check from './rds-cluster-deletion-protection.js';

testCheck(check, {
  pass: [
    {
      name: 'a protected Aurora cluster',
      resources: [cluster()],
      message: /^DB cluster orders-aurora \(aurora-postgresql\) has deletion protection on$/,
    },
  ],
  fail: [
    {
      name: 'a cluster anyone with rds:DeleteDBCluster can delete in one call',
      resources: [cluster({ engine: 'aurora-mysql', deletionProtection: false })],
      message:
        /^DB cluster orders-aurora \(aurora-mysql\) can be deleted without turning off deletion protection first$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the deletion protection setting could not be read',
      resources: [withGap(cluster(), 'deletionProtection', 'access-denied', 'rds:DescribeDBClusters')],
      reason: 'access-denied',
    },
  ],
});
