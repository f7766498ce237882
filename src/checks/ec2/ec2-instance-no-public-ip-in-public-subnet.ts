import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-instance-no-public-ip-in-public-subnet',
  title: 'Running EC2 instances are not directly on the internet',
  description:
    'A running instance may not have a public IPv4 address while its subnet routes to an internet gateway: together they make it directly reachable from the internet, limited only by its security groups and network ACLs. A public address in a subnet without such a route is unreachable from outside and passes. IPv6 addresses are not read.',
  risk: 'An instance on the internet is scanned within minutes; one permissive security group rule, an unpatched service or a weak password is then enough to compromise it. Servers behind a load balancer, CloudFront, or Session Manager for administration need no public address.',
  severity: 'high',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.instance',
  scope: 'resource',
  reads: ['instanceId', 'state', 'subnetId', 'publicIpAddress'],
  related: { 'ec2.subnet': ['public', 'routeTableId'] },
  appliesTo: (instance) => instance.attributes.state === 'running',
  remediation: {
    text: 'Move the instance into a private subnet (launch a replacement from an AMI of it, without a public address), put a load balancer in the public subnets in front of it, and use a NAT gateway for its outbound traffic and Session Manager for administration. An Elastic IP address is just as public: release it too.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch\naws ec2 run-instances --image-id <ami-of-the-instance> --subnet-id <private-subnet-id> --no-associate-public-ip-address ...',
    cloudformation:
      'Instance:\n  Type: AWS::EC2::Instance\n  Properties:\n    # ...\n    NetworkInterfaces:\n      - DeviceIndex: "0"\n        SubnetId: !Ref PrivateSubnet\n        AssociatePublicIpAddress: false',
    terraform:
      'resource "aws_instance" "this" {\n  # ...\n  subnet_id                   = aws_subnet.private.id\n  associate_public_ip_address = false\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html',
  },
  evaluate(instance, ctx) {
    const { instanceId, subnetId, publicIpAddress } = instance.attributes;
    if (publicIpAddress === null) {
      return pass(`Instance ${instanceId} has no public IPv4 address`, { publicIpAddress });
    }
    if (subnetId === null) {
      return notEvaluated(
        { field: 'subnetId', reason: 'not-collected', action: 'ec2:DescribeInstances' },
        `Instance ${instanceId} has public address ${publicIpAddress} but no subnet was reported`,
      );
    }
    const subnet = ctx
      .related('ec2.subnet', { account: instance.account, region: instance.region })
      .find((candidate) => candidate.id === subnetId);
    if (!subnet) {
      // A subnet shared into the account by another is routed by its owner and not collected here.
      return notEvaluated(
        {
          field: 'subnetId',
          reason: 'not-collected',
          action: 'ec2:DescribeSubnets',
          detail: `subnet ${subnetId} is not in the inventory`,
        },
        `Instance ${instanceId} has public address ${publicIpAddress} in subnet ${subnetId}, which was not read`,
      );
    }
    const routeTableId = ctx.read(subnet, 'routeTableId');
    const evidence = { publicIpAddress, subnetId, routeTableId };
    return ctx.read(subnet, 'public')
      ? fail(
          `Instance ${instanceId} is reachable from the internet at ${publicIpAddress}: subnet ${subnetId} routes to an internet gateway (${routeTableId})`,
          evidence,
        )
      : pass(
          `Instance ${instanceId} has public address ${publicIpAddress}, but subnet ${subnetId} has no route to an internet gateway`,
          evidence,
        );
  },
});
