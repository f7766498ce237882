import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsInstance } from '../../testing/kinds.js';
import check from './rds-instance-iam-authentication.js';

testCheck(check, {
  pass: [
    {
      name: 'a PostgreSQL instance accepting IAM tokens',
      resources: [rdsInstance({ iamDatabaseAuthenticationEnabled: true })],
      message: /^DB instance orders \(postgres\) accepts IAM database authentication$/,
    },
  ],
  fail: [
    {
      name: 'a MariaDB instance reachable with passwords only',
      resources: [rdsInstance({ engine: 'mariadb' })],
      message:
        /^DB instance orders \(mariadb\) has IAM database authentication off: every connection needs a database password$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the IAM authentication setting could not be read',
      resources: [withGap(rdsInstance(), 'iamDatabaseAuthenticationEnabled', 'access-denied')],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'an Oracle instance, which has no IAM database authentication',
      resources: [rdsInstance({ engine: 'oracle-ee' })],
    },
    {
      name: 'an Aurora instance, configured at its cluster',
      resources: [rdsInstance({ engine: 'aurora-mysql', dbClusterIdentifier: 'orders' })],
    },
  ],
});
