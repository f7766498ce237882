import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ec2Instance } from '../../testing/compute-kinds.js';
import check from './ec2-instance-no-public-ip-in-public-subnet.js';

const instance = (overrides: Partial<AttributesOf<'ec2.instance'>> = {}) =>
  ec2Instance({ subnetId: 'subnet-web', ...overrides });

const subnet = (subnetId: string, isPublic: boolean) =>
  resource('ec2.subnet', subnetId, {
    subnetId,
    vpcId: 'vpc-1',
    availabilityZone: 'eu-west-1a',
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    routeTableId: isPublic ? 'rtb-public' : 'rtb-private',
    public: isPublic,
  });

const SUBNETS = [subnet('subnet-web', true), subnet('subnet-app', false)];

testCheck(check, {
  pass: [
    {
      name: 'an instance in a public subnet without a public address',
      resources: [instance(), ...SUBNETS],
      message: /^Instance i-0abc has no public IPv4 address$/,
    },
    {
      name: 'an instance with a public address in a subnet that has no route to the internet',
      resources: [instance({ subnetId: 'subnet-app', publicIpAddress: '203.0.113.24' }), ...SUBNETS],
      message:
        /^Instance i-0abc has public address 203\.0\.113\.24, but subnet subnet-app has no route to an internet gateway$/,
    },
  ],
  fail: [
    {
      name: 'an instance with a public address in a subnet routed to an internet gateway',
      resources: [instance({ publicIpAddress: '203.0.113.24' }), ...SUBNETS],
      message:
        /^Instance i-0abc is reachable from the internet at 203\.0\.113\.24: subnet subnet-web routes to an internet gateway \(rtb-public\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the route tables could not be read',
      resources: [
        instance({ publicIpAddress: '203.0.113.24' }),
        withGap(subnet('subnet-web', true), 'public', 'access-denied', 'ec2:DescribeRouteTables'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'subnets could not be listed in the region',
      resources: [instance({ publicIpAddress: '203.0.113.24' })],
      scopeGaps: [
        {
          region: REGION,
          kind: 'ec2.subnet',
          field: '*',
          reason: 'access-denied',
          action: 'ec2:DescribeSubnets',
        },
      ],
      reason: 'access-denied',
    },
    {
      name: 'the instance’s subnet is not in the inventory (shared by another account)',
      resources: [instance({ subnetId: 'subnet-shared', publicIpAddress: '203.0.113.24' }), ...SUBNETS],
      reason: 'not-collected',
      message: /subnet subnet-shared, which was not read$/,
    },
    {
      name: 'the public address could not be read',
      resources: [
        withGap(instance(), 'publicIpAddress', 'access-denied', 'ec2:DescribeInstances'),
        ...SUBNETS,
      ],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'a stopped instance, which has no public address while stopped',
      resources: [instance({ state: 'stopped', publicIpAddress: '203.0.113.24' }), ...SUBNETS],
    },
  ],
});
