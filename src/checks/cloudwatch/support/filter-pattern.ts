/**
 * CloudWatch Logs filter patterns, parsed and evaluated against log events, so that a metric filter is judged
 * by what it matches rather than by how it is written (CIS 4.x lists patterns, but any equivalent one will do).
 *
 * Supported, as CloudWatch Logs documents them:
 * - the empty pattern, which matches every event;
 * - term patterns over the raw event text: `ERROR`, `"exact phrase"`, `?either ?or`, `-excluded`, `%regex%`;
 * - JSON patterns `{ ... }`: selectors `$.a.b` and `$.list[0]`; `=` and `!=` against quoted or unquoted strings
 *   with `*` wildcards, numbers or `%regex%`; `<`, `>`, `<=`, `>=` against numbers; `IS NULL`, `NOT EXISTS`,
 *   `IS TRUE`, `IS FALSE`; `&&`, `||` and parentheses (`&&` binds tighter than `||`, as in most languages).
 *
 * Space-delimited patterns (`[ip, user, ...]`) describe text logs, not CloudTrail's JSON: they parse, and
 * match no JSON event.
 */

export type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** A value on the right of a comparison. */
export type Literal =
  { type: 'text'; text: string; quoted: boolean } | { type: 'regex'; source: string; regex: RegExp };

export type JsonExpression =
  | { type: 'and' | 'or'; left: JsonExpression; right: JsonExpression }
  | { type: 'compare'; path: readonly (string | number)[]; operator: Comparison; literal: Literal }
  | { type: 'test'; path: readonly (string | number)[]; test: 'null' | 'not-exists' | 'true' | 'false' };

export interface Term {
  kind: 'required' | 'optional' | 'excluded';
  /** A literal substring, or a regular expression searched for. */
  match: string | RegExp;
}

export type FilterPattern =
  | { type: 'all' }
  | { type: 'terms'; terms: readonly Term[] }
  | { type: 'json'; expression: JsonExpression }
  | { type: 'delimited' };

export type ParsedFilterPattern = { ok: true; pattern: FilterPattern } | { ok: false; error: string };

class PatternError extends Error {}

export function parseFilterPattern(text: string): ParsedFilterPattern {
  const trimmed = text.trim();
  try {
    if (trimmed === '' || trimmed === '""') return { ok: true, pattern: { type: 'all' } };
    if (trimmed.startsWith('{')) return { ok: true, pattern: parseJson(trimmed) };
    if (trimmed.startsWith('[')) {
      if (!trimmed.endsWith(']')) throw new PatternError('a space-delimited pattern must end with ]');
      return { ok: true, pattern: { type: 'delimited' } };
    }
    return { ok: true, pattern: { type: 'terms', terms: parseTerms(trimmed) } };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Whether a log event (a CloudTrail record, as CloudTrail writes it to CloudWatch Logs) matches. */
export function matchesEvent(pattern: FilterPattern, event: Record<string, unknown>): boolean {
  switch (pattern.type) {
    case 'all':
      return true;
    case 'delimited':
      return false;
    case 'terms':
      return matchesTerms(pattern.terms, JSON.stringify(event));
    case 'json':
      return evaluate(pattern.expression, event);
  }
}

// ---- term patterns ----

function parseTerms(text: string): Term[] {
  const terms: Term[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at] ?? '')) {
      at++;
      continue;
    }
    let kind: Term['kind'] = 'required';
    if (text[at] === '?' || text[at] === '-') {
      kind = text[at] === '?' ? 'optional' : 'excluded';
      at++;
    }
    const quote = text[at];
    if (quote === '"' || quote === '%') {
      const end = text.indexOf(quote, at + 1);
      if (end < 0) throw new PatternError(`unterminated ${quote === '"' ? 'quoted term' : 'regex'} at ${at}`);
      const body = text.slice(at + 1, end);
      terms.push({ kind, match: quote === '"' ? body : regexOf(body) });
      at = end + 1;
    } else {
      const end = text.slice(at).search(/\s/);
      const word = end < 0 ? text.slice(at) : text.slice(at, at + end);
      if (word === '') throw new PatternError(`a lone ${kind === 'optional' ? '?' : '-'} at ${at - 1}`);
      terms.push({ kind, match: word });
      at += word.length;
    }
  }
  return terms;
}

