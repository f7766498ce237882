import { authorize } from '../engine/evaluate.js';
import { statementMatches } from '../engine/match.js';
import type { AccessRequest, DecidingStatement } from '../engine/types.js';
import {
  policiesFor,
  requestPrincipalOf,
  type AccountModel,
  type ModelGroup,
  type ModelPrincipal,
  type ModelResource,
} from '../model.js';
import { adminStatus, type Decide } from './admins.js';
import {
  ESCALATION_METHODS,
  type EscalationMethod,
  type EscalationPermission,
} from './escalation-methods.js';

/** One permission of a path: the action, the ARN it was allowed on, and the statements that allowed it. */
export interface EscalationStep {
  action: string;
  resource: string;
  granting: DecidingStatement[];
}

export interface EscalationPath {
  principal: ModelPrincipal;
  method: EscalationMethod;
  steps: EscalationStep[];
}

export type EscalationStatus =
  | { status: 'admin' }
  | { status: 'unknown'; reasons: string[] }
  | { status: 'paths'; paths: EscalationPath[] }
  | { status: 'none'; methods: number };

export interface EscalationReport {
  paths: EscalationPath[];
  /** Principals whose policies are only partly known: whether they can escalate is not known. */
  unknown: { principal: ModelPrincipal; reasons: string[] }[];
}

/** A resource a permission may be used on, and the resource policy that bears on it (usually none). */
interface Target {
  arn: string;
  resource: ModelResource | null;
}

