import { withGap } from '../../testing/builders.js';
import { eksCluster } from '../../testing/compute-kinds.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './eks-cluster-endpoint-not-public.js';

const cluster = (endpointPublicAccess: boolean, publicAccessCidrs: string[], endpointPrivateAccess = true) =>
  eksCluster({ endpointPublicAccess, publicAccessCidrs, endpointPrivateAccess });

testCheck(check, {
  pass: [
    {
      name: 'the cluster has only a private endpoint',
      resources: [cluster(false, [])],
      message: /^EKS cluster prod has no public API endpoint$/,
    },
    {
      name: 'the public endpoint is limited to the office and CI ranges',
      resources: [cluster(true, ['203.0.113.0/24', '198.51.100.7/32'])],
      message: /limited to 203\.0\.113\.0\/24, 198\.51\.100\.7\/32$/,
    },
  ],
  fail: [
    {
      name: 'the public endpoint is left open to everyone, as created by default',
      resources: [cluster(true, ['0.0.0.0/0'], false)],
      message: /^EKS cluster prod's public API endpoint is open to the internet \(0\.0\.0\.0\/0\)$/,
    },
    {
      name: 'the public endpoint allows the office range and everyone',
      resources: [cluster(true, ['203.0.113.0/24', '0.0.0.0/0'])],
      message: /open to the internet \(0\.0\.0\.0\/0\)/,
    },
    {
      name: 'the public endpoint is reported without any CIDRs',
      resources: [cluster(true, [])],
      message: /0\.0\.0\.0\/0 \(default\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(cluster(true, []), 'publicAccessCidrs', 'access-denied', 'eks:DescribeCluster')],
      reason: 'access-denied',
    },
    listingFailed('clusters could not be listed in the region', 'eks.cluster', 'eks:ListClusters'),
  ],
});
