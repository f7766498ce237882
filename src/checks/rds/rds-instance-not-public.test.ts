import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-not-public.js';

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
      name: 'a private instance',
      resources: [instance()],
      message: /orders \(postgres\) is not publicly accessible/,
    },
    {
      name: 'a private Aurora instance in a cluster',
      resources: [instance({ engine: 'aurora-mysql', dbClusterIdentifier: 'shop' })],
    },
  ],
  fail: [
    {
      name: 'an instance with a public endpoint',
      resources: [instance({ publiclyAccessible: true })],
      message: /^DB instance orders \(postgres\) is publicly accessible$/,
    },
    {
      name: 'a public Aurora reader in an otherwise private cluster',
      resources: [
        instance({ engine: 'aurora-mysql', dbClusterIdentifier: 'shop', publiclyAccessible: true }),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the public accessibility setting could not be read',
      resources: [withGap(instance(), 'publiclyAccessible', 'access-denied', 'rds:DescribeDBInstances')],
      reason: 'access-denied',
    },
    {
      name: 'the region is disabled for the account',
      resources: [],
      scopeGaps: [{ region: REGION, kind: '*', field: '*', reason: 'region-disabled' }],
      reason: 'region-disabled',
    },
  ],
});
