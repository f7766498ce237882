import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-auto-minor-version-upgrade.js';

testCheck(check, {
  pass: [
    {
      name: 'a group patched in its maintenance window',
      resources: [group()],
      message: /^Replication group sessions \(redis\) upgrades minor versions automatically$/,
    },
  ],
  fail: [
    {
      name: 'a Valkey group pinned to its minor version',
      resources: [group({ engine: 'valkey', autoMinorVersionUpgrade: false })],
      message: /^Replication group sessions \(valkey\) has auto minor version upgrade off$/,
    },
  ],
  notEvaluated: [
    {
      name: 'neither the group nor its nodes said whether they upgrade',
      resources: [withGap(group(), 'autoMinorVersionUpgrade', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
