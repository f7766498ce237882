/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"): `${aws:username}` in a Resource or
 * a condition value is replaced by the request's value for that key. Only policies with Version 2012-10-17 have
 * variables; in 2008-10-17 policies `${...}` is plain text.
 */
import type { PolicyDocument, RequestContext } from './types.js';
import type { Pattern, PatternPart } from './patterns.js';

/** `${*}`, `${?}` and `${$}` stand for the plain characters, so a policy can name a literal `*`. */
const ESCAPES = new Set(['*', '?', '$']);

export function variablesApply(version: PolicyDocument['version']): boolean {
  return version === '2012-10-17';
}

/**
 * Substitutes the variables of `template` from `context` (keys lower-cased). Returns null when a variable has no
 * single value and no default: AWS treats the element as matching nothing then ("Policy variables with no value").
 * Multivalued keys cannot be variables, so an array value counts as no value.
 */
export function substituteVariables(
  template: string,
  context: RequestContext,
  enabled: boolean,
): Pattern | null {
  if (!enabled || !template.includes('${')) return [{ text: template, literal: false }];
  const parts: PatternPart[] = [];
  let rest = template;
  for (;;) {
    const start = rest.indexOf('${');
    const end = start === -1 ? -1 : rest.indexOf('}', start + 2);
    if (start === -1 || end === -1) {
      if (rest !== '') parts.push({ text: rest, literal: false });
      return parts;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), literal: false });
    const value = resolveVariable(rest.slice(start + 2, end), context);
    if (value === null) return null;
    parts.push({ text: value, literal: true });
    rest = rest.slice(end + 1);
  }
}

/** The value of one `${...}` body: an escape, a key's single value, or the quoted default. */
function resolveVariable(body: string, context: RequestContext): string | null {
  const trimmed = body.trim();
  if (ESCAPES.has(trimmed)) return trimmed;
  const comma = trimmed.indexOf(',');
  const key = (comma === -1 ? trimmed : trimmed.slice(0, comma)).trim().toLowerCase();
  const value = context[key];
  if (typeof value === 'string') return value;
  if (comma === -1) return null;
  return parseDefault(trimmed.slice(comma + 1).trim());
}

/** `'company-wide'` -> company-wide; a quote inside is written twice. Anything else is not a default. */
function parseDefault(text: string): string | null {
  if (text.length < 2 || !text.startsWith("'") || !text.endsWith("'")) return null;
  const inner = text.slice(1, -1);
  if (inner.replaceAll("''", '').includes("'")) return null;
  return inner.replaceAll("''", "'");
}
