import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/resource.js';
import { ACCOUNT, inventoryOf } from '../../testing/builders.js';
import {
  ADMINISTRATOR_ACCESS,
  ALLOW_EVERYTHING,
  iamGroup,
  iamRole,
  iamUser,
  managedPolicy,
  policy,
} from '../../testing/iam-kinds.js';
import { buildAccountModel } from '../model.js';
import { effectiveAdmins } from './admins.js';

const administratorAccess = managedPolicy('AdministratorAccess', {
  awsManaged: true,
  defaultVersionDocument: policy(ALLOW_EVERYTHING),
});
const inline = (...statements: Record<string, unknown>[]) => [
  { name: 'grants', document: policy(...statements) },
];

function admins(resources: Resource[]) {
  const report = effectiveAdmins(buildAccountModel(inventoryOf(resources)));
  return {
    admins: report.admins.map((admin) => admin.principal.name),
    unknown: report.unknown.map((entry) => entry.principal.name),
  };
}

describe('effectiveAdmins', () => {
  it('finds administrators through an attached policy, an inline policy and a group', () => {
    const result = admins([
      iamUser('attached', { groups: [], attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
      iamUser('inline', { groups: [], inlinePolicies: inline(ALLOW_EVERYTHING) }),
      iamUser('member', { groups: ['admins'] }),
      iamGroup('admins', { inlinePolicies: [], attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
      iamUser('reader', {
        groups: [],
        inlinePolicies: inline({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }),
      }),
      administratorAccess,
    ]);
    expect(result).toEqual({ admins: ['attached', 'inline', 'member'], unknown: [] });
  });

  it('reports the statements that grant administrator access', () => {
    const report = effectiveAdmins(
      buildAccountModel(
        inventoryOf([
          iamUser('amy', {
            groups: [],
            inlinePolicies: [{ name: 'all', document: policy({ Sid: 'Everything', ...ALLOW_EVERYTHING }) }],
          }),
        ]),
      ),
    );
    expect(report.admins[0]?.granting.map((statement) => [statement.policy, statement.sid])).toEqual([
      ['inline all on user/amy', 'Everything'],
    ]);
  });

  it('"*:*" is as good as "*", and iam:* plus the rest by service is admin too', () => {
    const result = admins([
      iamUser('colon', {
        groups: [],
        inlinePolicies: inline({ Effect: 'Allow', Action: '*:*', Resource: '*' }),
      }),
      iamUser('power', {
        groups: [],
        inlinePolicies: inline({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
      }),
    ]);
    expect(result.admins).toEqual(['colon']);
  });

  it('a Deny with "Action": "*" cancels AdministratorAccess, and a permissions boundary caps a role', () => {
    const result = admins([
      iamUser('quarantined', {
        groups: [],
        attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
        inlinePolicies: inline({ Effect: 'Deny', Action: '*', Resource: '*' }),
      }),
      iamRole('bounded', {
        inlinePolicies: inline(ALLOW_EVERYTHING),
        permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/s3-only`,
      }),
      managedPolicy('s3-only', {
        defaultVersionDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      }),
      administratorAccess,
    ]);
    expect(result).toEqual({ admins: [], unknown: [] });
  });

  it('a policy that is not in the inventory or does not parse leaves the principal unknown, never "not admin"', () => {
    const result = admins([
      iamUser('missing', { groups: [], attachedManagedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/gone`] }),
      iamUser('broken', {
        groups: [],
        inlinePolicies: [
          {
            name: 'bad',
            document: { Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] },
          },
        ],
      }),
      iamUser('lost-group', { groups: ['ghosts'] }),
    ]);
    expect(result).toEqual({ admins: [], unknown: ['missing', 'broken', 'lost-group'] });
  });
});
