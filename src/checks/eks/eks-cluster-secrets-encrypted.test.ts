import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { eksCluster } from '../../testing/compute-kinds.js';
import check from './eks-cluster-secrets-encrypted.js';

testCheck(check, {
  pass: [
    {
      name: 'secrets are envelope-encrypted with a customer KMS key',
      resources: [eksCluster({ secretsEncryption: true })],
      message: /^EKS cluster prod encrypts Kubernetes secrets with a customer KMS key$/,
    },
  ],
  fail: [
    {
      name: 'the cluster relies on the encryption EKS applies by default',
      resources: [eksCluster({ secretsEncryption: false })],
      message: /^EKS cluster prod does not encrypt Kubernetes secrets with a customer KMS key$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(eksCluster(), 'secretsEncryption', 'access-denied', 'eks:DescribeCluster')],
      reason: 'access-denied',
    },
    listingFailed('clusters could not be listed in the region', 'eks.cluster', 'eks:ListClusters'),
  ],
});
