/**
 * The hardcoded-secret detector of the live checks, for configuration text: environment variables, user data,
 * stack outputs and parameters. Pure: text in, matches out. A match never carries the secret, only a redacted
 * form, so a check can put matches in messages and evidence as they are. Besides its own rules below, it reports
 * every vendor token and private key of the rule catalog (`./rules/`) through `scanText`.
 */
import { SECRET_RULES } from './rules/index.js';
import { scanText } from './scan.js';

/** The detector's own rules; matches from the catalog carry the catalog's rule id. */
export type LegacySecretRule =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'github-token'
  | 'slack-token'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'secret-named-value';

/** A detector rule or a catalog rule id (`gitlab-pat`, `jwt`...). */
export type SecretRule = string;

/** What each of the detector's own rules finds, as a message names it. */
export const SECRET_RULE_TITLES: Record<LegacySecretRule, string> = {
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'private-key': 'private key',
  'github-token': 'GitHub token',
  'slack-token': 'Slack token',
  'stripe-secret-key': 'Stripe live secret key',
  'google-api-key': 'Google API key',
  'secret-named-value': 'literal value under a secret-like name',
};

const CATALOG_TITLES = new Map(SECRET_RULES.map((rule) => [rule.id, rule.title]));

/** The title of a detector or catalog rule, as a message names it. */
export function secretRuleTitle(rule: SecretRule): string {
  return (SECRET_RULE_TITLES as Record<string, string>)[rule] ?? CATALOG_TITLES.get(rule) ?? rule;
}

export interface SecretMatch {
  rule: SecretRule;
  /** The variable, output or key the value is assigned to; null for a token found on its own. */
  name: string | null;
  /** Offsets of the secret in the scanned value (end exclusive). */
  start: number;
  end: number;
  /** At most the first 4 characters and the length, e.g. `AKIA…(20 chars)`. */
  redacted: string;
}

interface TokenRule {
  rule: LegacySecretRule;
  pattern: RegExp;
}

/** Tokens recognisable by their shape alone, wherever they appear. */
const TOKEN_RULES: readonly TokenRule[] = [
  // Only AKIA (long-term) and ASIA (temporary) ids are credentials; AIDA, AROA... are identifiers. The body is
  // base32 (A-Z, 2-7).
  { rule: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g },
  {
    rule: 'private-key',
    pattern: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { rule: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})\b/g },
  { rule: 'slack-token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g },
  { rule: 'stripe-secret-key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g },
  { rule: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
];

/** A 40-character secret access key, not part of a longer base64 run. */
const AWS_SECRET_CANDIDATE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** How far from an access key id a secret key is taken as its pair. */
const PAIRING_DISTANCE = 300;
/** A name that says the value is an AWS secret access key. */
const AWS_SECRET_NAME = /secret.?access.?key|aws.?secret/i;

/** Names that say a value is a secret. */
const SECRET_NAME =
  /pass(?:word|wd|phrase)?(?![a-z])|pwd|secret|token|api.?key|private.?key|credential|auth.?key|access.?key|client.?key|signing.?key|encryption.?key|master.?key/i;
/**
 * Names that contain a secret word but hold something else: where the secret is (`DB_SECRET_ARN`,
 * `PASSWORD_FILE`), a setting about it (`TOKEN_TTL`), or a public key.
 */
const NOT_A_SECRET_NAME =
  /(?:arn|name|id|ids|file|path|dir|url|uri|endpoint|host|length|len|min|max|ttl|expiry|expires|expiration|type|enabled|count|header|region|version|policy|rotation|parameter|param|ref|location|prefix|format|seconds|secs|minutes|hours|days|audience|issuer|scope|scopes|algorithm|alg|mode)$|public.?key/i;
/** Values shorter than this under a secret name are too short to be taken for a real secret. */
const MIN_NAMED_VALUE_LENGTH = 8;

/** `NAME=value`, `NAME: value`, `"NAME": "value"`, `export NAME='value'`, `--name value` in free text. */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.-])(?:--([A-Za-z][A-Za-z0-9-]*)(?:[ \t]+|=)|([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?::=|=>|=|:)[ \t]*)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"',;]+))/g;

/** Every secret found in `text`: tokens by shape, AWS secret keys near a key id, secret-named assignments. */
export function findSecrets(text: string): SecretMatch[] {
  const found = [...findTokens(text, null), ...findAwsSecretKeys(text, null, false)];
  const matches = [...found, ...findCatalogTokens(text, null, found)];
  for (const assignment of text.matchAll(ASSIGNMENT)) {
    const name = assignment[1] ?? assignment[2] ?? '';
    const value = assignment[3] ?? assignment[4] ?? assignment[5] ?? '';
    if (!isSecretName(name) || !isLiteralSecret(value)) continue;
    // The value sits at the end of the assignment; quotes, if any, follow it.
    const quoted = assignment[3] !== undefined || assignment[4] !== undefined;
    const end = assignment.index + assignment[0].length - (quoted ? 1 : 0);
    matches.push(match('secret-named-value', name, text, end - value.length, end));
  }
  return settle(matches);
}

/**
 * The secrets in one named value (an environment variable, a stack output or parameter): tokens by shape
 * anywhere in it, and the whole value when the name says it is a secret.
 */
export function findSecretsInVariable(name: string, value: string): SecretMatch[] {
  const found = [...findTokens(value, name), ...findAwsSecretKeys(value, name, AWS_SECRET_NAME.test(name))];
  const matches = [...found, ...findCatalogTokens(value, name, found)];
  if (isSecretName(name) && isLiteralSecret(value)) {
    matches.push(match('secret-named-value', name, value, 0, value.length));
  }
  return settle(matches);
}

/**
 * A value under a secret name that is itself the secret: long enough, not a placeholder, and not a plain URL
 * (a token endpoint, an issuer); a URL with credentials in it (`https://user:pass@host`) still counts.
 */
function isLiteralSecret(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed.length >= MIN_NAMED_VALUE_LENGTH &&
    !isPlaceholder(trimmed) &&
    !/^https?:\/\/[^/@\s]+(?:[/?#]\S*)?$/.test(trimmed)
  );
}

/** True when a name says its value is a secret (`DB_PASSWORD`, `apiKey`), not where one is kept. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET_NAME.test(name);
}

/**
 * Values that stand for a secret without being one: empty, masked (`****`), a reference resolved elsewhere
 * (`${...}`, `$VAR`, `{{resolve:...}}`, a Secrets Manager or SSM ARN), or AWS documentation examples.
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === '' ||
    /^\*+$/.test(trimmed) ||
    /^\$[{(]?[A-Za-z_]/.test(trimmed) ||
    trimmed.includes('{{resolve:') ||
    /^\{\{.*\}\}$/.test(trimmed) ||
    /^arn:aws[a-z-]*:(?:secretsmanager|ssm):/.test(trimmed) ||
    trimmed.includes('EXAMPLE')
  );
}

/** `AKIA…(20 chars)`: the first characters (at most 4, fewer for short values) and the length. */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

function findTokens(text: string, name: string | null): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { rule, pattern } of TOKEN_RULES) {
    for (const hit of text.matchAll(pattern)) {
      if (hit[0].includes('EXAMPLE')) continue;
      found.push(match(rule, name, text, hit.index, hit.index + hit[0].length));
    }
  }
  return found;
}

