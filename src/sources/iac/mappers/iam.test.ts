import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { IAC_ACCOUNT } from '../inventory.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './iam.js';
import type { KindMapper, MapContext } from './mapper.js';

function mapperFor(type: string): KindMapper {
  const found = MAPPERS.find((mapper) => mapper.types.includes(type));
  if (!found) throw new Error(`no mapper for ${type}`);
  return found;
}

function map(resource: IacResource, ctx: MapContext = contextOf(resource)) {
  const mapped = mapperFor(resource.type).map(resource, ctx);
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const READ = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }],
};

describe('CloudFormation IAM', () => {
  it('maps a role with its inline, attached and separate policies', () => {
    const role = iacResource(
      'AWS::IAM::Role',
      {
        RoleName: 'app',
        Path: '/service/',
        AssumeRolePolicyDocument: TRUST,
        ManagedPolicyArns: [ADMIN, new Reference('Shared', null)],
        Policies: [{ PolicyName: 'read', PolicyDocument: READ }],
        PermissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
        Tags: [{ Key: 'app', Value: 'api' }],
      },
      { address: 'AppRole' },
    );
    const shared = iacResource(
      'AWS::IAM::ManagedPolicy',
      { ManagedPolicyName: 'shared', PolicyDocument: READ, Roles: [new Reference('AppRole', null)] },
      { address: 'Shared' },
    );
    const extra = iacResource(
      'AWS::IAM::Policy',
      {
        PolicyName: 'extra',
        Roles: [new Reference('AppRole', null)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: new Reference('AppRole', 'Arn') }],
        },
      },
      { address: 'Extra' },
    );
    const rolePolicy = iacResource(
      'AWS::IAM::RolePolicy',
      { RoleName: 'app', PolicyName: 'own', PolicyDocument: READ },
      { address: 'Own' },
    );
    const mapped = map(role, contextOf(role, shared, extra, rolePolicy));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.arn).toBe(`arn:aws:iam::${IAC_ACCOUNT}:role/service/app`);
    expect(mapped.tags).toEqual({ app: 'api' });
    expect(mapped.attributes).toEqual({
      name: 'app',
      arn: 'arn:aws:iam::iac:role/service/app',
      path: '/service/',
      trustPolicy: TRUST,
      attachedManagedPolicies: [ADMIN, 'arn:aws:iam::iac:policy/shared'],
      inlinePolicies: [
        { name: 'read', document: READ },
        {
          name: 'extra',
          document: {
            Version: '2012-10-17',
            // A reference to a role of the code is that role's ARN, never a wildcard.
            Statement: [
              { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::iac:role/service/app' },
            ],
          },
        },
        { name: 'own', document: READ },
      ],
      permissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
      isServiceLinked: false,
    });
  });

  it('gives a role without a name its address and the default path', () => {
    const mapped = map(
      iacResource('AWS::IAM::Role', { AssumeRolePolicyDocument: TRUST }, { address: 'Worker' }),
    );
    expect(mapped.attributes).toMatchObject({
      name: 'Worker',
      path: '/',
      attachedManagedPolicies: [],
      inlinePolicies: [],
      permissionsBoundary: null,
    });
  });

  it('makes a policy with an unresolved part a gap on that field only', () => {
    const mapped = map(
      iacResource('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: new Unresolved('Ref to parameter Partner') },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'trustPolicy', reason: 'unresolved', detail: 'Ref to parameter Partner' },
    ]);
    expect(mapped.attributes.inlinePolicies).toEqual([]);
  });

  it('reads a trust in an OIDC provider of the code as that provider ARN', () => {
    const provider = iacResource(
      'AWS::IAM::OIDCProvider',
      { Url: 'https://token.actions.githubusercontent.com' },
      { address: 'GitHub' },
    );
    const role = iacResource(
      'AWS::IAM::Role',
      {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: new Reference('GitHub', 'Arn') },
              Action: 'sts:AssumeRoleWithWebIdentity',
            },
          ],
        },
      },
      { address: 'Deploy' },
    );
    const mapped = map(role, contextOf(role, provider));
    expect(mapped.attributes.trustPolicy).toMatchObject({
      Statement: [
        { Principal: { Federated: 'arn:aws:iam::iac:oidc-provider/token.actions.githubusercontent.com' } },
      ],
    });
  });

  it('maps a service-linked role with the trust AWS gives it', () => {
    const mapped = map(
      iacResource(
        'AWS::IAM::ServiceLinkedRole',
        { AWSServiceName: 'elasticbeanstalk.amazonaws.com' },
        { address: 'Slr' },
      ),
    );
    expect(mapped.attributes).toMatchObject({
      path: '/aws-service-role/elasticbeanstalk.amazonaws.com/',
      isServiceLinked: true,
      trustPolicy: {
        Statement: [{ Effect: 'Allow', Principal: { Service: 'elasticbeanstalk.amazonaws.com' } }],
      },
    });
  });

  it('maps a user with password, keys, policies and groups', () => {
    const user = iacResource(
      'AWS::IAM::User',
      {
        UserName: 'amy',
        LoginProfile: { Password: new Unresolved('Ref to parameter Password, which has no default') },
        Groups: [new Reference('Admins', null), 'legacy'],
        ManagedPolicyArns: [ADMIN],
        Policies: [{ PolicyName: 'read', PolicyDocument: READ }],
      },
      { address: 'Amy' },
    );
    const group = iacResource('AWS::IAM::Group', { GroupName: 'admins' }, { address: 'Admins' });
    const keys = [
      iacResource(
        'AWS::IAM::AccessKey',
        { UserName: new Reference('Amy', null) },
        { address: 'Key1', line: 20 },
      ),
      iacResource('AWS::IAM::AccessKey', { UserName: 'amy', Status: 'Inactive' }, { address: 'Key2' }),
    ];
    const addition = iacResource(
      'AWS::IAM::UserToGroupAddition',
      { GroupName: 'ops', Users: [new Reference('Amy', null)] },
      { address: 'Add' },
    );
    const mapped = map(user, contextOf(user, group, addition, ...keys));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.arn).toBe('arn:aws:iam::iac:user/amy');
    expect(mapped.attributes).toEqual({
      name: 'amy',
      passwordEnabled: true,
      accessKeys: [
        { id: null, status: 'Active', createdAt: null, lastUsedAt: null },
        { id: null, status: 'Inactive', createdAt: null, lastUsedAt: null },
      ],
      attachedManagedPolicies: [ADMIN],
      inlinePolicies: [{ name: 'read', document: READ }],
      groups: ['admins', 'legacy', 'ops'],
    });
    expect(mapped.locations.accessKeys?.line).toBe(20);
  });

  it('maps a user without anything to no password, keys, policies or groups', () => {
    const mapped = map(iacResource('AWS::IAM::User', {}, { address: 'Bob' }));
    expect(mapped.attributes).toEqual({
      name: 'Bob',
      passwordEnabled: false,
      accessKeys: [],
      attachedManagedPolicies: [],
      inlinePolicies: [],
      groups: [],
    });
  });

  it('counts the members of a group and the attachments of a managed policy', () => {
    const group = iacResource('AWS::IAM::Group', { GroupName: 'ops', Policies: [] }, { address: 'Ops' });
    const users = [
      iacResource(
        'AWS::IAM::User',
        { UserName: 'a', Groups: [new Reference('Ops', null)] },
        { address: 'A' },
      ),
      iacResource('AWS::IAM::User', { UserName: 'b' }, { address: 'B' }),
    ];
    const addition = iacResource(
      'AWS::IAM::UserToGroupAddition',
      { GroupName: new Reference('Ops', null), Users: ['a', new Reference('B', null)] },
      { address: 'Add' },
    );
    const policy = iacResource(
      'AWS::IAM::ManagedPolicy',
      { PolicyDocument: READ, Groups: [new Reference('Ops', null)] },
      { address: 'Read' },
    );
    const role = iacResource(
      'AWS::IAM::Role',
      { AssumeRolePolicyDocument: TRUST, ManagedPolicyArns: [new Reference('Read', null)] },
      { address: 'R' },
    );
    const ctx = contextOf(group, ...users, addition, policy, role);
    expect(map(group, ctx).attributes.memberCount).toBe(2);
    expect(map(group, ctx).attributes.attachedManagedPolicies).toEqual(['arn:aws:iam::iac:policy/Read']);
    expect(map(policy, ctx).attributes).toEqual({
      arn: 'arn:aws:iam::iac:policy/Read',
      name: 'Read',
      awsManaged: false,
      attachmentCount: 2,
      defaultVersionDocument: READ,
    });
  });
});

