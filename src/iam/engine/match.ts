/**
 * Whether one statement applies to a request (IAM User Guide, "IAM JSON policy elements reference": Principal,
 * NotPrincipal, Action, NotAction, Resource, NotResource, Condition). The effect is the caller's business: this
 * only answers "does the statement match".
 */
import { conditionsHold } from './conditions.js';
import { matchesPattern, matchesWritten } from './patterns.js';
import type {
  AccessRequest,
  PolicyDocument,
  PolicyStatement,
  PrincipalBlock,
  RequestContext,
  RequestPrincipal,
} from './types.js';
import { substituteVariables, variablesApply } from './variables.js';

export interface MatchOptions {
  /** Resource-based, trust, SCP-less... policies name principals; identity policies do not. */
  checkPrincipal: boolean;
  /** The document's Version: `${...}` are variables only in 2012-10-17 policies. Defaults to 2012-10-17. */
  version?: PolicyDocument['version'];
}

export function statementMatches(
  statement: PolicyStatement,
  request: AccessRequest,
  options: MatchOptions,
): boolean {
  const variables = variablesApply(options.version ?? '2012-10-17');
  if (options.checkPrincipal && !principalMatches(statement, request.principal)) return false;
  if (!actionMatches(statement, request.action)) return false;
  // The derived context is only built when a variable or a condition needs it.
  if (!resourceMatches(statement, request, variables)) return false;
  return (
    statement.conditions.length === 0 ||
    conditionsHold(statement.conditions, contextWithDerivedKeys(request), { variables })
  );
}

/** Action names are case-insensitive; `*` and `?` are wildcards and colons are plain characters. */
const ACTION_MATCHING = { ignoreCase: true, arn: false };
const RESOURCE_MATCHING = { ignoreCase: false, arn: true };

function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.action !== null)
    return statement.action.some((pattern) => matchesWritten(pattern, action, ACTION_MATCHING));
  if (statement.notAction !== null)
    return !statement.notAction.some((pattern) => matchesWritten(pattern, action, ACTION_MATCHING));
  return false;
}

/**
 * Resource ARNs are case-sensitive and may hold variables. A statement with neither Resource nor NotResource
 * (a trust policy, some resource policies) applies to the resource the policy is attached to.
 */
function resourceMatches(statement: PolicyStatement, request: AccessRequest, variables: boolean): boolean {
  const arn = request.resource.arn;
  const matchesOne = (template: string): boolean => {
    if (!variables || !template.includes('${')) return matchesWritten(template, arn, RESOURCE_MATCHING);
    const pattern = substituteVariables(template, contextWithDerivedKeys(request), variables);
    return pattern !== null && matchesPattern(pattern, arn, RESOURCE_MATCHING);
  };
  if (statement.resource !== null) return statement.resource.some(matchesOne);
  if (statement.notResource !== null) return !statement.notResource.some(matchesOne);
  return true;
}

function principalMatches(statement: PolicyStatement, principal: RequestPrincipal): boolean {
  if (statement.principal !== null) return blockNames(statement.principal, principal);
  if (statement.notPrincipal !== null) return !notPrincipalExcludes(statement.notPrincipal, principal);
  // A statement that names nobody in a policy that needs principals applies to nobody.
  return false;
}

/** `*` and `{"AWS": "*"}` mean everyone, anonymous callers included. */
function blockNames(block: PrincipalBlock, principal: RequestPrincipal): boolean {
  if (block === '*') return true;
  if (block.AWS?.some((entry) => entry === '*' || awsEntryNames(entry, principal)) === true) return true;
  if (
    principal.type === 'service' &&
    block.Service?.some((entry) => entry.toLowerCase() === principal.arn.toLowerCase()) === true
  ) {
    return true;
  }
  const federated =
    principal.type === 'web-identity' || principal.type === 'saml' || principal.type === 'federated-user';
  if (federated && block.Federated?.some((entry) => entry === principal.arn) === true) return true;
  return block.CanonicalUser?.some((entry) => entry === principal.arn) === true;
}

/**
 * An `AWS` entry: an account id or `arn:aws:iam::ACCOUNT:root` names every principal of that account (the account
 * then decides with its own identity policies); a role ARN also names the sessions of that role.
 */
function awsEntryNames(entry: string, principal: RequestPrincipal): boolean {
  const account = accountOfEntry(entry);
  if (account !== null)
    return principal.account === account && principal.type !== 'service' && principal.type !== 'anonymous';
  if (entry === principal.arn) return true;
  return principal.type === 'assumed-role' && principal.roleArn !== undefined && entry === principal.roleArn;
}

