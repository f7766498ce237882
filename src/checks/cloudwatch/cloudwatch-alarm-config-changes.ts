import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-config-changes',
  title: 'AWS Config configuration changes raise a CloudWatch alarm',
  events: 'AWS Config configuration changes',
  description:
    'A metric filter on the log group of a multi-region trail counts AWS Config recorders being stopped or changed and delivery channels being changed or deleted, and an alarm on it notifies a subscribed SNS topic (CIS 4.9).',
  risk: 'Stopping AWS Config erases the record of how resources were configured; an intruder does it before changing things, and no one is told.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }',
  metricName: 'AWSConfigChanges',
  samples: apiCalls('config', [
    'StopConfigurationRecorder',
    'DeleteDeliveryChannel',
    'PutDeliveryChannel',
    'PutConfigurationRecorder',
  ]),
});
