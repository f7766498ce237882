import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { rdsInstance } from '../../testing/kinds.js';
import check from './rds-instance-backup-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'an instance keeping a week of automated backups',
      resources: [rdsInstance()],
      message: /^DB instance orders \(postgres\) keeps automated backups for 7 days$/,
    },
    {
      name: 'an instance keeping three days where the policy asks for three',
      resources: [rdsInstance({ backupRetentionPeriod: 3 })],
      thresholds: { minRetentionDays: 3 },
    },
  ],
  fail: [
    {
      name: 'an instance with automated backups off',
      resources: [rdsInstance({ backupRetentionPeriod: 0 })],
      message: /^DB instance orders \(postgres\) has automated backups off$/,
    },
    {
      name: 'an instance keeping the one day the console once proposed',
      resources: [rdsInstance({ backupRetentionPeriod: 1 })],
      message: /^DB instance orders \(postgres\) keeps automated backups for 1 days, fewer than 7$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the backup retention could not be read',
      resources: [
        withGap(rdsInstance(), 'backupRetentionPeriod', 'not-collected', 'rds:DescribeDBInstances'),
      ],
      reason: 'not-collected',
    },
  ],
  skip: [
    {
      name: 'an Aurora instance, backed up by its cluster',
      resources: [
        rdsInstance({ engine: 'aurora-postgresql', dbClusterIdentifier: 'orders', backupRetentionPeriod: 0 }),
      ],
    },
    {
      name: 'a read replica, whose data is backed up at its source',
      resources: [rdsInstance({ readReplicaSourceIdentifier: 'orders-primary', backupRetentionPeriod: 0 })],
    },
  ],
});
