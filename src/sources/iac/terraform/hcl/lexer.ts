/**
 * A tokenizer for HCL native syntax (the language of `.tf` and `.tfvars` files). Written from the HCL native
 * syntax specification; templates are scanned into a flat token stream (open quote, literal parts,
 * `${`/`%{` ... `}`, close quote) with a mode stack, so interpolations can nest quotes and braces.
 */

import type { Position } from '../../types.js';

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'HclSyntaxError';
  }
}

export type TokenType =
  | 'ident'
  | 'number'
  | 'punct'
  | 'newline'
  | 'oquote'
  | 'cquote'
  | 'oheredoc'
  | 'cheredoc'
  | 'lit'
  | 'interp'
  | 'control'
  | 'seqend'
  | 'eof';

export interface Token extends Position {
  type: TokenType;
  /** Identifier name, punctuation, number text, or a literal part's value (escapes processed). */
  text: string;
  /** `${~`, `%{~`: strip the whitespace before; `~}`: strip the whitespace after. */
  strip?: boolean;
  /** Heredoc: `<<-` (strip the common indentation). */
  indent?: boolean;
}

export interface Comment extends Position {
  /** Without the `#`, `//` or `/* *\/` markers, trimmed. */
  text: string;
}

const PUNCTS = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '{', '}', '[', ']', '(', ')', ',', '.'];
// Sticky patterns, matched at an offset without copying the rest of the source.
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const INDEX = /[0-9]+/y;
const HEREDOC = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const SINGLE = new Set(['=', ':', '?', '+', '-', '*', '/', '%', '!', '<', '>']);

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 45;
}

type Mode =
  | { kind: 'normal'; depth: number }
  | { kind: 'quoted' }
  | { kind: 'heredoc'; marker: string; indent: boolean };

