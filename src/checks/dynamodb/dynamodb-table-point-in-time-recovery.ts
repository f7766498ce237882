import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'dynamodb-table-point-in-time-recovery',
  title: 'DynamoDB tables have point-in-time recovery on',
  description:
    'Every DynamoDB table must have point-in-time recovery (continuous backups) on, so it can be restored to any second of its recovery period (35 days by default).',
  risk: 'Without point-in-time recovery, data overwritten or deleted by a bug, a mistaken script or an attacker (including ransomware that rewrites items) can only be restored from on-demand backups, if any exist, losing everything written since.',
  severity: 'medium',
  service: 'dynamodb',
  domain: 'data',
  kind: 'dynamodb.table',
  scope: 'resource',
  reads: ['name', 'pointInTimeRecovery'],
  remediation: {
    text: 'Turn on point-in-time recovery for the table. It is billed by table size; tables whose data can be rebuilt from elsewhere may be exempted deliberately.',
    cli: 'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    cloudformation:
      'Table:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true',
    terraform:
      'resource "aws_dynamodb_table" "this" {\n  # ...\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html',
  },
  evaluate(table) {
    const { name, pointInTimeRecovery } = table.attributes;
    return pointInTimeRecovery
      ? pass(`DynamoDB table ${name} has point-in-time recovery on`, { pointInTimeRecovery })
      : fail(`DynamoDB table ${name} has point-in-time recovery off`, { pointInTimeRecovery });
  },
});
