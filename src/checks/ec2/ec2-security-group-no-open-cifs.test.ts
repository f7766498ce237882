import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { withGap } from '../../testing/builders.js';
import { securityGroup, securityGroupRule } from '../../testing/kinds.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-security-group-no-open-cifs.js';

const smb = (overrides: Partial<SecurityGroupRule>) =>
  securityGroupRule({ protocol: 'tcp', fromPort: 445, toPort: 445, ...overrides });
const group = (...ingress: SecurityGroupRule[]) =>
  securityGroup({
    groupId: 'sg-0f5',
    groupName: 'file-share',
    description: 'FSx clients',
    ingress,
    egress: [],
  });

testCheck(check, {
  pass: [
    {
      name: 'SMB is reachable only from the client security group',
      resources: [group(smb({ sourceGroupIds: ['sg-clients'] }))],
      message: /^Security group sg-0f5 \(file-share\) does not open CIFS\/SMB \(TCP 445\) to the internet$/,
    },
    { name: 'SMB is open to the office range only', resources: [group(smb({ ipv4Ranges: ['10.0.0.0/8'] }))] },
    {
      name: 'HTTPS is open to the internet, SMB is not',
      resources: [group(smb({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }))],
    },
    {
      name: 'UDP 445 is open to the internet (SMB runs over TCP)',
      resources: [group(smb({ protocol: 'udp', ipv4Ranges: ['0.0.0.0/0'] }))],
    },
  ],
  fail: [
    {
      name: 'SMB is open to any IPv4 address',
      resources: [group(smb({ ipv4Ranges: ['0.0.0.0/0'] }))],
      message:
        /^Security group sg-0f5 \(file-share\) opens CIFS\/SMB \(TCP 445\) to the internet: tcp 445 from 0\.0\.0\.0\/0$/,
    },
    {
      name: 'a port range covering 445 is open to any IPv6 address',
      resources: [group(smb({ fromPort: 135, toPort: 445, ipv6Ranges: ['::/0'] }))],
      message: /tcp 135-445 from ::\/0/,
    },
    {
      name: 'all traffic is open to the internet',
      resources: [group(securityGroupRule({ ipv4Ranges: ['0.0.0.0/0'] }))],
      message: /all traffic from 0\.0\.0\.0\/0/,
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
