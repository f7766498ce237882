import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-automatic-failover.js';

testCheck(check, {
  pass: [
    {
      name: 'a Multi-AZ group that fails over by itself',
      resources: [group()],
      message:
        /^Replication group sessions \(redis\) promotes a replica automatically, across Availability Zones$/,
    },
  ],
  fail: [
    {
      name: 'a single-zone group without automatic failover',
      resources: [group({ automaticFailover: 'disabled', multiAZ: false })],
      message: /has automatic failover disabled: a failed primary stays down until someone steps in$/,
    },
    {
      name: 'a group whose failover is being turned off',
      resources: [group({ automaticFailover: 'disabling' })],
      message: /automatic failover disabling/,
    },
  ],
  notEvaluated: [
    {
      name: 'the failover setting could not be read',
      resources: [withGap(group(), 'automaticFailover', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
