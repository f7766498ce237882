/**
 * IAM wildcard patterns after variable substitution. A pattern is a list of parts: text written in the policy,
 * where `*` and `?` are wildcards, and literal text (a substituted variable value, or the `${*}` `${?}` `${$}`
 * escapes) where they are plain characters.
 */

export interface PatternPart {
  text: string;
  /** True when `*` and `?` in `text` are plain characters, not wildcards. */
  literal: boolean;
}

export type Pattern = readonly PatternPart[];

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one'; crossesColons: boolean }
  | { kind: 'star'; crossesColons: boolean };

export interface PatternOptions {
  ignoreCase: boolean;
  /**
   * ARN matching (Resource, NotResource, Arn* operators): within the first five colon-separated segments a `*` or
   * `?` stays inside its segment, except a `*` that ends its segment, which may expand beyond colon boundaries
   * (IAM User Guide, "IAM JSON policy elements: Resource", "Using wildcards in resource ARNs"). The sixth segment,
   * the resource id, may itself contain colons, so wildcards there match anything.
   */
  arn: boolean;
}

/** A pattern written in a policy with no variables: every `*` and `?` is a wildcard. */
export function patternOf(text: string): Pattern {
  return [{ text, literal: false }];
}

/** The text a pattern stands for when compared for equality: wildcards are plain characters then. */
export function patternText(pattern: Pattern): string {
  return pattern.map((part) => part.text).join('');
}

/** A pattern written in the policy (no variables) against a value: actions, or resources of 2008-10-17 policies. */
export function matchesWritten(text: string, value: string, options: PatternOptions): boolean {
  if (text === '*') return true;
  return matchesPattern([{ text, literal: false }], value, options);
}

export function matchesPattern(pattern: Pattern, value: string, options: PatternOptions): boolean {
  const compiled = compile(pattern, options);
  const subject = options.ignoreCase ? value.toLowerCase() : value;
  if (compiled.plain !== null) return compiled.plain === subject;
  return compiled.uniformStars
    ? matchGreedy(compiled.tokens, subject)
    : matchTokens(compiled.tokens, subject);
}

interface CompiledPattern {
  tokens: readonly Token[];
  /** The whole pattern when it has no wildcard: then matching is string equality. */
  plain: string | null;
  /** Every star may cross colons, so the linear greedy matcher is exact. */
  uniformStars: boolean;
}

// Policies repeat the same few patterns across thousands of principals: compile each once, per matching mode.
const compiledPatterns = [0, 1, 2, 3].map(() => new Map<string, CompiledPattern>());
const CACHE_LIMIT = 100_000;

function compile(pattern: Pattern, options: PatternOptions): CompiledPattern {
  const only = pattern.length === 1 ? pattern[0] : undefined;
  const cache =
    only !== undefined && !only.literal
      ? compiledPatterns[(options.arn ? 2 : 0) + (options.ignoreCase ? 1 : 0)]
      : undefined;
  const cached = cache?.get(only?.text ?? '');
  if (cached !== undefined) return cached;
  const tokens = tokenize(pattern, options);
  const wild = tokens.some((token) => token.kind !== 'char');
  const compiled: CompiledPattern = {
    tokens,
    plain: wild ? null : tokens.map((token) => (token.kind === 'char' ? token.char : '')).join(''),
    uniformStars: tokens.every((token) => token.kind !== 'star' || token.crossesColons),
  };
  if (cache !== undefined && only !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(only.text, compiled);
  }
  return compiled;
}

function tokenize(pattern: Pattern, options: PatternOptions): Token[] {
  const tokens: Token[] = [];
  for (const part of pattern) {
    const text = options.ignoreCase ? part.text.toLowerCase() : part.text;
    for (const char of text) {
      if (part.literal || (char !== '*' && char !== '?')) tokens.push({ kind: 'char', char });
      else if (char === '?') tokens.push({ kind: 'one', crossesColons: true });
      else tokens.push({ kind: 'star', crossesColons: true });
    }
  }
  if (!options.arn) return tokens;
  // Restrict the wildcards of the first five segments; colons are counted in the pattern itself.
  let colons = 0;
  return tokens.map((token, index): Token => {
    if (token.kind === 'char') {
      if (token.char === ':') colons++;
      return token;
    }
    if (colons >= 5) return token;
    if (token.kind === 'one') return { kind: 'one', crossesColons: false };
    const next = tokens[index + 1];
    const endsSegment = next === undefined || (next.kind === 'char' && next.char === ':');
    return { kind: 'star', crossesColons: endsSegment };
  });
}

function matchesToken(token: Token, char: string): boolean {
  if (token.kind === 'char') return token.char === char;
  return token.crossesColons || char !== ':';
}

/** Classic glob matching with backtracking to the last star: linear in practice when all stars are alike. */
function matchGreedy(tokens: readonly Token[], value: string): boolean {
  let ti = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < value.length) {
    const token = tokens[ti];
    if (token !== undefined && token.kind !== 'star' && matchesToken(token, value[vi] ?? '')) {
      ti++;
      vi++;
    } else if (token?.kind === 'star') {
      star = ti++;
      resume = vi;
    } else if (star !== -1) {
      ti = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}

/** Dynamic programming over pattern tokens: linear in pattern × value, no regex, no catastrophic backtracking. */
function matchTokens(tokens: readonly Token[], value: string): boolean {
  // reachable[i] = the first `i` characters of value can be matched by the tokens processed so far.
  let reachable = new Uint8Array(value.length + 1);
  reachable[0] = 1;
  for (const token of tokens) {
    const next = new Uint8Array(value.length + 1);
    if (token.kind === 'star') {
      let open = false;
      for (let index = 0; index <= value.length; index++) {
        if (reachable[index] === 1) open = true;
        if (open) next[index] = 1;
        // A star confined to its segment cannot swallow the colon that ends it.
        if (!token.crossesColons && value[index] === ':') open = false;
      }
    } else {
      for (let index = 0; index < value.length; index++) {
        if (reachable[index] !== 1) continue;
        const char = value[index];
        if (token.kind === 'char' ? char === token.char : token.crossesColons || char !== ':')
          next[index + 1] = 1;
      }
    }
    reachable = next;
  }
  return reachable[value.length] === 1;
}