/** Splits HCL source into tokens and comments; throws HclSyntaxError with the line and column. */
export function tokenize(source: string): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  // A byte order mark is not part of the text.
  let offset = source.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let column = 1;
  // The bottom normal mode is the file; interpolations push one normal mode each and pop it at its `}`.
  const modes: Mode[] = [{ kind: 'normal', depth: 0 }];

  const peekChar = (ahead = 0): string => source[offset + ahead] ?? '';
  const advance = (count = 1): void => {
    for (let index = 0; index < count; index++) {
      if (source[offset] === '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      offset++;
    }
  };
  const fail = (message: string, at: Position = { line, column }): never => {
    throw new HclSyntaxError(message, at.line, at.column);
  };
  const push = (type: TokenType, text: string, at: Position, extra?: Partial<Token>): void => {
    const token: Token = { type, text, line: at.line, column: at.column };
    if (extra) Object.assign(token, extra);
    tokens.push(token);
  };

  /** A literal part of a template, up to `${`, `%{`, the closing quote or the heredoc's end. */
  const scanLiteral = (mode: Mode & { kind: 'quoted' | 'heredoc' }): void => {
    const start = { line, column };
    let text = '';
    const flush = (): void => {
      if (text !== '') push('lit', text, start);
    };
    for (;;) {
      const char = peekChar();
      if (char === '') fail(mode.kind === 'quoted' ? 'unterminated string' : 'unterminated heredoc', start);
      if (char === '$' && peekChar(1) === '$' && peekChar(2) === '{') {
        text += '${';
        advance(3);
        continue;
      }
      if (char === '%' && peekChar(1) === '%' && peekChar(2) === '{') {
        text += '%{';
        advance(3);
        continue;
      }
      if ((char === '$' || char === '%') && peekChar(1) === '{') {
        flush();
        const at = { line, column };
        const strip = peekChar(2) === '~';
        advance(strip ? 3 : 2);
        push(char === '$' ? 'interp' : 'control', char + '{', at, { strip });
        modes.push({ kind: 'normal', depth: 0 });
        return;
      }
      if (mode.kind === 'quoted') {
        if (char === '"') {
          flush();
          push('cquote', '"', { line, column });
          advance();
          modes.pop();
          return;
        }
        if (char === '\n') fail('unterminated string: a quoted string cannot span lines', start);
        if (char === '\\') {
          text += escape();
          continue;
        }
        text += char;
        advance();
      } else {
        text += char;
        advance();
        if (char === '\n') {
          // Heredoc literals end at each line end, so the parser can strip indentation line by line.
          flush();
          if (atHeredocEnd(mode.marker)) {
            const at = { line, column };
            skipToHeredocEnd(mode.marker);
            push('cheredoc', mode.marker, at);
            modes.pop();
          }
          return;
        }
      }
    }
  };

  const atHeredocEnd = (marker: string): boolean => {
    let ahead = 0;
    while (peekChar(ahead) === ' ' || peekChar(ahead) === '\t') ahead++;
    if (source.slice(offset + ahead, offset + ahead + marker.length) !== marker) return false;
    const after = peekChar(ahead + marker.length);
    return after === '' || after === '\n' || after === '\r';
  };
  const skipToHeredocEnd = (marker: string): void => {
    while (peekChar() === ' ' || peekChar() === '\t') advance();
    advance(marker.length);
  };

  const escape = (): string => {
    const at = { line, column };
    const next = peekChar(1);
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    const mapped = simple[next];
    if (mapped !== undefined) {
      advance(2);
      return mapped;
    }
    if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const hex = source.slice(offset + 2, offset + 2 + length);
      if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) fail(`invalid \\${next} escape`, at);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) fail('invalid unicode escape', at);
      advance(2 + length);
      return String.fromCodePoint(code);
    }
    return fail(`invalid escape sequence \\${next}`, at);
  };

  const scanNormal = (mode: Mode & { kind: 'normal' }): void => {
    let char = peekChar();
    while (char === ' ' || char === '\t' || char === '\r') {
      offset++;
      column++;
      char = peekChar();
    }
    if (char === '') return;
    const at = { line, column };
    if (char === '\n') {
      push('newline', '\n', at);
      advance();
      return;
    }
    if (char === '#' || (char === '/' && peekChar(1) === '/')) {
      const end = source.indexOf('\n', offset);
      const stop = end === -1 ? source.length : end;
      comments.push({ text: source.slice(offset + (char === '#' ? 1 : 2), stop).trim(), ...at });
      advance(stop - offset);
      return;
    }
    if (char === '/' && peekChar(1) === '*') {
      const end = source.indexOf('*/', offset + 2);
      if (end === -1) fail('unterminated comment', at);
      comments.push({ text: source.slice(offset + 2, end).trim(), ...at });
      advance(end + 2 - offset);
      return;
    }
    if (isIdentifierStart(char.charCodeAt(0))) {
      let end = offset + 1;
      while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
      push('ident', source.slice(offset, end), at);
      advance(end - offset);
      return;
    }
    if (char >= '0' && char <= '9') {
      const previous = tokens[tokens.length - 1];
      // `a.0.b`: after a dot, only digits (a legacy index), so `0.b` is not read as a number.
      const pattern = previous?.type === 'punct' && previous.text === '.' ? INDEX : NUMBER;
      pattern.lastIndex = offset;
      const text = pattern.exec(source)?.[0] ?? char;
      push('number', text, at);
      advance(text.length);
      return;
    }
    if (char === '"') {
      push('oquote', '"', at);
      advance();
      modes.push({ kind: 'quoted' });
      return;
    }
    if (char === '<' && peekChar(1) === '<') {
      HEREDOC.lastIndex = offset;
      const heredoc = HEREDOC.exec(source);
      if (heredoc) {
        const marker = heredoc[2] ?? '';
        push('oheredoc', marker, at, { indent: heredoc[1] === '-' });
        advance(heredoc[0].length);
        if (atHeredocEnd(marker)) {
          push('cheredoc', marker, { line, column });
          skipToHeredocEnd(marker);
        } else {
          modes.push({ kind: 'heredoc', marker, indent: heredoc[1] === '-' });
        }
        return;
      }
    }
    if (char === '~' && peekChar(1) === '}' && modes.length > 1) {
      advance(2);
      closeBrace(mode, at, true);
      return;
    }
    if (char === '}') {
      advance();
      closeBrace(mode, at, false);
      return;
    }
    if (char === '{') {
      mode.depth++;
      push('punct', '{', at);
      advance();
      return;
    }
    const punct = PUNCTS.find((candidate) => source.startsWith(candidate, offset));
    if (punct !== undefined) {
      push('punct', punct, at);
      advance(punct.length);
      return;
    }
    if (SINGLE.has(char)) {
      push('punct', char, at);
      advance();
      return;
    }
    fail(`unexpected character ${JSON.stringify(char)}`, at);
  };

  const closeBrace = (mode: Mode & { kind: 'normal' }, at: Position, strip: boolean): void => {
    if (mode.depth === 0 && modes.length > 1) {
      push('seqend', '}', at, { strip });
      modes.pop();
      return;
    }
    if (strip) fail('unexpected "~}"', at);
    mode.depth = Math.max(0, mode.depth - 1);
    push('punct', '}', at);
  };

  while (offset < source.length) {
    const mode = modes[modes.length - 1];
    if (!mode) break;
    if (mode.kind === 'normal') scanNormal(mode);
    else scanLiteral(mode);
  }
  const open = modes[modes.length - 1];
  if (modes.length > 1 && open) {
    fail(
      open.kind === 'normal'
        ? 'unterminated template interpolation'
        : `unterminated ${open.kind === 'quoted' ? 'string' : 'heredoc'}`,
    );
  }
  push('eof', '', { line, column });
  return { tokens, comments };
}
