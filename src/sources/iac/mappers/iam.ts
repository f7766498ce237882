import type { AccessKey, InlinePolicy } from '../../../core/kinds/iam.js';
import {
  Interpolation,
  Reference,
  Unresolved,
  type IacObject,
  type IacResource,
  type IacValue,
} from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  blocks,
  get,
  list,
  obj,
  policy,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { nameOf } from './resource-ids.js';
import { attachedThrough } from './resource-policies.js';

/**
 * IAM roles, users, groups and customer managed policies, from CloudFormation and Terraform, with the separate
 * resources that give them policies, attachments, memberships, passwords and access keys.
 *
 * ARNs: code deploys into one account, which the inventory files as `iac` (IAC_ACCOUNT in ../inventory.ts). A
 * role, user or managed policy of the code gets the ARN IAM gives it in that account
 * (`arn:aws:iam::iac:role/<path><name>`), so attachments, `iam:PassRole` statements and the account model of
 * the escalation checks join on the same strings; an AWS managed policy keeps its real ARN.
 */
const ACCOUNT = 'iac';

const CFN = {
  role: 'AWS::IAM::Role',
  serviceLinkedRole: 'AWS::IAM::ServiceLinkedRole',
  user: 'AWS::IAM::User',
  group: 'AWS::IAM::Group',
  managedPolicy: 'AWS::IAM::ManagedPolicy',
  policy: 'AWS::IAM::Policy',
  rolePolicy: 'AWS::IAM::RolePolicy',
  userPolicy: 'AWS::IAM::UserPolicy',
  groupPolicy: 'AWS::IAM::GroupPolicy',
  accessKey: 'AWS::IAM::AccessKey',
  userToGroup: 'AWS::IAM::UserToGroupAddition',
} as const;

const TF = {
  role: 'aws_iam_role',
  serviceLinkedRole: 'aws_iam_service_linked_role',
  user: 'aws_iam_user',
  group: 'aws_iam_group',
  managedPolicy: 'aws_iam_policy',
  rolePolicy: 'aws_iam_role_policy',
  userPolicy: 'aws_iam_user_policy',
  groupPolicy: 'aws_iam_group_policy',
  roleAttachment: 'aws_iam_role_policy_attachment',
  userAttachment: 'aws_iam_user_policy_attachment',
  groupAttachment: 'aws_iam_group_policy_attachment',
  policyAttachment: 'aws_iam_policy_attachment',
  loginProfile: 'aws_iam_user_login_profile',
  accessKey: 'aws_iam_access_key',
  userGroupMembership: 'aws_iam_user_group_membership',
  groupMembership: 'aws_iam_group_membership',
} as const;

const MANAGED_POLICY_TYPES: readonly string[] = [CFN.managedPolicy, TF.managedPolicy];
const ROLE_TYPES: readonly string[] = [CFN.role, TF.role];
const USER_TYPES: readonly string[] = [CFN.user, TF.user];
const GROUP_TYPES: readonly string[] = [CFN.group, TF.group];

/** The physical name the code gives a principal or policy, else its address. */
function iamName(resource: IacResource): string {
  if (resource.format === 'cloudformation') {
    return nameOf(resource, 'RoleName', 'UserName', 'GroupName', 'ManagedPolicyName', 'PolicyName');
  }
  return nameOf(resource, 'name');
}

/** `/` when the code gives no path (IAM's default); throws when the path is unknown. */
function iamPath(resource: IacResource): string {
  return str(resource.properties[resource.format === 'cloudformation' ? 'Path' : 'path']) ?? '/';
}

function arnOf(resource: IacResource, type: 'role' | 'user' | 'group' | 'policy'): string {
  return `arn:aws:iam::${ACCOUNT}:${type}${iamPath(resource)}${iamName(resource)}`;
}

/** The ARN, or null when the path is unknown (the ARN attribute is then a gap of its own). */
function arnOrNull(resource: IacResource, type: 'role' | 'user' | 'policy'): string | null {
  try {
    return arnOf(resource, type);
  } catch (error) {
    if (error instanceof UnresolvedValue) return null;
    throw error;
  }
}

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/** A managed policy ARN as the code writes it: a policy of the code gets its ARN in the code's account. */
function policyArn(value: IacValue | undefined, ctx: MapContext): string | undefined {
  if (typeof value === 'string' && AWS_MANAGED.test(value)) return value;
  const target = ctx.target(value);
  if (target && MANAGED_POLICY_TYPES.includes(target.type)) return arnOf(target, 'policy');
  if (value instanceof Reference) {
    throw new UnresolvedValue(`${value.detail} is not a managed policy of this code`);
  }
  return str(value);
}

