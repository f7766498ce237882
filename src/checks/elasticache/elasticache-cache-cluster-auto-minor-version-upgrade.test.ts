import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheCacheCluster as cluster } from '../../testing/database-kinds.js';
import check from './elasticache-cache-cluster-auto-minor-version-upgrade.js';

testCheck(check, {
  pass: [
    {
      name: 'a Memcached cluster patched in its maintenance window',
      resources: [cluster()],
      message: /^Cache cluster catalog-cache \(memcached 1\.6\.22\) upgrades minor versions automatically$/,
    },
  ],
  fail: [
    {
      name: 'a single-node Redis cluster pinned to its minor version',
      resources: [cluster({ engine: 'redis', engineVersion: '6.2.6', autoMinorVersionUpgrade: false })],
      message: /^Cache cluster catalog-cache \(redis 6\.2\.6\) has auto minor version upgrade off$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the upgrade setting could not be read',
      resources: [withGap(cluster(), 'autoMinorVersionUpgrade', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
