/**
 * The decision: combines every policy that bears on a request the way the IAM User Guide's "Policy evaluation
 * logic" describes it. `match.ts` says whether one statement applies; this file says what the statements that
 * apply add up to: an explicit deny anywhere wins, then every SCP and RCP level must allow, then the identity
 * side (identity ∩ boundary ∩ session) and the resource side (the resource-based policy) combine by the
 * same-account, cross-account, KMS key-policy and role-trust rules.
 */
import { statementMatches, type MatchOptions } from './match.js';
import type {
  AccessRequest,
  Authorization,
  ContextValue,
  DecidingStatement,
  NamedPolicy,
  PolicySet,
  PolicyStatement,
  PrincipalBlock,
  RequestContext,
  RequestPrincipal,
} from './types.js';

type PolicyType = DecidingStatement['type'];

/**
 * How a resource-policy Allow reaches the caller, which decides what else must allow:
 * - `principal`: it names the caller itself (user ARN, role-session ARN, federated-user ARN, service, `*`);
 * - `underlying`: it names the role (or IAM user) behind a session, so the boundary and session policies still
 *   limit it;
 * - `account`: it names only the caller's account, which delegates the decision to the account's identity
 *   policies.
 */
type Grantee = 'principal' | 'underlying' | 'account';

interface ResourceAllow {
  statement: DecidingStatement;
  grantee: Grantee;
}

/**
 * Callers outside any account's IAM: they have no identity-based policies, boundaries or session policies, and
 * SCPs (which govern only the users and roles of member accounts) do not apply; only a resource-based policy,
 * within the RCPs of the resource's account, can let them in.
 */
const WITHOUT_IDENTITY = new Set<RequestPrincipal['type']>(['service', 'anonymous', 'web-identity', 'saml']);

const TYPE_LABEL: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

/**
 * The STS actions a role's trust policy governs. Every other action on a role (iam:PassRole, iam:GetRole,
 * iam:PutRolePolicy) is decided by identity-based policies alone: the trust policy is not a resource policy for it.
 */
const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]);

/** Decides one request the way AWS would, naming the statements that decided it. */
export function authorize(request: AccessRequest, given: PolicySet): Authorization {
  const full = withDerivedContext(request);
  const trustApplies =
    given.resourceKind !== 'iam-role-trust' || TRUST_ACTIONS.has(request.action.toLowerCase());
  const scoped: PolicySet = trustApplies ? given : { ...given, resource: null, resourceKind: 'other' };
  const policies = WITHOUT_IDENTITY.has(request.principal.type)
    ? { ...scoped, identity: [], boundary: null, session: [], scps: [] }
    : scoped;
  const { principal, action } = full;
  const target = full.resource.arn;

  const denies = explicitDenies(full, policies);
  if (denies.length > 0) {
    const more = denies.length > 1 ? ` (and ${denies.length - 1} more deny statement(s))` : '';
    return {
      decision: 'explicit-deny',
      reason: `${action} on ${target} is explicitly denied by ${describeFirst(denies)}${more}.`,
      deciding: denies,
    };
  }

  const rcpAllows = everyLevelAllows(policies.rcps, 'rcp', full);
  if (!rcpAllows.ok) {
    return implicitDeny(
      `no resource control policy at level ${rcpAllows.failedLevel + 1} of ${policies.rcps.length} ` +
        `(${namesAt(policies.rcps, rcpAllows.failedLevel)}) allows ${action} on ${target}.`,
    );
  }
  const scpAllows = everyLevelAllows(policies.scps, 'scp', full);
  if (!scpAllows.ok) {
    return implicitDeny(
      `no service control policy at level ${scpAllows.failedLevel + 1} of ${policies.scps.length} ` +
        `(${namesAt(policies.scps, scpAllows.failedLevel)}) allows ${action} for ${principal.arn}.`,
    );
  }

  const grant = WITHOUT_IDENTITY.has(principal.type)
    ? grantToCallerWithoutIdentity(full, policies)
    : isSameAccount(full)
      ? grantWithinAccount(full, policies)
      : grantAcrossAccounts(full, policies);
  if ('denied' in grant) return implicitDeny(grant.denied);
  return {
    decision: 'allow',
    reason: `${action} on ${target} is allowed for ${principal.arn}: ${grant.how}.`,
    deciding: [...rcpAllows.statements, ...scpAllows.statements, ...grant.deciding],
  };
}

/** The allows that grant the request and how, or why nothing does. */
type Grant = { deciding: readonly DecidingStatement[]; how: string } | { denied: string };