function policyArns(values: IacValue[], ctx: MapContext): string[] {
  return values.flatMap((value) => {
    const arn = policyArn(value, ctx);
    return arn === undefined ? [] : [arn];
  });
}

/** What a reference stands for inside a policy: the ARN or name IAM gives that resource in the code's account. */
function standIn(reference: Reference, ctx: MapContext): string {
  const target = ctx.target(reference);
  if (!target) return reference.target;
  const wantsArn = reference.attribute === 'Arn' || reference.attribute === 'arn';
  const iamType = ROLE_TYPES.includes(target.type)
    ? 'role'
    : USER_TYPES.includes(target.type)
      ? 'user'
      : GROUP_TYPES.includes(target.type)
        ? 'group'
        : MANAGED_POLICY_TYPES.includes(target.type)
          ? 'policy'
          : null;
  // CloudFormation's Ref to a managed policy is its ARN; to a role, user or group, its name.
  if (iamType && (wantsArn || (iamType === 'policy' && target.format === 'cloudformation'))) {
    return arnOf(target, iamType);
  }
  if (iamType) return iamName(target);
  if (
    wantsArn &&
    (target.type === 'AWS::IAM::OIDCProvider' || target.type === 'aws_iam_openid_connect_provider')
  ) {
    // arn:aws:iam::<account>:oidc-provider/<the provider's URL without https://>
    const url = str(target.properties[target.format === 'cloudformation' ? 'Url' : 'url']);
    if (url === undefined) throw new UnresolvedValue(`the URL of ${target.address}`);
    return `arn:aws:iam::${ACCOUNT}:oidc-provider/${url.replace(/^https:\/\//, '')}`;
  }
  if (target.type === 'AWS::S3::Bucket' || target.type === 'aws_s3_bucket') {
    const name = nameOf(target, target.format === 'cloudformation' ? 'BucketName' : 'bucket');
    return wantsArn ? `arn:aws:s3:::${name}` : name;
  }
  // Any other resource: its address, a concrete value that matches no wildcard but itself.
  return target.address;
}

/** A value with every reference to a resource of the code replaced by the ARN or name that resource gets. */
export function withStandIns(value: IacValue, ctx: MapContext): IacValue {
  if (value instanceof Reference) return standIn(value, ctx);
  if (value instanceof Interpolation) {
    return value.parts.map((part) => (part instanceof Reference ? standIn(part, ctx) : part)).join('');
  }
  if (value instanceof Unresolved || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => withStandIns(entry, ctx));
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withStandIns(entry, ctx)]));
}

/**
 * An identity or trust policy. A reference to a resource of the code (`!GetAtt Role.Arn`) becomes the ARN or
 * name that resource gets, never `*`: a wildcard there would make a narrow grant look like full access.
 */
function document(value: IacValue | undefined, ctx: MapContext): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return policy(withStandIns(value, ctx));
}

function requiredDocument(
  value: IacValue | undefined,
  ctx: MapContext,
  what: string,
): Record<string, unknown> {
  const found = document(value, ctx);
  if (!found) throw new UnresolvedValue(`${what} has no policy document`);
  return found;
}

/**
 * A computed argument of a Terraform resource (`managed_policy_arns`, `inline_policy`): a plan marks it "known
 * after apply" when the configuration leaves it out, which means "not set here".
 */
