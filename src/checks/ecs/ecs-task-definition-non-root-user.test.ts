import type { EcsContainer } from '../../core/kinds/compute.js';
import type { AttributesOf } from '../../core/kinds/index.js';
import { ACCOUNT, REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ecs-task-definition-non-root-user.js';

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
      name: 'every container runs as UID 1000 or a named user',
      resources: [
        taskDefinition([
          container('app'),
          container('envoy', { user: '1337:1337' }),
          container('web', { user: 'nginx' }),
        ]),
      ],
      message: /^Task definition api:7 runs every container as a non-root user$/,
    },
  ],
  fail: [
    {
      name: 'a container sets no user, so it runs as the image default',
      resources: [taskDefinition([container('app', { user: null })])],
      message: /^Task definition api:7 runs containers as root: app \(no user: the image default\)$/,
    },
    {
      name: 'containers run as root by name and as UID 0',
      resources: [taskDefinition([container('app', { user: 'root' }), container('worker', { user: '0:0' })])],
      message: /app \(root\), worker \(0:0\)$/,
    },
  ],
  notEvaluated: [describeFailed, listingDenied],
});
