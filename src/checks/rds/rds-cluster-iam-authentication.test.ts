import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsCluster as cluster } from '../../testing/database-kinds.js';
import check from './rds-cluster-iam-authentication.js';

testCheck(check, {
  pass: [
    {
      name: 'an Aurora cluster accepting IAM tokens',
      resources: [cluster()],
      message: /^DB cluster orders-aurora \(aurora-postgresql\) accepts IAM database authentication$/,
    },
  ],
  fail: [
    {
      name: 'an Aurora MySQL cluster reachable with passwords only',
      resources: [cluster({ engine: 'aurora-mysql', iamDatabaseAuthenticationEnabled: false })],
      message:
        /^DB cluster orders-aurora \(aurora-mysql\) has IAM database authentication off: every connection needs a database password$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the IAM authentication setting could not be read',
      resources: [withGap(cluster(), 'iamDatabaseAuthenticationEnabled', 'not-collected')],
      reason: 'not-collected',
    },
  ],
  skip: [
    {
      name: 'a DocumentDB cluster, which has no such setting',
      resources: [cluster({ engine: 'docdb', iamDatabaseAuthenticationEnabled: false })],
    },
  ],
});
