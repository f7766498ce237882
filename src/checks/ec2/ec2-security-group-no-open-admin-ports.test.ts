import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { withGap } from '../../testing/builders.js';
import { securityGroup, securityGroupRule } from '../../testing/kinds.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-security-group-no-open-admin-ports.js';

const rule = (overrides: Partial<SecurityGroupRule>) =>
  securityGroupRule({ protocol: 'tcp', fromPort: 22, toPort: 22, ...overrides });
const group = (...ingress: SecurityGroupRule[]) => securityGroup({ ingress });

testCheck(check, {
  pass: [
    { name: 'the group has no ingress rules', resources: [group()], message: /opens none of ports 22, 3389/ },
    {
      name: 'HTTPS is open to the internet, SSH only to the office range',
      resources: [
        group(
          rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] }),
          rule({ ipv4Ranges: ['203.0.113.0/24'] }),
        ),
      ],
    },
    {
      name: 'SSH comes from a prefix list and another security group',
      resources: [group(rule({ prefixListIds: ['pl-0123'], sourceGroupIds: ['sg-bastion'] }))],
    },
    {
      name: 'a port range that stops short of 22 is open to the internet',
      resources: [group(rule({ fromPort: 23, toPort: 3388, ipv4Ranges: ['0.0.0.0/0'] }))],
    },
    {
      name: 'RDP over UDP is open to the internet (TCP is what gives a login)',
      resources: [group(rule({ protocol: 'udp', fromPort: 3389, toPort: 3389, ipv4Ranges: ['0.0.0.0/0'] }))],
    },
    {
      name: 'all traffic is allowed, but only from inside the VPC',
      resources: [group(rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['10.0.0.0/8'] }))],
    },
    {
      name: 'SSH is open to the internet but the ports threshold only lists RDP',
      resources: [group(rule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      thresholds: { ports: [3389] },
      message: /opens none of ports 3389/,
    },
  ],
  fail: [
    {
      name: 'SSH is open to any IPv4 address',
      resources: [group(rule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /opens port 22 to the internet: tcp 22 from 0\.0\.0\.0\/0$/,
    },
    {
      name: 'RDP is open to any IPv6 address',
      resources: [group(rule({ fromPort: 3389, toPort: 3389, ipv6Ranges: ['::/0'] }))],
      message: /port 3389 .*tcp 3389 from ::\/0/,
    },
    {
      name: 'SSH is open to ::/0 written as 0::/0',
      resources: [group(rule({ ipv6Ranges: ['0::/0'] }))],
      message: /from 0::\/0/,
    },
    {
      name: 'all traffic is open to the internet',
      resources: [group(rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /ports 22, 3389 to the internet: all traffic from 0\.0\.0\.0\/0/,
    },
    {
      name: 'a wide TCP range covering both ports is open',
      resources: [group(rule({ fromPort: 0, toPort: 65535, ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /ports 22, 3389 .*tcp 0-65535/,
    },
    {
      name: 'SSH is open through protocol number 6',
      resources: [group(rule({ protocol: '6', ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /6 22 from 0\.0\.0\.0\/0/,
    },
    {
      name: 'one open rule among restricted ones',
      resources: [
        group(
          rule({ ipv4Ranges: ['203.0.113.0/24'] }),
          rule({ fromPort: 3389, toPort: 3389, ipv4Ranges: ['198.51.100.0/24', '0.0.0.0/0'] }),
        ),
      ],
      message: /port 3389 to the internet: tcp 3389 from 0\.0\.0\.0\/0$/,
    },
    {
      name: 'a custom administration port from the threshold is open',
      resources: [group(rule({ fromPort: 5985, toPort: 5986, ipv4Ranges: ['0.0.0.0/0'] }))],
      thresholds: { ports: [22, 3389, 5985] },
      message: /port 5985/,
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

describe('ec2-security-group-no-open-admin-ports evidence', () => {
  it('lists each offending rule with its protocol, ports and CIDR', () => {
    const [result] = runCase(check, {
      name: 'two open rules',
      resources: [
        group(
          rule({ ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'], description: 'ssh' }),
          rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] }),
        ),
      ],
    });
    expect(result?.evidence).toEqual({
      exposed: [22, 3389],
      rules: [
        { protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', adminPorts: [22], description: 'ssh' },
        { protocol: 'tcp', ports: '22', cidr: '::/0', adminPorts: [22], description: 'ssh' },
        { protocol: '-1', ports: 'all', cidr: '0.0.0.0/0', adminPorts: [22, 3389], description: null },
      ],
    });
  });
});
