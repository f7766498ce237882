import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-access-logging',
  title: 'S3 bucket server access logging is enabled',
  description:
    'Server access logging (FSBP S3.9) records every request made to the bucket (requester, operation, key, response) into a target bucket, including anonymous and denied requests that CloudTrail data events do not show the same way.',
  risk: 'Without access logs there is no record of who read or changed which objects, so a leak or tampering cannot be traced or scoped.',
  severity: 'medium',
  service: 's3',
  domain: 'logging',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'logging'],
  remediation: {
    text: 'Enable server access logging to a dedicated log bucket in the same region and account (never the bucket itself), with a prefix per source bucket. The target bucket must let the S3 logging service write (bucket policy for logging.s3.amazonaws.com).',
    cli: 'aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<bucket>/"}}\'',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    LoggingConfiguration:\n      DestinationBucketName: !Ref LogBucket\n      LogFilePrefix: <bucket>/',
    terraform:
      'resource "aws_s3_bucket_logging" "this" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "<bucket>/"\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  },
  evaluate(bucket) {
    const { name, logging } = bucket.attributes;
    return logging
      ? pass(`Bucket ${name} logs its requests to s3://${logging.targetBucket}/${logging.targetPrefix}`, {
          logging,
        })
      : fail(`Bucket ${name} does not log the requests made to it (server access logging is off)`, {
          logging: null,
        });
  },
});
