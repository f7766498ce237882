import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-vpc-default-not-in-use',
  title: 'Default VPC hosts no EC2 instances',
  description:
    'No EC2 instance (running or stopped) may sit in a region’s default VPC. The default VPC is built for quick starts: every subnet is public and gives instances a public IPv4 address, and its default network ACL allows all traffic. Only EC2 instances are looked for; other resources in the VPC (RDS, Lambda, load balancer or endpoint network interfaces) are not seen.',
  risk: 'Workloads land in the default VPC by accident, when a launch names no subnet, and then have a public address and an internet route they were never designed for; the network was not planned, reviewed or segmented, and its ranges overlap every other default VPC, which blocks peering later.',
  severity: 'medium',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.vpc',
  scope: 'resource',
  reads: ['vpcId', 'isDefault'],
  related: { 'ec2.instance': ['instanceId', 'state', 'vpcId'] },
  appliesTo: (vpc) => vpc.attributes.isDefault,
  remediation: {
    text: 'Move the instances into a VPC designed for them (launch replacements from AMIs of the instances in its private subnets), then delete the default VPC, or at least its internet gateway route, so nothing lands there by accident. A default VPC can be recreated later with `aws ec2 create-default-vpc` if a service needs one.',
    cli: 'aws ec2 describe-instances --filters Name=vpc-id,Values=<default-vpc-id> --query "Reservations[].Instances[].InstanceId"\naws ec2 delete-vpc --vpc-id <default-vpc-id>  # once empty (delete its subnets and internet gateway first)',
    terraform:
      '# Adopt the default VPC; with force_destroy, removing this resource (terraform destroy) deletes the VPC:\nresource "aws_default_vpc" "default" {\n  force_destroy = true\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/delete-default-vpc.html',
  },
  evaluate(vpc, ctx) {
    const { vpcId } = vpc.attributes;
    const instances = ctx
      .related('ec2.instance', { account: vpc.account, region: vpc.region })
      .filter(
        (instance) => ctx.read(instance, 'vpcId') === vpcId && ctx.read(instance, 'state') !== 'terminated',
      )
      .map((instance) => ctx.read(instance, 'instanceId'))
      .sort();
    return instances.length === 0
      ? pass(`Default VPC ${vpcId} hosts no EC2 instances`, { instances })
      : fail(`Default VPC ${vpcId} hosts EC2 instances: ${instances.join(', ')}`, { instances });
  },
});
