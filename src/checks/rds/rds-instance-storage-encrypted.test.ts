import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { rdsInstance } from '../../testing/kinds.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './rds-instance-storage-encrypted.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const instance = (overrides: Partial<AttributesOf<'rds.db-instance'>> = {}) =>
  rdsInstance({ kmsKeyId: KEY, ...overrides });

testCheck(check, {
  pass: [
    {
      name: 'a PostgreSQL instance encrypted with a KMS key',
      resources: [instance()],
      message: /orders \(postgres\) encrypts its storage with arn:aws:kms/,
    },
  ],
  fail: [
    {
      name: 'a MySQL instance created without encryption',
      resources: [instance({ engine: 'mysql', storageEncrypted: false, kmsKeyId: null })],
      message: /^DB instance orders \(mysql\) does not encrypt its storage$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the storage encryption setting could not be read',
      resources: [withGap(instance(), 'storageEncrypted', 'access-denied', 'rds:DescribeDBInstances')],
      reason: 'access-denied',
    },
    listingFailed(
      'DB instances could not be listed in the region',
      'rds.db-instance',
      'rds:DescribeDBInstances',
    ),
  ],
  skip: [
    {
      name: 'an Aurora instance, whose encryption belongs to its cluster',
      resources: [
        instance({
          engine: 'aurora-postgresql',
          storageEncrypted: false,
          kmsKeyId: null,
          dbClusterIdentifier: 'orders-cluster',
        }),
      ],
    },
  ],
});
