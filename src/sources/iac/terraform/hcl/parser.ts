/**
 * A recursive-descent parser for HCL native syntax, over the tokens of `lexer.ts`. Written from the HCL native
 * syntax specification. Newlines end attributes in a body and are ignored inside brackets, parentheses,
 * object constructors and interpolations.
 */

import type { Position } from '../../types.js';
import type { Attribute, Block, Body, Expr, TemplatePart } from './ast.js';
import { HclSyntaxError, tokenize, type Comment, type Token } from './lexer.js';

export { HclSyntaxError } from './lexer.js';

/** Nesting deeper than this (blocks, brackets, templates) is refused rather than risk the stack. */
export const MAX_DEPTH = 128;

export interface HclFile {
  body: Body;
  comments: Comment[];
}

/** Parses a whole file; throws HclSyntaxError (with line and column) on the first syntax error. */
export function parseHcl(source: string): HclFile {
  const { tokens, comments } = tokenize(source);
  const parser = new Parser(tokens);
  const body = parser.parseBody(true);
  return { body, comments };
}

/** Parses one expression (used by tests and for `-var`-style values). */
export function parseExpression(source: string): Expr {
  const { tokens } = tokenize(source);
  const parser = new Parser(tokens);
  return parser.parseStandaloneExpression();
}

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['>', '>=', '<', '<='],
  ['+', '-'],
  ['*', '/', '%'],
];

type Expression = Expr;
type Distribute<T> = T extends unknown ? Omit<T, 'line' | 'column'> : never;
type ExprShape = Distribute<Expression>;

class Parser {
  private index = 0;
  private depth = 0;
  /** Whether newlines are skipped in the current context (inside brackets) or significant (in a body). */
  private readonly skipNewlines: boolean[] = [false];

  constructor(private readonly tokens: Token[]) {}

  // Token access.

  private raw(ahead = 0): Token {
    const token = this.tokens[this.index + ahead] ?? this.tokens[this.tokens.length - 1];
    if (!token) throw new HclSyntaxError('empty input', 1, 1);
    return token;
  }

  private skipping(): boolean {
    return this.skipNewlines[this.skipNewlines.length - 1] ?? false;
  }

  private peek(): Token {
    if (this.skipping()) while (this.raw().type === 'newline') this.index++;
    return this.raw();
  }

  /** The token after the next one, skipping newlines when they are skipped here. */
  private peekSecond(): Token {
    this.peek();
    let ahead = 1;
    if (this.skipping()) while (this.raw(ahead).type === 'newline') ahead++;
    return this.raw(ahead);
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index++;
    return token;
  }

  private isPunct(text: string, token: Token = this.peek()): boolean {
    return token.type === 'punct' && token.text === text;
  }

  private expectPunct(text: string): Token {
    const token = this.peek();
    if (!this.isPunct(text, token)) this.fail(`expected "${text}", found ${describe(token)}`, token);
    return this.next();
  }

  private expectIdent(what: string): Token {
    const token = this.peek();
    if (token.type !== 'ident') this.fail(`expected ${what}, found ${describe(token)}`, token);
    return this.next();
  }

  private fail(message: string, at: Position): never {
    throw new HclSyntaxError(message, at.line, at.column);
  }

