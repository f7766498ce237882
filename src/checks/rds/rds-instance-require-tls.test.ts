import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsParameterGroup } from '../../testing/database-kinds.js';
import { rdsInstance } from '../../testing/kinds.js';
import check from './rds-instance-require-tls.js';

const postgres = rdsInstance({ parameterGroupNames: ['tls-only'] });
const mysql = rdsInstance({ engine: 'mysql', engineVersion: '8.0.39', parameterGroupNames: ['mysql-app'] });
const mysqlGroup = (requireSecureTransport: boolean | null) =>
  rdsParameterGroup({ name: 'mysql-app', family: 'mysql8.0', forceSsl: null, requireSecureTransport });

testCheck(check, {
  pass: [
    {
      name: 'a PostgreSQL instance whose parameter group sets rds.force_ssl',
      resources: [postgres, rdsParameterGroup()],
      message:
        /^DB instance orders \(postgres\) refuses plaintext connections: rds\.force_ssl is on in tls-only$/,
    },
    {
      name: 'a MySQL instance whose parameter group sets require_secure_transport',
      resources: [mysql, mysqlGroup(true)],
    },
  ],
  fail: [
    {
      name: 'a PostgreSQL instance whose parameter group turns rds.force_ssl off',
      resources: [postgres, rdsParameterGroup({ forceSsl: false })],
      message:
        /^DB instance orders \(postgres\) accepts plaintext connections: parameter group tls-only leaves rds\.force_ssl off$/,
    },
    {
      name: 'a MySQL 5.6 instance, whose engine cannot require TLS',
      resources: [mysql, mysqlGroup(null)],
      message:
        /parameter group mysql-app has no require_secure_transport \(the engine version cannot enforce TLS\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the parameters of the group could not be read',
      resources: [
        postgres,
        withGap(rdsParameterGroup(), 'forceSsl', 'access-denied', 'rds:DescribeDBParameters'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the group keeps rds.force_ssl at an engine default onus does not guess',
      resources: [
        postgres,
        withGap(rdsParameterGroup(), 'forceSsl', 'not-collected', 'rds:DescribeDBParameters'),
      ],
      reason: 'not-collected',
    },
    {
      name: 'parameter groups could not be listed in the region',
      resources: [postgres],
      scopeGaps: [
        { region: 'eu-west-1', kind: 'rds.db-parameter-group', field: '*', reason: 'access-denied' },
      ],
      reason: 'access-denied',
    },
    {
      name: 'the instance uses a group that is not in the inventory',
      resources: [postgres, rdsParameterGroup({ name: 'another' })],
      reason: 'not-collected',
    },
  ],
  skip: [
    {
      name: 'an Oracle instance, which has no TLS parameter',
      resources: [rdsInstance({ engine: 'oracle-ee', parameterGroupNames: ['default.oracle-ee-19'] })],
    },
    {
      name: 'an Aurora instance, whose TLS setting lives in the cluster parameter group',
      resources: [rdsInstance({ engine: 'aurora-postgresql', dbClusterIdentifier: 'orders' })],
    },
  ],
});
