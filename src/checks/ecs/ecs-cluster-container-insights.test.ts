import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ecs-cluster-container-insights.js';

type Cluster = AttributesOf<'ecs.cluster'>;

const cluster = (containerInsights: Cluster['containerInsights'], status: Cluster['status'] = 'ACTIVE') =>
  resource('ecs.cluster', 'prod', { name: 'prod', containerInsights, status });

testCheck(check, {
  pass: [
    {
      name: 'the cluster has enhanced observability',
      resources: [cluster('enhanced')],
      message: /^ECS cluster prod has Container Insights enhanced$/,
    },
    { name: 'the cluster has Container Insights on', resources: [cluster('enabled')] },
  ],
  fail: [
    {
      name: 'the cluster was created without Container Insights',
      resources: [cluster('disabled')],
      message: /^ECS cluster prod has Container Insights disabled$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the cluster settings could not be read',
      resources: [withGap(cluster('enabled'), 'containerInsights', 'access-denied', 'ecs:DescribeClusters')],
      reason: 'access-denied',
    },
    {
      name: 'clusters could not be listed in the region',
      resources: [],
      scopeGaps: [
        {
          region: REGION,
          kind: 'ecs.cluster',
          field: '*',
          reason: 'access-denied',
          action: 'ecs:ListClusters',
        },
      ],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'a deleted (INACTIVE) cluster', resources: [cluster('disabled', 'INACTIVE')] }],
});
