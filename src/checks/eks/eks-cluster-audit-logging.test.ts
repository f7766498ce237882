import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './eks-cluster-audit-logging.js';

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
      name: 'the cluster sends api, audit and authenticator logs',
      resources: [cluster()],
      message: /^EKS cluster prod logs api, audit, authenticator to CloudWatch Logs$/,
    },
    { name: 'the cluster sends only its audit log', resources: [cluster({ enabledLogTypes: ['audit'] })] },
  ],
  fail: [
    {
      name: 'control plane logging was never turned on',
      resources: [cluster({ enabledLogTypes: [] })],
      message: /^EKS cluster prod sends no control plane log to CloudWatch Logs$/,
    },
    {
      name: 'the cluster sends the api and scheduler logs but not the audit log',
      resources: [cluster({ enabledLogTypes: ['api', 'scheduler'] })],
      message: /does not send its audit log to CloudWatch Logs \(only api, scheduler\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(cluster(), 'enabledLogTypes', 'access-denied', 'eks:DescribeCluster')],
      reason: 'access-denied',
    },
    listingDenied,
  ],
});
