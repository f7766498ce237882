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
import { adminStatus, identityAllowsFor, type Decide } from './admins.js';
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

/**
 * The account-wide targets of one kind, worked out once per model and indexed, so each principal asks only the
 * few it may be granted instead of every administrator target (which made the search quadratic in account size).
 */
interface TargetList {
  targets: Target[];
  /** Target positions by ARN: the ones an identity policy naming literal ARNs can reach. */
  byArn: Map<string, number[]>;
  /** Targets whose own policy admits any caller (`*`, NotPrincipal): their policy alone may allow anyone. */
  openToAll: number[];
  /** Targets whose own policy names a caller (`AWS` or `CanonicalUser` entry), by that entry. */
  byCaller: Map<string, number[]>;
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
  /** The indexed target lists by target kind (and service, for passable roles), filled on first ask. */
  lists: Map<string, TargetList | null>;
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
    lists: new Map(),
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

/**
 * The callers a resource policy's Allow statements name: `any` when one admits everyone (`*`, NotPrincipal). A
 * resource policy grants on its own (without an identity Allow) only to a caller an entry names exactly: the
 * user, the role session or the role behind it (see grantWithinAccount and awsEntryNames in the engine).
 */
function callersNamed(resource: ModelResource | null): string[] | 'any' {
  const callers: string[] = [];
  for (const statement of resource?.policy?.document.statements ?? []) {
    if (statement.effect !== 'Allow') continue;
    const block = statement.principal;
    if (block === null || block === '*') return 'any';
    for (const entry of [...(block.AWS ?? []), ...(block.CanonicalUser ?? [])]) {
      if (entry === '*') return 'any';
      callers.push(entry);
    }
  }
  return callers;
}

function indexTargets(targets: Target[]): TargetList {
  const list: TargetList = { targets, byArn: new Map(), openToAll: [], byCaller: new Map() };
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const positions = map.get(key);
    if (!positions) map.set(key, [position]);
    else if (positions[positions.length - 1] !== position) positions.push(position);
  };
  targets.forEach((target, position) => {
    add(list.byArn, target.arn, position);
    if (target.resource === null) return;
    const callers = callersNamed(target.resource);
    if (callers === 'any') list.openToAll.push(position);
    else for (const caller of callers) add(list.byCaller, caller, position);
  });
  return list;
}

const unrestricted = (arn: string): Target => ({ arn, resource: null });

/** The targets of an account-wide kind (`passable-role` for the method's service), before indexing. */
function accountTargetsOf(
  on: EscalationPermission['on'],
  service: string | undefined,
  targets: AccountTargets,
): Target[] | null {
  switch (on) {
    case 'admin-users':
      return targets.adminUsers.map((user) => unrestricted(user.arn));
    case 'admin-groups':
      return targets.adminGroups.map((group) => unrestricted(group.arn));
    case 'admin-roles':
      return targets.adminRoles.map(({ role }) => unrestricted(role.arn));
    case 'admin-roles-trusted':
      return targets.adminRoles.map(({ role, trust }) => ({ arn: role.arn, resource: trust }));
    case 'passable-role':
      return service === undefined
        ? null
        : passableTo(targets, service).map((role) => unrestricted(role.arn));
    case 'admin-functions':
      return targets.adminFunctions.map((resource) => ({ arn: resource.arn, resource }));
    case 'admin-instances':
      return targets.adminInstances.map((resource) => unrestricted(resource.arn));
    default:
      return null;
  }
}

/** The indexed account-wide target list a permission goes through; null for targets of the principal's own. */
function accountList(
  permission: EscalationPermission,
  method: EscalationMethod,
  targets: AccountTargets,
): TargetList | null {
  const key = permission.on === 'passable-role' ? `passable-role ${method.service ?? ''}` : permission.on;
  let list = targets.lists.get(key);
  if (list === undefined) {
    const found = accountTargetsOf(permission.on, method.service, targets);
    list = found === null ? null : indexTargets(found);
    targets.lists.set(key, list);
  }
  return list;
}

/** Whether a target of the account-wide list is excluded for the principal (itself, a group it is in). */
function excluded(permission: EscalationPermission, principal: ModelPrincipal, target: Target): boolean {
  switch (permission.on) {
    case 'admin-users':
    case 'admin-roles':
    case 'admin-roles-trusted':
    case 'passable-role':
      return target.arn === principal.arn;
    case 'admin-groups':
      return principal.groups.includes(target.arn);
    default:
      return false;
  }
}

/**
 * The targets of an account-wide list the principal may be granted, in list order. Identity policies can grant
 * only the ARNs they name (`named`, when literal; none when `mayAllow` is false); a target's own policy can
 * grant on its own only to a caller it names or to everyone. Every other target would be refused at its first
 * permission, so leaving it out changes no result.
 */
function reachable(
  list: TargetList,
  principal: ModelPrincipal,
  mayAllow: boolean,
  named: ReadonlySet<string> | 'any',
): readonly Target[] {
  if (mayAllow && named === 'any') return list.targets;
  const found: (readonly number[] | undefined)[] = [
    list.openToAll,
    list.byCaller.get(principal.arn),
    list.byCaller.get(requestPrincipalOf(principal).arn),
  ];
  if (mayAllow && named !== 'any') for (const arn of named) found.push(list.byArn.get(arn));
  const positions = new Set<number>();
  for (const some of found) for (const position of some ?? []) positions.add(position);
  if (positions.size === 0) return [];
  return [...positions].sort((a, b) => a - b).map((position) => list.targets[position] as Target);
}

