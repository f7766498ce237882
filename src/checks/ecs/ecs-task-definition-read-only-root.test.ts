import { testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition, taskDefinitionNotSeenCases } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-read-only-root.js';

testCheck(check, {
  pass: [
    {
      name: 'every container has a read-only root filesystem',
      resources: [ecsTaskDefinition([ecsContainer('app'), ecsContainer('envoy')])],
      message: /^Task definition api:7 gives every container a read-only root filesystem$/,
    },
  ],
  fail: [
    {
      name: 'two containers keep the default writable root filesystem',
      resources: [
        ecsTaskDefinition([
          ecsContainer('app', { readonlyRootFilesystem: false }),
          ecsContainer('envoy'),
          ecsContainer('worker', { readonlyRootFilesystem: false }),
        ]),
      ],
      message: /^Task definition api:7 lets app, worker write to the root filesystem$/,
    },
  ],
  notEvaluated: taskDefinitionNotSeenCases('containers'),
});
