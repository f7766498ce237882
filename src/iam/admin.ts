import { statementsOf, type Statement } from './statement.js';
import { matchesWholeService, wildcardMatch } from './wildcard.js';

/**
 * What an identity policy grants in bulk: full administrator access (`*` on `*`) and whole-service wildcards
 * (`s3:*`). Judged on the document alone; boundaries, SCPs and session policies are another matter.
 */

/** A string no policy literal contains: only wildcards can match it. */
const ANY = '\uFFFF'.repeat(64);

/** Whether an action pattern matches every action of every service (`*`, `*:*`). */
export function matchesEveryAction(pattern: string): boolean {
  return wildcardMatch(pattern, `${ANY}:${ANY}`, true) && wildcardMatch(pattern, 'a:b', true);
}

/** Whether a resource pattern matches every resource (`*`). */
function matchesEveryResource(pattern: string): boolean {
  return wildcardMatch(pattern, ANY) && wildcardMatch(pattern, 'a');
}

function coversEveryResource(statement: Statement): boolean {
  if (statement.resource !== null) return statement.resource.some(matchesEveryResource);
  // NotResource: every resource but those listed; an empty list leaves none out.
  return statement.notResource !== null && statement.notResource.length === 0;
}

function isUnconditional(statement: Statement): boolean {
  return Object.keys(statement.condition).length === 0;
}

/**
 * Whether an Allow statement grants every action on every resource without condition. `NotAction` with a
 * non-empty list leaves something out: very broad, but not full admin.
 */
function grantsEverything(statement: Statement): boolean {
  if (statement.effect !== 'Allow' || !isUnconditional(statement) || !coversEveryResource(statement))
    return false;
  if (statement.action !== null) return statement.action.some(matchesEveryAction);
  return statement.notAction !== null && statement.notAction.length === 0;
}

/**
 * Whether a Deny statement takes administration away: unconditional, on every resource, and covering either
 * every action (`*` or a NotAction list) or all of IAM (without IAM nobody administers the account).
 */
function revokesAdministration(statement: Statement): boolean {
  if (statement.effect !== 'Deny' || !isUnconditional(statement) || !coversEveryResource(statement))
    return false;
  if (statement.notAction !== null) return true;
  return (statement.action ?? []).some((pattern) => matchesWholeService(pattern, 'iam'));
}

/** The statements of `document` that grant full administrator access (empty when none, or a Deny cancels them). */
export function fullAdminStatements(document: Record<string, unknown>): Statement[] {
  const statements = statementsOf(document);
  if (statements.some(revokesAdministration)) return [];
  return statements.filter(grantsEverything);
}

export function grantsFullAdmin(document: Record<string, unknown>): boolean {
  return fullAdminStatements(document).length > 0;
}

/** Whether an action pattern names every action of one service or of all (`s3:*`, `*`), unlike `s3:Get*`. */
export function isServiceWildcard(pattern: string): boolean {
  if (matchesEveryAction(pattern)) return true;
  const colon = pattern.indexOf(':');
  if (colon <= 0) return false;
  const service = pattern.slice(0, colon);
  return !/[*?]/.test(service) && matchesWholeService(pattern, service);
}

/** One way a policy allows every action of a service: the pattern, or the NotAction list it is carved from. */
export interface WildcardGrant {
  /** The statement's Sid, when it has one. */
  sid: string | null;
  /** `s3:*`, `*`, or `NotAction: iam:*` (every action of every service but those listed). */
  grant: string;
}

/**
 * The whole-service grants of a document's Allow statements (conditions do not matter: FSBP IAM.21 looks at
 * the actions alone). An Allow with NotAction allows every action not listed, which covers whole services.
 */
export function wildcardGrants(document: Record<string, unknown>): WildcardGrant[] {
  const grants: WildcardGrant[] = [];
  for (const statement of statementsOf(document)) {
    if (statement.effect !== 'Allow') continue;
    for (const pattern of statement.action ?? []) {
      if (isServiceWildcard(pattern))
        grants.push({
          sid: statement.sid,
          grant: matchesEveryAction(pattern) ? `${pattern} (every service)` : pattern,
        });
    }
    if (statement.notAction !== null) {
      grants.push({ sid: statement.sid, grant: `NotAction: ${statement.notAction.join(', ') || '[]'}` });
    }
  }
  return grants;
}

/** How a finding names a statement: by its Sid, or by what it says when it has none. */
export function describeStatement(statement: Statement): string {
  if (statement.sid) return `statement ${statement.sid}`;
  const actions = statement.action
    ? statement.action.join(', ')
    : `NotAction ${statement.notAction?.join(', ')}`;
  return `the statement allowing ${actions}`;
}
