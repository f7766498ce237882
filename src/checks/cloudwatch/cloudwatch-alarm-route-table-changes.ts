import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-route-table-changes',
  title: 'Route table changes raise a CloudWatch alarm',
  events: 'route table changes',
  description:
    'A metric filter on the log group of a multi-region trail counts routes and route tables being created, replaced, deleted or re-associated, and an alarm on it notifies a subscribed SNS topic (CIS 4.13).',
  risk: "A changed route can send a private subnet's traffic to the internet or through an inspection bypass; unwatched, it goes unnoticed.",
  severity: 'medium',
  cisPattern:
    '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }',
  metricName: 'RouteTableChanges',
  samples: apiCalls('ec2', [
    'CreateRoute',
    'CreateRouteTable',
    'ReplaceRoute',
    'ReplaceRouteTableAssociation',
    'DeleteRouteTable',
    'DeleteRoute',
    'DisassociateRouteTable',
  ]),
});
