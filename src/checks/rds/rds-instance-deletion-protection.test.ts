import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-deletion-protection.js';

const instance = (overrides: Partial<AttributesOf<'rds.db-instance'>> = {}) =>
  resource('rds.db-instance', 'orders', {
    identifier: 'orders',
    engine: 'postgres',
    engineVersion: '16.3',
    storageEncrypted: true,
    kmsKeyId: null,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    multiAZ: true,
    backupRetentionPeriod: 7,
    iamDatabaseAuthenticationEnabled: false,
    deletionProtection: true,
    dbClusterIdentifier: null,
    parameterGroupNames: ['default.postgres16'],
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'a protected instance',
      resources: [instance()],
      message: /orders \(postgres\) has deletion protection on/,
    },
  ],
  fail: [
    {
      name: 'an instance anyone with rds:DeleteDBInstance can delete in one call',
      resources: [instance({ deletionProtection: false })],
      message:
        /^DB instance orders \(postgres\) can be deleted without turning off deletion protection first$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the deletion protection setting could not be read',
      resources: [withGap(instance(), 'deletionProtection', 'access-denied', 'rds:DescribeDBInstances')],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'an Aurora instance, protected at the cluster level',
      resources: [
        instance({ engine: 'aurora-postgresql', deletionProtection: false, dbClusterIdentifier: 'orders' }),
      ],
    },
  ],
});
