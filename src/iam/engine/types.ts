/**
 * The shared vocabulary of onus's IAM policy engine: parsed policies, a request, the policies that bear on it,
 * and the decision. `parse.ts` turns JSON into these types, `match.ts` decides whether one statement applies
 * to a request, and `evaluate.ts` combines every applicable policy the way AWS's policy evaluation logic does.
 */

/** Condition keys are case-insensitive in IAM: a context is keyed by the lower-cased key name. */
export type ContextValue = string | readonly string[];
export type RequestContext = Readonly<Record<string, ContextValue>>;

export type PrincipalType =
  | 'root' // arn:aws:iam::123456789012:root (the account)
  | 'user'
  | 'role' // the role itself, as a trust-policy principal
  | 'assumed-role' // a role session, arn:aws:sts::123456789012:assumed-role/Name/session
  | 'federated-user'
  | 'service' // lambda.amazonaws.com
  | 'web-identity' // accounts.google.com, an OIDC provider
  | 'saml'
  | 'anonymous'; // no credentials at all

export interface RequestPrincipal {
  type: PrincipalType;
  /** The principal's ARN; for an assumed-role session, also see `roleArn`. A service's name for services. */
  arn: string;
  /** The account the principal belongs to; null for services and anonymous callers. */
  account: string | null;
  /** For an assumed-role session: the role's ARN, which trust and resource policies may name instead. */
  roleArn?: string;
}

export interface RequestResource {
  /** The resource ARN; `*` for actions that take no resource (iam:ListUsers, s3:ListAllMyBuckets). */
  arn: string;
  /** The account owning the resource; null when unknown (S3 bucket ARNs carry no account). */
  account: string | null;
}

export interface AccessRequest {
  principal: RequestPrincipal;
  /** `service:Action`, case as documented; matched case-insensitively. */
  action: string;
  resource: RequestResource;
  /**
   * The request context, keys lower-cased (`aws:sourceip`, `aws:securetransport`, `aws:principalorgid`,
   * `aws:principaltag/team`, `s3:prefix`). Keys the evaluator derives itself (aws:PrincipalArn,
   * aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username) are filled from `principal` when absent.
   */
  context: RequestContext;
}

export type PrincipalBlock =
  | '*'
  | {
      AWS?: readonly string[];
      Service?: readonly string[];
      Federated?: readonly string[];
      CanonicalUser?: readonly string[];
    };

export type SetQualifier = 'ForAnyValue' | 'ForAllValues' | null;

/** One condition: `"ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*"] }` is one clause. */
export interface ConditionClause {
  /** The operator without qualifier or IfExists, as written: `StringLike`, `NumericLessThan`, `Null`, ... */
  operator: string;
  qualifier: SetQualifier;
  ifExists: boolean;
  /** The condition key as written (compare lower-cased). */
  key: string;
  values: readonly string[];
}

export interface PolicyStatement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  principal: PrincipalBlock | null;
  notPrincipal: PrincipalBlock | null;
  action: readonly string[] | null;
  notAction: readonly string[] | null;
  resource: readonly string[] | null;
  notResource: readonly string[] | null;
  conditions: readonly ConditionClause[];
  /** Where the statement is in its document, `$.Statement[2]` (or `$.Statement` when it is not a list). */
  path: string;
}

export interface PolicyDocument {
  version: '2012-10-17' | '2008-10-17';
  id: string | null;
  statements: readonly PolicyStatement[];
}

/** A policy with the name a person would recognise (`arn:aws:iam::aws:policy/ReadOnlyAccess`, `inline ops on user/amy`). */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

/**
 * Every policy that bears on one request. Lists that are empty mean "none of this type applies" (no boundary,
 * no SCPs because the account is not in an organization), not "deny everything".
 */
export interface PolicySet {
  /** Identity-based policies of the principal: inline, attached managed, and those of its groups. */
  identity: readonly NamedPolicy[];
  /** The resource-based policy of the target (bucket policy, key policy, role trust policy, ...), if any. */
  resource: NamedPolicy | null;
  /** The principal's permissions boundary, if it has one. */
  boundary: NamedPolicy | null;
  /** Session policies passed when the role session was created; empty when none. */
  session: readonly NamedPolicy[];
  /**
   * Service control policies of the principal's account, one list per level from the organization root down to
   * the account: every level must allow. Empty when the account is not governed by SCPs (or is the
   * management account, which SCPs never restrict).
   */
  scps: readonly (readonly NamedPolicy[])[];
  /** Resource control policies of the resource's account, by level, as for SCPs. */
  rcps: readonly (readonly NamedPolicy[])[];
  /**
   * KMS keys: the key policy is the only source of access unless it delegates to the account (a statement
   * allowing the account root), and then identity policies count too.
   */
  resourceKind?: 'kms-key' | 'iam-role-trust' | 'other';
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface DecidingStatement {
  /** NamedPolicy.name. */
  policy: string;
  /** Which part of the evaluation it belongs to. */
  type: 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';
  sid: string | null;
  path: string;
  effect: 'Allow' | 'Deny';
}

export interface Authorization {
  decision: Decision;
  /** One sentence a person can act on: "denied by statement DenyOutsideOrg of the SCP ..." */
  reason: string;
  /** The statements that decided it: the explicit denies, or the allows that were needed. */
  deciding: readonly DecidingStatement[];
}