function lastSegment(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

/** A group as a principal, to ask whether its policies alone make a member administrator. */
function groupAsPrincipal(group: ModelGroup): ModelPrincipal {
  return {
    arn: `arn:aws:iam::${group.account}:user/onus-probe-member-of-${group.name}`,
    account: group.account,
    type: 'user',
    name: `member of ${group.name}`,
    policies: { identity: group.policies, boundary: null, session: [], scps: [], rcps: [] },
    unknown: group.unknown,
    groups: [group.arn],
    customerPolicies: [],
    isServiceLinked: false,
    longLivedCredentials: false,
  };
}

const groupProbes = new WeakMap<ModelGroup, ModelPrincipal>();

function isAdmin(principal: ModelPrincipal, decide: Decide): boolean {
  return adminStatus(principal, decide).status === 'admin';
}

/** Whether a role's trust policy lets `service` assume it: an Allow matches and no Deny does. */
export function trustsService(role: ModelResource, service: string): boolean {
  if (!role.policy) return false;
  const request: AccessRequest = {
    principal: { type: 'service', arn: service, account: null },
    action: 'sts:AssumeRole',
    resource: { arn: role.arn, account: role.account },
    context: {},
  };
  const matching = role.policy.document.statements.filter((statement) =>
    statementMatches(statement, request, { checkPrincipal: true }),
  );
  return (
    matching.some((statement) => statement.effect === 'Allow') && !matching.some((s) => s.effect === 'Deny')
  );
}

function fill(pattern: string, principal: ModelPrincipal, model: AccountModel): string {
  return pattern.replaceAll('{account}', principal.account).replaceAll('{region}', model.homeRegion);
}

/** The account's privileged targets, worked out once per model: every principal's analysis reuses them. */
interface AccountTargets {
  adminUsers: ModelPrincipal[];
  adminRoles: { role: ModelPrincipal; trust: ModelResource | null }[];
  adminGroups: ModelGroup[];
  /** Administrator roles by the service principals their trust policy admits (filled on first ask). */
  passable: Map<string, ModelPrincipal[]>;
  adminFunctions: ModelResource[];
  adminInstances: ModelResource[];
}

const targetCache = new WeakMap<AccountModel, WeakMap<Decide, AccountTargets>>();

function accountTargets(model: AccountModel, decide: Decide): AccountTargets {
  let byDecide = targetCache.get(model);
  if (!byDecide) targetCache.set(model, (byDecide = new WeakMap()));
  const cached = byDecide.get(decide);
  if (cached) return cached;
  const trusts = new Map(
    model.resources
      .filter((resource) => resource.kind === 'iam.role')
      .map((resource) => [resource.arn, resource]),
  );
  const admins = model.principals.filter((principal) => isAdmin(principal, decide));
  const adminRoles = admins
    .filter((principal) => principal.type === 'role')
    .map((role) => ({ role, trust: trusts.get(role.arn) ?? null }));
  const roleArns = new Set(adminRoles.map(({ role }) => role.arn));
  const roleNames = new Set(adminRoles.map(({ role }) => role.name));
  // An instance profile names its role by name only (see model.ts), a function by ARN.
  const runsAsAdmin = (resource: ModelResource) =>
    resource.runsAs !== null &&
    (roleArns.has(resource.runsAs) || roleNames.has(lastSegment(resource.runsAs)));
  const targets: AccountTargets = {
    adminUsers: admins.filter((principal) => principal.type === 'user'),
    adminRoles,
    adminGroups: model.groups.filter((group) => {
      let probe = groupProbes.get(group);
      if (!probe) groupProbes.set(group, (probe = groupAsPrincipal(group)));
      return isAdmin(probe, decide);
    }),
    passable: new Map(),
    adminFunctions: model.resources.filter(
      (resource) => resource.kind === 'lambda.function' && runsAsAdmin(resource),
    ),
    adminInstances: model.resources.filter(
      (resource) => resource.kind === 'ec2.instance' && runsAsAdmin(resource),
    ),
  };
  byDecide.set(decide, targets);
  return targets;
}

function passableTo(targets: AccountTargets, service: string): ModelPrincipal[] {
  let roles = targets.passable.get(service);
  if (!roles) {
    roles = targets.adminRoles
      .filter(({ trust }) => trust !== null && trustsService(trust, service))
      .map(({ role }) => role);
    targets.passable.set(service, roles);
  }
  return roles;
}

function targetsFor(
  permission: EscalationPermission,
  method: EscalationMethod,
  principal: ModelPrincipal,
  model: AccountModel,
  decide: Decide,
): Target[] {
  const targets = accountTargets(model, decide);
  const others = <T extends { arn: string }>(items: readonly T[]) =>
    items.filter((item) => item.arn !== principal.arn);
  switch (permission.on) {
    case 'self':
      return [{ arn: principal.arn, resource: null }];
    case 'own-groups':
      return principal.groups.map((arn) => ({ arn, resource: null }));
    case 'own-policies':
      return principal.customerPolicies.map((arn) => ({ arn, resource: null }));
    case 'admin-users':
      return others(targets.adminUsers).map((user) => ({ arn: user.arn, resource: null }));
    case 'admin-groups':
      return targets.adminGroups
        .filter((group) => !principal.groups.includes(group.arn))
        .map((group) => ({ arn: group.arn, resource: null }));
    case 'admin-roles':
      return others(targets.adminRoles.map(({ role }) => role)).map((role) => ({
        arn: role.arn,
        resource: null,
      }));
    case 'admin-roles-trusted':
      return targets.adminRoles
        .filter(({ role }) => role.arn !== principal.arn)
        .map(({ role, trust }) => ({ arn: role.arn, resource: trust }));
    case 'passable-role':
      return method.service === undefined
        ? []
        : others(passableTo(targets, method.service)).map((role) => ({ arn: role.arn, resource: null }));
    case 'admin-functions':
      return targets.adminFunctions.map((resource) => ({ arn: resource.arn, resource }));
    case 'admin-instances':
      return targets.adminInstances.map((resource) => ({ arn: resource.arn, resource: null }));
    case 'new':
      return [{ arn: fill(permission.arn ?? '*', principal, model), resource: null }];
  }
}

const actionCache = new WeakMap<ModelPrincipal, Map<string, boolean>>();

/**
 * Whether any identity Allow of the principal names the action at all (resource and conditions aside). When
 * none does, no target needs asking, unless the target's own policy may grant it (a trust policy naming the
 * principal): the shortcut that keeps the analysis linear in the number of administrator targets.
 */
function identityMayAllow(principal: ModelPrincipal, action: string): boolean {
  let known = actionCache.get(principal);
  if (!known) actionCache.set(principal, (known = new Map<string, boolean>()));
  const cached = known.get(action);
  if (cached !== undefined) return cached;
  const request: AccessRequest = {
    principal: requestPrincipalOf(principal),
    action,
    resource: { arn: '*', account: principal.account },
    context: {},
  };
  const result = principal.policies.identity.some((policy) =>
    policy.document.statements.some(
      (statement) =>
        statement.effect === 'Allow' &&
        statementMatches({ ...statement, resource: ['*'], notResource: null, conditions: [] }, request, {
          checkPrincipal: false,
        }),
    ),
  );
  known.set(action, result);
  return result;
}

const resourceCache = new WeakMap<ModelPrincipal, Map<string, ReadonlySet<string> | 'any'>>();

/**
 * The resources the principal's identity Allow statements for the action name, when all are literal ARNs;
 * `any` when one has a wildcard, a variable or NotResource. Only these targets can be granted by identity
 * policies, so a principal allowed iam:PassRole on one role is not asked about every administrator role: the
 * shortcut that keeps the analysis linear when both principals and administrator targets grow.
 */
function identityResources(principal: ModelPrincipal, action: string): ReadonlySet<string> | 'any' {
  let known = resourceCache.get(principal);
  if (!known) resourceCache.set(principal, (known = new Map<string, ReadonlySet<string> | 'any'>()));
  const cached = known.get(action);
  if (cached !== undefined) return cached;
  const request: AccessRequest = {
    principal: requestPrincipalOf(principal),
    action,
    resource: { arn: '*', account: principal.account },
    context: {},
  };
  let result: Set<string> | 'any' = new Set<string>();
  for (const policy of principal.policies.identity) {
    for (const statement of policy.document.statements) {
      if (statement.effect !== 'Allow' || result === 'any') continue;
      const forAction = { ...statement, resource: ['*'], notResource: null, conditions: [] };
      if (!statementMatches(forAction, request, { checkPrincipal: false })) continue;
      const literal = statement.resource?.every((arn) => !/[*?]|\$\{/.test(arn)) ?? false;
      if (!literal || !statement.resource) result = 'any';
      else for (const arn of statement.resource) result.add(arn);
    }
  }
  known.set(action, result);
  return result;
}

/** The steps that make `method` work for `principal`, or null when some permission is missing. */
function pathFor(
  method: EscalationMethod,
  principal: ModelPrincipal,
  model: AccountModel,
  decide: Decide,
): EscalationStep[] | null {
  // Permissions on the same kind of target must hold on one target (rewrite and assume the same role);
  // each permission on a new resource stands alone.
  const groups = new Map<string, EscalationPermission[]>();
  method.permissions.forEach((permission, index) => {
    const key = permission.on === 'new' ? `new#${index}` : permission.on;
    groups.set(key, [...(groups.get(key) ?? []), permission]);
  });
  const steps: EscalationStep[] = [];
  // Single-target groups first: a denied ec2:RunInstances spares asking iam:PassRole on every administrator role.
  const ordered = [...groups.entries()]
    .sort(
      ([a], [b]) =>
        Number(!a.startsWith('new') && a !== 'self') - Number(!b.startsWith('new') && b !== 'self'),
    )
    .map(([, permissions]) => permissions);
  for (const permissions of ordered) {
    const first = permissions[0] as EscalationPermission;
    let found: EscalationStep[] | null = null;
    const mayAllow = permissions.every((permission) => identityMayAllow(principal, permission.action));
    const named = identityResources(principal, first.action);
    for (const target of targetsFor(first, method, principal, model, decide)) {
      if (!mayAllow && target.resource === null) continue;
      // Without a resource policy of its own, a target the identity policies do not name cannot be granted.
      if (named !== 'any' && target.resource === null && !named.has(target.arn)) continue;
      const candidate: EscalationStep[] = [];
      for (const permission of permissions) {
        const decision = decide(
          {
            principal: requestPrincipalOf(principal),
            action: permission.action,
            resource: { arn: target.arn, account: principal.account },
            // iam:PassRole is usually conditioned on the service the role goes to: ask for the method's service.
            context:
              permission.action === 'iam:PassRole' && method.service
                ? { 'iam:passedtoservice': method.service }
                : {},
          },
          policiesFor(principal, target.resource),
        );
        if (decision.decision !== 'allow') break;
        candidate.push({ action: permission.action, resource: target.arn, granting: [...decision.deciding] });
      }
      if (candidate.length === permissions.length) {
        found = candidate;
        break;
      }
    }
    if (!found) return null;
    steps.push(...found);
  }
  const order = method.permissions.map((permission) => permission.action);
  return steps.sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action));
}

