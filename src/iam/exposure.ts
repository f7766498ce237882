import { coversEveryone, statementsOf, type Statement } from './statement.js';
import { wildcardMatch } from './wildcard.js';

/**
 * Who a resource-based policy lets in from outside its account: everyone (public), or named other accounts.
 * The rules follow IAM Access Analyzer's "what is public": an Allow to every principal is public unless a
 * condition ties it, with a positive operator and a concrete value, to an account, organization, network or
 * source. This is deliberately a reading of the policy alone: identity policies, SCPs and RCPs are not seen.
 */

/** One Allow statement that lets principals outside the account in. */
export interface PublicGrant {
  /** The statement's Sid, or `#n` (1-based) when it has none. */
  statement: string;
  /** The actions granted as written; a NotAction grant reads `every action except ...`. */
  actions: string[];
  /** Source IP ranges the grant is confined to; null when no IP condition narrows it. */
  sourceIps: string[] | null;
}

export interface PolicyExposure {
  /** Grants anyone can use, anonymous callers and every AWS account included. */
  publicGrants: PublicGrant[];
  /** Grants to every principal that only a source IP range narrows: anyone on those networks can use them. */
  ipRestrictedGrants: PublicGrant[];
  /** Public grants that a Deny confines to the owner's account or organization, with that Deny's label. */
  cancelledGrants: (PublicGrant & { by: string })[];
  /** Other AWS accounts named as principals (or as the only allowed caller account) in Allow statements. */
  externalAccounts: string[];
}

/**
 * Condition keys that tie a request to an account, organization, network or source when tested with a positive
 * operator and a concrete value (lower case: IAM compares condition keys case-insensitively).
 */
const RESTRICTING_KEYS: readonly string[] = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:userid',
  'aws:username',
  'kms:calleraccount',
  'lambda:eventsourcetoken',
];

/** Keys whose values are account ids: a restriction to another account makes that account a grantee. */
const ACCOUNT_KEYS: readonly string[] = [
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourceowner',
  'kms:calleraccount',
];
const ARN_KEYS: readonly string[] = ['aws:principalarn', 'aws:sourcearn'];
const SOURCE_IP = 'aws:sourceip';
const OPEN_RANGES: readonly string[] = ['0.0.0.0/0', '::/0'];

/**
 * Operators that only hold when the key is present and matches. `...IfExists` holds when the key is missing,
 * `Null` tests presence only, and negated operators hold for every other value, so none of them restricts.
 * `ForAllValues:` holds for a missing key too; `ForAnyValue:` does not.
 */
function isPositive(operator: string): boolean {
  const base = operator.replace(/^ForAnyValue:/i, '');
  if (/IfExists$/i.test(base) || /^ForAllValues:/i.test(base)) return false;
  return /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress|NumericEquals)$/i.test(
    base,
  );
}

/** A value that names something: not empty and not only wildcards. */
function isConcrete(value: string): boolean {
  return value.replace(/[*?]/g, '') !== '';
}

/** The account field of an ARN, or null when the value is not an ARN. */
function arnAccount(value: string): string | null {
  const parts = value.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? (parts[4] ?? '') : null;
}

/** What the statement's conditions confine an Allow to. */
interface Confinement {
  /** A non-IP condition confines the grant to an account, organization, network or source. */
  restricted: boolean;
  /** Accounts the grant is confined to (from account-valued keys and ARNs), when the condition says. */
  accounts: string[];
  /** IP ranges the grant is confined to; null when there is no such condition. */
  sourceIps: string[] | null;
}

function confinementOf(statement: Statement): Confinement {
  let restricted = false;
  const accounts: string[] = [];
  let sourceIps: string[] | null = null;
  for (const [operator, block] of Object.entries(statement.condition)) {
    if (!isPositive(operator)) continue;
    for (const [rawKey, values] of Object.entries(block)) {
      const key = rawKey.toLowerCase();
      if (values.length === 0) continue;
      if (key === SOURCE_IP) {
        if (/^(ForAnyValue:)?IpAddress$/i.test(operator) && !values.some((v) => OPEN_RANGES.includes(v)))
          sourceIps = values;
        continue;
      }
      if (key === 'lambda:functionurlauthtype') {
        if (values.every((value) => value === 'AWS_IAM')) restricted = true;
        continue;
      }
      if (!RESTRICTING_KEYS.includes(key) || !values.every(isConcrete)) continue;
      if (ARN_KEYS.includes(key)) {
        // An ARN with a wildcard account field, such as arn:aws:iam::*:role/x, can be any account's. One without an
        // account field (an S3 bucket's) still names a single resource.
        const owners = values.map(arnAccount);
        if (owners.some((owner) => owner !== null && /[*?]/.test(owner))) continue;
        accounts.push(...owners.filter((owner): owner is string => owner !== null && /^\d{12}$/.test(owner)));
      }
      if (ACCOUNT_KEYS.includes(key)) accounts.push(...values);
      restricted = true;
    }
  }
  return { restricted, accounts, sourceIps };
}

/** The account of an AWS principal: a bare id, or the account field of an IAM or STS ARN. */
function principalAccount(principal: string): string | null {
  if (/^\d{12}$/.test(principal)) return principal;
  const account = arnAccount(principal);
  return account !== null && /^\d{12}$/.test(account) ? account : null;
}

function label(statement: Statement, index: number): string {
  return statement.sid ?? `#${index + 1}`;
}

function actionsOf(statement: Statement): string[] {
  if (statement.action !== null) return statement.action;
  if (statement.notAction !== null) return [`every action except ${statement.notAction.join(', ')}`];
  return [];
}

