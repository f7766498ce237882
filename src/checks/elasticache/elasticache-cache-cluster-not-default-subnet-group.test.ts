import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheCacheCluster as cluster } from '../../testing/database-kinds.js';
import check from './elasticache-cache-cluster-not-default-subnet-group.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster in a subnet group of its own',
      resources: [cluster()],
      message: /^Cache cluster catalog-cache \(memcached\) uses subnet group cache-private$/,
    },
    {
      name: 'a subnet group merely named after the default one',
      resources: [cluster({ cacheSubnetGroupName: 'default-private' })],
    },
  ],
  fail: [
    {
      name: 'a cluster launched into the default subnet group',
      resources: [cluster({ cacheSubnetGroupName: 'default' })],
      message:
        /^Cache cluster catalog-cache \(memcached\) sits in the default subnet group, in the subnets of the default VPC$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the subnet group could not be read',
      resources: [withGap(cluster(), 'cacheSubnetGroupName', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
