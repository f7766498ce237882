import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-require-ssl.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster whose parameter group sets require_ssl',
      resources: [cluster()],
      message: /^Redshift cluster warehouse requires TLS \(require_ssl is true\)$/,
    },
  ],
  fail: [
    {
      name: 'a cluster on the default parameter group',
      resources: [cluster({ requireSsl: false })],
      message:
        /^Redshift cluster warehouse accepts plaintext connections: its parameter group leaves require_ssl false$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'requireSsl', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
