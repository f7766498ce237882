import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-audit-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster logging to CloudWatch Logs',
      resources: [cluster()],
      message: /^Redshift cluster warehouse has audit logging on$/,
    },
  ],
  fail: [
    {
      name: 'a cluster without audit logging',
      resources: [cluster({ loggingEnabled: false })],
      message: /^Redshift cluster warehouse keeps no audit log of connections and queries$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'loggingEnabled', 'throttled')],
      reason: 'throttled',
    },
  ],
});