/** Whether one principal can make itself administrator, and how. Admins need no path; partial views are unknown. */
export function escalationsFor(
  model: AccountModel,
  principal: ModelPrincipal,
  decide: Decide = authorize,
): EscalationStatus {
  const status = adminStatus(principal, decide);
  if (status.status === 'admin') return { status: 'admin' };
  if (status.status === 'unknown') return { status: 'unknown', reasons: status.reasons };
  const methods = ESCALATION_METHODS.filter(
    (method) => method.principals === 'any' || method.principals === principal.type,
  );
  const paths: EscalationPath[] = [];
  for (const method of methods) {
    const steps = pathFor(method, principal, model, decide);
    if (steps) paths.push({ principal, method, steps });
  }
  return paths.length > 0 ? { status: 'paths', paths } : { status: 'none', methods: methods.length };
}

/** Every privilege-escalation path of the model's users and roles (service-linked roles are AWS's, not the customer's). */
export function escalationPaths(model: AccountModel, decide: Decide = authorize): EscalationReport {
  const report: EscalationReport = { paths: [], unknown: [] };
  for (const principal of model.principals) {
    if (principal.isServiceLinked) continue;
    const status = escalationsFor(model, principal, decide);
    if (status.status === 'paths') report.paths.push(...status.paths);
    if (status.status === 'unknown') report.unknown.push({ principal, reasons: status.reasons });
  }
  return report;
}
