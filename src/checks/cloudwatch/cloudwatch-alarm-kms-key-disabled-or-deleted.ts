import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-kms-key-disabled-or-deleted',
  title: 'Disabling or scheduling deletion of KMS keys raises a CloudWatch alarm',
  events: 'KMS keys being disabled or scheduled for deletion',
  description:
    'A metric filter on the log group of a multi-region trail counts customer managed KMS keys being disabled or scheduled for deletion, and an alarm on it notifies a subscribed SNS topic (CIS 4.7).',
  risk: 'Data encrypted under a deleted key is lost for good; a disabled or doomed key must be noticed within its waiting period, or the data goes with it.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  metricName: 'DisableOrDeleteCMK',
  samples: apiCalls('kms', ['DisableKey', 'ScheduleKeyDeletion']),
});
