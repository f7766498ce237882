import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'dynamodb-table-deletion-protection',
  title: 'DynamoDB tables have deletion protection on',
  description:
    'Every DynamoDB table must have deletion protection on, so it cannot be deleted until the setting is turned off (Security Hub DynamoDB.6).',
  risk: 'Without deletion protection, one mistaken or malicious DeleteTable call (a script, a stack teardown, a compromised role) deletes the table and every item in it; point-in-time recovery ends with the table unless a backup was taken.',
  severity: 'medium',
  service: 'dynamodb',
  domain: 'data',
  kind: 'dynamodb.table',
  scope: 'resource',
  reads: ['name', 'deletionProtection'],
  remediation: {
    text: 'Turn on deletion protection for every table that holds data you need; turn it off deliberately before a planned deletion.',
    cli: 'aws dynamodb update-table --table-name <table> --deletion-protection-enabled',
    cloudformation:
      'Table:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    DeletionProtectionEnabled: true',
    terraform: 'resource "aws_dynamodb_table" "this" {\n  # ...\n  deletion_protection_enabled = true\n}',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  },
  evaluate(table) {
    const { name, deletionProtection } = table.attributes;
    return deletionProtection
      ? pass(`DynamoDB table ${name} has deletion protection on`, { deletionProtection })
      : fail(`DynamoDB table ${name} can be deleted without turning off deletion protection first`, {
          deletionProtection,
        });
  },
});
