import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-vpc-flow-logs-enabled',
  title: 'VPC has an active flow log',
  description:
    'VPC flow logs record the connections accepted and rejected by the network interfaces in the VPC. The check passes when the VPC itself has at least one flow log in the ACTIVE state, whatever traffic type (ALL, ACCEPT or REJECT) and destination it uses; flow logs set only on subnets or network interfaces do not count.',
  risk: 'Without flow logs there is no record of which addresses talked to which instances: scanning, lateral movement and data exfiltration cannot be detected or investigated afterwards, and GuardDuty-style analyses have nothing to replay.',
  severity: 'medium',
  service: 'ec2',
  domain: 'logging',
  kind: 'ec2.vpc',
  scope: 'resource',
  reads: ['vpcId', 'isDefault', 'flowLogs'],
  remediation: {
    text: 'Create a flow log on the VPC that captures at least rejected traffic (ALL is better for investigations), delivered to CloudWatch Logs or S3. Flow logs have a cost; S3 delivery is the cheaper option for large volumes.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<bucket>/vpc-flow-logs/',
    cloudformation:
      'FlowLog:\n  Type: AWS::EC2::FlowLog\n  Properties:\n    ResourceId: !Ref Vpc\n    ResourceType: VPC\n    TrafficType: ALL\n    LogDestinationType: s3\n    LogDestination: !Sub arn:aws:s3:::${FlowLogBucket}/vpc-flow-logs/',
    terraform:
      'resource "aws_flow_log" "this" {\n  vpc_id               = aws_vpc.this.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = "${aws_s3_bucket.flow_logs.arn}/vpc-flow-logs/"\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  },
  evaluate(vpc) {
    const { vpcId, isDefault, flowLogs } = vpc.attributes;
    const label = `${isDefault ? 'Default VPC' : 'VPC'} ${vpcId}`;
    const active = flowLogs.filter((flowLog) => flowLog.status === 'ACTIVE');
    if (active.length > 0) {
      const list = active.map(
        (flowLog) => `${flowLog.id} (${flowLog.trafficType} to ${flowLog.destinationType})`,
      );
      return pass(`${label} has an active flow log: ${list.join(', ')}`, {
        flowLogs: active.map(({ id, trafficType, destinationType }) => ({
          id,
          trafficType,
          destinationType,
        })),
      });
    }
    if (flowLogs.length > 0) {
      const list = flowLogs.map((flowLog) => `${flowLog.id} (${flowLog.status})`).join(', ');
      return fail(`${label} has no active flow log: ${list}`, {
        flowLogs: flowLogs.map(({ id, status }) => ({ id, status })),
      });
    }
    return fail(`${label} has no flow log`, { flowLogs: [] });
  },
});
