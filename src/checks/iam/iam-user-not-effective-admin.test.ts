import { ACCOUNT, daysAgo, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import {
  ADMINISTRATOR_ACCESS,
  ALLOW_EVERYTHING,
  iamGroup,
  iamUser,
  managedPolicy,
  policy,
} from '../../testing/iam-kinds.js';
import check from './iam-user-not-effective-admin.js';

const administratorAccess = managedPolicy('AdministratorAccess', {
  awsManaged: true,
  defaultVersionDocument: policy(ALLOW_EVERYTHING),
});
const activeKey = {
  id: 'AKIAEXAMPLE',
  status: 'Active' as const,
  createdAt: daysAgo(30),
  lastUsedAt: daysAgo(1),
};
const inline = (name: string, ...statements: Record<string, unknown>[]) => [
  { name, document: policy(...statements) },
];

testCheck(check, {
  pass: [
    {
      name: 'a console user who reads reports through the developers group',
      resources: [iamUser('amy'), iamGroup('developers')],
      message: /^User amy is not an effective administrator \(not allowed: iam:AttachRolePolicy/,
    },
    {
      name: 'a power user: everything except IAM and Organizations (NotAction)',
      resources: [
        iamUser('power', {
          groups: [],
          inlinePolicies: inline('power-user', {
            Effect: 'Allow',
            NotAction: ['iam:*', 'organizations:*'],
            Resource: '*',
          }),
        }),
      ],
    },
    {
      name: 'AdministratorAccess attached, but a Deny with "Action": "*" on every resource in another policy',
      resources: [
        iamUser('revoked', {
          groups: [],
          attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
          inlinePolicies: inline('quarantine', { Effect: 'Deny', Action: '*', Resource: '*' }),
        }),
        administratorAccess,
      ],
    },
  ],
  fail: [
    {
      name: 'a console user in a group with AdministratorAccess',
      resources: [
        iamUser('alice', { groups: ['admins'] }),
        iamGroup('admins', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS], inlinePolicies: [] }),
        administratorAccess,
      ],
      message:
        /^User alice has a console password and is an effective administrator through arn:aws:iam::aws:policy\/AdministratorAccess$/,
    },
    {
      name: 'a script user with an access key and an inline "*" on "*" policy',
      resources: [
        iamUser('legacy-script', {
          passwordEnabled: false,
          accessKeys: [activeKey],
          groups: [],
          inlinePolicies: inline('temp-full-access', ALLOW_EVERYTHING),
        }),
      ],
      message:
        /has 1 active access key\(s\) and is an effective administrator through inline temp-full-access on user\/legacy-script/,
    },
  ],
  notEvaluated: [
    {
      name: 'the groups of the user could not be read',
      resources: [withGap(iamUser('amy'), 'groups', 'access-denied', 'iam:GetAccountAuthorizationDetails')],
      reason: 'access-denied',
    },
    {
      name: 'an attached managed policy is not in the inventory',
      resources: [
        iamUser('amy', { groups: [], attachedManagedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/ops-tools`] }),
      ],
      reason: 'unresolved',
    },
  ],
  skip: [
    {
      name: 'a user with neither a console password nor an active access key',
      resources: [
        iamUser('retired', { passwordEnabled: false, accessKeys: [{ ...activeKey, status: 'Inactive' }] }),
      ],
    },
  ],
});
