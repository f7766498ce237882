import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { eksCluster } from '../../testing/compute-kinds.js';
import check from './eks-cluster-supported-version.js';

// The tests run at 2026-06-01.
testCheck(check, {
  pass: [
    {
      name: 'a cluster on 1.33, in standard support until July 2026',
      resources: [eksCluster({ version: '1.33' })],
      message: /^EKS cluster prod runs Kubernetes 1\.33, in standard support until 2026-07-29$/,
    },
    {
      name: 'a cluster on a version newer than the calendar onus knows',
      resources: [eksCluster({ version: '1.37' })],
      message: /no end of support is known$/,
    },
  ],
  fail: [
    {
      name: 'a cluster left on 1.31, in paid extended support',
      resources: [eksCluster({ version: '1.31' })],
      message: /^EKS cluster prod runs Kubernetes 1\.31, out of standard support since 2025-11-26$/,
    },
    {
      name: 'a cluster on a version older than the calendar',
      resources: [eksCluster({ version: '1.21' })],
      message: /long past the end of standard support$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(eksCluster(), 'version', 'throttled', 'eks:DescribeCluster')],
      reason: 'throttled',
    },
    listingFailed('clusters could not be listed in the region', 'eks.cluster', 'eks:ListClusters'),
  ],
});
