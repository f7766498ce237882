import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-subnet-no-auto-public-ip',
  title: 'Subnets do not assign public IPv4 addresses automatically',
  description:
    'A subnet must not have `MapPublicIpOnLaunch` on (FSBP EC2.15): with it, every instance launched into the subnet without an explicit network interface setting gets a public IPv4 address. The default VPC’s subnets have it on from the start.',
  risk: 'Instances get internet-facing addresses by default rather than by decision: a server meant to stay private becomes reachable from the internet as soon as its subnet routes to an internet gateway and a security group rule is too broad. Public IPv4 addresses are also billed.',
  severity: 'medium',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.subnet',
  scope: 'resource',
  reads: ['subnetId', 'vpcId', 'defaultForAz', 'mapPublicIpOnLaunch'],
  remediation: {
    text: 'Turn off automatic public IPv4 assignment on the subnet. Give a public address only to the instances that must have one, explicitly at launch (or use an Elastic IP or a load balancer), and keep servers in private subnets behind a NAT gateway.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
    cloudformation:
      'Subnet:\n  Type: AWS::EC2::Subnet\n  Properties:\n    VpcId: !Ref Vpc\n    CidrBlock: 10.0.1.0/24\n    MapPublicIpOnLaunch: false',
    terraform:
      'resource "aws_subnet" "this" {\n  vpc_id                  = aws_vpc.this.id\n  cidr_block              = "10.0.1.0/24"\n  map_public_ip_on_launch = false\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
  },
  evaluate(subnet) {
    const { subnetId, vpcId, defaultForAz, mapPublicIpOnLaunch } = subnet.attributes;
    const label = `${defaultForAz ? 'Default subnet' : 'Subnet'} ${subnetId} (${vpcId})`;
    return mapPublicIpOnLaunch
      ? fail(`${label} gives every instance launched into it a public IPv4 address`, { mapPublicIpOnLaunch })
      : pass(`${label} does not assign public IPv4 addresses automatically`, { mapPublicIpOnLaunch });
  },
});
