import type { Inventory } from '../core/inventory.js';
import type { AttributesOf, KindName } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { parsePolicy } from './engine/parse.js';
import type { NamedPolicy, PolicySet, RequestPrincipal } from './engine/types.js';

/**
 * The account as the policy engine sees it: every user and role with the policies that bear on their requests,
 * and every resource that carries a resource-based policy. Built once from an inventory (or from the IAM kinds
 * a check looks up) and read by the analyses. Whatever could not be read or parsed is recorded in `unknown`, so
 * an analysis can say "not evaluated" instead of drawing a conclusion from half the policies.
 */

export interface ModelPrincipal {
  arn: string;
  account: string;
  type: 'user' | 'role';
  name: string;
  /** The principal's own policies; `resource` comes from the target at request time (see policiesFor). */
  policies: Omit<PolicySet, 'resource' | 'resourceKind'>;
  /** Why the principal's permissions are only partly known (a policy not collected or not parseable); empty when fully known. */
  unknown: string[];
  /** Users: the group ARNs it belongs to. */
  groups: string[];
  /** Customer managed policies that reach the principal (directly or through a group): rewriting one rewrites its permissions. */
  customerPolicies: string[];
  /** Roles created and managed by an AWS service: the customer cannot change them. */
  isServiceLinked: boolean;
  /** Users: an active access key or a console password, credentials that do not expire on their own. */
  longLivedCredentials: boolean;
}

export interface ModelGroup {
  arn: string;
  name: string;
  account: string;
  policies: NamedPolicy[];
  unknown: string[];
}

export type ModelResourceKind = NonNullable<PolicySet['resourceKind']>;

export interface ModelResource {
  arn: string;
  account: string;
  /** The onus kind (`s3.bucket`, `kms.key`, `iam.role`, ...). */
  kind: KindName;
  name: string;
  /** The resource-based policy (a role's trust policy); null when it has none. */
  policy: NamedPolicy | null;
  resourceKind: ModelResourceKind;
  /** Why the resource's policy is unknown (not collected, not parseable); empty when known. */
  unknown: string[];
  /** Lambda functions and EC2 instances: the role their code runs with (whoever controls the code gets it). */
  runsAs: string | null;
}

export interface AccountModel {
  principals: ModelPrincipal[];
  groups: ModelGroup[];
  resources: ModelResource[];
  /** A region the account uses, for the ARNs of resources an attacker would create (functions, instances). */
  homeRegion: string;
}

/** The IAM kinds and resources the model is built from: what an inventory or a check's `ctx.related` gives. */
export interface ModelSources {
  users: readonly Resource<'iam.user'>[];
  roles: readonly Resource<'iam.role'>[];
  groups: readonly Resource<'iam.group'>[];
  managedPolicies: readonly Resource<'iam.managed-policy'>[];
  /** Resources with resource-based policies, Lambda functions and EC2 instances. */
  others: readonly Resource[];
}

/** Kinds whose resource policy the model reads, with the attribute holding it. */
const RESOURCE_POLICY_KINDS = {
  's3.bucket': 'policy',
  'kms.key': 'policy',
  'sqs.queue': 'policy',
  'sns.topic': 'policy',
  'lambda.function': 'policy',
  'secretsmanager.secret': 'policy',
  'ecr.repository': 'policy',
} as const satisfies Partial<Record<KindName, string>>;

export const MODEL_KINDS: readonly KindName[] = [
  'iam.user',
  'iam.role',
  'iam.group',
  'iam.managed-policy',
  ...(Object.keys(RESOURCE_POLICY_KINDS) as KindName[]),
  'ec2.instance',
];

/** The request principal for a modelled principal: a role acts through a session of itself. */
export function requestPrincipalOf(principal: ModelPrincipal): RequestPrincipal {
  return principal.type === 'user'
    ? { type: 'user', arn: principal.arn, account: principal.account }
    : {
        type: 'assumed-role',
        arn: `arn:aws:sts::${principal.account}:assumed-role/${principal.name}/onus-analysis`,
        account: principal.account,
        roleArn: principal.arn,
      };
}

/** Every policy that bears on `principal` acting on `resource` (null: no resource policy applies). */
export function policiesFor(principal: ModelPrincipal, resource: ModelResource | null): PolicySet {
  return {
    ...principal.policies,
    resource: resource?.policy ?? null,
    resourceKind: resource?.resourceKind ?? 'other',
  };
}

export function buildAccountModel(inventory: Inventory): AccountModel {
  const all = inventory.accounts.flatMap((account) => account.regions.flatMap((region) => region.resources));
  const ofKind = <K extends KindName>(kind: K) =>
    all.filter((resource): resource is Resource<K> => resource.kind === kind);
  return buildModel({
    users: ofKind('iam.user'),
    roles: ofKind('iam.role'),
    groups: ofKind('iam.group'),
    managedPolicies: ofKind('iam.managed-policy'),
    others: all.filter(
      (resource) => resource.kind in RESOURCE_POLICY_KINDS || resource.kind === 'ec2.instance',
    ),
  });
}

