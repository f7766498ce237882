import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-automatic-backups.js';

testCheck(check, {
  pass: [
    {
      name: 'a group keeping a week of daily snapshots',
      resources: [group()],
      message: /^Replication group sessions \(redis\) keeps automatic backups for 7 days$/,
    },
    {
      name: 'a group keeping exactly the required days',
      resources: [group({ snapshotRetentionLimit: 3 })],
      thresholds: { minRetentionDays: 3 },
    },
  ],
  fail: [
    {
      name: 'a group with automatic backups off',
      resources: [group({ snapshotRetentionLimit: 0 })],
      message: /^Replication group sessions \(redis\) takes no automatic backups$/,
    },
    {
      name: 'a group keeping backups for less time than the policy asks',
      resources: [group({ snapshotRetentionLimit: 1 })],
      thresholds: { minRetentionDays: 7 },
      message: /keeps automatic backups for 1 days, fewer than 7$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the snapshot retention could not be read',
      resources: [withGap(group(), 'snapshotRetentionLimit', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
