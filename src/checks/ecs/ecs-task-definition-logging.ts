import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecs-task-definition-logging',
  title: 'ECS containers have a log configuration',
  description:
    'A container definition without `logConfiguration` sends its output nowhere the customer can read it after the task stops (FSBP ECS.9). The check reads the latest active revision of each task definition family and fails when any container has no log driver; the drivers used (awslogs, awsfirelens, splunk, ...) are reported as evidence.',
  risk: 'Application errors, access logs and the traces of an intrusion inside the container are lost when the task stops: incidents cannot be investigated.',
  severity: 'medium',
  service: 'ecs',
  domain: 'logging',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'containers'],
  remediation: {
    text: 'Add a logConfiguration to every container definition, for example the awslogs driver to a CloudWatch Logs group with a retention, or FireLens to route logs elsewhere, and register a new revision. The task execution role needs logs:CreateLogStream and logs:PutLogEvents.',
    cli: 'aws ecs register-task-definition --region <region> --cli-input-json file://task-definition.json  # with a "logConfiguration" in every container',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    ContainerDefinitions:\n      - Name: app\n        Image: <image>\n        LogConfiguration:\n          LogDriver: awslogs\n          Options:\n            awslogs-group: /ecs/app\n            awslogs-region: !Ref AWS::Region\n            awslogs-stream-prefix: app',
    terraform:
      'resource "aws_ecs_task_definition" "this" {\n  # ...\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    logConfiguration = {\n      logDriver = "awslogs"\n      options = {\n        awslogs-group         = aws_cloudwatch_log_group.app.name\n        awslogs-region        = data.aws_region.current.name\n        awslogs-stream-prefix = "app"\n      }\n    }\n  }])\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  },
  evaluate(definition) {
    const { family, revision, containers } = definition.attributes;
    const unlogged = containers
      .filter((container) => container.logDriver === null)
      .map((container) => container.name);
    const evidence = { containers: containers.map(({ name, logDriver }) => ({ name, logDriver })) };
    return unlogged.length === 0
      ? pass(`Task definition ${family}:${revision} configures logging for every container`, evidence)
      : fail(
          `Task definition ${family}:${revision} has no log configuration for ${unlogged.join(', ')}`,
          evidence,
        );
  },
});
