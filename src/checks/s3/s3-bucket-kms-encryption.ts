import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-kms-encryption',
  title: 'S3 bucket default encryption uses KMS keys (SSE-KMS or DSSE-KMS)',
  description:
    'Every new object is encrypted at rest: with SSE-S3 by default since January 2023. SSE-KMS and DSSE-KMS (FSBP S3.17) put a KMS key in front of the data, so reading an object also needs permission on the key, and every use of the key is logged in CloudTrail.',
  risk: 'With S3-managed keys, anyone the bucket policy or IAM lets read an object gets its plaintext; there is no second, separately controlled and audited permission on the key.',
  severity: 'low',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'defaultEncryption'],
  remediation: {
    text: 'Set the default encryption of the bucket to SSE-KMS with a customer managed key, and turn on S3 Bucket Keys to cut KMS request costs. Existing objects keep their encryption until rewritten (S3 Batch Operations can copy them in place).',
    cli: 'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    BucketEncryption:\n      ServerSideEncryptionConfiguration:\n        - ServerSideEncryptionByDefault:\n            SSEAlgorithm: aws:kms\n            KMSMasterKeyID: !GetAtt Key.Arn\n          BucketKeyEnabled: true',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.this.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  },
  evaluate(bucket) {
    const { name, defaultEncryption } = bucket.attributes;
    if (defaultEncryption && defaultEncryption.algorithm !== 'AES256') {
      const key = defaultEncryption.kmsKeyId ?? 'the AWS managed key aws/s3';
      return pass(`Bucket ${name} encrypts new objects with ${defaultEncryption.algorithm} under ${key}`, {
        defaultEncryption,
      });
    }
    const current = defaultEncryption ? 'SSE-S3 (AES256)' : 'no default encryption configuration, so SSE-S3';
    return fail(`Bucket ${name} encrypts new objects with S3-managed keys, not KMS: ${current}`, {
      defaultEncryption,
    });
  },
});
