import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'logs-log-group-retention',
  title: 'CloudWatch Logs log group keeps events for at least the retention period',
  description:
    'A log group’s retention setting deletes events older than the chosen number of days. Groups that never expire events pass; groups that expire them must keep them at least as long as the threshold (FSBP CloudWatch.16 uses one year).',
  risk: 'Events are deleted before an incident is discovered or an auditor asks for them; investigations of intrusions found months later have nothing to work with.',
  severity: 'medium',
  service: 'logs',
  domain: 'logging',
  kind: 'logs.log-group',
  scope: 'resource',
  reads: ['name', 'retentionInDays'],
  thresholds: {
    days: { default: 365, description: 'Minimum days a log group must keep its events' },
  },
  remediation: {
    text: 'Set the log group’s retention to at least the required period (or to never expire), and archive older logs to S3 with a lifecycle policy if storage cost matters.',
    cli: 'aws logs put-retention-policy --log-group-name <log-group> --retention-in-days 365',
    cloudformation: 'LogGroup:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    RetentionInDays: 365',
    terraform:
      'resource "aws_cloudwatch_log_group" "this" {\n  name              = "<log-group>"\n  retention_in_days = 365\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  },
  evaluate(group, ctx) {
    const { name, retentionInDays } = group.attributes;
    const days = ctx.thresholds.days;
    if (retentionInDays === null)
      return pass(`Log group ${name} never expires its events`, { retentionInDays: null, days });
    return retentionInDays >= days
      ? pass(`Log group ${name} keeps events for ${retentionInDays} days (at least ${days})`, {
          retentionInDays,
          days,
        })
      : fail(`Log group ${name} deletes events after ${retentionInDays} days, fewer than ${days}`, {
          retentionInDays,
          days,
        });
  },
});
