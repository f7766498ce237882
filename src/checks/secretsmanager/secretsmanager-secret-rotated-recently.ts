import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;

const daysText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

export default defineCheck({
  id: 'secretsmanager-secret-rotated-recently',
  title: 'Secrets Manager secrets were rotated within the allowed number of days',
  description:
    'Whatever the schedule says, the value must actually have changed recently (FSBP SecretsManager.4): the last rotation, or the creation of a secret that never rotated, is no older than the threshold. A failing rotation function leaves the old value in place while rotation still shows as enabled.',
  risk: 'A value that has not changed in months has had that long to leak through logs, backups, laptops and former staff, and it still works.',
  severity: 'medium',
  service: 'secretsmanager',
  domain: 'secrets',
  kind: 'secretsmanager.secret',
  scope: 'resource',
  reads: ['name', 'lastRotatedAt', 'createdAt'],
  thresholds: {
    maxAgeDays: {
      default: 90,
      description: 'The most days allowed since the secret was last rotated (or created, if it never was)',
    },
  },
  remediation: {
    text: "Rotate the secret now, then find out why it is not rotating: turn on automatic rotation, or read the rotation function's CloudWatch logs if rotation is on but failing.",
    cli: "aws secretsmanager rotate-secret --secret-id <secret>\naws secretsmanager describe-secret --secret-id <secret> --query '{enabled:RotationEnabled,last:LastRotatedDate,next:NextRotationDate}'",
    cloudformation:
      'SecretRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref Secret\n    RotationLambdaARN: !GetAtt RotationFunction.Arn\n    RotationRules:\n      ScheduleExpression: rate(30 days)',
    terraform:
      'resource "aws_secretsmanager_secret_rotation" "this" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotation.arn\n\n  rotation_rules {\n    schedule_expression = "rate(30 days)"\n  }\n}',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-4',
  },
  evaluate(secret, ctx) {
    const { name, lastRotatedAt, createdAt } = secret.attributes;
    const maxAgeDays = ctx.thresholds.maxAgeDays;
    const since = lastRotatedAt ?? createdAt;
    const ageDays = Math.floor((ctx.now.getTime() - Date.parse(since)) / DAY_MS);
    const event = lastRotatedAt ? 'last rotated' : 'created and never rotated';
    const evidence = { lastRotatedAt, createdAt, ageDays, maxAgeDays };
    return ageDays <= maxAgeDays
      ? pass(`Secret ${name} was ${event} ${daysText(ageDays)} ago`, evidence)
      : fail(
          `Secret ${name} was ${event} ${daysText(ageDays)} ago (at most ${maxAgeDays} allowed)`,
          evidence,
        );
  },
});
