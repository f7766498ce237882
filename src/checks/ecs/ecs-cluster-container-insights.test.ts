import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
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
    listingFailed('clusters could not be listed in the region', 'ecs.cluster', 'ecs:ListClusters'),
  ],
  skip: [{ name: 'a deleted (INACTIVE) cluster', resources: [cluster('disabled', 'INACTIVE')] }],
});
