/** The shape of a secret-detection rule: data, compiled once by the scanner. */

export type SecretSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * How a rule recognises its secret: `token` by a vendor prefix or shape of its own, `key` a private key block,
 * `url` a connection URL with a password, `context` a value told only by the name beside it, `generic` a
 * secret-named assignment gated by entropy.
 */
export type RuleKind = 'token' | 'key' | 'url' | 'context' | 'generic';

/** Where a candidate was found, for validators that look around it. */
export interface MatchContext {
  text: string;
  /** Offsets of the secret in `text` (end exclusive). */
  start: number;
  end: number;
  groups: Readonly<Record<string, string | undefined>>;
}

export interface SecretRuleSpec {
  /** kebab-case, stable: fingerprints and baselines use it. */
  id: string;
  title: string;
  severity: SecretSeverity;
  kind: RuleKind;
  /** Lower-case literals; the rule runs only when one of them occurs in the lower-cased text. */
  keywords: readonly string[];
  /** Must have a named group `secret`. Flags other than `g`/`d` are kept; the scanner adds those. */
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** A format check beyond the regex (a checksum, a decodable header); false drops the candidate. */
  validate?: (secret: string, context: MatchContext) => boolean;
  /** Secrets matching any of these are documented examples or placeholders for this rule. */
  allow?: readonly RegExp[];
  /** The secret may be a bare UUID (legacy tokens of some vendors are); otherwise UUIDs are allowed. */
  uuidSecret?: boolean;
  /** The secret may be bare hex of a git object id's length (40 or 64); otherwise such values are allowed. */
  hexSecret?: boolean;
  /** Where the format is documented. */
  source: string;
}