function matchesTerms(terms: readonly Term[], text: string): boolean {
  const found = (term: Term) =>
    typeof term.match === 'string' ? text.includes(term.match) : term.match.test(text);
  const optional = terms.filter((term) => term.kind === 'optional');
  return (
    terms.every((term) => term.kind !== 'required' || found(term)) &&
    terms.every((term) => term.kind !== 'excluded' || !found(term)) &&
    (optional.length === 0 || optional.some(found))
  );
}

// ---- JSON patterns ----

type Token =
  | { type: 'punct'; value: '{' | '}' | '(' | ')' | '&&' | '||'; at: number }
  | { type: 'operator'; value: Comparison; at: number }
  | { type: 'selector'; path: (string | number)[]; at: number }
  | { type: 'word'; value: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'regex'; value: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    const two = text.slice(at, at + 2);
    if (/\s/.test(char)) at++;
    else if (two === '&&' || two === '||') {
      tokens.push({ type: 'punct', value: two, at });
      at += 2;
    } else if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ type: 'operator', value: two, at });
      at += 2;
    } else if (char === '=' || char === '<' || char === '>') {
      tokens.push({ type: 'operator', value: char, at });
      at++;
    } else if (char === '{' || char === '}' || char === '(' || char === ')') {
      tokens.push({ type: 'punct', value: char, at });
      at++;
    } else if (char === '"') {
      let value = '';
      let end = at + 1;
      for (; end < text.length && text[end] !== '"'; end++) {
        // A backslash keeps the next character literal (an escaped quote).
        if (text[end] === '\\' && end + 1 < text.length) end++;
        value += text.charAt(end);
      }
      if (end >= text.length) throw new PatternError(`unterminated string at ${at}`);
      tokens.push({ type: 'string', value, at });
      at = end + 1;
    } else if (char === '%') {
      const end = text.indexOf('%', at + 1);
      if (end < 0) throw new PatternError(`unterminated regex at ${at}`);
      tokens.push({ type: 'regex', value: text.slice(at + 1, end), at });
      at = end + 1;
    } else if (char === '$') {
      const match = /^\$((?:\.[A-Za-z0-9_@\-:]+|\[\d+\])*)/.exec(text.slice(at));
      const raw = match?.[1] ?? '';
      if (raw === '') throw new PatternError(`a selector must name a field after $ at ${at}`);
      const path = [...raw.matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((part) =>
        part[1] !== undefined ? part[1] : Number(part[2]),
      );
      tokens.push({ type: 'selector', path, at });
      at += 1 + raw.length;
    } else {
      const match = /^[^\s(){}"&|=!<>]+/.exec(text.slice(at));
      if (!match) throw new PatternError(`unexpected ${char} at ${at}`);
      tokens.push({ type: 'word', value: match[0], at });
      at += match[0].length;
    }
  }
  return tokens;
}

