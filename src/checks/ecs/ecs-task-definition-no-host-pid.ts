import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecs-task-definition-no-host-pid',
  title: 'ECS task definitions do not share the host process namespace',
  description:
    "With `pidMode: host`, the task's containers see and can signal every process on the EC2 host, including other tasks and the ECS agent (FSBP ECS.3). The check reads the latest active revision of each task definition family. Fargate accepts only `task`.",
  risk: "A compromised container can read other processes' environment and memory (their credentials), kill them, or attach to them with ptrace: the isolation between tasks on the host is gone.",
  severity: 'high',
  service: 'ecs',
  domain: 'compute',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'pidMode'],
  remediation: {
    text: 'Remove `pidMode` (each container gets its own namespace) or set it to `task` to share processes only within the task, and register a new revision. Host-level monitoring agents belong in a daemon on the instance, not in application tasks.',
    cli: 'aws ecs register-task-definition --region <region> --cli-input-json file://task-definition.json  # without "pidMode": "host"',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    PidMode: task\n    # ...',
    terraform: 'resource "aws_ecs_task_definition" "this" {\n  # ...\n  pid_mode = "task"\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#other_task_definition_params',
  },
  evaluate(definition) {
    const { family, revision, pidMode } = definition.attributes;
    return pidMode === 'host'
      ? fail(`Task definition ${family}:${revision} shares the host's process namespace (pidMode host)`, {
          pidMode,
        })
      : pass(`Task definition ${family}:${revision} does not share the host's process namespace`, {
          pidMode,
        });
  },
});
