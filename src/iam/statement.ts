/** One statement of a policy document, with single values widened to lists. */
export interface Statement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** `*` for everyone; otherwise principals by type (`AWS`, `Service`, `Federated`, `CanonicalUser`). */
  principal: '*' | Record<string, string[]> | null;
  notPrincipal: '*' | Record<string, string[]> | null;
  action: string[] | null;
  notAction: string[] | null;
  resource: string[] | null;
  notResource: string[] | null;
  /** operator -> condition key -> values, values as strings (IAM compares them as strings). */
  condition: Record<string, Record<string, string[]>>;
}

function strings(value: unknown): string[] | null {
  if (value === undefined) return null;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function principals(value: unknown): Statement['principal'] {
  if (value === undefined) return null;
  if (value === '*') return '*';
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([type, ids]) => [type, strings(ids) ?? []]));
}

/**
 * The statements of a policy document. Lenient by design: malformed statements are skipped, because a check
 * that asks "is there a statement that denies X" must not count a statement IAM would reject.
 */
export function statementsOf(document: Record<string, unknown>): Statement[] {
  const raw = document.Statement;
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  const statements: Statement[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    if (entry.Effect !== 'Allow' && entry.Effect !== 'Deny') continue;
    const condition: Statement['condition'] = {};
    if (typeof entry.Condition === 'object' && entry.Condition !== null) {
      for (const [operator, block] of Object.entries(entry.Condition)) {
        if (typeof block !== 'object' || block === null) continue;
        condition[operator] = Object.fromEntries(
          Object.entries(block as Record<string, unknown>).map(([key, values]) => [
            key,
            strings(values) ?? [],
          ]),
        );
      }
    }
    statements.push({
      sid: typeof entry.Sid === 'string' ? entry.Sid : null,
      effect: entry.Effect,
      principal: principals(entry.Principal),
      notPrincipal: principals(entry.NotPrincipal),
      action: strings(entry.Action),
      notAction: strings(entry.NotAction),
      resource: strings(entry.Resource),
      notResource: strings(entry.NotResource),
      condition,
    });
  }
  return statements;
}

/** Whether a statement's Principal covers every caller, anonymous ones included (`*` or `{"AWS": "*"}`). */
export function coversEveryone(statement: Statement): boolean {
  if (statement.notPrincipal !== null) return false;
  const principal = statement.principal;
  if (principal === '*') return true;
  return principal !== null && (principal.AWS ?? []).includes('*');
}
