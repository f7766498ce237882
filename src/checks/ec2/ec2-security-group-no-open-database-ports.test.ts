import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { withGap } from '../../testing/builders.js';
import { securityGroup, securityGroupRule } from '../../testing/kinds.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-security-group-no-open-database-ports.js';

const rule = (overrides: Partial<SecurityGroupRule>) =>
  securityGroupRule({ protocol: 'tcp', fromPort: 5432, toPort: 5432, ...overrides });
const group = (...ingress: SecurityGroupRule[]) =>
  securityGroup({
    groupId: 'sg-0db',
    groupName: 'database',
    description: 'database tier',
    ingress,
    egress: [],
  });

testCheck(check, {
  pass: [
    { name: 'the group has no ingress rules', resources: [group()], message: /opens none of database ports/ },
    {
      name: 'PostgreSQL is reachable only from the application security group',
      resources: [group(rule({ sourceGroupIds: ['sg-app'] }))],
    },
    {
      name: 'MySQL is open to the VPC range only',
      resources: [group(rule({ fromPort: 3306, toPort: 3306, ipv4Ranges: ['10.0.0.0/16'] }))],
    },
    {
      name: 'HTTPS is open to the internet, no database port is',
      resources: [
        group(rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] })),
      ],
    },
    {
      name: 'Memcached over UDP is open to the internet (only TCP is counted)',
      resources: [
        group(rule({ protocol: 'udp', fromPort: 11211, toPort: 11211, ipv4Ranges: ['0.0.0.0/0'] })),
      ],
    },
    {
      name: 'PostgreSQL is open to the internet but the ports threshold leaves it out',
      resources: [group(rule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      thresholds: { ports: [3306] },
      message: /opens none of database ports 3306/,
    },
  ],
  fail: [
    {
      name: 'PostgreSQL is open to any IPv4 address',
      resources: [group(rule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /sg-0db \(database\) opens database port 5432 to the internet: tcp 5432 from 0\.0\.0\.0\/0$/,
    },
    {
      name: 'Redis is open to any IPv6 address',
      resources: [group(rule({ fromPort: 6379, toPort: 6379, ipv6Ranges: ['::/0'] }))],
      message: /port 6379 .*from ::\/0/,
    },
    {
      name: 'a range covering MongoDB and Elasticsearch is open',
      resources: [group(rule({ fromPort: 9000, toPort: 30000, ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /ports 9200, 11211, 27017 .*tcp 9000-30000/,
    },
    {
      name: 'all traffic is open to the internet',
      resources: [group(rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /ports 1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017 .*all traffic from 0\.0\.0\.0\/0/,
    },
    {
      name: 'a custom database port from the threshold is open',
      resources: [group(rule({ fromPort: 9042, toPort: 9042, ipv4Ranges: ['0.0.0.0/0'] }))],
      thresholds: { ports: [9042] },
      message: /port 9042/,
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
      'throttled',
    ),
  ],
});

describe('ec2-security-group-no-open-database-ports evidence', () => {
  it('lists each offending rule with the database ports it reaches', () => {
    const [result] = runCase(check, {
      name: 'MySQL open on both address families',
      resources: [
        group(rule({ fromPort: 3306, toPort: 3306, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] })),
      ],
    });
    expect(result?.evidence).toEqual({
      exposed: [3306],
      rules: [
        { protocol: 'tcp', ports: '3306', cidr: '0.0.0.0/0', databasePorts: [3306], description: null },
        { protocol: 'tcp', ports: '3306', cidr: '::/0', databasePorts: [3306], description: null },
      ],
    });
  });
});