/** Parses one document into a named policy, or records why it cannot be used. */
function named(name: string, document: unknown, unknown: string[]): NamedPolicy | null {
  const parsed = parsePolicy(document, name);
  if (parsed.ok) return { name, document: parsed.policy };
  unknown.push(`${name} does not parse: ${parsed.error}`);
  return null;
}

function missing(resource: Resource, field: string, what: string, unknown: string[]): boolean {
  if ((resource.attributes as Record<string, unknown>)[field] !== undefined) return false;
  unknown.push(`${what} of ${resource.id} could not be read`);
  return true;
}

function inlinePolicies(
  resource: Resource<'iam.user' | 'iam.role' | 'iam.group'>,
  label: string,
  unknown: string[],
): NamedPolicy[] {
  if (missing(resource, 'inlinePolicies', 'the inline policies', unknown)) return [];
  const inline = (resource.attributes as { inlinePolicies: AttributesOf<'iam.user'>['inlinePolicies'] })
    .inlinePolicies;
  return inline
    .map((policy) => named(`inline ${policy.name} on ${label}`, policy.document, unknown))
    .filter((policy): policy is NamedPolicy => policy !== null);
}

export function buildModel(sources: ModelSources): AccountModel {
  const managed = new Map<
    string,
    { policy: NamedPolicy | null; awsManaged: boolean; problem: string | null }
  >();
  for (const resource of sources.managedPolicies) {
    const arn = resource.attributes.arn ?? resource.arn ?? resource.id;
    const problems: string[] = [];
    const policy = missing(resource, 'defaultVersionDocument', 'the default version', problems)
      ? null
      : named(arn, resource.attributes.defaultVersionDocument, problems);
    managed.set(arn, {
      policy,
      awsManaged: resource.attributes.awsManaged ?? arn.startsWith('arn:aws:iam::aws:'),
      problem: problems[0] ?? null,
    });
  }

  /** Attached managed policies, by ARN; one not in the inventory leaves the holder partly known. */
  const attached = (
    resource: Resource<'iam.user' | 'iam.role' | 'iam.group'>,
    unknown: string[],
    customer: string[],
  ): NamedPolicy[] => {
    if (missing(resource, 'attachedManagedPolicies', 'the attached policies', unknown)) return [];
    const arns = (resource.attributes as { attachedManagedPolicies: string[] }).attachedManagedPolicies;
    const found: NamedPolicy[] = [];
    for (const arn of arns) {
      const entry = managed.get(arn);
      if (!entry) unknown.push(`managed policy ${arn} is not in the inventory`);
      else if (entry.policy === null) unknown.push(entry.problem ?? `managed policy ${arn} is unknown`);
      else found.push(entry.policy);
      if (entry ? !entry.awsManaged : !arn.startsWith('arn:aws:iam::aws:')) customer.push(arn);
    }
    return found;
  };

  const groups: (ModelGroup & { customerPolicies: string[] })[] = sources.groups.map((resource) => {
    const unknown: string[] = [];
    const customerPolicies: string[] = [];
    const name = resource.attributes.name ?? resource.id;
    const label = `group/${name}`;
    return {
      arn: resource.arn ?? `arn:aws:iam::${resource.account}:group/${name}`,
      name,
      account: resource.account,
      policies: [
        ...inlinePolicies(resource, label, unknown),
        ...attached(resource, unknown, customerPolicies),
      ],
      unknown,
      customerPolicies,
    };
  });
  const groupByName = new Map(groups.map((group) => [`${group.account}/${group.name}`, group]));

  const boundaryOf = (arn: string | null | undefined, unknown: string[]): NamedPolicy | null => {
    if (arn === undefined) {
      unknown.push('the permissions boundary could not be read');
      return null;
    }
    if (arn === null) return null;
    const entry = managed.get(arn);
    if (!entry?.policy) {
      unknown.push(`permissions boundary ${arn} is not in the inventory`);
      return null;
    }
    return entry.policy;
  };

  const users: ModelPrincipal[] = sources.users.map((resource) => {
    const unknown: string[] = [];
    const customerPolicies: string[] = [];
    const { name = resource.id, groups: groupNames, accessKeys, passwordEnabled } = resource.attributes;
    const label = `user/${name}`;
    const identity = [
      ...inlinePolicies(resource, label, unknown),
      ...attached(resource, unknown, customerPolicies),
    ];
    const memberOf: string[] = [];
    if (groupNames === undefined) unknown.push(`the groups of ${name} could not be read`);
    for (const groupName of groupNames ?? []) {
      const group = groupByName.get(`${resource.account}/${groupName}`);
      if (!group) {
        unknown.push(`group ${groupName} is not in the inventory`);
        continue;
      }
      memberOf.push(group.arn);
      identity.push(...group.policies);
      unknown.push(...group.unknown);
      customerPolicies.push(...group.customerPolicies);
    }
    return {
      arn: resource.arn ?? `arn:aws:iam::${resource.account}:user/${name}`,
      account: resource.account,
      type: 'user',
      name,
      policies: { identity, boundary: null, session: [], scps: [], rcps: [] },
      unknown,
      groups: memberOf,
      customerPolicies: [...new Set(customerPolicies)],
      isServiceLinked: false,
      longLivedCredentials:
        passwordEnabled === true || (accessKeys ?? []).some((key) => key.status === 'Active'),
    };
  });

  const roleResources: ModelResource[] = [];
  const roles: ModelPrincipal[] = sources.roles.map((resource) => {
    const unknown: string[] = [];
    const customerPolicies: string[] = [];
    const name = resource.attributes.name ?? resource.id;
    const arn = resource.attributes.arn ?? resource.arn ?? `arn:aws:iam::${resource.account}:role/${name}`;
    const label = `role/${name}`;
    const identity = [
      ...inlinePolicies(resource, label, unknown),
      ...attached(resource, unknown, customerPolicies),
    ];
    const trustUnknown: string[] = [];
    const trust =
      resource.attributes.trustPolicy === undefined
        ? (trustUnknown.push(`the trust policy of ${name} could not be read`), null)
        : named(`trust policy of ${label}`, resource.attributes.trustPolicy, trustUnknown);
    roleResources.push({
      arn,
      account: resource.account,
      kind: 'iam.role',
      name,
      policy: trust,
      resourceKind: 'iam-role-trust',
      unknown: trustUnknown,
      runsAs: null,
    });
    return {
      arn,
      account: resource.account,
      type: 'role',
      name,
      policies: {
        identity,
        boundary: boundaryOf(resource.attributes.permissionsBoundary, unknown),
        session: [],
        scps: [],
        rcps: [],
      },
      unknown,
      groups: [],
      customerPolicies: [...new Set(customerPolicies)],
      isServiceLinked: resource.attributes.isServiceLinked ?? false,
      longLivedCredentials: false,
    };
  });

  const others = sources.others.map((resource) => otherResource(resource));
  const regions = sources.others.map((resource) => resource.region).filter((region) => region !== 'global');
  return {
    principals: [...users, ...roles],
    groups: groups.map(({ customerPolicies: _customer, ...group }) => group),
    resources: [...roleResources, ...others],
    homeRegion: regions.sort()[0] ?? 'us-east-1',
  };
}

