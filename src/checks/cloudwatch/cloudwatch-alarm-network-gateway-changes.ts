import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-network-gateway-changes',
  title: 'Network gateway changes raise a CloudWatch alarm',
  events: 'network gateway changes',
  description:
    'A metric filter on the log group of a multi-region trail counts customer and internet gateways being created, deleted, attached or detached, and an alarm on it notifies a subscribed SNS topic (CIS 4.12).',
  risk: 'Attaching an internet gateway or a customer gateway opens a new path into or out of a VPC; unwatched, traffic can leave through it unnoticed.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
  metricName: 'NetworkGatewayChanges',
  samples: apiCalls('ec2', [
    'CreateCustomerGateway',
    'DeleteCustomerGateway',
    'AttachInternetGateway',
    'CreateInternetGateway',
    'DeleteInternetGateway',
    'DetachInternetGateway',
  ]),
});
