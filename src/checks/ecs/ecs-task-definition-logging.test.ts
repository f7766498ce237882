import { testCheck } from '../../testing/check-tester.js';
import { ecsContainer, ecsTaskDefinition, taskDefinitionNotSeenCases } from '../../testing/compute-kinds.js';
import check from './ecs-task-definition-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'the app logs to CloudWatch and the sidecar through FireLens',
      resources: [
        ecsTaskDefinition([ecsContainer('app'), ecsContainer('envoy', { logDriver: 'awsfirelens' })]),
      ],
      message: /^Task definition api:7 configures logging for every container$/,
    },
  ],
  fail: [
    {
      name: 'a sidecar container has no log configuration',
      resources: [ecsTaskDefinition([ecsContainer('app'), ecsContainer('envoy', { logDriver: null })])],
      message: /^Task definition api:7 has no log configuration for envoy$/,
    },
  ],
  notEvaluated: taskDefinitionNotSeenCases('containers'),
});