  private enter(at: Position): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, at);
  }

  private leave(): void {
    this.depth--;
  }

  private withNewlines<T>(skip: boolean, parse: () => T): T {
    this.skipNewlines.push(skip);
    try {
      return parse();
    } finally {
      this.skipNewlines.pop();
    }
  }

  // Bodies.

  parseBody(topLevel: boolean): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (;;) {
      while (this.raw().type === 'newline') this.index++;
      const token = this.raw();
      if (token.type === 'eof') {
        if (!topLevel) this.fail('missing "}" to close the block', token);
        return body;
      }
      if (this.isPunct('}', token)) {
        if (topLevel) this.fail('unexpected "}"', token);
        return body;
      }
      this.parseItem(body);
      const end = this.raw();
      if (end.type === 'newline') this.index++;
      else if (end.type !== 'eof' && !this.isPunct('}', end)) {
        this.fail(`expected a newline after the ${describe(end)}`, end);
      }
    }
  }

  private parseItem(body: Body): void {
    const name = this.expectIdent('an attribute or block name');
    if (this.isPunct('=')) {
      this.next();
      const expr = this.parseExpr();
      if (body.attributes.some((attribute) => attribute.name === name.text)) {
        this.fail(`attribute "${name.text}" is defined twice`, name);
      }
      const attribute: Attribute = { name: name.text, expr, line: name.line, column: name.column };
      body.attributes.push(attribute);
      return;
    }
    const labels: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'ident') {
        labels.push(this.next().text);
      } else if (token.type === 'oquote') {
        labels.push(this.parseLabel());
      } else {
        break;
      }
    }
    const open = this.peek();
    if (!this.isPunct('{', open))
      this.fail(`expected "=" or "{" after "${name.text}", found ${describe(open)}`, open);
    this.next();
    this.enter(open);
    let inner: Body;
    if (this.raw().type === 'newline' || this.isPunct('}', this.raw())) {
      inner = this.parseBody(false);
    } else {
      // A one-line block: at most one attribute, then "}".
      inner = { attributes: [], blocks: [] };
      this.parseItem(inner);
      if (!this.isPunct('}', this.raw())) this.fail('a one-line block holds a single attribute', this.raw());
    }
    const close = this.expectPunct('}');
    this.leave();
    const block: Block = {
      type: name.text,
      labels,
      body: inner,
      line: name.line,
      column: name.column,
      endLine: close.line,
    };
    body.blocks.push(block);
  }

  private parseLabel(): string {
    this.next();
    let text = '';
    for (;;) {
      const token = this.next();
      if (token.type === 'cquote') return text;
      if (token.type !== 'lit') this.fail('a block label cannot hold interpolations', token);
      text += token.text;
    }
  }

  parseStandaloneExpression(): Expr {
    const expr = this.withNewlines(true, () => this.parseExpr());
    const end = this.peek();
    while (this.raw().type === 'newline') this.index++;
    if (this.raw().type !== 'eof') this.fail(`unexpected ${describe(this.raw())} after the expression`, end);
    return expr;
  }

  // Expressions.

  private node(at: Position, shape: ExprShape): Expr {
    return { ...shape, line: at.line, column: at.column };
  }

  private parseExpr(): Expr {
    const start = this.peek();
    this.enter(start);
    try {
      const cond = this.parseBinary(0);
      if (!this.isPunct('?')) return cond;
      this.next();
      const then = this.parseExpr();
      this.expectPunct(':');
      const otherwise = this.parseExpr();
      return this.node(start, { kind: 'conditional', cond, then, else: otherwise });
    } finally {
      this.leave();
    }
  }

  private parseBinary(level: number): Expr {
    const operators = BINARY_LEVELS[level];
    if (!operators) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punct' || !operators.includes(token.text)) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      left = this.node(left, { kind: 'binary', op: token.text, left, right });
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (this.isPunct('!', token) || this.isPunct('-', token)) {
      this.next();
      this.enter(token);
      const operand = this.parseUnary();
      this.leave();
      return this.node(token, { kind: 'unary', op: token.text === '!' ? '!' : '-', operand });
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** Attribute access, indexes and splats after a primary expression. */
  private parsePostfix(start: Expr): Expr {
    let expr = start;
    for (;;) {
      const token = this.peek();
      if (this.isPunct('.', token)) {
        const after = this.peekSecond();
        if (after.type === 'punct' && after.text === '*') {
          this.next();
          this.next();
          expr = this.parseSplat(expr, false);
          continue;
        }
        this.next();
        expr = this.parseAttributeStep(expr, expr);
        continue;
      }
      if (this.isPunct('[', token)) {
        const after = this.peekSecond();
        if (after.type === 'punct' && after.text === '*') {
          this.next();
          this.next();
          this.expectPunct(']');
          expr = this.parseSplat(expr, true);
          continue;
        }
        this.next();
        const key = this.withNewlines(true, () => this.parseExpr());
        this.expectPunct(']');
        expr = this.node(expr, { kind: 'index', target: expr, key });
        continue;
      }
      return expr;
    }
  }

  private parseAttributeStep(target: Expr, at: Position): Expr {
    const step = this.next();
    if (step.type === 'ident') return this.node(at, { kind: 'getattr', target, name: step.text });
    if (step.type === 'number' && /^[0-9]+$/.test(step.text)) {
      const key = this.node(step, { kind: 'literal', value: Number(step.text) });
      return this.node(at, { kind: 'index', target, key });
    }
    return this.fail(`expected an attribute name after ".", found ${describe(step)}`, step);
  }

  /** `[*]` (full splat: later attributes and indexes apply to each element) or `.*` (attributes only). */
  private parseSplat(target: Expr, full: boolean): Expr {
    const at: Position = target;
    let each: Expr = this.node(at, { kind: 'splatItem' });
    for (;;) {
      const token = this.peek();
      if (this.isPunct('.', token) && this.peekSecond().type !== 'punct') {
        this.next();
        each = this.parseAttributeStep(each, token);
      } else if (full && this.isPunct('[', token) && !this.isPunct('*', this.peekSecond())) {
        this.next();
        const key = this.withNewlines(true, () => this.parseExpr());
        this.expectPunct(']');
        each = this.node(token, { kind: 'index', target: each, key });
      } else {
        break;
      }
    }
    return this.node(at, { kind: 'splat', target, each });
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.next();
        return this.node(token, { kind: 'literal', value: Number(token.text) });
      case 'ident':
        return this.parseIdentifier();
      case 'oquote':
        this.next();
        return this.node(token, { kind: 'template', parts: this.parseTemplate('cquote', false, 0) });
      case 'oheredoc':
        return this.parseHeredoc();
      case 'punct':
        if (token.text === '[') return this.parseTuple();
        if (token.text === '{') return this.parseObject();
        if (token.text === '(') {
          this.next();
          const expr = this.withNewlines(true, () => this.parseExpr());
          this.expectPunct(')');
          return this.node(token, { kind: 'parens', expr });
        }
        break;
      default:
        break;
    }
    return this.fail(`expected an expression, found ${describe(token)}`, token);
  }

  private parseIdentifier(): Expr {
    const token = this.next();
    if (token.text === 'true' || token.text === 'false') {
      return this.node(token, { kind: 'literal', value: token.text === 'true' });
    }
    if (token.text === 'null') return this.node(token, { kind: 'literal', value: null });
    // A call's "(" must follow the name directly (not on the next line).
    const open = this.raw();
    if (!this.isPunct('(', open)) return this.node(token, { kind: 'variable', name: token.text });
    this.next();
    return this.withNewlines(true, () => {
      const args: Expr[] = [];
      let expand = false;
      while (!this.isPunct(')')) {
        if (expand) this.fail('"..." may only follow the last argument', this.peek());
        args.push(this.parseExpr());
        if (this.isPunct('...')) {
          this.next();
          expand = true;
        }
        if (this.isPunct(',')) this.next();
        else if (!this.isPunct(')'))
          this.fail(`expected "," or ")", found ${describe(this.peek())}`, this.peek());
      }
      this.next();
      return this.node(token, { kind: 'call', name: token.text, args, expand });
    });
  }

  private startsFor(): boolean {
    const token = this.peek();
    if (token.type !== 'ident' || token.text !== 'for') return false;
    const after = this.peekSecond();
    return after.type === 'ident';
  }

  private parseTuple(): Expr {
    const open = this.next();
    return this.withNewlines(true, () => {
      if (this.startsFor()) return this.parseFor(open, false);
      const items: Expr[] = [];
      while (!this.isPunct(']')) {
        if (this.peek().type === 'eof') this.fail('missing "]" to close the list', open);
        items.push(this.parseExpr());
        if (this.isPunct(',')) this.next();
        else if (!this.isPunct(']'))
          this.fail(`expected "," or "]", found ${describe(this.peek())}`, this.peek());
      }
      this.next();
      return this.node(open, { kind: 'tuple', items });
    });
  }

  private parseObject(): Expr {
    const open = this.next();
    return this.withNewlines(true, () => {
      if (this.startsFor()) return this.parseFor(open, true);
      const items: { key: Expr; value: Expr }[] = [];
      while (!this.isPunct('}')) {
        const token = this.peek();
        if (token.type === 'eof') this.fail('missing "}" to close the object', open);
        let key: Expr;
        const after = this.peekSecond();
        if (token.type === 'ident' && after.type === 'punct' && (after.text === '=' || after.text === ':')) {
          this.next();
          key = this.node(token, { kind: 'literal', value: token.text });
        } else {
          key = this.parseExpr();
        }
        const separator = this.peek();
        if (!this.isPunct('=', separator) && !this.isPunct(':', separator)) {
          this.fail(`expected "=" or ":" after the object key, found ${describe(separator)}`, separator);
        }
        this.next();
        const value = this.parseExpr();
        items.push({ key, value });
        if (this.isPunct(',')) this.next();
      }
      this.next();
      return this.node(open, { kind: 'object', items });
    });
  }

  private parseFor(open: Token, object: boolean): Expr {
    this.next(); // for
    const first = this.expectIdent('a variable name');
    let keyVar: string | null = null;
    let valueVar = first.text;
    if (this.isPunct(',')) {
      this.next();
      keyVar = first.text;
      valueVar = this.expectIdent('a variable name').text;
    }
    const keyword = this.expectIdent('"in"');
    if (keyword.text !== 'in') this.fail(`expected "in", found ${describe(keyword)}`, keyword);
    const collection = this.parseExpr();
    this.expectPunct(':');
    let keyExpr: Expr | null = null;
    if (object) {
      keyExpr = this.parseExpr();
      this.expectPunct('=>');
    }
    const valueExpr = this.parseExpr();
    let grouping = false;
    if (object && this.isPunct('...')) {
      this.next();
      grouping = true;
    }
    let cond: Expr | null = null;
    const maybeIf = this.peek();
    if (maybeIf.type === 'ident' && maybeIf.text === 'if') {
      this.next();
      cond = this.parseExpr();
    }
    this.expectPunct(object ? '}' : ']');
    return this.node(open, { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, cond, grouping });
  }

  // Templates.

  private parseHeredoc(): Expr {
    const open = this.next();
    let indent = 0;
    if (open.indent) {
      // The smallest indentation of the non-blank lines (a line starting with an interpolation has none).
      indent = Infinity;
      for (let ahead = this.index; ; ahead++) {
        const token = this.tokens[ahead];
        if (!token || token.type === 'cheredoc' || token.type === 'eof') break;
        if (token.column !== 1) continue;
        if (token.type === 'lit') {
          const leading = /^[ \t]*/.exec(token.text)?.[0].length ?? 0;
          if (token.text.slice(leading).trim() !== '' || this.tokens[ahead + 1]?.line === token.line) {
            indent = Math.min(indent, leading);
          }
        } else if (token.type === 'interp' || token.type === 'control') {
          indent = 0;
        }
      }
      if (indent === Infinity) indent = 0;
    }
    const parts = this.parseTemplate('cheredoc', open.indent === true, indent);
    return this.node(open, { kind: 'template', parts });
  }

  /**
   * The parts of a template up to `end` (close quote or heredoc end); directives nest. Returns when it meets
   * `end` or, inside a directive, `else`/`endif`/`endfor` (left for the caller to consume).
   */
  private parseTemplate(end: 'cquote' | 'cheredoc', dedent: boolean, indent: number): TemplatePart[] {
    return this.withNewlines(false, () => {
      const parts = this.templateParts(end, dedent, indent, null);
      const close = this.next();
      if (close.type !== end) this.fail(`unexpected ${describe(close)} in a template`, close);
      return parts;
    });
  }

  private stripNext = false;

  private templateParts(
    end: 'cquote' | 'cheredoc',
    dedent: boolean,
    indent: number,
    inside: 'if' | 'for' | null,
  ): TemplatePart[] {
    const parts: TemplatePart[] = [];
    const stripLast = (): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'lit') last.value = last.value.trimEnd();
    };
    for (;;) {
      const token = this.raw();
      if (token.type === end || token.type === 'eof') {
        if (inside !== null) this.fail(`missing %{ end${inside} }`, token);
        return parts;
      }
      if (token.type === 'lit') {
        this.index++;
        let value = dedent && token.column === 1 ? token.text.slice(indent) : token.text;
        if (this.stripNext) value = value.trimStart();
        this.stripNext = false;
        const last = parts[parts.length - 1];
        if (last?.kind === 'lit') last.value += value;
        else parts.push({ kind: 'lit', value });
        continue;
      }
      if (token.type === 'interp') {
        this.index++;
        if (token.strip) stripLast();
        this.enter(token);
        const expr = this.withNewlines(true, () => this.parseExpr());
        this.leave();
        this.endSequence();
        parts.push({ kind: 'interp', expr });
        continue;
      }
      if (token.type === 'control') {
        const keyword = this.raw(1);
        if (keyword.type === 'ident' && ['else', 'endif', 'endfor'].includes(keyword.text)) {
          if (inside === null) this.fail(`unexpected %{ ${keyword.text} }`, keyword);
          return parts; // The caller consumes the directive.
        }
        this.index++;
        if (token.strip) stripLast();
        this.enter(token);
        parts.push(this.parseDirective(token, end, dedent, indent));
        this.leave();
        continue;
      }
      this.fail(`unexpected ${describe(token)} in a template`, token);
    }
  }

  /** `}` or `~}` closing an interpolation or directive. */
  private endSequence(): void {
    const close = this.withNewlines(true, () => this.peek());
    if (close.type !== 'seqend')
      this.fail(`expected "}" to close the interpolation, found ${describe(close)}`, close);
    this.index++;
    this.stripNext = close.strip === true;
  }

  /** Consumes `%{ keyword` of a closing directive; the caller checks the keyword. */
  private closingDirective(token: Token): string {
    const control = this.raw();
    if (control.type !== 'control') this.fail('unterminated template directive', token);
    this.index++;
    const keyword = this.withNewlines(true, () => this.expectIdent('a template directive'));
    return keyword.text;
  }

  private parseDirective(
    token: Token,
    end: 'cquote' | 'cheredoc',
    dedent: boolean,
    indent: number,
  ): TemplatePart {
    const keyword = this.withNewlines(true, () => this.expectIdent('"if" or "for"'));
    if (keyword.text === 'if') {
      const cond = this.withNewlines(true, () => this.parseExpr());
      this.endSequence();
      const then = this.templateParts(end, dedent, indent, 'if');
      this.stripBefore(then);
      let otherwise: TemplatePart[] = [];
      let closing = this.closingDirective(token);
      if (closing === 'else') {
        this.endSequence();
        otherwise = this.templateParts(end, dedent, indent, 'if');
        this.stripBefore(otherwise);
        closing = this.closingDirective(token);
      }
      if (closing !== 'endif') this.fail(`expected %{ endif }, found %{ ${closing} }`, token);
      this.endSequence();
      return { kind: 'if', cond, then, else: otherwise };
    }
    if (keyword.text === 'for') {
      const { keyVar, valueVar, collection } = this.withNewlines(true, () => {
        const first = this.expectIdent('a variable name');
        let key: string | null = null;
        let value = first.text;
        if (this.isPunct(',')) {
          this.next();
          key = first.text;
          value = this.expectIdent('a variable name').text;
        }
        const word = this.expectIdent('"in"');
        if (word.text !== 'in') this.fail(`expected "in", found ${describe(word)}`, word);
        return { keyVar: key, valueVar: value, collection: this.parseExpr() };
      });
      this.endSequence();
      const body = this.templateParts(end, dedent, indent, 'for');
      this.stripBefore(body);
      const closing = this.closingDirective(token);
      if (closing !== 'endfor') this.fail(`expected %{ endfor }, found %{ ${closing} }`, token);
      this.endSequence();
      return { kind: 'for', keyVar, valueVar, collection, body };
    }
    return this.fail(`unknown template directive "${keyword.text}"`, keyword);
  }

  /** `%{~ else }`: the whitespace before a closing directive with a strip marker goes. */
  private stripBefore(parts: TemplatePart[]): void {
    const control = this.raw();
    if (control.type !== 'control' || !control.strip) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'lit') last.value = last.value.trimEnd();
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'a newline';
    case 'ident':
      return `"${token.text}"`;
    case 'number':
      return `number ${token.text}`;
    case 'oquote':
    case 'cquote':
      return 'a quote';
    case 'lit':
      return 'text';
    case 'oheredoc':
    case 'cheredoc':
      return 'a heredoc';
    case 'interp':
    case 'control':
      return `"${token.text}"`;
    default:
      return `"${token.text}"`;
  }
}
