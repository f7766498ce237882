import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { isBucket, trailBucket } from './support/trail-bucket.js';

export default defineCheck({
  id: 'cloudtrail-bucket-access-logging',
  title: 'The S3 bucket CloudTrail delivers to has server access logging enabled',
  description:
    'Server access logging on the bucket a trail writes to (CIS 3.4) records who read, deleted or changed the log files themselves. The bucket is looked up by name in the scanned accounts; one in an account outside the scan cannot be judged.',
  risk: 'Without access logs on the log bucket, reading or deleting audit logs leaves no trace: an intruder can study or erase the record of their activity unseen.',
  severity: 'medium',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'resource',
  reads: ['name', 's3BucketName'],
  related: { 's3.bucket': ['logging'] },
  appliesTo: (trail) => trail.attributes.s3BucketName !== null,
  remediation: {
    text: 'Enable server access logging on the trail bucket, to a separate log bucket (not the trail bucket itself) that only the security team can read.',
    cli: 'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"<trail-bucket>/"}}\'',
    cloudformation:
      'TrailBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    LoggingConfiguration:\n      DestinationBucketName: !Ref AccessLogBucket\n      LogFilePrefix: cloudtrail/',
    terraform:
      'resource "aws_s3_bucket_logging" "trail" {\n  bucket        = aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "cloudtrail/"\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  evaluate(trail, ctx) {
    const { name } = trail.attributes;
    const bucketName = trail.attributes.s3BucketName ?? '';
    const found = trailBucket(ctx, { account: trail.account, name, bucketName });
    if (!isBucket(found)) return found;
    const logging = ctx.read(found, 'logging');
    return logging
      ? pass(
          `Bucket ${bucketName}, where trail ${name} delivers its logs, logs access to s3://${logging.targetBucket}/${logging.targetPrefix}`,
          { bucket: bucketName, logging },
        )
      : fail(
          `Bucket ${bucketName}, where trail ${name} delivers its logs, has server access logging off: reads and deletions of the logs leave no trace`,
          { bucket: bucketName, logging: null },
        );
  },
});
