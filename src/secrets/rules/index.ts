import { CONTEXT_RULES } from './context.js';
import { TOKEN_RULES } from './tokens.js';
import type { SecretRuleSpec } from './types.js';

export type { MatchContext, RuleKind, SecretRuleSpec, SecretSeverity } from './types.js';

/**
 * Every rule, in priority order: where two findings overlap, the earlier rule's stands (a vendor token over a
 * URL password, both over a generic assignment).
 */
export const SECRET_RULES: readonly SecretRuleSpec[] = [
  ...CONTEXT_RULES.filter((rule) => rule.kind === 'token' || rule.kind === 'key'),
  ...TOKEN_RULES,
  ...CONTEXT_RULES.filter((rule) => rule.kind === 'context'),
  ...CONTEXT_RULES.filter((rule) => rule.kind === 'url'),
  ...CONTEXT_RULES.filter((rule) => rule.kind === 'generic'),
];
