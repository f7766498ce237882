import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ec2-subnet-no-auto-public-ip.js';

const subnet = (overrides: Partial<AttributesOf<'ec2.subnet'>> = {}) =>
  resource('ec2.subnet', overrides.subnetId ?? 'subnet-0a1', {
    subnetId: 'subnet-0a1',
    vpcId: 'vpc-1',
    availabilityZone: 'eu-west-1a',
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    routeTableId: 'rtb-1',
    public: true,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'a public subnet where only instances that ask for one get a public address',
      resources: [subnet()],
      message: /^Subnet subnet-0a1 \(vpc-1\) does not assign public IPv4 addresses automatically$/,
    },
  ],
  fail: [
    {
      name: 'a subnet that gives every new instance a public address',
      resources: [subnet({ mapPublicIpOnLaunch: true })],
      message: /^Subnet subnet-0a1 \(vpc-1\) gives every instance launched into it a public IPv4 address$/,
    },
    {
      name: 'a default VPC subnet as AWS created it',
      resources: [subnet({ defaultForAz: true, mapPublicIpOnLaunch: true })],
      message: /^Default subnet subnet-0a1/,
    },
  ],
  notEvaluated: [
    {
      name: 'the subnet attribute could not be read',
      resources: [withGap(subnet(), 'mapPublicIpOnLaunch', 'not-collected', 'ec2:DescribeSubnets')],
      reason: 'not-collected',
    },
  ],
});