function parseJson(text: string): FilterPattern {
  const tokens = tokenize(text);
  let next = 0;
  const peek = () => tokens[next];
  const describe = (token: Token | undefined) =>
    token ? `${'value' in token ? token.value : '$selector'} at ${token.at}` : 'the end of the pattern';
  const expectPunct = (value: string) => {
    const token = tokens[next];
    if (token?.type !== 'punct' || token.value !== value)
      throw new PatternError(`expected ${value} but found ${describe(token)}`);
    next++;
  };

  const parseOr = (): JsonExpression => {
    let left = parseAnd();
    for (let token = peek(); token?.type === 'punct' && token.value === '||'; token = peek()) {
      next++;
      left = { type: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): JsonExpression => {
    let left = parseUnary();
    for (let token = peek(); token?.type === 'punct' && token.value === '&&'; token = peek()) {
      next++;
      left = { type: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): JsonExpression => {
    const token = peek();
    if (token?.type === 'punct' && token.value === '(') {
      next++;
      const inner = parseOr();
      expectPunct(')');
      return inner;
    }
    if (token?.type !== 'selector')
      throw new PatternError(`expected a $ selector but found ${describe(token)}`);
    next++;
    return parseCondition(token.path);
  };
  const parseCondition = (path: (string | number)[]): JsonExpression => {
    const token = peek();
    if (token?.type === 'word' && (token.value === 'IS' || token.value === 'NOT')) {
      next++;
      const what = peek();
      next++;
      const word = what?.type === 'word' ? what.value : '';
      if (token.value === 'NOT' && word === 'EXISTS') return { type: 'test', path, test: 'not-exists' };
      if (token.value === 'IS' && word === 'NULL') return { type: 'test', path, test: 'null' };
      if (token.value === 'IS' && word === 'TRUE') return { type: 'test', path, test: 'true' };
      if (token.value === 'IS' && word === 'FALSE') return { type: 'test', path, test: 'false' };
      throw new PatternError(`expected NULL, TRUE, FALSE or EXISTS but found ${describe(what)}`);
    }
    if (token?.type !== 'operator')
      throw new PatternError(`expected an operator but found ${describe(token)}`);
    next++;
    const value = peek();
    next++;
    let literal: Literal;
    if (value?.type === 'string') literal = { type: 'text', text: value.value, quoted: true };
    else if (value?.type === 'word') literal = { type: 'text', text: value.value, quoted: false };
    else if (value?.type === 'regex')
      literal = { type: 'regex', source: value.value, regex: regexOf(value.value) };
    else throw new PatternError(`expected a value after ${token.value} but found ${describe(value)}`);
    const ordering = token.value !== '=' && token.value !== '!=';
    if (ordering && (literal.type !== 'text' || !isNumber(literal.text)))
      throw new PatternError(`${token.value} compares numbers, not ${describe(value)}`);
    return { type: 'compare', path, operator: token.value, literal };
  };

  expectPunct('{');
  const expression = parseOr();
  expectPunct('}');
  if (next < tokens.length)
    throw new PatternError(`unexpected ${describe(tokens[next])} after the closing }`);
  return { type: 'json', expression };
}

function regexOf(source: string): RegExp {
  if (source.includes('(') || source.includes(')'))
    throw new PatternError(`CloudWatch Logs regexes cannot use parentheses: %${source}%`);
  try {
    return new RegExp(source);
  } catch (error) {
    throw new PatternError(`invalid regex %${source}%: ${(error as Error).message}`);
  }
}

function isNumber(text: string): boolean {
  return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text);
}

const ABSENT = Symbol('absent');

function select(event: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = event;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(value) || step >= value.length) return ABSENT;
      value = value[step] as unknown;
    } else {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step in value))
        return ABSENT;
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}

function evaluate(expression: JsonExpression, event: Record<string, unknown>): boolean {
  switch (expression.type) {
    case 'and':
      return evaluate(expression.left, event) && evaluate(expression.right, event);
    case 'or':
      return evaluate(expression.left, event) || evaluate(expression.right, event);
    case 'test': {
      const value = select(event, expression.path);
      if (expression.test === 'not-exists') return value === ABSENT;
      if (expression.test === 'null') return value === null;
      return value === (expression.test === 'true');
    }
    case 'compare': {
      const value = select(event, expression.path);
      // A comparison needs a value to compare: an absent field matches neither = nor != (NOT EXISTS is for that).
      if (value === ABSENT || value === null || typeof value === 'object') return false;
      const { operator, literal } = expression;
      if (operator === '=' || operator === '!=') {
        const equal = equals(value as string | number | boolean, literal);
        return operator === '=' ? equal : !equal;
      }
      const number = typeof value === 'number' ? value : Number.NaN;
      const bound = Number(literal.type === 'text' ? literal.text : Number.NaN);
      if (Number.isNaN(number)) return false;
      if (operator === '<') return number < bound;
      if (operator === '>') return number > bound;
      if (operator === '<=') return number <= bound;
      return number >= bound;
    }
  }
}

function equals(value: string | number | boolean, literal: Literal): boolean {
  const text = String(value);
  if (literal.type === 'regex') return literal.regex.test(text);
  if (typeof value === 'number' && !literal.quoted && isNumber(literal.text))
    return value === Number(literal.text);
  if (!literal.text.includes('*')) return text === literal.text;
  const wildcard = literal.text
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${wildcard}$`, 's').test(text);
}