function argument(resource: IacResource, name: string): IacValue | undefined {
  const value = resource.properties[name];
  if (resource.format === 'terraform-plan' && value instanceof Unresolved) return undefined;
  return value;
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = key(value);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Records where a field is decided when another resource decides it. */
function locateAt<K extends 'iam.role' | 'iam.user' | 'iam.group' | 'iam.managed-policy'>(
  builder: AttributeBuilder<K>,
  field: Parameters<AttributeBuilder<K>['at']>[0],
  resources: readonly IacResource[],
  ...path: (string | number)[]
): void {
  const [first] = resources;
  if (first) builder.at(field, first.locate(path) ?? first.location);
}

// ---------------------------------------------------------------------------------------------------------------
// CloudFormation

type Principal = 'Roles' | 'Users' | 'Groups';

/** Inline policies: the `Policies` property, `AWS::IAM::Policy` naming the principal, and the per-principal type. */
function cfnInline(
  resource: IacResource,
  ctx: MapContext,
  principal: Principal,
  perPrincipal: { type: string; property: string },
): { policies: () => InlinePolicy[]; from: IacResource[] } {
  const shared = attachedThrough(ctx, resource, [CFN.policy], principal);
  const own = ctx.attached(resource, [perPrincipal.type], perPrincipal.property);
  return {
    from: [...shared, ...own],
    policies: () => [
      ...list(resource.properties.Policies).map((entry) => {
        const name = str(get(entry, 'PolicyName')) ?? '';
        return {
          name,
          document: requiredDocument(get(entry, 'PolicyDocument'), ctx, `inline policy ${name}`),
        };
      }),
      ...[...shared, ...own].map((found) => {
        const name = str(found.properties.PolicyName) ?? found.address;
        return { name, document: requiredDocument(found.properties.PolicyDocument, ctx, `policy ${name}`) };
      }),
    ],
  };
}

function cfnAttached(
  resource: IacResource,
  ctx: MapContext,
  principal: Principal,
): { arns: () => string[]; from: IacResource[] } {
  const policies = attachedThrough(ctx, resource, [CFN.managedPolicy], principal);
  return {
    from: policies,
    arns: () =>
      unique(
        [
          ...policyArns(list(resource.properties.ManagedPolicyArns), ctx),
          ...policies.map((found) => arnOf(found, 'policy')),
        ],
        (arn) => arn,
      ),
  };
}

function boundary(value: IacValue | undefined, ctx: MapContext): string | null {
  return policyArn(value, ctx) ?? null;
}

const cloudFormationRole: KindMapper<'iam.role'> = {
  kind: 'iam.role',
  format: 'cloudformation',
  types: [CFN.role],
  fields: [
    'name',
    'arn',
    'path',
    'trustPolicy',
    'attachedManagedPolicies',
    'inlinePolicies',
    'permissionsBoundary',
    'isServiceLinked',
  ],
  map(resource, ctx) {
    const properties = resource.properties;
    const builder = new AttributeBuilder<'iam.role'>(resource);
    builder.set('name', () => iamName(resource), ['RoleName']);
    builder.set('arn', () => arnOf(resource, 'role'), ['RoleName']);
    builder.set('path', () => iamPath(resource), ['Path']);
    builder.set(
      'trustPolicy',
      () => requiredDocument(properties.AssumeRolePolicyDocument, ctx, 'the trust policy'),
      ['AssumeRolePolicyDocument'],
    );
    const attached = cfnAttached(resource, ctx, 'Roles');
    builder.set('attachedManagedPolicies', attached.arns, ['ManagedPolicyArns']);
    if (properties.ManagedPolicyArns === undefined)
      locateAt(builder, 'attachedManagedPolicies', attached.from);
    const inline = cfnInline(resource, ctx, 'Roles', { type: CFN.rolePolicy, property: 'RoleName' });
    builder.set('inlinePolicies', inline.policies, ['Policies']);
    if (properties.Policies === undefined) locateAt(builder, 'inlinePolicies', inline.from, 'PolicyDocument');
    builder.set('permissionsBoundary', () => boundary(properties.PermissionsBoundary, ctx), [
      'PermissionsBoundary',
    ]);
    builder.set('isServiceLinked', () => false);
    return builder.build({ arn: arnOrNull(resource, 'role'), tags: tagsOf(properties.Tags) });
  },
};

/**
 * A service-linked role: AWS names it, gives it the path `/aws-service-role/<service>/`, a trust policy that
 * lets only that service assume it, and the permissions the service defines (not known from the code).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
function serviceLinkedRole(
  format: 'cloudformation' | 'terraform',
  type: string,
  serviceProperty: string,
): KindMapper<'iam.role'> {
  return {
    kind: 'iam.role',
    format,
    types: [type],
    fields: ['name', 'path', 'trustPolicy', 'isServiceLinked'],
    map(resource) {
      const builder = new AttributeBuilder<'iam.role'>(resource);
      const service = (): string => {
        const given = str(resource.properties[serviceProperty]);
        if (given === undefined) throw new UnresolvedValue(`the service-linked role names no service`);
        return given;
      };
      builder.set('name', () => resource.address);
      builder.set('path', () => `/aws-service-role/${service()}/`, [serviceProperty]);
      builder.set(
        'trustPolicy',
        () => ({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: service() }, Action: 'sts:AssumeRole' }],
        }),
        [serviceProperty],
      );
      builder.set('isServiceLinked', () => true);
      return builder.build({ tags: tagsOf(resource.properties.Tags ?? resource.properties.tags) });
    },
  };
}

/** Group names as the code gives them: a group of the code by its name, else the literal. */
function groupNames(values: IacValue[], ctx: MapContext): string[] {
  return values.flatMap((value) => {
    const target = ctx.target(value);
    if (target && GROUP_TYPES.includes(target.type)) return [iamName(target)];
    if (value instanceof Reference) throw new UnresolvedValue(`${value.detail} is not a group of this code`);
    const name = str(value);
    return name === undefined ? [] : [name];
  });
}

function accessKeyOf(key: IacResource, property: 'Status' | 'status'): AccessKey {
  const status = str(key.properties[property]) ?? 'Active';
  if (status !== 'Active' && status !== 'Inactive')
    throw new UnresolvedValue(`unknown access key status ${status}`);
  // A key created by the code: its id and dates exist only once it is deployed.
  return { id: null, status, createdAt: null, lastUsedAt: null };
}

/** Access keys in code have no creation or last-use date yet: their age is for a live scan to judge. */
const USER_RUNTIME_CHECKS = ['iam-user-access-keys-rotated'];

const USER_FIELDS = [
  'name',
  'passwordEnabled',
  'accessKeys',
  'attachedManagedPolicies',
  'inlinePolicies',
  'groups',
] as const;

const cloudFormationUser: KindMapper<'iam.user'> = {
  kind: 'iam.user',
  format: 'cloudformation',
  types: [CFN.user],
  fields: USER_FIELDS,
  notOnCode: USER_RUNTIME_CHECKS,
  map(resource, ctx) {
    const properties = resource.properties;
    const builder = new AttributeBuilder<'iam.user'>(resource);
    builder.set('name', () => iamName(resource), ['UserName']);
    // A console password exists exactly when the user has a LoginProfile.
    builder.set('passwordEnabled', () => obj(properties.LoginProfile) !== undefined, ['LoginProfile']);
    const keys = ctx.attached(resource, [CFN.accessKey], 'UserName');
    builder.set('accessKeys', () => keys.map((key) => accessKeyOf(key, 'Status')));
    locateAt(builder, 'accessKeys', keys);
    const attached = cfnAttached(resource, ctx, 'Users');
    builder.set('attachedManagedPolicies', attached.arns, ['ManagedPolicyArns']);
    if (properties.ManagedPolicyArns === undefined)
      locateAt(builder, 'attachedManagedPolicies', attached.from);
    const inline = cfnInline(resource, ctx, 'Users', { type: CFN.userPolicy, property: 'UserName' });
    builder.set('inlinePolicies', inline.policies, ['Policies']);
    if (properties.Policies === undefined) locateAt(builder, 'inlinePolicies', inline.from, 'PolicyDocument');
    const additions = attachedThrough(ctx, resource, [CFN.userToGroup], 'Users');
    builder.set(
      'groups',
      () =>
        unique(
          groupNames(
            [
              ...list(properties.Groups),
              ...additions.map((addition) => addition.properties.GroupName ?? null),
            ],
            ctx,
          ),
          (name) => name,
        ),
      ['Groups'],
    );
    if (properties.Groups === undefined) locateAt(builder, 'groups', additions);
    return builder.build({ arn: arnOrNull(resource, 'user'), tags: tagsOf(properties.Tags) });
  },
};

/** The users of the code that belong to a group, each counted once. */
function memberCount(members: IacValue[], ctx: MapContext): number {
  const names = members.map((member) => {
    const target = ctx.target(member);
    if (target && USER_TYPES.includes(target.type)) return target.address;
    const name = str(member);
    if (name === undefined) throw new UnresolvedValue('a group member is not named');
    return name;
  });
  return new Set(names).size;
}

const cloudFormationGroup: KindMapper<'iam.group'> = {
  kind: 'iam.group',
  format: 'cloudformation',
  types: [CFN.group],
  fields: ['name', 'attachedManagedPolicies', 'inlinePolicies', 'memberCount'],
  map(resource, ctx) {
    const properties = resource.properties;
    const builder = new AttributeBuilder<'iam.group'>(resource);
    builder.set('name', () => iamName(resource), ['GroupName']);
    const attached = cfnAttached(resource, ctx, 'Groups');
    builder.set('attachedManagedPolicies', attached.arns, ['ManagedPolicyArns']);
    if (properties.ManagedPolicyArns === undefined)
      locateAt(builder, 'attachedManagedPolicies', attached.from);
    const inline = cfnInline(resource, ctx, 'Groups', { type: CFN.groupPolicy, property: 'GroupName' });
    builder.set('inlinePolicies', inline.policies, ['Policies']);
    if (properties.Policies === undefined) locateAt(builder, 'inlinePolicies', inline.from, 'PolicyDocument');
    // The members the code declares: a group the code creates has exactly those once deployed.
    const users = attachedThrough(ctx, resource, [CFN.user], 'Groups');
    const additions = ctx.attached(resource, [CFN.userToGroup], 'GroupName');
    builder.set('memberCount', () =>
      memberCount(
        [
          ...users.map((user) => new Reference(user.address, null)),
          ...additions.flatMap((addition) => list(addition.properties.Users)),
        ],
        ctx,
      ),
    );
    return builder.build();
  },
};

/** How many principals of the code a managed policy is attached to, each counted once. */
function attachmentCount(principals: IacValue[], ctx: MapContext): number {
  return new Set(
    principals.map((principal) => {
      const target = ctx.target(principal);
      if (target) return `${target.type} ${target.address}`;
      const name = str(principal);
      if (name === undefined) throw new UnresolvedValue('an attachment names no principal');
      return name;
    }),
  ).size;
}

/** Principals of the code whose `ManagedPolicyArns` / `managed_policy_arns` list the policy. */
function listingPrincipals(
  resource: IacResource,
  ctx: MapContext,
  property: string,
  types: readonly string[],
): IacValue[] {
  return ctx.resources
    .filter((candidate) => types.includes(candidate.type))
    .filter((candidate) => {
      const value = argument(candidate, property);
      return Array.isArray(value) && value.some((entry) => ctx.designates(entry, resource));
    })
    .map((candidate) => new Reference(candidate.address, null));
}

const cloudFormationManagedPolicy: KindMapper<'iam.managed-policy'> = {
  kind: 'iam.managed-policy',
  format: 'cloudformation',
  types: [CFN.managedPolicy],
  fields: ['arn', 'name', 'awsManaged', 'attachmentCount', 'defaultVersionDocument'],
  map(resource, ctx) {
    const properties = resource.properties;
    const builder = new AttributeBuilder<'iam.managed-policy'>(resource);
    builder.set('arn', () => arnOf(resource, 'policy'), ['ManagedPolicyName']);
    builder.set('name', () => iamName(resource), ['ManagedPolicyName']);
    builder.set('awsManaged', () => false);
    // The attachments the code declares: a policy the code creates has exactly those once deployed.
    builder.set('attachmentCount', () =>
      attachmentCount(
        [
          ...list(properties.Roles),
          ...list(properties.Users),
          ...list(properties.Groups),
          ...listingPrincipals(resource, ctx, 'ManagedPolicyArns', [CFN.role, CFN.user, CFN.group]),
        ],
        ctx,
      ),
    );
    builder.set(
      'defaultVersionDocument',
      () => requiredDocument(properties.PolicyDocument, ctx, 'the managed policy'),
      ['PolicyDocument'],
    );
    return builder.build({ arn: arnOrNull(resource, 'policy') });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Terraform

function tfInline(
  resource: IacResource,
  ctx: MapContext,
  type: string,
  property: string,
  inlineBlocks: IacObject[],
): { policies: () => InlinePolicy[]; from: IacResource[] } {
  const separate = ctx.attached(resource, [type], property);
  return {
    from: separate,
    policies: () => [
      // `inline_policy {}` without arguments only tells Terraform to remove the role's other inline policies.
      ...inlineBlocks
        .filter((entry) => entry.policy !== undefined && entry.policy !== null)
        .map((entry) => {
          const name = str(entry.name) ?? '';
          return { name, document: requiredDocument(entry.policy, ctx, `inline policy ${name}`) };
        }),
      ...separate.map((found) => {
        const name = str(found.properties.name) ?? found.address;
        return { name, document: requiredDocument(found.properties.policy, ctx, `policy ${name}`) };
      }),
    ],
  };
}

function tfAttached(
  resource: IacResource,
  ctx: MapContext,
  attachment: { type: string; property: string },
  principal: 'roles' | 'users' | 'groups',
  listed: IacValue[],
): { arns: () => string[]; from: IacResource[] } {
  const own = ctx.attached(resource, [attachment.type], attachment.property);
  const shared = attachedThrough(ctx, resource, [TF.policyAttachment], principal);
  return {
    from: [...own, ...shared],
    arns: () =>
      unique(
        policyArns(
          [...listed, ...[...own, ...shared].map((found) => found.properties.policy_arn ?? null)],
          ctx,
        ),
        (arn) => arn,
      ),
  };
}

const terraformRole: KindMapper<'iam.role'> = {
  kind: 'iam.role',
  format: 'terraform',
  types: [TF.role],
  fields: cloudFormationRole.fields,
  map(resource, ctx) {
    const properties = resource.properties;
    const builder = new AttributeBuilder<'iam.role'>(resource);
    builder.set('name', () => iamName(resource), ['name']);
    builder.set('arn', () => arnOf(resource, 'role'), ['name']);
    builder.set('path', () => iamPath(resource), ['path']);
    builder.set(
      'trustPolicy',
      () => requiredDocument(properties.assume_role_policy, ctx, 'the trust policy'),
      ['assume_role_policy'],
    );
    const attached = tfAttached(
      resource,
      ctx,
      { type: TF.roleAttachment, property: 'role' },
      'roles',
      list(argument(resource, 'managed_policy_arns')),
    );
    builder.set('attachedManagedPolicies', attached.arns, ['managed_policy_arns']);
    if (argument(resource, 'managed_policy_arns') === undefined) {
      locateAt(builder, 'attachedManagedPolicies', attached.from, 'policy_arn');
    }
    const inline = tfInline(
      resource,
      ctx,
      TF.rolePolicy,
      'role',
      blocks({ inline_policy: argument(resource, 'inline_policy') ?? null }, 'inline_policy'),
    );
    builder.set('inlinePolicies', inline.policies, ['inline_policy']);
    if (argument(resource, 'inline_policy') === undefined)
      locateAt(builder, 'inlinePolicies', inline.from, 'policy');
    builder.set('permissionsBoundary', () => boundary(properties.permissions_boundary, ctx), [
      'permissions_boundary',
    ]);
    builder.set('isServiceLinked', () => false);
    return builder.build({ arn: arnOrNull(resource, 'role'), tags: tagsOf(properties.tags) });
  },
};

const terraformUser: KindMapper<'iam.user'> = {
  kind: 'iam.user',
  format: 'terraform',
  types: [TF.user],
  fields: USER_FIELDS,
  notOnCode: USER_RUNTIME_CHECKS,
  map(resource, ctx) {
    const builder = new AttributeBuilder<'iam.user'>(resource);
    builder.set('name', () => iamName(resource), ['name']);
    // A console password exists exactly when an aws_iam_user_login_profile gives one.
    const profiles = ctx.attached(resource, [TF.loginProfile], 'user');
    builder.set('passwordEnabled', () => profiles.length > 0);
    locateAt(builder, 'passwordEnabled', profiles);
    const keys = ctx.attached(resource, [TF.accessKey], 'user');
    builder.set('accessKeys', () => keys.map((key) => accessKeyOf(key, 'status')));
    locateAt(builder, 'accessKeys', keys);
    const attached = tfAttached(resource, ctx, { type: TF.userAttachment, property: 'user' }, 'users', []);
    builder.set('attachedManagedPolicies', attached.arns);
    locateAt(builder, 'attachedManagedPolicies', attached.from, 'policy_arn');
    const inline = tfInline(resource, ctx, TF.userPolicy, 'user', []);
    builder.set('inlinePolicies', inline.policies);
    locateAt(builder, 'inlinePolicies', inline.from, 'policy');
    const memberships = ctx.attached(resource, [TF.userGroupMembership], 'user');
    const groupMemberships = attachedThrough(ctx, resource, [TF.groupMembership], 'users');
    builder.set('groups', () =>
      unique(
        groupNames(
          [
            ...memberships.flatMap((membership) => list(membership.properties.groups)),
            ...groupMemberships.map((membership) => membership.properties.group ?? null),
          ],
          ctx,
        ),
        (name) => name,
      ),
    );
    locateAt(builder, 'groups', [...memberships, ...groupMemberships]);
    return builder.build({ arn: arnOrNull(resource, 'user'), tags: tagsOf(resource.properties.tags) });
  },
};

const terraformGroup: KindMapper<'iam.group'> = {
  kind: 'iam.group',
  format: 'terraform',
  types: [TF.group],
  fields: cloudFormationGroup.fields,
  map(resource, ctx) {
    const builder = new AttributeBuilder<'iam.group'>(resource);
    builder.set('name', () => iamName(resource), ['name']);
    const attached = tfAttached(resource, ctx, { type: TF.groupAttachment, property: 'group' }, 'groups', []);
    builder.set('attachedManagedPolicies', attached.arns);
    locateAt(builder, 'attachedManagedPolicies', attached.from, 'policy_arn');
    const inline = tfInline(resource, ctx, TF.groupPolicy, 'group', []);
    builder.set('inlinePolicies', inline.policies);
    locateAt(builder, 'inlinePolicies', inline.from, 'policy');
    // The members the code declares: a group the code creates has exactly those once deployed.
    const memberships = attachedThrough(ctx, resource, [TF.userGroupMembership], 'groups');
    const groupMemberships = ctx.attached(resource, [TF.groupMembership], 'group');
    builder.set('memberCount', () =>
      memberCount(
        [
          ...memberships.map((membership) => membership.properties.user ?? null),
          ...groupMemberships.flatMap((membership) => list(membership.properties.users)),
        ],
        ctx,
      ),
    );
    return builder.build();
  },
};

const terraformManagedPolicy: KindMapper<'iam.managed-policy'> = {
  kind: 'iam.managed-policy',
  format: 'terraform',
  types: [TF.managedPolicy],
  fields: cloudFormationManagedPolicy.fields,
  map(resource, ctx) {
    const builder = new AttributeBuilder<'iam.managed-policy'>(resource);
    builder.set('arn', () => arnOf(resource, 'policy'), ['name']);
    builder.set('name', () => iamName(resource), ['name']);
    builder.set('awsManaged', () => false);
    // The attachments the code declares: a policy the code creates has exactly those once deployed.
    builder.set('attachmentCount', () => {
      const single = ctx.resources.filter(
        (candidate) =>
          [TF.roleAttachment, TF.userAttachment, TF.groupAttachment].some(
            (type) => type === candidate.type,
          ) && ctx.designates(candidate.properties.policy_arn, resource),
      );
      const shared = ctx.attached(resource, [TF.policyAttachment], 'policy_arn');
      return attachmentCount(
        [
          ...single.map(
            (attachment) =>
              attachment.properties.role ?? attachment.properties.user ?? attachment.properties.group ?? null,
          ),
          ...shared.flatMap((attachment) => [
            ...list(attachment.properties.roles),
            ...list(attachment.properties.users),
            ...list(attachment.properties.groups),
          ]),
          ...listingPrincipals(resource, ctx, 'managed_policy_arns', [TF.role]),
        ],
        ctx,
      );
    });
    builder.set(
      'defaultVersionDocument',
      () => requiredDocument(resource.properties.policy, ctx, 'the managed policy'),
      ['policy'],
    );
    return builder.build({ arn: arnOrNull(resource, 'policy'), tags: tagsOf(resource.properties.tags) });
  },
};

export const MAPPERS: KindMapper[] = [
  cloudFormationRole,
  serviceLinkedRole('cloudformation', CFN.serviceLinkedRole, 'AWSServiceName'),
  cloudFormationUser,
  cloudFormationGroup,
  cloudFormationManagedPolicy,
  terraformRole,
  serviceLinkedRole('terraform', TF.serviceLinkedRole, 'aws_service_name'),
  terraformUser,
  terraformGroup,
  terraformManagedPolicy,
] as KindMapper[];
