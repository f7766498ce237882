import { testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition, taskDefinitionNotSeenCases } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-not-privileged.js';

testCheck(check, {
  pass: [
    {
      name: 'no container is privileged',
      resources: [ecsTaskDefinition([ecsContainer('app'), ecsContainer('envoy')])],
      message: /^Task definition api:7 runs no privileged container$/,
    },
  ],
  fail: [
    {
      name: 'a monitoring sidecar runs privileged',
      resources: [ecsTaskDefinition([ecsContainer('app'), ecsContainer('node-agent', { privileged: true })])],
      message: /^Task definition api:7 runs privileged container node-agent$/,
    },
  ],
  notEvaluated: taskDefinitionNotSeenCases('containers'),
});
