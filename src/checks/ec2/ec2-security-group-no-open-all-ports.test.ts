import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { withGap } from '../../testing/builders.js';
import { securityGroup, securityGroupRule } from '../../testing/kinds.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-security-group-no-open-all-ports.js';

const group = (...ingress: SecurityGroupRule[]) => securityGroup({ ingress });

testCheck(check, {
  pass: [
    {
      name: 'the group has no ingress rules',
      resources: [group()],
      message: /has no rule opening every port/,
    },
    {
      name: 'only HTTPS is open to the internet',
      resources: [
        group(securityGroupRule({ protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] })),
      ],
    },
    {
      name: 'all traffic is allowed from the VPC range and from another security group',
      resources: [group(securityGroupRule({ ipv4Ranges: ['10.0.0.0/8'], sourceGroupIds: ['sg-peer'] }))],
    },
    {
      name: 'a wide TCP range that stops short of 65535 is open (left to the port checks)',
      resources: [
        group(
          securityGroupRule({ protocol: 'tcp', fromPort: 1024, toPort: 65535, ipv4Ranges: ['0.0.0.0/0'] }),
        ),
      ],
    },
    {
      name: 'every ICMP type is open to the internet',
      resources: [
        group(securityGroupRule({ protocol: 'icmp', fromPort: -1, toPort: -1, ipv4Ranges: ['0.0.0.0/0'] })),
      ],
    },
  ],
  fail: [
    {
      name: 'all traffic is open to any IPv4 address',
      resources: [group(securityGroupRule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /sg-0abc \(web\) opens every port to the internet: all traffic from 0\.0\.0\.0\/0$/,
    },
    {
      name: 'all traffic is open to any IPv6 address',
      resources: [group(securityGroupRule({ ipv6Ranges: ['::/0'] }))],
      message: /all traffic from ::\/0/,
    },
    {
      name: 'every TCP port is open to the internet',
      resources: [
        group(securityGroupRule({ protocol: 'tcp', fromPort: 0, toPort: 65535, ipv4Ranges: ['0.0.0.0/0'] })),
      ],
      message: /tcp 0-65535 from 0\.0\.0\.0\/0/,
    },
    {
      name: 'every UDP port is open to the internet, by protocol number',
      resources: [
        group(securityGroupRule({ protocol: '17', fromPort: 0, toPort: 65535, ipv6Ranges: ['::/0'] })),
      ],
      message: /17 0-65535 from ::\/0/,
    },
  ],
  notEvaluated: [
    {
      name: 'the ingress rules could not be read',
      resources: [withGap(group(), 'ingress', 'access-denied', 'ec2:DescribeSecurityGroups')],
      reason: 'access-denied',
    },
    listingFailed(
      'security groups could not be listed in the region',
      'ec2.security-group',
      'ec2:DescribeSecurityGroups',
    ),
  ],
});

describe('ec2-security-group-no-open-all-ports evidence', () => {
  it('lists each internet CIDR of the offending rules, and leaves restricted ones out', () => {
    const [result] = runCase(check, {
      name: 'one open rule with a private and a public range',
      resources: [group(securityGroupRule({ ipv4Ranges: ['10.0.0.0/8', '0.0.0.0/0'], description: 'temp' }))],
    });
    expect(result?.evidence).toEqual({
      rules: [{ protocol: '-1', ports: 'all', cidr: '0.0.0.0/0', description: 'temp' }],
    });
  });
});
