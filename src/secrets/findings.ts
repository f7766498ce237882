import {
  findSecrets,
  findSecretsInVariable,
  secretRuleTitle,
  type SecretMatch,
  type SecretRule,
} from './detector.js';

/** A secret as a check reports it: where it is and what it looks like, never its value. */
export interface SecretFinding {
  /** `DB_PASSWORD`, `container app: API_KEY`, `line 12`. */
  where: string;
  rule: SecretRule;
  /** At most the first 4 characters and the length. */
  redacted: string;
}

/** The secrets in named values (environment variables, outputs); `prefix` says whose they are. */
export function secretsInVariables(
  variables: Readonly<Record<string, string>>,
  prefix = '',
): SecretFinding[] {
  return Object.entries(variables).flatMap(([name, value]) =>
    findSecretsInVariable(name, value).map((found) => ({
      where: `${prefix}${name}`,
      rule: found.rule,
      redacted: found.redacted,
    })),
  );
}

/** The secrets in free text (user data), each placed by its line and, for an assignment, its name. */
export function secretsInText(text: string): SecretFinding[] {
  return findSecrets(text).map((found) => ({
    where: placeOf(text, found),
    rule: found.rule,
    redacted: found.redacted,
  }));
}

/** `DB_PASSWORD (literal value under a secret-like name), line 3 (AWS access key id)`. */
export function describeFindings(findings: readonly SecretFinding[]): string {
  return findings.map((found) => `${found.where} (${secretRuleTitle(found.rule)})`).join(', ');
}

function placeOf(text: string, found: SecretMatch): string {
  const line = text.slice(0, found.start).split('\n').length;
  return found.name === null ? `line ${line}` : `line ${line} (${found.name})`;
}
