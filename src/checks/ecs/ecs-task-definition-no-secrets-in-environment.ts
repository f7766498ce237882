import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInVariables } from '../../secrets/findings.js';

export default defineCheck({
  id: 'ecs-task-definition-no-secrets-in-environment',
  title: 'ECS task definition environment variables hold no hardcoded secrets',
  description:
    'No container of the latest active revision of an ECS task definition may hold a credential in its `environment`: an AWS access key, a private key, a GitHub, Slack, Stripe or Google token, or a literal value under a secret-like name (password, secret, token, api_key...). Variables injected through `secrets` (from Secrets Manager or Parameter Store) are the right way and are not counted.',
  risk: 'Environment values are part of the task definition: anyone allowed ecs:DescribeTaskDefinition reads them in clear text, every revision keeps them (revisions can be deregistered but not deleted), and they show up in the console, in CloudTrail-recorded API responses seen by tooling, and in `docker inspect` on EC2 hosts.',
  severity: 'critical',
  service: 'ecs',
  domain: 'secrets',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'containers'],
  remediation: {
    text: 'Store each secret in AWS Secrets Manager or an SSM SecureString parameter and reference it from the container’s `secrets` (name + valueFrom ARN); grant the task execution role read access to it. Register a new revision without the literal values, deregister the old ones, and rotate the secrets.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-with-secrets.json\naws ecs deregister-task-definition --task-definition <family>:<old-revision>',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    # ...\n    ContainerDefinitions:\n      - Name: app\n        Image: <image>\n        Secrets:\n          - Name: DB_PASSWORD\n            ValueFrom: !Ref DatabaseSecret',
    terraform:
      'resource "aws_ecs_task_definition" "this" {\n  # ...\n  container_definitions = jsonencode([{\n    name    = "app"\n    image   = "<image>"\n    secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]\n  }])\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  evaluate(definition) {
    const { family, revision, containers } = definition.attributes;
    const label = `Task definition ${family}:${revision}`;
    const findings = containers.flatMap((container) =>
      secretsInVariables(container.environment, `container ${container.name}: `),
    );
    return findings.length === 0
      ? pass(`${label} has no hardcoded secret in the environment of its ${containers.length} containers`, {
          containers: containers.length,
        })
      : fail(`${label} has hardcoded secrets in container environments: ${describeFindings(findings)}`, {
          findings,
        });
  },
});
