import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-enhanced-vpc-routing.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster with enhanced VPC routing',
      resources: [cluster()],
      message: /^Redshift cluster warehouse routes COPY and UNLOAD traffic through its VPC$/,
    },
  ],
  fail: [
    {
      name: 'a cluster that unloads over the public network',
      resources: [cluster({ enhancedVpcRouting: false })],
      message:
        /^Redshift cluster warehouse sends COPY and UNLOAD traffic outside its VPC \(enhanced VPC routing off\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the setting could not be read',
      resources: [withGap(cluster(), 'enhancedVpcRouting', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
