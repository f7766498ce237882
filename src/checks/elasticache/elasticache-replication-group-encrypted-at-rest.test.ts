import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-encrypted-at-rest.js';

testCheck(check, {
  pass: [
    {
      name: 'a Redis group encrypted at rest',
      resources: [group()],
      message: /^Replication group sessions \(redis\) encrypts its data at rest$/,
    },
  ],
  fail: [
    {
      name: 'a Valkey group created without encryption at rest',
      resources: [group({ engine: 'valkey', atRestEncryptionEnabled: false })],
      message: /^Replication group sessions \(valkey\) writes its snapshots and disk data unencrypted$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the encryption setting could not be read',
      resources: [
        withGap(group(), 'atRestEncryptionEnabled', 'access-denied', 'elasticache:DescribeReplicationGroups'),
      ],
      reason: 'access-denied',
    },
  ],
});