/** The ARN of a resource of another kind, from its attributes when the snapshot gives no `arn`. */
function arnOf(resource: Resource): string {
  if (resource.arn) return resource.arn;
  const attributes = resource.attributes as Record<string, unknown>;
  if (typeof attributes.arn === 'string') return attributes.arn;
  if (resource.kind === 's3.bucket') return `arn:aws:s3:::${resource.id}`;
  return `arn:aws:${resource.kind.split('.')[0] ?? 'unknown'}:${resource.region}:${resource.account}:${resource.id}`;
}

function otherResource(resource: Resource): ModelResource {
  const attributes = resource.attributes as Record<string, unknown>;
  const unknown: string[] = [];
  const arn = arnOf(resource);
  const name = typeof attributes.name === 'string' ? attributes.name : resource.id;
  let policy: NamedPolicy | null = null;
  let runsAs: string | null = null;
  if (resource.kind in RESOURCE_POLICY_KINDS) {
    if (attributes.policy === undefined) unknown.push(`the resource policy of ${name} could not be read`);
    else if (attributes.policy !== null)
      policy = named(`resource policy of ${name}`, attributes.policy, unknown);
  }
  if (resource.kind === 'lambda.function' && typeof attributes.role === 'string') runsAs = attributes.role;
  if (resource.kind === 'ec2.instance' && typeof attributes.iamInstanceProfileArn === 'string') {
    // An instance profile made by the console or most tools is named after its role; IAM's instance profiles
    // are not collected, so the role is read from the profile's name.
    const profile = attributes.iamInstanceProfileArn.split('/').pop() ?? '';
    runsAs = `arn:aws:iam::${resource.account}:role/${profile}`;
  }
  return {
    arn,
    account: resource.account,
    kind: resource.kind,
    name,
    policy,
    resourceKind: resource.kind === 'kms.key' ? 'kms-key' : 'other',
    unknown,
    runsAs,
  };
}

/** The modelled resource an ARN names (an S3 object ARN names its bucket); undefined when not modelled. */
export function resourceByArn(model: AccountModel, arn: string): ModelResource | undefined {
  const exact = model.resources.find((resource) => resource.arn === arn);
  if (exact) return exact;
  if (arn.startsWith('arn:aws:s3:::')) {
    const bucket = `arn:aws:s3:::${arn.slice('arn:aws:s3:::'.length).split('/')[0] ?? ''}`;
    return model.resources.find((resource) => resource.arn === bucket);
  }
  return undefined;
}

export function principalByArn(model: AccountModel, arn: string): ModelPrincipal | undefined {
  return model.principals.find((principal) => principal.arn === arn);
}
