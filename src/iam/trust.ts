import { coversEveryone, statementsOf, type Statement } from './statement.js';

/**
 * Who a role trust policy lets in. Judged per Allow statement; Deny statements in trust policies are rare
 * and not credited.
 */

/** Condition keys that tie a request to a known caller. */
const RESTRICTING_KEYS: readonly string[] = [
  'sts:externalid',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
];
/** Keys that prove a third party is who it claims, or belongs to the same organization. */
const CROSS_ACCOUNT_KEYS: readonly string[] = ['sts:externalid', 'aws:principalorgid', 'aws:principalarn'];
/** Operators that require the key to be present and equal (or like) the value; `...IfExists` do not. */
const RESTRICTING_OPERATORS: readonly string[] = ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike'];

/** A value that pins something down: not empty and not wildcards alone. */
function isSpecific(value: string): boolean {
  return /[^*?]/.test(value);
}

/** The restricting condition keys among `keys` that the statement tests with a specific value. */
function restrictingKeys(statement: Statement, keys: readonly string[]): string[] {
  const found: string[] = [];
  for (const [operator, block] of Object.entries(statement.condition)) {
    // `ForAnyValue:` / `ForAllValues:` prefixes change set semantics; the plain operator is what counts here.
    if (!RESTRICTING_OPERATORS.includes(operator)) continue;
    for (const [key, values] of Object.entries(block)) {
      if (keys.includes(key.toLowerCase()) && values.length > 0 && values.every(isSpecific)) found.push(key);
    }
  }
  return found;
}

/** The Allow statements that let anyone assume the role, with no condition pinning the caller down. */
export function publicTrustStatements(trustPolicy: Record<string, unknown>): Statement[] {
  return statementsOf(trustPolicy).filter(
    (statement) =>
      statement.effect === 'Allow' &&
      coversEveryone(statement) &&
      restrictingKeys(statement, RESTRICTING_KEYS).length === 0,
  );
}

/** The account id an AWS principal belongs to (`123456789012`, `arn:aws:iam::123456789012:root`), or null. */
export function principalAccount(principal: string): string | null {
  if (/^\d{12}$/.test(principal)) return principal;
  const match = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal);
  return match?.[1] ?? null;
}

/** An AWS principal of another account that may assume the role without proving who it is. */
export interface UnverifiedCrossAccount {
  sid: string | null;
  principal: string;
  account: string;
}

/**
 * AWS principals of accounts other than `account` allowed in without sts:ExternalId, aws:PrincipalOrgID or
 * aws:PrincipalArn: the confused-deputy opening AWS warns about for third parties.
 */
export function unverifiedCrossAccountPrincipals(
  trustPolicy: Record<string, unknown>,
  account: string,
): UnverifiedCrossAccount[] {
  const found: UnverifiedCrossAccount[] = [];
  for (const statement of statementsOf(trustPolicy)) {
    if (statement.effect !== 'Allow' || statement.principal === null || statement.principal === '*') continue;
    if (restrictingKeys(statement, CROSS_ACCOUNT_KEYS).length > 0) continue;
    for (const principal of statement.principal.AWS ?? []) {
      const other = principalAccount(principal);
      if (other !== null && other !== account) found.push({ sid: statement.sid, principal, account: other });
    }
  }
  return found;
}

/** OIDC providers whose tokens anyone on the platform can obtain: trust must pin the subject. */
const SHARED_OIDC_PROVIDERS: readonly string[] = ['token.actions.githubusercontent.com'];

/** Allow statements trusting a shared OIDC provider without a condition on its `sub` claim. */
export function unrestrictedOidcStatements(trustPolicy: Record<string, unknown>): Statement[] {
  return statementsOf(trustPolicy).filter((statement) => {
    if (statement.effect !== 'Allow' || statement.principal === null || statement.principal === '*')
      return false;
    const providers = (statement.principal.Federated ?? []).filter((federated) =>
      SHARED_OIDC_PROVIDERS.some((host) => federated.endsWith(`oidc-provider/${host}`)),
    );
    if (providers.length === 0) return false;
    const subjectKeys = providers.flatMap((federated) => {
      const host = federated.slice(federated.indexOf('oidc-provider/') + 'oidc-provider/'.length);
      return [`${host}:sub`.toLowerCase()];
    });
    return restrictingKeys(statement, subjectKeys).length === 0;
  });
}