/** Services, anonymous callers and web or SAML identities: only the resource-based policy can let them in. */
function grantToCallerWithoutIdentity(request: AccessRequest, policies: PolicySet): Grant {
  const { principal, action } = request;
  const [allow] = resourceSideAllows(request, policies.resource);
  if (allow) return { deciding: [allow.statement], how: `${describe(allow.statement)} allows it` };
  return {
    denied: policies.resource
      ? `${policies.resource.name} does not allow ${principal.arn} to perform ${action} on ${request.resource.arn}, and a ${principal.type} caller has no identity-based policies`
      : `${request.resource.arn} has no resource-based policy, and a ${principal.type} caller has no identity-based policies`,
  };
}

/**
 * Same account: an Allow in either the identity side or the resource-based policy is enough, except that KMS key
 * policies and role trust policies must allow in every case (naming the account delegates to identity policies).
 */
function grantWithinAccount(request: AccessRequest, policies: PolicySet): Grant {
  const { principal, action } = request;
  const identity = identitySide(request, policies);
  const resourceAllows = resourceSideAllows(request, policies.resource);
  const resourceGrant = resourceAllows.find((allow) => grantsOnItsOwn(allow.grantee, identity));
  if (resourceGrant)
    return { deciding: [resourceGrant.statement], how: `${describe(resourceGrant.statement)} allows it` };

  const resourceRequired = policies.resourceKind === 'kms-key' || policies.resourceKind === 'iam-role-trust';
  if (!resourceRequired) {
    if (identity.grants)
      return { deciding: identity.statements, how: `${describeFirst(identity.statements)} allows it` };
    return { denied: identityGap(request, policies, identity) };
  }

  const owner = policies.resourceKind === 'kms-key' ? 'the key policy' : 'the trust policy';
  const resourceStatements = resourceAllows.map((allow) => allow.statement);
  if (resourceAllows.length > 0 && identity.grants) {
    return {
      deciding: [...resourceStatements, ...identity.statements],
      how: `${owner} allows the account (${describeFirst(resourceStatements)}) and ${describeFirst(identity.statements)} allows it`,
    };
  }
  if (resourceAllows.length > 0) {
    const delegates = resourceAllows.every((allow) => allow.grantee === 'account');
    const what = delegates
      ? `delegates to account ${principal.account}`
      : 'names the role, so its permissions boundary and session policies limit it';
    return {
      denied: `${owner} ${what} (${describeFirst(resourceStatements)}), but ${identityGap(request, policies, identity)}`,
    };
  }
  return {
    denied:
      `${owner} of ${request.resource.arn} ${policies.resource ? `(${policies.resource.name}) neither allows ${principal.arn} nor delegates to account ${principal.account}` : 'is unknown'}, ` +
      `so identity-based policies cannot grant ${action}`,
  };
}

/** Cross-account: the caller's account (identity side) and the resource's account (resource side) must both allow. */
function grantAcrossAccounts(request: AccessRequest, policies: PolicySet): Grant {
  const { principal, action } = request;
  const identity = identitySide(request, policies);
  const resourceStatements = resourceSideAllows(request, policies.resource).map((allow) => allow.statement);
  if (identity.grants && resourceStatements.length > 0) {
    return {
      deciding: [...identity.statements, ...resourceStatements],
      how: `cross-account access allowed by both ${describeFirst(identity.statements)} and ${describeFirst(resourceStatements)}`,
    };
  }
  if (!identity.grants) return { denied: `cross-account: ${identityGap(request, policies, identity)}` };
  return {
    denied:
      `cross-account: ${policies.resource ? `${policies.resource.name} does not allow` : `${request.resource.arn} has no resource-based policy allowing`} ` +
      `${principal.arn} (account ${principal.account}) to perform ${action}, and the identity side alone is not enough`,
  };
}

function implicitDeny(reason: string): Authorization {
  return { decision: 'implicit-deny', reason: reason.endsWith('.') ? reason : `${reason}.`, deciding: [] };
}

/** Every Deny that applies to the request, from every policy type: one is enough to refuse it. */
function explicitDenies(request: AccessRequest, policies: PolicySet): DecidingStatement[] {
  const denies: DecidingStatement[] = [];
  const collect = (policy: NamedPolicy | null, type: PolicyType, checkPrincipal: boolean) => {
    if (!policy) return;
    for (const statement of policy.document.statements) {
      if (statement.effect !== 'Deny') continue;
      const options = { checkPrincipal, version: policy.document.version };
      if (
        statementMatches(statement, request, options) ||
        deniesEveryBoundedPrincipal(statement, type, request, policies, policy)
      ) {
        denies.push(deciding(policy, type, statement));
      }
    }
  };
  for (const policy of policies.identity) collect(policy, 'identity', false);
  collect(policies.resource, 'resource', true);
  collect(policies.boundary, 'boundary', false);
  for (const policy of policies.session) collect(policy, 'session', false);
  for (const level of policies.scps) for (const policy of level) collect(policy, 'scp', false);
  for (const level of policies.rcps) for (const policy of level) collect(policy, 'rcp', true);
  return denies;
}

