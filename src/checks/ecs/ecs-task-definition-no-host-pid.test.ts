import { testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition, taskDefinitionNotSeenCases } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-no-host-pid.js';

testCheck(check, {
  pass: [
    {
      name: 'the task leaves the process namespace unset',
      resources: [ecsTaskDefinition([ecsContainer('app')])],
      message: /^Task definition api:7 does not share the host's process namespace$/,
    },
    {
      name: 'the containers of the task share a namespace among themselves',
      resources: [ecsTaskDefinition([ecsContainer('app')], { pidMode: 'task' })],
    },
  ],
  fail: [
    {
      name: 'the task shares the host process namespace',
      resources: [ecsTaskDefinition([ecsContainer('app')], { pidMode: 'host' })],
      message: /^Task definition api:7 shares the host's process namespace \(pidMode host\)$/,
    },
  ],
  notEvaluated: taskDefinitionNotSeenCases('pidMode'),
});
