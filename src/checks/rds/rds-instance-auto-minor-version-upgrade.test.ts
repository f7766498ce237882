import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { rdsInstance } from '../../testing/kinds.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-auto-minor-version-upgrade.js';

const instance = (overrides: Partial<AttributesOf<'rds.db-instance'>> = {}) =>
  rdsInstance({
    engine: 'mysql',
    engineVersion: '8.0.39',
    multiAZ: false,
    parameterGroupNames: ['default.mysql8.0'],
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'an instance that takes minor upgrades in its maintenance window',
      resources: [instance()],
      message: /orders \(mysql 8\.0\.39\) upgrades minor versions automatically/,
    },
  ],
  fail: [
    {
      name: 'an instance pinned to its minor version',
      resources: [instance({ autoMinorVersionUpgrade: false })],
      message: /^DB instance orders \(mysql 8\.0\.39\) has auto minor version upgrade off$/,
    },
    {
      name: 'an Aurora instance with auto minor version upgrade off',
      resources: [
        instance({
          engine: 'aurora-mysql',
          engineVersion: '8.0.mysql_aurora.3.05.2',
          dbClusterIdentifier: 'shop',
          autoMinorVersionUpgrade: false,
        }),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the upgrade setting could not be read',
      resources: [
        withGap(instance(), 'autoMinorVersionUpgrade', 'collection-error', 'rds:DescribeDBInstances'),
      ],
      reason: 'collection-error',
    },
  ],
});
