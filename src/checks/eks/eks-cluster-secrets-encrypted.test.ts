import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './eks-cluster-secrets-encrypted.js';

const cluster = (overrides: Partial<AttributesOf<'eks.cluster'>> = {}) =>
  resource('eks.cluster', 'prod', {
    name: 'prod',
    version: '1.33',
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    publicAccessCidrs: [],
    secretsEncryption: true,
    enabledLogTypes: ['api', 'audit', 'authenticator'],
    ...overrides,
  });

const listingDenied = {
  name: 'clusters could not be listed in the region',
  resources: [],
  scopeGaps: [
    {
      region: REGION,
      kind: 'eks.cluster',
      field: '*',
      reason: 'access-denied' as const,
      action: 'eks:ListClusters',
    },
  ],
  reason: 'access-denied' as const,
};

testCheck(check, {
  pass: [
    {
      name: 'secrets are envelope-encrypted with a customer KMS key',
      resources: [cluster({ secretsEncryption: true })],
      message: /^EKS cluster prod encrypts Kubernetes secrets with a customer KMS key$/,
    },
  ],
  fail: [
    {
      name: 'the cluster relies on the encryption EKS applies by default',
      resources: [cluster({ secretsEncryption: false })],
      message: /^EKS cluster prod does not encrypt Kubernetes secrets with a customer KMS key$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(cluster(), 'secretsEncryption', 'access-denied', 'eks:DescribeCluster')],
      reason: 'access-denied',
    },
    listingDenied,
  ],
});