/** The principal's own targets of a permission (itself, its groups and policies, a resource it creates). */
function ownTargets(
  permission: EscalationPermission,
  principal: ModelPrincipal,
  model: AccountModel,
): Target[] {
  switch (permission.on) {
    case 'self':
      return [{ arn: principal.arn, resource: null }];
    case 'own-groups':
      return principal.groups.map((arn) => ({ arn, resource: null }));
    case 'own-policies':
      return principal.customerPolicies.map((arn) => ({ arn, resource: null }));
    case 'new':
      return [{ arn: fill(permission.arn ?? '*', principal, model), resource: null }];
    default:
      return [];
  }
}

/** The targets worth asking about for `permission`, in the order the search tries them. */
function targetsFor(
  permission: EscalationPermission,
  method: EscalationMethod,
  principal: ModelPrincipal,
  model: AccountModel,
  decide: Decide,
  mayAllow: boolean,
  named: ReadonlySet<string> | 'any',
): readonly Target[] {
  const list = accountList(permission, method, accountTargets(model, decide));
  // The principal's own targets have no resource policy: only identity policies can grant them.
  if (!list) return mayAllow ? ownTargets(permission, principal, model) : [];
  const reached = reachable(list, principal, mayAllow, named);
  return reached.length === 0
    ? reached
    : reached.filter((target) => !excluded(permission, principal, target));
}

/** What the principal's identity policies can grant for one action, resources and conditions aside. */
interface IdentityReach {
  /**
   * Whether any identity Allow of the principal names the action at all. When none does, no target needs
   * asking, unless the target's own policy may grant it (a trust policy naming the principal).
   */
  mayAllow: boolean;
  /**
   * The resources those Allow statements name, when all are literal ARNs; `any` when one has a wildcard, a
   * variable or NotResource. Only these targets can be granted by identity policies, so a principal allowed
   * iam:PassRole on one role is not asked about every administrator role.
   */
  named: ReadonlySet<string> | 'any';
}

const reachCache = new WeakMap<ModelPrincipal, Map<string, IdentityReach>>();

/**
 * Whether, and on which resources, the principal's identity policies may allow the action: the shortcuts that
 * keep the analysis linear when both principals and administrator targets grow.
 */
function identityReach(principal: ModelPrincipal, action: string): IdentityReach {
  let known = reachCache.get(principal);
  if (!known) reachCache.set(principal, (known = new Map<string, IdentityReach>()));
  const cached = known.get(action);
  if (cached !== undefined) return cached;
  const request: AccessRequest = {
    principal: requestPrincipalOf(principal),
    action,
    resource: { arn: '*', account: principal.account },
    context: {},
  };
  let mayAllow = false;
  let named: Set<string> | 'any' = new Set<string>();
  for (const statement of identityAllowsFor(principal, action)) {
    const forAction = { ...statement, resource: ['*'], notResource: null, conditions: [] };
    if (!statementMatches(forAction, request, { checkPrincipal: false })) continue;
    mayAllow = true;
    const literal = statement.resource?.every((arn) => !/[*?]|\$\{/.test(arn)) ?? false;
    if (!literal || !statement.resource) {
      named = 'any';
      break;
    }
    for (const arn of statement.resource) named.add(arn);
  }
  const reach: IdentityReach = { mayAllow, named };
  known.set(action, reach);
  return reach;
}

/** A method's permissions grouped by target, in the order the search tries them, and each action's rank. */
interface MethodPlan {
  groups: EscalationPermission[][];
  rank: Map<string, number>;
}

const plans = new WeakMap<EscalationMethod, MethodPlan>();

function planOf(method: EscalationMethod): MethodPlan {
  const cached = plans.get(method);
  if (cached) return cached;
  // Permissions on the same kind of target must hold on one target (rewrite and assume the same role);
  // each permission on a new resource stands alone.
  const groups = new Map<string, EscalationPermission[]>();
  method.permissions.forEach((permission, index) => {
    const key = permission.on === 'new' ? `new#${index}` : permission.on;
    groups.set(key, [...(groups.get(key) ?? []), permission]);
  });
  // Single-target groups first: a denied ec2:RunInstances spares asking iam:PassRole on every administrator role.
  const ordered = [...groups.entries()]
    .sort(
      ([a], [b]) =>
        Number(!a.startsWith('new') && a !== 'self') - Number(!b.startsWith('new') && b !== 'self'),
    )
    .map(([, permissions]) => permissions);
  const rank = new Map<string, number>();
  method.permissions.forEach((permission, index) => {
    if (!rank.has(permission.action)) rank.set(permission.action, index);
  });
  const plan: MethodPlan = { groups: ordered, rank };
  plans.set(method, plan);
  return plan;
}

/** The steps that make `method` work for `principal`, or null when some permission is missing. */
function pathFor(
  method: EscalationMethod,
  principal: ModelPrincipal,
  model: AccountModel,
  decide: Decide,
): EscalationStep[] | null {
  const plan = planOf(method);
  const steps: EscalationStep[] = [];
  for (const permissions of plan.groups) {
    const first = permissions[0] as EscalationPermission;
    let found: EscalationStep[] | null = null;
    let mayAllow = true;
    for (const permission of permissions) {
      if (!identityReach(principal, permission.action).mayAllow) {
        mayAllow = false;
        break;
      }
    }
    const named = identityReach(principal, first.action).named;
    for (const target of targetsFor(first, method, principal, model, decide, mayAllow, named)) {
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
  return steps.sort((a, b) => (plan.rank.get(a.action) ?? -1) - (plan.rank.get(b.action) ?? -1));
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
