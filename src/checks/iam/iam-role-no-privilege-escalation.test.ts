import { ACCOUNT, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, managedPolicy, policy, serviceLinkedRole } from '../../testing/iam-kinds.js';
import check from './iam-role-no-privilege-escalation.js';

const inline = (name: string, ...statements: Record<string, unknown>[]) => [
  { name, document: policy(...statements) },
];
const trustedBy = (service: string) =>
  policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

testCheck(check, {
  pass: [
    {
      name: 'an application role that reads one bucket',
      resources: [iamRole('app')],
      message: /^Role app holds none of the \d+ privilege-escalation methods onus knows$/,
    },
    {
      name: 'a build role allowed iam:AttachRolePolicy, capped by a permissions boundary without IAM',
      resources: [
        iamRole('builder', {
          inlinePolicies: inline('iam', { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }),
          permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/no-iam`,
        }),
        managedPolicy('no-iam', {
          defaultVersionDocument: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        }),
      ],
    },
  ],
  fail: [
    {
      name: 'a build role that may attach any managed policy to itself',
      resources: [
        iamRole('builder', {
          trustPolicy: trustedBy('codebuild.amazonaws.com'),
          inlinePolicies: inline('self', {
            Effect: 'Allow',
            Action: 'iam:AttachRolePolicy',
            Resource: `arn:aws:iam::${ACCOUNT}:role/builder`,
          }),
        }),
      ],
      message:
        /^Role builder can make itself administrator: iam-attach-role-policy \(iam:AttachRolePolicy on arn:aws:iam::111122223333:role\/builder\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the inline policies of the role could not be read',
      resources: [
        withGap(iamRole('app'), 'inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the permissions boundary of the role is not in the inventory',
      resources: [iamRole('app', { permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/missing-boundary` })],
      reason: 'unresolved',
    },
  ],
  skip: [{ name: 'a service-linked role, defined by AWS', resources: [serviceLinkedRole()] }],
});