describe('Terraform IAM', () => {
  const roleRef = new Reference('aws_iam_role.app', 'name');

  it('maps a role with inline blocks, separate policies and attachments', () => {
    const role = iacResource(
      'aws_iam_role',
      {
        name: 'app',
        assume_role_policy: JSON.stringify(TRUST),
        inline_policy: [{ name: 'read', policy: JSON.stringify(READ) }],
        permissions_boundary: new Reference('aws_iam_policy.boundary', 'arn'),
        tags: { team: 'x' },
      },
      { address: 'aws_iam_role.app' },
    );
    const boundary = iacResource(
      'aws_iam_policy',
      { name: 'boundary', path: '/limits/', policy: JSON.stringify(READ) },
      { address: 'aws_iam_policy.boundary' },
    );
    const rolePolicy = iacResource(
      'aws_iam_role_policy',
      { role: roleRef, name: 'own', policy: JSON.stringify(READ) },
      { address: 'aws_iam_role_policy.own' },
    );
    const attachments = [
      iacResource(
        'aws_iam_role_policy_attachment',
        { role: roleRef, policy_arn: ADMIN },
        { address: 'aws_iam_role_policy_attachment.admin' },
      ),
      iacResource(
        'aws_iam_policy_attachment',
        { name: 'x', roles: [roleRef], policy_arn: new Reference('aws_iam_policy.boundary', 'arn') },
        { address: 'aws_iam_policy_attachment.x' },
      ),
    ];
    const ctx = contextOf(role, boundary, rolePolicy, ...attachments);
    const mapped = map(role, ctx);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      name: 'app',
      arn: 'arn:aws:iam::iac:role/app',
      path: '/',
      trustPolicy: TRUST,
      attachedManagedPolicies: [ADMIN, 'arn:aws:iam::iac:policy/limits/boundary'],
      inlinePolicies: [
        { name: 'read', document: READ },
        { name: 'own', document: READ },
      ],
      permissionsBoundary: 'arn:aws:iam::iac:policy/limits/boundary',
      isServiceLinked: false,
    });
    expect(map(boundary, ctx).attributes.attachmentCount).toBe(1);
  });

  it('reads a plan role whose computed arguments are unknown as having none', () => {
    const role = iacResource(
      'aws_iam_role',
      {
        name: 'p',
        assume_role_policy: JSON.stringify(TRUST),
        inline_policy: new Unresolved('known after apply'),
        managed_policy_arns: new Unresolved('known after apply'),
      },
      { address: 'aws_iam_role.p', format: 'terraform-plan' },
    );
    const mapped = map(role);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toMatchObject({ attachedManagedPolicies: [], inlinePolicies: [] });
  });

  it('makes an unresolved trust policy a gap, and an unresolved attachment a gap on attachments only', () => {
    const role = iacResource(
      'aws_iam_role',
      {
        name: 'r',
        assume_role_policy: new Unresolved('data source aws_iam_policy_document.trust is read at apply time'),
      },
      { address: 'aws_iam_role.r' },
    );
    const attachment = iacResource('aws_iam_role_policy_attachment', {
      role: new Reference('aws_iam_role.r', 'name'),
      policy_arn: new Unresolved('variable policy has no value'),
    });
    const mapped = map(role, contextOf(role, attachment));
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['attachedManagedPolicies', 'trustPolicy']);
    expect(mapped.attributes.inlinePolicies).toEqual([]);
  });

  it('maps a user with login profile, keys, policies and memberships', () => {
    const userRef = new Reference('aws_iam_user.amy', 'name');
    const user = iacResource('aws_iam_user', { name: 'amy' }, { address: 'aws_iam_user.amy' });
    const group = iacResource('aws_iam_group', { name: 'devs' }, { address: 'aws_iam_group.devs' });
    const others = [
      iacResource(
        'aws_iam_user_login_profile',
        { user: userRef },
        { address: 'aws_iam_user_login_profile.amy' },
      ),
      iacResource('aws_iam_access_key', { user: userRef }, { address: 'aws_iam_access_key.a' }),
      iacResource(
        'aws_iam_access_key',
        { user: userRef, status: 'Active' },
        { address: 'aws_iam_access_key.b' },
      ),
      iacResource(
        'aws_iam_user_policy',
        { user: userRef, name: 'inline', policy: JSON.stringify(READ) },
        { address: 'aws_iam_user_policy.inline' },
      ),
      iacResource(
        'aws_iam_user_policy_attachment',
        { user: userRef, policy_arn: ADMIN },
        { address: 'aws_iam_user_policy_attachment.admin' },
      ),
      iacResource(
        'aws_iam_user_group_membership',
        { user: userRef, groups: [new Reference('aws_iam_group.devs', 'name')] },
        { address: 'aws_iam_user_group_membership.amy' },
      ),
      iacResource(
        'aws_iam_group_membership',
        { name: 'ops', group: 'ops', users: [userRef] },
        { address: 'aws_iam_group_membership.ops' },
      ),
    ];
    const ctx = contextOf(user, group, ...others);
    const mapped = map(user, ctx);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      name: 'amy',
      passwordEnabled: true,
      accessKeys: [
        { id: null, status: 'Active', createdAt: null, lastUsedAt: null },
        { id: null, status: 'Active', createdAt: null, lastUsedAt: null },
      ],
      attachedManagedPolicies: [ADMIN],
      inlinePolicies: [{ name: 'inline', document: READ }],
      groups: ['devs', 'ops'],
    });
    expect(map(group, ctx).attributes.memberCount).toBe(1);
  });

  it('maps a group and a managed policy attached to it', () => {
    const group = iacResource('aws_iam_group', { name: 'ops' }, { address: 'aws_iam_group.ops' });
    const policy = iacResource(
      'aws_iam_policy',
      { name: 'ops', policy: JSON.stringify(READ) },
      { address: 'aws_iam_policy.ops' },
    );
    const attachment = iacResource('aws_iam_group_policy_attachment', {
      group: new Reference('aws_iam_group.ops', 'name'),
      policy_arn: new Reference('aws_iam_policy.ops', 'arn'),
    });
    const inline = iacResource('aws_iam_group_policy', {
      group: new Reference('aws_iam_group.ops', 'id'),
      name: 'g',
      policy: JSON.stringify(READ),
    });
    const ctx = contextOf(group, policy, attachment, inline);
    expect(map(group, ctx).attributes).toEqual({
      name: 'ops',
      attachedManagedPolicies: ['arn:aws:iam::iac:policy/ops'],
      inlinePolicies: [{ name: 'g', document: READ }],
      memberCount: 0,
    });
    expect(map(policy, ctx).attributes).toEqual({
      arn: 'arn:aws:iam::iac:policy/ops',
      name: 'ops',
      awsManaged: false,
      attachmentCount: 1,
      defaultVersionDocument: READ,
    });
  });

  it('makes an unparseable managed policy a gap on its document', () => {
    const mapped = map(iacResource('aws_iam_policy', { name: 'bad', policy: '{ not json' }));
    expect(mapped.gaps).toEqual([
      { field: 'defaultVersionDocument', reason: 'unresolved', detail: 'the policy is not a JSON object' },
    ]);
  });
});
