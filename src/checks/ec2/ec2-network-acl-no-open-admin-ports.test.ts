import { describe, expect, it } from 'vitest';
import type { NetworkAclEntry } from '../../core/kinds/vpc.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-network-acl-no-open-admin-ports.js';

const entry = (
  ruleNumber: number,
  ruleAction: 'allow' | 'deny',
  overrides: Partial<NetworkAclEntry> = {},
): NetworkAclEntry => ({
  ruleNumber,
  egress: false,
  ruleAction,
  protocol: '-1',
  cidrBlock: '0.0.0.0/0',
  ipv6CidrBlock: null,
  fromPort: null,
  toPort: null,
  ...overrides,
});
const tcp = (fromPort: number, toPort: number) => ({ protocol: '6', fromPort, toPort });
const catchAll = entry(32767, 'deny');
const acl = (...entries: NetworkAclEntry[]) =>
  resource('ec2.network-acl', 'acl-0abc', {
    networkAclId: 'acl-0abc',
    vpcId: 'vpc-1',
    isDefault: false,
    entries: [...entries, catchAll, { ...catchAll, egress: true }],
    associatedSubnetIds: ['subnet-1'],
  });

testCheck(check, {
  pass: [
    {
      name: 'only HTTPS is allowed in from the internet',
      resources: [acl(entry(100, 'allow', tcp(443, 443)))],
      message: /lets none of ports 22, 3389 in from the internet/,
    },
    {
      name: 'SSH and RDP are denied before a rule that allows all traffic',
      resources: [
        acl(entry(50, 'deny', tcp(22, 22)), entry(60, 'deny', tcp(3389, 3389)), entry(100, 'allow')),
      ],
    },
    {
      name: 'a deny of all traffic comes first, listed out of order',
      resources: [acl(entry(200, 'allow', tcp(0, 65535)), entry(10, 'deny'))],
    },
    {
      name: 'SSH is allowed only from the office range',
      resources: [acl(entry(100, 'allow', { ...tcp(22, 22), cidrBlock: '203.0.113.0/24' }))],
    },
    {
      name: 'all traffic is allowed out to the internet, nothing in',
      resources: [acl(entry(100, 'allow', { egress: true }))],
    },
    {
      name: 'RDP over UDP is allowed in (TCP is what gives a login)',
      resources: [acl(entry(100, 'allow', { protocol: '17', fromPort: 3389, toPort: 3389 }))],
    },
  ],
  fail: [
    {
      name: 'the default-style rule allows all traffic in from anywhere',
      resources: [acl(entry(100, 'allow'))],
      message:
        /acl-0abc \(vpc-1\) allows ports 22, 3389 in from the internet: port 22 from 0\.0\.0\.0\/0 by rule 100/,
    },
    {
      name: 'SSH is allowed from any IPv6 address',
      resources: [acl(entry(100, 'allow', { ...tcp(22, 22), cidrBlock: null, ipv6CidrBlock: '::/0' }))],
      message: /allows port 22 in from the internet: port 22 from ::\/0 by rule 100$/,
    },
    {
      name: 'the deny for SSH comes after the allow, so it never applies',
      resources: [acl(entry(100, 'allow', tcp(0, 65535)), entry(200, 'deny', tcp(22, 22)))],
      message: /port 22 from 0\.0\.0\.0\/0 by rule 100/,
    },
    {
      name: 'SSH is denied first but RDP is not',
      resources: [
        acl(entry(50, 'deny', tcp(22, 22)), entry(100, 'allow', tcp(1024, 65535)), entry(110, 'allow')),
      ],
      message: /allows port 3389 in from the internet: port 3389 from 0\.0\.0\.0\/0 by rule 100$/,
    },
    {
      name: 'IPv4 is denied first but IPv6 is still allowed',
      resources: [acl(entry(50, 'deny'), entry(101, 'allow', { cidrBlock: null, ipv6CidrBlock: '::/0' }))],
      message: /port 22 from ::\/0 by rule 101; port 3389 from ::\/0 by rule 101$/,
    },
    {
      name: 'a narrow deny does not close the port to the rest of the internet',
      resources: [
        acl(
          entry(50, 'deny', { ...tcp(22, 22), cidrBlock: '198.51.100.0/24' }),
          entry(100, 'allow', tcp(22, 22)),
        ),
      ],
      message: /port 22 from 0\.0\.0\.0\/0 by rule 100$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the ACL entries could not be read',
      resources: [withGap(acl(), 'entries', 'access-denied', 'ec2:DescribeNetworkAcls')],
      reason: 'access-denied',
    },
    listingFailed(
      'network ACLs could not be listed in the region',
      'ec2.network-acl',
      'ec2:DescribeNetworkAcls',
    ),
  ],
});

describe('ec2-network-acl-no-open-admin-ports evidence', () => {
  it('names the deciding entry for each open port and address family', () => {
    const [result] = runCase(check, {
      name: 'SSH open on IPv4 through a TCP range',
      resources: [acl(entry(100, 'allow', tcp(20, 30)))],
    });
    expect(result?.evidence).toEqual({
      exposed: [22],
      entries: [{ port: 22, cidr: '0.0.0.0/0', ruleNumber: 100, protocol: '6', ports: '20-30' }],
    });
  });
});