/**
 * NotPrincipal excludes a caller only when every identity AWS checks for it is listed: its own ARN (or, for a role
 * session, the session or the role) and its account. Listing a user without its account does not exclude the
 * user (IAM User Guide, "AWS JSON policy elements: NotPrincipal").
 */
function notPrincipalExcludes(block: PrincipalBlock, principal: RequestPrincipal): boolean {
  if (block === '*') return true;
  const entries = block.AWS ?? [];
  if (principal.type === 'root')
    return entries.some((entry) => entry === '*' || accountOfEntry(entry) === principal.account);
  if (
    principal.type === 'service' ||
    principal.type === 'web-identity' ||
    principal.type === 'saml' ||
    principal.type === 'anonymous'
  ) {
    return blockNames(block, principal);
  }
  const identityListed = entries.some(
    (entry) =>
      entry === '*' ||
      entry === principal.arn ||
      (principal.type === 'assumed-role' &&
        (entry === principal.roleArn || entry === assumedRoleWithoutSession(principal.arn))),
  );
  const accountListed = entries.some(
    (entry) => entry === '*' || (principal.account !== null && accountOfEntry(entry) === principal.account),
  );
  return identityListed && accountListed;
}

/** `arn:aws:sts::111:assumed-role/Name/session` -> `arn:aws:sts::111:assumed-role/Name`. */
function assumedRoleWithoutSession(arn: string): string {
  return /^(arn:[^:]+:sts::\d{12}:assumed-role\/[^/]+)\/[^/]+$/.exec(arn)?.[1] ?? arn;
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

function accountOfEntry(entry: string): string | null {
  if (ACCOUNT_ID.test(entry)) return entry;
  return ROOT_ARN.exec(entry)?.[1] ?? null;
}

// Evaluation matches many statements against one request in a row: remembering the last one is enough, and
// cheaper for the garbage collector than a WeakMap over millions of short-lived requests.
let lastRequest: AccessRequest | null = null;
let lastContext: RequestContext = {};

/**
 * The request context with the keys AWS fills from the caller itself, unless the request already has them:
 * aws:PrincipalArn (the role, not the session, for a role session), aws:PrincipalAccount, aws:PrincipalType,
 * aws:username (IAM users only), aws:userid (where it can be known from the ARN alone), aws:PrincipalServiceName and
 * aws:PrincipalIsAWSService.
 */
export function contextWithDerivedKeys(request: AccessRequest): RequestContext {
  if (request === lastRequest) return lastContext;
  const { principal } = request;
  const derived: Record<string, string> = {};
  const principalArn =
    principal.type === 'assumed-role' ? (principal.roleArn ?? principal.arn) : principal.arn;
  if (
    principal.type !== 'service' &&
    principal.type !== 'anonymous' &&
    principal.type !== 'web-identity' &&
    principal.type !== 'saml'
  ) {
    derived['aws:principalarn'] = principalArn;
  }
  if (principal.account !== null) derived['aws:principalaccount'] = principal.account;
  const principalType = PRINCIPAL_TYPE_VALUES[principal.type];
  if (principalType !== null) derived['aws:principaltype'] = principalType;
  if (principal.type === 'user')
    derived['aws:username'] = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
  if (principal.type === 'root' && principal.account !== null) derived['aws:userid'] = principal.account;
  if (principal.type === 'anonymous') derived['aws:userid'] = 'anonymous';
  if (principal.type === 'federated-user' && principal.account !== null) {
    derived['aws:userid'] = `${principal.account}:${principal.arn.slice(principal.arn.lastIndexOf('/') + 1)}`;
  }
  if (principal.type === 'service') derived['aws:principalservicename'] = principal.arn;
  // Every signed request says whether an AWS service principal made it; anonymous requests are unsigned.
  if (principal.type !== 'anonymous')
    derived['aws:principalisawsservice'] = principal.type === 'service' ? 'true' : 'false';
  const context: RequestContext = { ...derived, ...request.context };
  lastRequest = request;
  lastContext = context;
  return context;
}

/** aws:PrincipalType values from the global condition keys reference. */
const PRINCIPAL_TYPE_VALUES: Record<RequestPrincipal['type'], string | null> = {
  root: 'Account',
  user: 'User',
  role: 'AssumedRole',
  'assumed-role': 'AssumedRole',
  'federated-user': 'FederatedUser',
  service: null,
  'web-identity': null,
  saml: null,
  anonymous: 'Anonymous',
};
