import { authorize } from '../engine/evaluate.js';
import type {
  AccessRequest,
  Authorization,
  DecidingStatement,
  PolicySet,
  PolicyStatement,
} from '../engine/types.js';
import { policiesFor, requestPrincipalOf, type AccountModel, type ModelPrincipal } from '../model.js';

/** The decision function the analyses ask: the real engine by default, a stand-in in narrow unit tests. */
export type Decide = (request: AccessRequest, policies: PolicySet) => Authorization;

/**
 * The probe set for "effectively administrator": one request per kind of power an administrator has, each on
 * every resource (`*`). A principal allowed all of them can do anything in the account, directly or by
 * granting it to itself; one missing probe (a NotAction on iam:*, a Deny on organizations) means the
 * principal is powerful but not unconditionally admin, and escalationPaths says whether it can become one.
 * - IAM write in every form (attach, put, keys, pass): the permissions-management power that makes the rest;
 * - sts:AssumeRole: becoming any role that trusts the account;
 * - ec2:RunInstances, lambda:CreateFunction: running code;
 * - s3:PutBucketPolicy, s3:GetObject, secretsmanager:GetSecretValue, dynamodb:DeleteTable: data and its policies;
 * - kms:CreateGrant, kms:Decrypt: keys;
 * - cloudtrail:StopLogging: hiding the tracks;
 * - organizations:LeaveOrganization: escaping the organization's guardrails.
 */
export const ADMIN_PROBES: readonly string[] = [
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreatePolicyVersion',
  'iam:PassRole',
  'sts:AssumeRole',
  'ec2:RunInstances',
  'lambda:CreateFunction',
  's3:PutBucketPolicy',
  's3:GetObject',
  'secretsmanager:GetSecretValue',
  'dynamodb:DeleteTable',
  'kms:CreateGrant',
  'kms:Decrypt',
  'cloudtrail:StopLogging',
  'organizations:LeaveOrganization',
];

export type AdminStatus =
  | { status: 'admin'; granting: DecidingStatement[] }
  | { status: 'not-admin'; missing: string[] }
  | { status: 'unknown'; reasons: string[] };

export interface AdminFinding {
  principal: ModelPrincipal;
  /** The statements that allowed the probes: what to remove to take the power away. */
  granting: DecidingStatement[];
}

export interface AdminReport {
  admins: AdminFinding[];
  /** Principals whose policies could not all be read: whether they are admin is not known. */
  unknown: { principal: ModelPrincipal; reasons: string[] }[];
}

/** A principal's identity Allow statements by the service their actions can name (`*`: any service). */
type AllowsByService = Map<string, PolicyStatement[]>;

const ANY_SERVICE = '*';

/**
 * The services an Allow statement's Action patterns can match, lower-cased: a pattern `iam:Get*` can only name
 * an `iam:` action. `*` when a pattern has a wildcard before its colon, has no colon, or the statement uses
 * NotAction.
 */
function servicesOf(statement: PolicyStatement): string[] {
  if (statement.action === null) return [ANY_SERVICE];
  const services: string[] = [];
  for (const pattern of statement.action) {
    const colon = pattern.indexOf(':');
    const service = colon < 0 ? '' : pattern.slice(0, colon);
    if (colon < 0 || /[*?]/.test(service)) return [ANY_SERVICE];
    services.push(service.toLowerCase());
  }
  return services;
}

const allowCache = new WeakMap<ModelPrincipal, AllowsByService>();

function allowsByService(principal: ModelPrincipal): AllowsByService {
  let index = allowCache.get(principal);
  if (index) return index;
  index = new Map();
  for (const policy of principal.policies.identity) {
    for (const statement of policy.document.statements) {
      if (statement.effect !== 'Allow') continue;
      for (const service of new Set(servicesOf(statement))) {
        const statements = index.get(service);
        if (statements) statements.push(statement);
        else index.set(service, [statement]);
      }
    }
  }
  allowCache.set(principal, index);
  return index;
}

/**
 * The principal's identity Allow statements whose Action may name `action` (every Allow, when the action has no
 * service prefix). With no resource policy, only these can allow the action: when there are none, the engine
 * need not be asked.
 */
export function identityAllowsFor(principal: ModelPrincipal, action: string): PolicyStatement[] {
  const index = allowsByService(principal);
  const colon = action.indexOf(':');
  if (colon < 0) return [...new Set([...index.values()].flat())];
  return [...(index.get(action.slice(0, colon).toLowerCase()) ?? []), ...(index.get(ANY_SERVICE) ?? [])];
}

const statusCache = new WeakMap<ModelPrincipal, AdminStatus>();

function uniqueStatements(statements: readonly DecidingStatement[]): DecidingStatement[] {
  const seen = new Map<string, DecidingStatement>();
  for (const statement of statements) seen.set(`${statement.policy}#${statement.path}`, statement);
  return [...seen.values()];
}

/** Whether one principal is effectively administrator; never "not-admin" from a partial view of its policies. */
export function adminStatus(principal: ModelPrincipal, decide: Decide = authorize): AdminStatus {
  const cached = decide === authorize ? statusCache.get(principal) : undefined;
  if (cached) return cached;
  const policies = policiesFor(principal, null);
  const granting: DecidingStatement[] = [];
  const missing: string[] = [];
  for (const action of ADMIN_PROBES) {
    // Without a resource policy, the engine allows only what an identity Allow names: spare asking it otherwise.
    if (decide === authorize && identityAllowsFor(principal, action).length === 0) {
      missing.push(action);
      continue;
    }
    const decision = decide(
      {
        principal: requestPrincipalOf(principal),
        action,
        resource: { arn: '*', account: principal.account },
        context: {},
      },
      policies,
    );
    if (decision.decision === 'allow') granting.push(...decision.deciding);
    else missing.push(action);
  }
  const status: AdminStatus =
    principal.unknown.length > 0
      ? { status: 'unknown', reasons: principal.unknown }
      : missing.length === 0
        ? { status: 'admin', granting: uniqueStatements(granting) }
        : { status: 'not-admin', missing };
  if (decide === authorize) statusCache.set(principal, status);
  return status;
}

/** Users and roles of the model that are effectively administrators, with the statements that make them so. */
export function effectiveAdmins(model: AccountModel, decide: Decide = authorize): AdminReport {
  const report: AdminReport = { admins: [], unknown: [] };
  for (const principal of model.principals) {
    const status = adminStatus(principal, decide);
    if (status.status === 'admin') report.admins.push({ principal, granting: status.granting });
    if (status.status === 'unknown') report.unknown.push({ principal, reasons: status.reasons });
  }
  return report;
}
