import { authorize } from '../engine/evaluate.js';
import { parsePolicy } from '../engine/parse.js';
import { matchesWritten } from '../engine/patterns.js';
import type {
  NamedPolicy,
  PolicyDocument,
  PolicySet,
  PolicyStatement,
  RequestPrincipal,
} from '../engine/types.js';
import { ADMIN_PROBES } from './admins.js';
import { documentExposure, outsiderAllow, statementLabel, unavoidableDenies } from './exposure.js';
import { THEIR_IDENTITY } from './who-can.js';

/**
 * What one policy document grants, decided by the policy engine rather than by reading strings: full
 * administrator access, whole-service wildcards, and who a role's trust policy lets in. The checks that judge a
 * single document (CIS 1.15, FSBP IAM.1 and IAM.21, trust policies) use these; the account-wide analyses
 * (admins.ts, escalation.ts) combine every policy of a principal.
 */

/** Parses a document as collected, or throws naming the JSON path of what is wrong. */
export function readDocument(document: unknown, source: string): PolicyDocument {
  const parsed = parsePolicy(document, source);
  if (!parsed.ok) throw new Error(`the policy cannot be read: ${parsed.error}`);
  return parsed.policy;
}

const ACCOUNT = '111111111111';
const PROBE_USER: RequestPrincipal = {
  type: 'user',
  arn: `arn:aws:iam::${ACCOUNT}:user/onus-probe`,
  account: ACCOUNT,
};
/** An action of a service no statement names: only `*`, `*:*` or a NotAction grant reaches it. */
const ANY_SERVICE = 'onusprobeservice:OnusProbeAction';

/**
 * The Allow statements of an identity policy that give full administrator access: alone, the document allows
 * every one of the administrator probes (IAM writes, running code, data, keys, logging, the organization) and an
 * action of an arbitrary service, on every resource. Conditions are judged as for a request that carries no
 * context: an Allow that needs MFA or a source IP is not unconditional; a Deny that only applies under a
 * condition (no MFA, outside a network) is one the holder can meet, so it does not take administration away.
 */
export function fullAdminStatements(document: unknown, source = 'policy'): PolicyStatement[] {
  const parsed = readDocument(document, source);
  const statements = parsed.statements.filter((s) => s.effect === 'Allow' || s.conditions.length === 0);
  const policy: NamedPolicy = { name: source, document: { ...parsed, statements } };
  const policies: PolicySet = {
    identity: [policy],
    resource: null,
    boundary: null,
    session: [],
    scps: [],
    rcps: [],
  };
  const granting = new Set<string>();
  for (const action of [...ADMIN_PROBES, ANY_SERVICE]) {
    const decision = authorize(
      { principal: PROBE_USER, action, resource: { arn: '*', account: ACCOUNT }, context: {} },
      policies,
    );
    if (decision.decision !== 'allow') return [];
    decision.deciding.forEach((statement) => granting.add(statement.path));
  }
  return parsed.statements.filter((statement) => granting.has(statement.path));
}

const ACTION_MATCHING = { ignoreCase: true, arn: false };

/**
 * Whether an action pattern names every action of the services it names (`s3:*`, `*`, `s*:*`), unlike `s3:Get*`
 * or `s3:*Object`: its action part matches any action name.
 */
export function isServiceWildcard(pattern: string): boolean {
  if (pattern === '*') return true;
  const colon = pattern.indexOf(':');
  if (colon <= 0) return false;
  const name = pattern.slice(colon + 1);
  return (
    matchesWritten(name, 'OnusProbeAction', ACTION_MATCHING) && matchesWritten(name, 'A', ACTION_MATCHING)
  );
}

/** Whether the pattern names every action of every service (`*`, `*:*`). */
function isEveryAction(pattern: string): boolean {
  return matchesWritten(pattern, ANY_SERVICE, ACTION_MATCHING) && isServiceWildcard(pattern);
}

/** One way a policy allows every action of a service: the pattern, or the NotAction list it is carved from. */
export interface WildcardGrant {
  sid: string | null;
  /** `s3:*`, `* (every service)`, or `NotAction: iam:*` (every action of every service but those listed). */
  grant: string;
}

/**
 * The whole-service grants of a document's Allow statements. Conditions do not matter (FSBP IAM.21 looks at
 * the actions alone); an Allow with NotAction allows every action not listed, which covers whole services.
 */
export function wildcardGrants(document: unknown, source = 'policy'): WildcardGrant[] {
  const grants: WildcardGrant[] = [];
  for (const statement of readDocument(document, source).statements) {
    if (statement.effect !== 'Allow') continue;
    for (const pattern of statement.action ?? [])
      if (isServiceWildcard(pattern))
        grants.push({
          sid: statement.sid,
          grant: isEveryAction(pattern) ? `${pattern} (every service)` : pattern,
        });
    if (statement.notAction !== null)
      grants.push({ sid: statement.sid, grant: `NotAction: ${statement.notAction.join(', ') || '[]'}` });
  }
  return grants;
}

