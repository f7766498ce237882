import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-not-public.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster reachable only from its VPC',
      resources: [cluster()],
      message: /^Redshift cluster warehouse is not publicly accessible$/,
    },
  ],
  fail: [
    {
      name: 'a cluster with a public endpoint',
      resources: [cluster({ publiclyAccessible: true })],
      message:
        /^Redshift cluster warehouse is publicly accessible: only its security group keeps the internet out$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'publiclyAccessible', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
