import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'logs-log-group-encrypted',
  title: 'CloudWatch Logs log group is encrypted with a KMS key',
  description:
    'CloudWatch Logs always encrypts log data at rest, by default with keys the service owns. Associating a KMS key puts access to the events under a key policy the customer controls, can revoke and can audit in CloudTrail.',
  risk: 'Logs often carry tokens, personal data and request payloads; without a customer key, anyone granted logs read access reads them, and access cannot be cut off by disabling a key.',
  severity: 'low',
  service: 'logs',
  domain: 'logging',
  kind: 'logs.log-group',
  scope: 'resource',
  reads: ['name', 'kmsKeyId'],
  remediation: {
    text: 'Create a symmetric customer managed KMS key whose key policy allows the CloudWatch Logs service principal of the region (logs.<region>.amazonaws.com) to use it, then associate it with the log group. Only events ingested after the association are encrypted with the key.',
    cli: 'aws logs associate-kms-key --log-group-name <log-group> --kms-key-id <key-arn>',
    cloudformation:
      'LogGroup:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    KmsKeyId: !GetAtt LogsKey.Arn',
    terraform:
      'resource "aws_cloudwatch_log_group" "this" {\n  name       = "<log-group>"\n  kms_key_id = aws_kms_key.logs.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  },
  evaluate(group) {
    const { name, kmsKeyId } = group.attributes;
    return kmsKeyId
      ? pass(`Log group ${name} is encrypted with KMS key ${kmsKeyId}`, { kmsKeyId })
      : fail(`Log group ${name} has no KMS key: it uses the CloudWatch Logs owned key`, { kmsKeyId: null });
  },
});