/**
 * Documented quirk (IAM User Guide, "Permissions boundaries for IAM entities"): a resource-policy Deny with
 * NotPrincipal always denies a principal that has a permissions boundary, whatever NotPrincipal lists.
 */
function deniesEveryBoundedPrincipal(
  statement: PolicyStatement,
  type: PolicyType,
  request: AccessRequest,
  policies: PolicySet,
  policy: NamedPolicy,
): boolean {
  return (
    type === 'resource' &&
    statement.notPrincipal !== null &&
    policies.boundary !== null &&
    statementMatches(statement, request, { checkPrincipal: false, version: policy.document.version })
  );
}

type LevelResult = { ok: true; statements: DecidingStatement[] } | { ok: false; failedLevel: number };

/** SCPs and RCPs: each level, from the organization root down to the account, must have an Allow that applies. */
function everyLevelAllows(
  levels: PolicySet['scps'],
  type: 'scp' | 'rcp',
  request: AccessRequest,
): LevelResult {
  const statements: DecidingStatement[] = [];
  for (const [index, level] of levels.entries()) {
    const allows = level.flatMap((policy) => allowsIn(policy, type, request, type === 'rcp'));
    if (allows.length === 0) return { ok: false, failedLevel: index };
    statements.push(...allows);
  }
  return { ok: true, statements };
}

function namesAt(levels: PolicySet['scps'], index: number): string {
  const names = (levels[index] ?? []).map((policy) => policy.name);
  return names.length > 0 ? names.join(', ') : 'no policy attached';
}

interface IdentitySide {
  /** Identity policies allow, and the boundary and session policies (where present) allow too. */
  grants: boolean;
  /** The allows that make up the grant: identity, boundary and session statements. */
  statements: DecidingStatement[];
  allows: DecidingStatement[];
  /** True when there is no boundary or the boundary allows the request. */
  boundaryAllows: boolean;
  /** True when there are no session policies or one of them allows the request. */
  sessionAllows: boolean;
}

/** What the caller's own account grants it: identity-based policies, limited by the boundary and session policies. */
function identitySide(request: AccessRequest, policies: PolicySet): IdentitySide {
  const boundaryStatements = policies.boundary ? allowsIn(policies.boundary, 'boundary', request, false) : [];
  const sessionStatements = policies.session.flatMap((policy) => allowsIn(policy, 'session', request, false));
  // The root user is not governed by identity-based policies: it may do anything in its account unless denied.
  const allows =
    request.principal.type === 'root'
      ? [{ policy: 'root user', type: 'identity' as const, sid: null, path: '$', effect: 'Allow' as const }]
      : policies.identity.flatMap((policy) => allowsIn(policy, 'identity', request, false));
  const boundaryAllows = policies.boundary === null || boundaryStatements.length > 0;
  const sessionAllows = policies.session.length === 0 || sessionStatements.length > 0;
  return {
    grants: allows.length > 0 && boundaryAllows && sessionAllows,
    statements: [...allows, ...boundaryStatements, ...sessionStatements],
    allows,
    boundaryAllows,
    sessionAllows,
  };
}

function identityGap(request: AccessRequest, policies: PolicySet, identity: IdentitySide): string {
  const { action, principal } = request;
  if (identity.allows.length === 0) {
    return `no identity-based policy of ${principal.arn} allows ${action} on ${request.resource.arn}`;
  }
  if (!identity.boundaryAllows) {
    return `${describeFirst(identity.allows)} allows ${action}, but the permissions boundary ${policies.boundary?.name ?? ''} does not`;
  }
  return `${describeFirst(identity.allows)} allows ${action}, but no session policy (${policies.session.map((p) => p.name).join(', ')}) does`;
}

/** A resource-policy Allow grants without the identity side when it names the caller, or the role under limits. */
function grantsOnItsOwn(grantee: Grantee, identity: IdentitySide): boolean {
  if (grantee === 'principal') return true;
  if (grantee === 'underlying') return identity.boundaryAllows && identity.sessionAllows;
  return false;
}