/** Catalog rules the detector's own rules already cover (AWS key ids, private-key headers). */
const COVERED_BY_DETECTOR = /^(?:aws-access-key-id|private-key-.*|pgp-private-key)$/;

/**
 * Vendor tokens and private keys of the catalog that the detector's own rules did not find: shapes only, so
 * the named-value logic below keeps deciding what a secret-named value is.
 */
function findCatalogTokens(text: string, name: string | null, known: readonly SecretMatch[]): SecretMatch[] {
  return scanText(text)
    .filter(
      (finding) =>
        (finding.kind === 'token' || finding.kind === 'key') &&
        !COVERED_BY_DETECTOR.test(finding.ruleId) &&
        !known.some((other) => other.start < finding.end && finding.start < other.end),
    )
    .map((finding) => match(finding.ruleId, name, text, finding.start, finding.end));
}

/**
 * A 40-character secret key is only told from any base64 run by its context: an access key id close by, or a
 * name that says what it is (`aws_secret_access_key = ...`, or the variable's own name).
 */
function findAwsSecretKeys(text: string, name: string | null, named: boolean): SecretMatch[] {
  const keyIds = [...text.matchAll(/\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g)].map((hit) => hit.index);
  const found: SecretMatch[] = [];
  for (const hit of text.matchAll(AWS_SECRET_CANDIDATE)) {
    const candidate = hit[0];
    if (!looksRandom(candidate) || candidate.includes('EXAMPLE')) continue;
    const lineStart = text.lastIndexOf('\n', hit.index) + 1;
    const paired =
      named ||
      keyIds.some((at) => Math.abs(at - hit.index) <= PAIRING_DISTANCE) ||
      AWS_SECRET_NAME.test(text.slice(lineStart, hit.index));
    if (paired) found.push(match('aws-secret-access-key', name, text, hit.index, hit.index + 40));
  }
  return found;
}

/** Mixed case and a digit: a generated key, not a word, a path or a 40-hex git hash. */
function looksRandom(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

function match(rule: SecretRule, name: string | null, text: string, start: number, end: number): SecretMatch {
  return { rule, name, start, end, redacted: redact(text.slice(start, end)) };
}

/** In text order; a secret-named value that holds a token already found is reported once, as the token. */
function settle(matches: SecretMatch[]): SecretMatch[] {
  const tokens = matches.filter((found) => found.rule !== 'secret-named-value');
  const named = matches.filter(
    (found) =>
      found.rule === 'secret-named-value' &&
      !tokens.some((token) => token.start < found.end && found.start < token.end),
  );
  return [...tokens, ...named].sort((a, b) => a.start - b.start || a.end - b.end);
}
