import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './rds-cluster-storage-encrypted.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const cluster = (overrides: Partial<AttributesOf<'rds.db-cluster'>> = {}) =>
  resource('rds.db-cluster', 'shop', {
    identifier: 'shop',
    engine: 'aurora-mysql',
    storageEncrypted: true,
    kmsKeyId: KEY,
    deletionProtection: true,
    iamDatabaseAuthenticationEnabled: false,
    backupRetentionPeriod: 7,
    multiAZ: true,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'an encrypted Aurora cluster',
      resources: [cluster()],
      message: /shop \(aurora-mysql\) encrypts its storage with arn:aws:kms/,
    },
  ],
  fail: [
    {
      name: 'an Aurora cluster created without encryption',
      resources: [cluster({ storageEncrypted: false, kmsKeyId: null })],
      message: /^DB cluster shop \(aurora-mysql\) does not encrypt its storage$/,
    },
    {
      name: 'an unencrypted DocumentDB cluster',
      resources: [cluster({ engine: 'docdb', storageEncrypted: false, kmsKeyId: null })],
      message: /\(docdb\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster’s encryption setting could not be read',
      resources: [withGap(cluster(), 'storageEncrypted', 'access-denied', 'rds:DescribeDBClusters')],
      reason: 'access-denied',
    },
    listingFailed(
      'DB clusters could not be listed in the region',
      'rds.db-cluster',
      'rds:DescribeDBClusters',
      'throttled',
    ),
  ],
});
