import { SigmaProblem } from './errors.js';

/** A parsed detection condition. `of` nodes are already expanded to the identifiers they name. */
export type ConditionNode =
  | { kind: 'identifier'; name: string }
  | { kind: 'and'; operands: ConditionNode[] }
  | { kind: 'or'; operands: ConditionNode[] }
  | { kind: 'not'; operand: ConditionNode };

interface Token {
  text: string;
  /** 1-based column in the condition, for error messages. */
  column: number;
}

const IDENTIFIER = /^[A-Za-z0-9_*-]+$/;

/**
 * Parses a condition. Precedence, loosest first: or, and, not, `1 of`/`all of`, parentheses. `them` is every
 * identifier not starting with `_`; a pattern's `*` matches any run of characters.
 */
export function parseCondition(
  condition: string,
  identifiers: readonly string[],
  path: string,
): ConditionNode {
  const tokens = tokenize(condition, path);
  let position = 0;
  const fail = (message: string, token?: Token): never => {
    const at = token === undefined ? 'at the end' : `at column ${String(token.column)} ('${token.text}')`;
    throw new SigmaProblem(path, `syntax error ${at}: ${message}`);
  };
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token | undefined => tokens[position++];

  const parseOr = (): ConditionNode => {
    const operands = [parseAnd()];
    while (peek()?.text === 'or') {
      position++;
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'or', operands };
  };
  const parseAnd = (): ConditionNode => {
    const operands = [parseNot()];
    while (peek()?.text === 'and') {
      position++;
      operands.push(parseNot());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'and', operands };
  };
  const parseNot = (): ConditionNode => {
    if (peek()?.text === 'not') {
      position++;
      return { kind: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionNode => {
    const token = next();
    if (token === undefined) return fail('expected an identifier, `not`, `(` or `1 of`');
    if (token.text === '(') {
      const inner = parseOr();
      const closing = next();
      if (closing?.text !== ')') return fail('expected `)`', closing);
      return inner;
    }
    if (['and', 'or', ')', 'of', 'them'].includes(token.text)) {
      return fail('expected an identifier, `not`, `(` or `1 of`', token);
    }
    if (peek()?.text === 'of') {
      if (!['1', 'any', 'all'].includes(token.text))
        return fail('a quantifier is `1`, `any` or `all`', token);
      position++;
      const target = next();
      if (target === undefined || !IDENTIFIER.test(target.text)) {
        return fail('expected `them` or an identifier pattern after `of`', target);
      }
      const names = expandPattern(target, identifiers);
      if (names.length === 0) return fail(`'${target.text}' names no search identifier`, target);
      const operands = names.map((name): ConditionNode => ({ kind: 'identifier', name }));
      if (operands.length === 1) return operands[0] as ConditionNode;
      return token.text === 'all' ? { kind: 'and', operands } : { kind: 'or', operands };
    }
    if (token.text.includes('*')) return fail('a pattern needs `1 of` or `all of` before it', token);
    if (!identifiers.includes(token.text)) {
      throw new SigmaProblem(
        path,
        `unknown search identifier '${token.text}' at column ${String(token.column)}`,
      );
    }
    return { kind: 'identifier', name: token.text };
  };

  const tree = parseOr();
  const extra = peek();
  if (extra !== undefined) fail('expected `and`, `or` or the end of the condition', extra);
  return tree;
}

function tokenize(condition: string, path: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([()])|([A-Za-z0-9_*-]+)|(\S))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(condition)) !== null && match[0] !== '') {
    const text = match[1] ?? match[2] ?? match[3] ?? '';
    const column = match.index + match[0].length - text.length + 1;
    if (match[3] !== undefined) {
      const hint = text === '|' ? ' (aggregations are not supported; use a correlation rule)' : '';
      throw new SigmaProblem(path, `syntax error at column ${String(column)}: unexpected '${text}'${hint}`);
    }
    tokens.push({ text, column });
  }
  return tokens;
}

function expandPattern(target: Token, identifiers: readonly string[]): string[] {
  if (target.text === 'them') return identifiers.filter((name) => !name.startsWith('_'));
  const regex = new RegExp(`^${target.text.replace(/[-]/g, '\\-').replace(/\*/g, '.*')}$`);
  return identifiers.filter((name) => regex.test(name));
}
