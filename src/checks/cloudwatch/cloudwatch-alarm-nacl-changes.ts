import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-nacl-changes',
  title: 'Network ACL changes raise a CloudWatch alarm',
  events: 'network ACL changes',
  description:
    'A metric filter on the log group of a multi-region trail counts network ACLs and their entries being created, deleted or replaced, and an alarm on it notifies a subscribed SNS topic (CIS 4.11).',
  risk: 'Network ACLs are the subnet-wide guard; loosening one silently exposes every instance in its subnets.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
  metricName: 'NACLChanges',
  samples: apiCalls('ec2', [
    'CreateNetworkAcl',
    'CreateNetworkAclEntry',
    'DeleteNetworkAcl',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
  ]),
});
