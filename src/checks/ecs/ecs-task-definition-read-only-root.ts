import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecs-task-definition-read-only-root',
  title: 'ECS containers have a read-only root filesystem',
  description:
    'With `readonlyRootFilesystem: true` a container cannot write to its root filesystem, only to the volumes it mounts (FSBP ECS.5). The check reads the latest active revision of each task definition family and fails when any container has a writable root filesystem.',
  risk: 'An attacker in the container can drop tools, alter binaries and persist web shells or miners in the container filesystem.',
  severity: 'medium',
  service: 'ecs',
  domain: 'compute',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'containers'],
  remediation: {
    text: 'Set `readonlyRootFilesystem` to true in every container definition, mount a volume (or a tmpfs on EC2) for the paths the application must write, such as /tmp, and register a new revision.',
    cli: 'aws ecs register-task-definition --region <region> --cli-input-json file://task-definition.json  # with "readonlyRootFilesystem": true in every container',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    ContainerDefinitions:\n      - Name: app\n        Image: <image>\n        ReadonlyRootFilesystem: true',
    terraform:
      'resource "aws_ecs_task_definition" "this" {\n  # ...\n  container_definitions = jsonencode([{\n    name                   = "app"\n    image                  = "<image>"\n    readonlyRootFilesystem = true\n  }])\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage',
  },
  evaluate(definition) {
    const { family, revision, containers } = definition.attributes;
    const writable = containers
      .filter((container) => !container.readonlyRootFilesystem)
      .map((container) => container.name);
    const evidence = { writableRootContainers: writable };
    return writable.length === 0
      ? pass(
          `Task definition ${family}:${revision} gives every container a read-only root filesystem`,
          evidence,
        )
      : fail(
          `Task definition ${family}:${revision} lets ${writable.join(', ')} write to the root filesystem`,
          evidence,
        );
  },
});
