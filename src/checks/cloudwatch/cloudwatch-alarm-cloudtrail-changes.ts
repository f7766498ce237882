import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-cloudtrail-changes',
  title: 'CloudTrail configuration changes raise a CloudWatch alarm',
  events: 'CloudTrail configuration changes',
  description:
    'A metric filter on the log group of a multi-region trail counts trail creations, updates, deletions and logging starts and stops, and an alarm on it notifies a subscribed SNS topic (CIS 4.5).',
  risk: 'Stopping or redirecting the trail is how an intruder blinds the account; unless it raises an alarm, the audit record simply ends.',
  severity: 'high',
  cisPattern:
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  metricName: 'CloudTrailConfigChanges',
  samples: apiCalls('cloudtrail', [
    'CreateTrail',
    'UpdateTrail',
    'DeleteTrail',
    'StartLogging',
    'StopLogging',
  ]),
});
