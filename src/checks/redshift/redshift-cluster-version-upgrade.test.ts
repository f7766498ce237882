import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-version-upgrade.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster taking upgrades',
      resources: [cluster()],
      message: /^Redshift cluster warehouse takes version upgrades in its maintenance window$/,
    },
  ],
  fail: [
    {
      name: 'a cluster pinned to its engine version',
      resources: [cluster({ allowVersionUpgrade: false })],
      message: /^Redshift cluster warehouse refuses version upgrades, so it keeps an unpatched engine$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'allowVersionUpgrade', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
