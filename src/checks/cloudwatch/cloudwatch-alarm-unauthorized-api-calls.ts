import { deniedCall } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  title: 'Unauthorized API calls raise a CloudWatch alarm',
  events: 'unauthorized API calls',
  description:
    'A metric filter on the log group of a multi-region trail counts API calls refused with UnauthorizedOperation or AccessDenied errors, and an alarm on it notifies a subscribed SNS topic (CIS 4.1).',
  risk: 'Bursts of refused calls are how stolen credentials probe what they can reach; without an alarm the probing goes unnoticed until something succeeds.',
  severity: 'medium',
  cisPattern:
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  metricName: 'UnauthorizedAPICalls',
  samples: [
    deniedCall('ec2', 'RunInstances', 'Client.UnauthorizedOperation'),
    deniedCall('iam', 'ListUsers', 'AccessDenied'),
    deniedCall('secretsmanager', 'GetSecretValue', 'AccessDeniedException'),
  ],
});