/** Keys a Deny can use to turn away everyone outside an organization, an account or a private network. */
const BOUNDARY_KEYS: readonly string[] = [
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourcevpce',
  'aws:sourcevpc',
];

/**
 * Whether a Deny turns away every principal outside the owner's organization, account or private network: it
 * applies to everyone and is conditioned only on negated tests of such keys with concrete values. Anonymous
 * callers and requests from the internet lack those keys, and a negated operator holds when the key is missing.
 */
function isBoundaryDeny(statement: Statement): boolean {
  if (statement.effect !== 'Deny' || !coversEveryone(statement)) return false;
  const entries = Object.entries(statement.condition).flatMap(([operator, block]) =>
    Object.entries(block).map(([key, values]) => ({ operator, key: key.toLowerCase(), values })),
  );
  return (
    entries.length > 0 &&
    entries.every(
      ({ operator, key, values }) =>
        /^(StringNotEquals|StringNotLike|ArnNotEquals|ArnNotLike)(IfExists)?$/i.test(operator) &&
        BOUNDARY_KEYS.includes(key) &&
        values.length > 0 &&
        values.every(isConcrete),
    )
  );
}

/** Whether the Deny covers every action and resource the Allow grants (patterns compared as written). */
function denyCovers(deny: Statement, allow: Statement): boolean {
  const denyActions = deny.action;
  if (denyActions === null) return false;
  const actionCovered =
    allow.action !== null
      ? allow.action.every((granted) => denyActions.some((pattern) => wildcardMatch(pattern, granted, true)))
      : denyActions.includes('*');
  if (!actionCovered) return false;
  const denyResources = deny.resource;
  if (denyResources === null) return false;
  if (denyResources.includes('*')) return true;
  return (
    allow.resource !== null &&
    allow.resource.every((granted) => denyResources.some((pattern) => wildcardMatch(pattern, granted)))
  );
}

/** Reads a resource-based policy owned by `ownerAccount` for access from outside that account. */
export function policyExposure(policy: Record<string, unknown>, ownerAccount: string): PolicyExposure {
  const statements = statementsOf(policy);
  const boundaries = statements
    .map((statement, index) => ({ statement, label: label(statement, index) }))
    .filter(({ statement }) => isBoundaryDeny(statement));
  const exposure: PolicyExposure = {
    publicGrants: [],
    ipRestrictedGrants: [],
    cancelledGrants: [],
    externalAccounts: [],
  };
  const external = new Set<string>();
  statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow') return;
    const confinement = confinementOf(statement);
    // NotPrincipal in an Allow grants everyone but the principals it names.
    const everyone = coversEveryone(statement) || statement.notPrincipal !== null;
    if (everyone) {
      const grant: PublicGrant = {
        statement: label(statement, index),
        actions: actionsOf(statement),
        sourceIps: confinement.sourceIps,
      };
      if (confinement.restricted) {
        for (const account of confinement.accounts) if (account !== ownerAccount) external.add(account);
        return;
      }
      const boundary = boundaries.find(({ statement: deny }) => denyCovers(deny, statement));
      if (boundary) exposure.cancelledGrants.push({ ...grant, by: boundary.label });
      else if (grant.sourceIps) exposure.ipRestrictedGrants.push(grant);
      else exposure.publicGrants.push(grant);
      return;
    }
    const principal = statement.principal;
    if (principal === null || principal === '*') return;
    for (const value of principal.AWS ?? []) {
      const account = principalAccount(value);
      if (account !== null && account !== ownerAccount) external.add(account);
    }
  });
  exposure.externalAccounts = [...external].sort();
  return exposure;
}

/** "anyone can s3:GetObject (statement PublicRead)", for every grant, as one phrase for a message. */
export function describeGrants(grants: readonly PublicGrant[]): string {
  return grants
    .map((grant) => {
      const from = grant.sourceIps ? ` from ${grant.sourceIps.join(', ')}` : '';
      const actions = grant.actions.length > 0 ? grant.actions.join(', ') : 'no action';
      return `anyone${from} can ${actions} (statement ${grant.statement})`;
    })
    .join('; ');
}

/** A resource policy's verdict as a check reports it: whether it is public, and a message naming why. */
export interface ExposureVerdict {
  public: boolean;
  message: string;
  evidence: Record<string, unknown>;
}

/** Judges the policy of `subject` (such as "Queue orders"), owned by `ownerAccount`, for public access. */
export function judgePolicy(
  subject: string,
  policy: Record<string, unknown>,
  ownerAccount: string,
): ExposureVerdict {
  const exposure = policyExposure(policy, ownerAccount);
  const evidence = {
    publicGrants: exposure.publicGrants,
    ipRestrictedGrants: exposure.ipRestrictedGrants,
    cancelledGrants: exposure.cancelledGrants,
    externalAccounts: exposure.externalAccounts,
  };
  if (exposure.publicGrants.length > 0) {
    return {
      public: true,
      message: `${subject} is public: ${describeGrants(exposure.publicGrants)}`,
      evidence,
    };
  }
  const notes: string[] = [];
  if (exposure.ipRestrictedGrants.length > 0)
    notes.push(`limited by source IP: ${describeGrants(exposure.ipRestrictedGrants)}`);
  if (exposure.cancelledGrants.length > 0) {
    const by = [...new Set(exposure.cancelledGrants.map((grant) => grant.by))].join(', ');
    notes.push(`grants to everyone are confined by Deny statement ${by} to the account or organization`);
  }
  if (exposure.externalAccounts.length > 0)
    notes.push(`shared with account ${exposure.externalAccounts.join(', ')}`);
  const detail = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return { public: false, message: `${subject} does not grant access to everyone${detail}`, evidence };
}