/** How a finding names a statement: by its Sid, or by what it says when it has none. */
export function describeStatement(statement: PolicyStatement): string {
  if (statement.sid) return `statement ${statement.sid}`;
  const actions = statement.action
    ? statement.action.join(', ')
    : `NotAction ${statement.notAction?.join(', ')}`;
  return `the statement allowing ${actions}`;
}

/* ---------------------------------------------------------------- role trust policies */

interface TrustedRole {
  arn: string | null;
  account: string;
  name: string;
}

function roleArn(role: TrustedRole): string {
  return role.arn ?? `arn:aws:iam::${role.account}:role/${role.name}`;
}

function trustPolicies(document: PolicyDocument, statements: readonly PolicyStatement[]): PolicySet {
  return {
    identity: [THEIR_IDENTITY],
    resource: { name: 'trust policy', document: { ...document, statements } },
    boundary: null,
    session: [],
    scps: [],
    rcps: [],
    resourceKind: 'iam-role-trust',
  };
}

/** Labels of the Allow statements that let a principal of any AWS account assume the role. */
export function publicTrustStatements(trustPolicy: unknown, role: TrustedRole): string[] {
  const document = readDocument(trustPolicy, 'trust policy');
  const exposure = documentExposure(document, {
    arn: roleArn(role),
    account: role.account,
    resourceKind: 'iam-role-trust',
  });
  return exposure.publicGrants.map((grant) => grant.statement);
}

/** An AWS principal of another account that may assume the role without proving who it is. */
export interface UnverifiedCrossAccount {
  statement: string;
  principal: string;
  account: string;
}

function accountOf(entry: string): string | null {
  if (/^\d{12}$/.test(entry)) return entry;
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(entry)?.[1] ?? null;
}

function principalFor(entry: string, account: string): RequestPrincipal {
  if (/:user\//.test(entry)) return { type: 'user', arn: entry, account };
  if (/:role\//.test(entry)) return { type: 'role', arn: entry, account };
  return { type: 'role', arn: `arn:aws:iam::${account}:role/onus-probe`, account };
}

/**
 * AWS principals of other accounts a trust policy lets assume the role without sts:ExternalId, an
 * organization or a principal-ARN condition: the confused-deputy opening AWS warns about for third parties. Each
 * named principal is asked through the engine with only what it controls (MFA, tags, source IP) in its favour.
 */
export function unverifiedCrossAccountPrincipals(
  trustPolicy: unknown,
  role: TrustedRole,
): UnverifiedCrossAccount[] {
  const document = readDocument(trustPolicy, 'trust policy');
  const denies = unavoidableDenies(document.statements);
  const found: UnverifiedCrossAccount[] = [];
  document.statements.forEach((statement, index) => {
    const block = statement.principal;
    if (statement.effect !== 'Allow' || block === null || block === '*') return;
    const policies = trustPolicies(document, [outsiderAllow(statement, false), ...denies]);
    for (const entry of block.AWS ?? []) {
      const account = accountOf(entry);
      if (account === null || account === role.account) continue;
      const decision = authorize(
        {
          principal: principalFor(entry, account),
          action: 'sts:AssumeRole',
          resource: { arn: roleArn(role), account: role.account },
          context: { 'aws:securetransport': 'true' },
        },
        policies,
      );
      if (decision.decision === 'allow')
        found.push({ statement: statementLabel(statement, index), principal: entry, account });
    }
  });
  return found;
}

/** OIDC providers whose tokens anyone on the platform can obtain: trust must pin the subject. */
const SHARED_OIDC_PROVIDERS: readonly string[] = ['token.actions.githubusercontent.com'];

/**
 * Labels of the Allow statements that let a GitHub Actions workflow of any repository assume the role: asked
 * with a token a stranger's repository would present (audience sts.amazonaws.com, a subject of their own).
 */
export function unrestrictedOidcStatements(trustPolicy: unknown, role: TrustedRole): string[] {
  const document = readDocument(trustPolicy, 'trust policy');
  const found: string[] = [];
  document.statements.forEach((statement, index) => {
    const block = statement.principal;
    if (statement.effect !== 'Allow' || block === null || block === '*') return;
    for (const provider of block.Federated ?? []) {
      const host = SHARED_OIDC_PROVIDERS.find((name) => provider.endsWith(`oidc-provider/${name}`));
      if (!host) continue;
      const decision = authorize(
        {
          principal: { type: 'web-identity', arn: provider, account: null },
          action: 'sts:AssumeRoleWithWebIdentity',
          resource: { arn: roleArn(role), account: role.account },
          context: {
            [`${host}:aud`]: 'sts.amazonaws.com',
            [`${host}:sub`]: 'repo:onus-probe-stranger/any-repository:ref:refs/heads/main',
          },
        },
        trustPolicies(document, [statement, ...document.statements.filter((s) => s.effect === 'Deny')]),
      );
      if (decision.decision === 'allow') {
        found.push(statementLabel(statement, index));
        return;
      }
    }
  });
  return found;
}
