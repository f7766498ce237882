import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-not-default-subnet-group.js';

testCheck(check, {
  pass: [
    {
      name: 'a group in a subnet group of its own',
      resources: [group()],
      message: /^Replication group sessions \(redis\) uses subnet group cache-private$/,
    },
  ],
  fail: [
    {
      name: 'a group launched into the default subnet group',
      resources: [group({ cacheSubnetGroupName: 'default' })],
      message:
        /^Replication group sessions \(redis\) sits in the default subnet group, in the subnets of the default VPC$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the nodes of the group could not be listed',
      resources: [
        withGap(group(), 'cacheSubnetGroupName', 'access-denied', 'elasticache:DescribeCacheClusters'),
      ],
      reason: 'access-denied',
    },
  ],
});
