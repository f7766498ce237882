import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'dynamodb-table-kms-encryption',
  title: 'DynamoDB tables are encrypted with a KMS key rather than the AWS owned key',
  description:
    'Every DynamoDB table must be encrypted with a KMS key in the account (the AWS managed key aws/dynamodb or, better, a customer managed key) rather than the default key DynamoDB owns. All tables are encrypted; this is about who controls and sees the use of the key.',
  risk: 'With the AWS owned key, use of the key leaves no trace in CloudTrail, its access cannot be restricted by a key policy and it cannot be disabled to cut off access to the data in an incident.',
  severity: 'low',
  service: 'dynamodb',
  domain: 'keys',
  kind: 'dynamodb.table',
  scope: 'resource',
  reads: ['name', 'sseType', 'kmsKeyArn'],
  remediation: {
    text: 'Switch the table to a customer managed KMS key (or the AWS managed key aws/dynamodb). The switch happens online; the roles that read and write the table need kms:Decrypt and kms:GenerateDataKey on a customer managed key, and KMS requests are billed.',
    cli: 'aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>',
    cloudformation:
      'Table:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    SSESpecification:\n      SSEEnabled: true\n      SSEType: KMS\n      KMSMasterKeyId: <key-arn>',
    terraform:
      'resource "aws_dynamodb_table" "this" {\n  # ...\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.tables.arn\n  }\n}',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
  },
  evaluate(table) {
    const { name, sseType, kmsKeyArn } = table.attributes;
    return sseType === 'KMS'
      ? pass(`DynamoDB table ${name} is encrypted with KMS key ${kmsKeyArn ?? '(not named)'}`, {
          sseType,
          kmsKeyArn,
        })
      : fail(`DynamoDB table ${name} is encrypted with the key DynamoDB owns, not a KMS key of the account`, {
          sseType,
        });
  },
});
