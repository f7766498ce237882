import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecs-task-definition-not-privileged',
  title: 'ECS task definitions run no privileged container',
  description:
    'A container with `privileged: true` gets root capabilities on the host, as if it ran outside any container (FSBP ECS.4). The check reads the latest active revision of each task definition family and fails when any of its containers is privileged. Fargate refuses privileged containers; on EC2 hosts they run.',
  risk: "A compromised privileged container owns the host: it can load kernel modules, read other tasks' memory and credentials, and escape to the instance role.",
  severity: 'high',
  service: 'ecs',
  domain: 'compute',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'containers'],
  remediation: {
    text: 'Remove `privileged` from the container definitions and register a new revision; grant only the specific Linux capabilities the workload needs through linuxParameters.capabilities.add. Update the services to the new revision.',
    cli: 'aws ecs register-task-definition --region <region> --cli-input-json file://task-definition.json  # with "privileged": false in every container',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    ContainerDefinitions:\n      - Name: app\n        Image: <image>\n        Privileged: false',
    terraform:
      'resource "aws_ecs_task_definition" "this" {\n  # ...\n  container_definitions = jsonencode([{\n    name       = "app"\n    image      = "<image>"\n    privileged = false\n  }])\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate(definition) {
    const { family, revision, containers } = definition.attributes;
    const privileged = containers
      .filter((container) => container.privileged)
      .map((container) => container.name);
    const evidence = { privilegedContainers: privileged };
    return privileged.length === 0
      ? pass(`Task definition ${family}:${revision} runs no privileged container`, evidence)
      : fail(
          `Task definition ${family}:${revision} runs privileged container ${privileged.join(', ')}`,
          evidence,
        );
  },
});
