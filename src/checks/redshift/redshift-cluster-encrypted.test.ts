import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-encrypted.js';

testCheck(check, {
  pass: [
    {
      name: 'an encrypted cluster',
      resources: [cluster()],
      message: /^Redshift cluster warehouse is encrypted at rest$/,
    },
  ],
  fail: [
    {
      name: 'a cluster created without encryption',
      resources: [cluster({ encrypted: false })],
      message: /^Redshift cluster warehouse stores its data and snapshots unencrypted$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'encrypted', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
