import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sns-topic-encrypted',
  title: 'SNS topics are encrypted at rest with KMS',
  description:
    'Every SNS topic must have server-side encryption on, with the AWS managed key alias/aws/sns or a customer managed KMS key, so messages SNS stores before delivery are encrypted.',
  risk: 'Messages on an unencrypted topic are stored in clear text until delivered, often carrying personal data, alerts with resource details or application events.',
  severity: 'medium',
  service: 'sns',
  domain: 'data',
  kind: 'sns.topic',
  scope: 'resource',
  reads: ['name', 'kmsMasterKeyId'],
  remediation: {
    text: 'Set a KMS key on the topic. AWS services that publish to topics (CloudWatch alarms, EventBridge, S3 notifications, ...) cannot use the AWS managed key alias/aws/sns: give such topics a customer managed key whose key policy lets the service principal call kms:GenerateDataKey* and kms:Decrypt.',
    cli: 'aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name KmsMasterKeyId --attribute-value <key-id-or-alias/aws/sns>',
    cloudformation: 'Topic:\n  Type: AWS::SNS::Topic\n  Properties:\n    KmsMasterKeyId: !Ref TopicKey',
    terraform: 'resource "aws_sns_topic" "this" {\n  # ...\n  kms_master_key_id = aws_kms_key.sns.id\n}',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
  },
  evaluate(topic) {
    const { name, kmsMasterKeyId } = topic.attributes;
    return kmsMasterKeyId !== null
      ? pass(`SNS topic ${name} is encrypted with KMS key ${kmsMasterKeyId}`, { kmsMasterKeyId })
      : fail(`SNS topic ${name} is not encrypted at rest`, { kmsMasterKeyId });
  },
});
