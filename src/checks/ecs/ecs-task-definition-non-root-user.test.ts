import { testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition, taskDefinitionNotSeenCases } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-non-root-user.js';

testCheck(check, {
  pass: [
    {
      name: 'every container runs as UID 1000 or a named user',
      resources: [
        ecsTaskDefinition([
          ecsContainer('app'),
          ecsContainer('envoy', { user: '1337:1337' }),
          ecsContainer('web', { user: 'nginx' }),
        ]),
      ],
      message: /^Task definition api:7 runs every container as a non-root user$/,
    },
  ],
  fail: [
    {
      name: 'a container sets no user, so it runs as the image default',
      resources: [ecsTaskDefinition([ecsContainer('app', { user: null })])],
      message: /^Task definition api:7 runs containers as root: app \(no user: the image default\)$/,
    },
    {
      name: 'containers run as root by name and as UID 0',
      resources: [
        ecsTaskDefinition([ecsContainer('app', { user: 'root' }), ecsContainer('worker', { user: '0:0' })]),
      ],
      message: /app \(root\), worker \(0:0\)$/,
    },
  ],
  notEvaluated: taskDefinitionNotSeenCases('containers'),
});
