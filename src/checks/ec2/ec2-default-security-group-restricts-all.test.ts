import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { withGap } from '../../testing/builders.js';
import { securityGroup, securityGroupRule } from '../../testing/kinds.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-default-security-group-restricts-all.js';

const group = (
  groupName: string,
  ingress: SecurityGroupRule[],
  egress: SecurityGroupRule[],
  groupId = 'sg-0def',
) =>
  securityGroup({
    groupId,
    groupName,
    description: groupName === 'default' ? 'default VPC security group' : 'web servers',
    ingress,
    egress,
  });

/** The rules AWS creates in every default security group. */
const OUT_OF_THE_BOX = {
  ingress: [securityGroupRule({ sourceGroupIds: ['sg-0def'] })],
  egress: [securityGroupRule({ ipv4Ranges: ['0.0.0.0/0'] })],
};

testCheck(check, {
  pass: [
    {
      name: 'the default group has had all its rules removed',
      resources: [group('default', [], [])],
      message: /^Default security group sg-0def of vpc-1 has no inbound or outbound rules$/,
    },
  ],
  fail: [
    {
      name: 'the default group still has the rules AWS created with it',
      resources: [group('default', OUT_OF_THE_BOX.ingress, OUT_OF_THE_BOX.egress)],
      message: /sg-0def of vpc-1 still has 1 inbound rule and 1 outbound rule$/,
    },
    {
      name: 'only the self-referencing inbound rule was left',
      resources: [group('default', OUT_OF_THE_BOX.ingress, [])],
      message: /still has 1 inbound rule$/,
    },
    {
      name: 'inbound was cleared but outbound still allows everything, on both address families',
      resources: [
        group(
          'default',
          [],
          [securityGroupRule({ ipv4Ranges: ['0.0.0.0/0'] }), securityGroupRule({ ipv6Ranges: ['::/0'] })],
        ),
      ],
      message: /still has 2 outbound rules$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the outbound rules of the default group could not be read',
      resources: [withGap(group('default', [], []), 'egress', 'access-denied', 'ec2:DescribeSecurityGroups')],
      reason: 'access-denied',
    },
    listingFailed(
      'security groups could not be listed in the region',
      'ec2.security-group',
      'ec2:DescribeSecurityGroups',
    ),
  ],
  skip: [
    {
      name: 'a purpose-made group with rules is not the default group',
      resources: [group('web', OUT_OF_THE_BOX.ingress, OUT_OF_THE_BOX.egress, 'sg-0web')],
    },
  ],
});
