import { GLOBAL } from '../../core/resource.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamGroup, iamRole, iamUser } from '../../testing/iam-kinds.js';
import check from './iam-support-role-exists.js';

const SUPPORT = 'arn:aws:iam::aws:policy/AWSSupportAccess';

testCheck(check, {
  pass: [
    {
      name: 'a support role with AWSSupportAccess',
      resources: [iamRole('app'), iamRole('aws-support', { attachedManagedPolicies: [SUPPORT] })],
      message: /^Role aws-support has AWSSupportAccess attached$/,
    },
    {
      name: 'an on-call group with members holds AWSSupportAccess',
      resources: [
        iamRole('app'),
        iamGroup('on-call', { attachedManagedPolicies: [SUPPORT] }),
        iamUser('alice'),
      ],
      message: /^Group on-call has AWSSupportAccess/,
    },
  ],
  fail: [
    {
      name: 'nobody can open support cases but root and administrators',
      resources: [iamRole('app'), iamUser('alice'), iamGroup('developers')],
      message: /^No role, group with members or user has the AWSSupportAccess policy attached$/,
    },
    {
      name: 'only an empty group holds AWSSupportAccess',
      resources: [
        iamRole('app'),
        iamGroup('support', { attachedManagedPolicies: [SUPPORT], memberCount: 0 }),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the roles could not be listed',
      resources: [],
      scopeGaps: [
        {
          region: GLOBAL,
          kind: 'iam.role',
          field: '*',
          reason: 'access-denied',
          action: 'iam:GetAccountAuthorizationDetails',
        },
      ],
      reason: 'access-denied',
    },
    {
      name: 'no role has it and the attached policies of a user could not be read',
      resources: [iamRole('app'), withGap(iamUser('alice'), 'attachedManagedPolicies', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
