import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './eks-cluster-supported-version.js';

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

// The tests run at 2026-06-01.
testCheck(check, {
  pass: [
    {
      name: 'a cluster on 1.33, in standard support until July 2026',
      resources: [cluster({ version: '1.33' })],
      message: /^EKS cluster prod runs Kubernetes 1\.33, in standard support until 2026-07-29$/,
    },
    {
      name: 'a cluster on a version newer than the calendar onus knows',
      resources: [cluster({ version: '1.37' })],
      message: /no end of support is known$/,
    },
  ],
  fail: [
    {
      name: 'a cluster left on 1.31, in paid extended support',
      resources: [cluster({ version: '1.31' })],
      message: /^EKS cluster prod runs Kubernetes 1\.31, out of standard support since 2025-11-26$/,
    },
    {
      name: 'a cluster on a version older than the calendar',
      resources: [cluster({ version: '1.21' })],
      message: /long past the end of standard support$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster could not be described',
      resources: [withGap(cluster(), 'version', 'throttled', 'eks:DescribeCluster')],
      reason: 'throttled',
    },
    listingDenied,
  ],
});
