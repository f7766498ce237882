import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { eksCluster } from '../../testing/compute-kinds.js';
import check from './eks-cluster-audit-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'the cluster sends api, audit and authenticator logs',
      resources: [eksCluster()],
      message: /^EKS cluster prod logs api, audit, authenticator to CloudWatch Logs$/,
    },
    { name: 'the cluster sends only its audit log', resources: [eksCluster({ enabledLogTypes: ['audit'] })] },
  ],
  fail: [
    {
      name: 'control plane logging was never turned on',
      resources: [eksCluster({ enabledLogTypes: [] })],
      message: /^EKS cluster prod sends no control plane log to CloudWatch Logs$/,
    },
    {
      name: 'the cluster sends the api and scheduler logs but not the audit log',
      resources: [eksCluster({ enabledLogTypes: ['api', 'scheduler'] })],
      message: /does not send its audit log to CloudWatch Logs \(only api, scheduler\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(eksCluster(), 'enabledLogTypes', 'access-denied', 'eks:DescribeCluster')],
      reason: 'access-denied',
    },
    listingFailed('clusters could not be listed in the region', 'eks.cluster', 'eks:ListClusters'),
  ],
});
