import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-vpc-changes',
  title: 'VPC changes raise a CloudWatch alarm',
  events: 'VPC changes',
  description:
    'A metric filter on the log group of a multi-region trail counts VPCs being created, deleted or modified and peering connections being requested, accepted, rejected or deleted, and an alarm on it notifies a subscribed SNS topic (CIS 4.14).',
  risk: 'A new peering connection or a changed VPC attribute can join a private network to one the attacker controls; unwatched, the bridge stays up.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  metricName: 'VPCChanges',
  // EC2-Classic and ClassicLink were retired in 2022: their events, still in the CIS pattern, no longer occur.
  samples: apiCalls('ec2', [
    'CreateVpc',
    'DeleteVpc',
    'ModifyVpcAttribute',
    'AcceptVpcPeeringConnection',
    'CreateVpcPeeringConnection',
    'DeleteVpcPeeringConnection',
    'RejectVpcPeeringConnection',
  ]),
});
