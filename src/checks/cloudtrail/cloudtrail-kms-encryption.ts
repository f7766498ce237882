import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail trail encrypts its log files with a KMS key',
  description:
    'A trail can encrypt the log files it delivers with a KMS key (SSE-KMS) instead of the default S3 managed keys (SSE-S3). Reading the logs then needs kms:Decrypt on that key as well as read access to the bucket (CIS 3.5, FSBP CloudTrail.2).',
  risk: 'Anyone who can read the log bucket can read the full record of API activity in the account; access to the logs cannot be controlled or audited separately through a key policy.',
  severity: 'medium',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'resource',
  reads: ['name', 'kmsKeyId'],
  remediation: {
    text: 'Create a symmetric customer managed KMS key in the trail’s home region whose key policy lets CloudTrail encrypt (kms:GenerateDataKey*) and lets the log readers decrypt, then set it on the trail. Log files already delivered keep their old encryption.',
    cli: 'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>',
    cloudformation:
      'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    # ...\n    KMSKeyId: !GetAtt TrailKey.Arn',
    terraform: 'resource "aws_cloudtrail" "this" {\n  # ...\n  kms_key_id = aws_kms_key.trail.arn\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  },
  evaluate(trail) {
    const { name, kmsKeyId } = trail.attributes;
    return kmsKeyId
      ? pass(`Trail ${name} encrypts its log files with KMS key ${kmsKeyId}`, { kmsKeyId })
      : fail(`Trail ${name} has no KMS key: its log files use S3 managed encryption only`, {
          kmsKeyId: null,
        });
  },
});
