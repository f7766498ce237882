import { ACCOUNT, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import {
  ALLOW_EVERYTHING,
  iamGroup,
  iamRole,
  iamUser,
  policy,
  READ_REPORTS,
} from '../../testing/iam-kinds.js';
import check from './iam-user-no-privilege-escalation.js';

const inline = (name: string, ...statements: Record<string, unknown>[]) => [
  { name, document: policy(...statements) },
];
const reader = iamUser('amy', {
  groups: [],
  inlinePolicies: inline('reports', ...(READ_REPORTS.Statement as [])),
});
/** An administrator role that CloudFormation may assume: what a deployer with iam:PassRole can hand it. */
const cfnAdmin = iamRole('cfn-admin', {
  trustPolicy: policy({
    Effect: 'Allow',
    Principal: { Service: 'cloudformation.amazonaws.com' },
    Action: 'sts:AssumeRole',
  }),
  inlinePolicies: inline('everything', ALLOW_EVERYTHING),
});
const deployer = (actions: string[]) =>
  iamUser('ci-deploy', {
    groups: [],
    inlinePolicies: inline('deploy', { Sid: 'Deploy', Effect: 'Allow', Action: actions, Resource: '*' }),
  });

testCheck(check, {
  pass: [
    {
      name: 'a user who can only read one bucket',
      resources: [reader],
      message: /^User amy holds none of the \d+ privilege-escalation methods onus knows$/,
    },
    {
      name: 'a deployer with iam:PassRole whose only administrator role trusts EC2, not CloudFormation',
      resources: [
        deployer(['cloudformation:CreateStack', 'iam:PassRole']),
        iamRole('ec2-admin', { inlinePolicies: inline('everything', ALLOW_EVERYTHING) }),
      ],
    },
    {
      name: 'a user allowed iam:PutUserPolicy by one statement and denied iam:* by another',
      resources: [
        iamUser('limited', {
          groups: [],
          inlinePolicies: inline(
            'scoped',
            { Effect: 'Allow', Action: 'iam:PutUserPolicy', Resource: '*' },
            { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
          ),
        }),
      ],
    },
    {
      name: 'a user who is already an administrator (reported by iam-user-not-effective-admin)',
      resources: [iamUser('root-like', { groups: [], inlinePolicies: inline('all', ALLOW_EVERYTHING) })],
      message: /already an effective administrator/,
    },
  ],
  fail: [
    {
      name: 'a user who may write inline policies on itself (through ${aws:username})',
      resources: [
        iamUser('sam', {
          groups: [],
          inlinePolicies: inline('self-service', {
            Effect: 'Allow',
            Action: ['iam:PutUserPolicy', 'iam:GetUser'],
            Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
          }),
        }),
      ],
      message:
        /^User sam can make itself administrator: iam-put-user-policy \(iam:PutUserPolicy on arn:aws:iam::111122223333:user\/sam\)$/,
    },
    {
      name: 'a deployer who can pass an administrator role to a CloudFormation stack it creates',
      resources: [deployer(['cloudformation:*', 'iam:PassRole', 's3:*']), cfnAdmin],
      message:
        /cloudformation-create-stack-pass-role \(iam:PassRole on arn:aws:iam::111122223333:role\/cfn-admin, cloudformation:CreateStack on/,
    },
    {
      name: 'a developer allowed sts:AssumeRole on * and an administrator role that trusts the whole account',
      resources: [
        iamUser('dev', {
          groups: [],
          inlinePolicies: inline('assume', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
        }),
        iamRole('break-glass', {
          trustPolicy: policy({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          }),
          inlinePolicies: inline('everything', ALLOW_EVERYTHING),
        }),
      ],
      message: /sts-assume-role \(sts:AssumeRole on arn:aws:iam::111122223333:role\/break-glass\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the inline policies of the user could not be read',
      resources: [withGap(reader, 'inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails')],
      reason: 'access-denied',
    },
    {
      name: 'a group of the user has a managed policy that is not in the inventory',
      resources: [
        iamUser('amy', { groups: ['ops'] }),
        iamGroup('ops', { attachedManagedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/ops-tools`] }),
      ],
      reason: 'unresolved',
      message: /ops-tools is not in the inventory/,
    },
  ],
});
