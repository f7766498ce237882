import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'secretsmanager-secret-rotation-enabled',
  title: 'Secrets Manager secrets rotate automatically, often enough',
  description:
    'Secrets Manager can rotate a secret on a schedule, changing both the stored value and the credential in the database or service it unlocks. Every secret should rotate automatically, at least as often as the threshold.',
  risk: 'A credential that never changes keeps working for anyone who copied it, from a log, a former employee’s laptop or a leaked environment file, for as long as it exists.',
  severity: 'medium',
  service: 'secretsmanager',
  domain: 'secrets',
  kind: 'secretsmanager.secret',
  scope: 'resource',
  reads: ['name', 'rotationEnabled', 'rotationIntervalDays'],
  thresholds: {
    maxRotationDays: {
      default: 90,
      description: 'The longest allowed interval between automatic rotations, in days',
    },
  },
  remediation: {
    text: 'Turn on automatic rotation with a schedule no longer than the threshold: managed rotation for secrets owned by a service (such as RDS master passwords), a rotation function from the AWS templates for supported databases, or your own Lambda function for other credentials.',
    cli: 'aws secretsmanager rotate-secret --secret-id <secret> --rotation-lambda-arn <rotation-function-arn> --rotation-rules \'{"ScheduleExpression": "rate(30 days)"}\'',
    cloudformation:
      'SecretRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref Secret\n    RotationLambdaARN: !GetAtt RotationFunction.Arn\n    RotationRules:\n      ScheduleExpression: rate(30 days)',
    terraform:
      'resource "aws_secretsmanager_secret_rotation" "this" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotation.arn\n\n  rotation_rules {\n    schedule_expression = "rate(30 days)"\n  }\n}',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  evaluate(secret, ctx) {
    const { name, rotationEnabled, rotationIntervalDays } = secret.attributes;
    const maxRotationDays = ctx.thresholds.maxRotationDays;
    if (!rotationEnabled) {
      return fail(`Secret ${name} is not rotated automatically`, { rotationEnabled: false, maxRotationDays });
    }
    if (rotationIntervalDays === null) {
      return notEvaluated(
        {
          field: 'rotationIntervalDays',
          reason: 'unresolved',
          detail: `rotation is on for ${name} but its schedule gave no interval in days`,
        },
        `Rotation is on for secret ${name}, but how often it rotates is unknown`,
      );
    }
    const evidence = { rotationEnabled: true, rotationIntervalDays, maxRotationDays };
    return rotationIntervalDays <= maxRotationDays
      ? pass(`Secret ${name} rotates every ${rotationIntervalDays} days`, evidence)
      : fail(
          `Secret ${name} rotates only every ${rotationIntervalDays} days (at most ${maxRotationDays} allowed)`,
          evidence,
        );
  },
});
