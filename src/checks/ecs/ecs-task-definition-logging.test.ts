import type { EcsContainer } from '../../core/kinds/compute.js';
import type { AttributesOf } from '../../core/kinds/index.js';
import { ACCOUNT, REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ecs-task-definition-logging.js';

/** A hardened container: unprivileged, read-only root, a non-root user, logs to CloudWatch. */
const container = (name: string, overrides: Partial<EcsContainer> = {}): EcsContainer => ({
  name,
  image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}:1.4.2`,
  privileged: false,
  readonlyRootFilesystem: true,
  user: '1000',
  environment: {},
  secretsFromParameters: [],
  logDriver: 'awslogs',
  ...overrides,
});

const taskDefinition = (
  containers: EcsContainer[],
  overrides: Partial<AttributesOf<'ecs.task-definition'>> = {},
) =>
  resource('ecs.task-definition', 'api', {
    arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:7`,
    family: 'api',
    revision: 7,
    networkMode: 'awsvpc',
    pidMode: null,
    containers,
    ...overrides,
  });

const listingDenied = {
  name: 'task definitions could not be listed in the region',
  resources: [],
  scopeGaps: [
    {
      region: REGION,
      kind: 'ecs.task-definition',
      field: '*',
      reason: 'access-denied' as const,
      action: 'ecs:ListTaskDefinitionFamilies',
    },
  ],
  reason: 'access-denied' as const,
};
const describeFailed = {
  name: 'the task definition could not be described',
  resources: [
    withGap(taskDefinition([container('app')]), 'containers', 'throttled', 'ecs:DescribeTaskDefinition'),
  ],
  reason: 'throttled' as const,
};

testCheck(check, {
  pass: [
    {
      name: 'the app logs to CloudWatch and the sidecar through FireLens',
      resources: [taskDefinition([container('app'), container('envoy', { logDriver: 'awsfirelens' })])],
      message: /^Task definition api:7 configures logging for every container$/,
    },
  ],
  fail: [
    {
      name: 'a sidecar container has no log configuration',
      resources: [taskDefinition([container('app'), container('envoy', { logDriver: null })])],
      message: /^Task definition api:7 has no log configuration for envoy$/,
    },
  ],
  notEvaluated: [describeFailed, listingDenied],
});
