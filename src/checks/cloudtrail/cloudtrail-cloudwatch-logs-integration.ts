import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const HOUR = 3_600_000;

export default defineCheck({
  id: 'cloudtrail-cloudwatch-logs-integration',
  title: 'CloudTrail trails deliver to CloudWatch Logs',
  description:
    'The trail sends its events to a CloudWatch Logs log group as well as to S3, and the last delivery is recent (Security Hub CloudTrail.5 allows one day). Metric filters, alarms and real-time searches all work on that log group.',
  risk: 'Logs that only land in S3 are read after the fact, if at all: without CloudWatch Logs there is nothing to alarm on when credentials are misused or logging is switched off, and a broken delivery role goes unnoticed.',
  severity: 'low',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'resource',
  reads: ['name', 'cloudWatchLogsLogGroupArn', 'latestCloudWatchLogsDeliveryAt'],
  thresholds: {
    maxDeliveryAgeHours: {
      default: 24,
      description:
        'Hours since the last delivery to CloudWatch Logs after which the integration counts as broken',
    },
  },
  remediation: {
    text: 'Create a log group and an IAM role CloudTrail can assume to write to it (logs:CreateLogStream and logs:PutLogEvents on the group), then point the trail at both. If the trail is configured but delivery stopped, fix the role or its trust policy.',
    cli: 'aws logs create-log-group --log-group-name aws-cloudtrail-logs-<trail>\naws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn arn:aws:logs:<region>:<account>:log-group:aws-cloudtrail-logs-<trail>:* --cloud-watch-logs-role-arn arn:aws:iam::<account>:role/CloudTrailToCloudWatchLogs',
    cloudformation:
      'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    S3BucketName: !Ref TrailBucket\n    IsLogging: true\n    IsMultiRegionTrail: true\n    CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn\n    CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  name                       = "account-trail"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  is_multi_region_trail      = true\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  },
  evaluate(trail, ctx) {
    const {
      name,
      cloudWatchLogsLogGroupArn: group,
      latestCloudWatchLogsDeliveryAt: delivered,
    } = trail.attributes;
    if (group === null)
      return fail(`Trail ${name} does not send its events to CloudWatch Logs`, {
        cloudWatchLogsLogGroupArn: null,
      });
    if (delivered === null)
      return fail(`Trail ${name} is configured to deliver to ${group} but never has`, {
        cloudWatchLogsLogGroupArn: group,
        latestCloudWatchLogsDeliveryAt: null,
      });
    const hours = Math.floor((ctx.now.getTime() - new Date(delivered).getTime()) / HOUR);
    const evidence = { cloudWatchLogsLogGroupArn: group, latestCloudWatchLogsDeliveryAt: delivered };
    return hours > ctx.thresholds.maxDeliveryAgeHours
      ? fail(
          `Trail ${name} last delivered to CloudWatch Logs ${hours} hours ago (${delivered}): delivery has stopped`,
          {
            ...evidence,
            hoursSinceDelivery: hours,
          },
        )
      : pass(`Trail ${name} delivers to ${group}, last at ${delivered}`, evidence);
  },
});
