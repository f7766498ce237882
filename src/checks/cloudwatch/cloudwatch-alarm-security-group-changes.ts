import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-security-group-changes',
  title: 'Security group changes raise a CloudWatch alarm',
  events: 'security group changes',
  description:
    'A metric filter on the log group of a multi-region trail counts security groups being created, deleted, or having rules authorized or revoked, and an alarm on it notifies a subscribed SNS topic (CIS 4.10).',
  risk: 'A rule opening SSH or a database to the internet is one API call; unless it raises an alarm, the port stays open until it is scanned and exploited.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  metricName: 'SecurityGroupChanges',
  samples: apiCalls('ec2', [
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
  ]),
});