/** The resource-policy Allow statements that apply, each with how it reaches the caller; the widest grant first. */
function resourceSideAllows(request: AccessRequest, policy: NamedPolicy | null): ResourceAllow[] {
  if (!policy) return [];
  const allows: ResourceAllow[] = [];
  for (const statement of policy.document.statements) {
    const options = { checkPrincipal: true, version: policy.document.version };
    if (statement.effect !== 'Allow' || !statementMatches(statement, request, options)) continue;
    allows.push({
      statement: deciding(policy, 'resource', statement),
      grantee: granteeOf(statement, request, options),
    });
  }
  const rank: Record<Grantee, number> = { principal: 0, underlying: 1, account: 2 };
  return allows.sort((a, b) => rank[a.grantee] - rank[b.grantee]);
}

/**
 * Re-matches the statement without the principal entries naming the caller's account and then its underlying
 * role, to learn whether it names the caller itself, the role behind it, or only its account.
 */
function granteeOf(statement: PolicyStatement, request: AccessRequest, options: MatchOptions): Grantee {
  const block = statement.principal;
  if (block === null || block === '*' || !block.AWS || block.AWS.length === 0) return 'principal';
  const { principal } = request;
  const rootSuffix = `:iam::${principal.account}:root`;
  const isAccount = (entry: string) =>
    principal.type !== 'root' &&
    principal.account !== null &&
    (entry === principal.account || (entry.startsWith('arn:') && entry.endsWith(rootSuffix)));
  const underlying = underlyingArn(principal);
  const isUnderlying = (entry: string) =>
    underlying !== null && entry.toLowerCase() === underlying.toLowerCase();

  if (
    matchesWithout(statement, block, request, options, (entry) => isAccount(entry) || isUnderlying(entry))
  ) {
    return 'principal';
  }
  if (underlying !== null && matchesWithout(statement, block, request, options, isAccount))
    return 'underlying';
  return 'account';
}

/** The role behind a session (or the IAM user behind a federated-user session); a role itself counts as its own. */
function underlyingArn(principal: RequestPrincipal): string | null {
  if (principal.type === 'role') return principal.arn;
  if (principal.type === 'assumed-role' || principal.type === 'federated-user')
    return principal.roleArn ?? null;
  return null;
}

function matchesWithout(
  statement: PolicyStatement,
  block: Exclude<PrincipalBlock, '*'>,
  request: AccessRequest,
  options: MatchOptions,
  drop: (entry: string) => boolean,
): boolean {
  const narrowed: Exclude<PrincipalBlock, '*'> = {
    ...block,
    AWS: (block.AWS ?? []).filter((entry) => !drop(entry)),
  };
  const remaining =
    (narrowed.AWS?.length ?? 0) +
    (narrowed.Service?.length ?? 0) +
    (narrowed.Federated?.length ?? 0) +
    (narrowed.CanonicalUser?.length ?? 0);
  if (remaining === 0) return false;
  return statementMatches({ ...statement, principal: narrowed }, request, options);
}

function allowsIn(
  policy: NamedPolicy,
  type: PolicyType,
  request: AccessRequest,
  checkPrincipal: boolean,
): DecidingStatement[] {
  return policy.document.statements
    .filter(
      (statement) =>
        statement.effect === 'Allow' &&
        statementMatches(statement, request, { checkPrincipal, version: policy.document.version }),
    )
    .map((statement) => deciding(policy, type, statement));
}

function deciding(policy: NamedPolicy, type: PolicyType, statement: PolicyStatement): DecidingStatement {
  return { policy: policy.name, type, sid: statement.sid, path: statement.path, effect: statement.effect };
}

function describeFirst(statements: readonly DecidingStatement[]): string {
  const [first] = statements;
  return first ? describe(first) : 'no statement';
}

function describe(statement: DecidingStatement): string {
  const which = statement.sid ? `statement ${statement.sid}` : `the statement at ${statement.path}`;
  return `${which} of the ${TYPE_LABEL[statement.type]} ${statement.policy}`;
}

/** An unknown resource account (S3 bucket ARNs carry none) is taken as the caller's own. */
function isSameAccount(request: AccessRequest): boolean {
  const { principal, resource } = request;
  return principal.account !== null && (resource.account === null || resource.account === principal.account);
}

/**
 * Adds the keys AWS sets for service callers (aws:PrincipalIsAWSService, aws:PrincipalServiceName); `match.ts`
 * derives the keys about the caller's identity (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, ...).
 */
export function withDerivedContext(request: AccessRequest): AccessRequest {
  const { principal } = request;
  const derived: Record<string, ContextValue> = {
    'aws:principalisawsservice': String(principal.type === 'service'),
  };
  if (principal.type === 'service') derived['aws:principalservicename'] = principal.arn;
  const context: RequestContext = { ...derived, ...request.context };
  return { ...request, context };
}
