import {
  Alias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

import type { IacProblem, Position } from '../types.js';

/**
 * A template's syntax tree: YAML or JSON, short-form tags (`!Ref X`) already turned into their long form
 * (`{ Ref: X }`), aliases expanded, every node with the line and column it is written at.
 */
export type Node = ScalarNode | SeqNode | MapNode;

interface NodeBase {
  pos: Position;
  /** The last line of the node's content. */
  endLine: number;
}
export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}
export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}
export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Entry[];
}
export interface Entry {
  key: string;
  keyPos: Position;
  value: Node;
}

export interface ParseLimits {
  /** Alias dereferences per file (a "billion laughs" file needs many). */
  maxAliasCount: number;
  /** Nesting depth of collections. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 64 };

export interface Parsed {
  /** Null when the file could not be parsed (see problems) or is empty. */
  root: Node | null;
  /** Whether the file is JSON (no comments to look for). */
  json: boolean;
  problems: IacProblem[];
}

/** The short-form tags of CloudFormation YAML; each becomes `{ "Fn::X": ... }`, or `{ Ref }` / `{ Condition }`. */
const SHORT_FORMS = new Set([
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'Select',
  'Split',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Transform',
  'Length',
  'ToJsonString',
  // Rules-section functions: read without complaint, never evaluated.
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
]);

/** SnakeYAML (YAML 1.1) booleans that YAML 1.2's core schema reads as strings; CloudFormation reads them as booleans. */
const YAML11_BOOLEAN = /^(?:yes|Yes|YES|on|On|ON|no|No|NO|off|Off|OFF)$/;

class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly pos: Position | undefined,
  ) {
    super(message);
  }
}

/** Parses a template file's text; never throws. */
export function parseTemplate(file: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  const json = /\.json$/i.test(file);
  const problem = (message: string, pos?: Position): Parsed => ({
    root: null,
    json,
    problems: [{ file, ...(pos ? { line: pos.line, column: pos.column } : {}), message, severity: 'error' }],
  });

  // The YAML composer recurses per nesting level and can exhaust the stack (or memory) on a few thousand
  // levels; a cheap token scan bounds the nesting before it runs.
  const tooDeep = scanDepth(text, limits.maxDepth);
  if (tooDeep) {
    return problem(`nesting deeper than ${limits.maxDepth} levels; the file is skipped`, tooDeep);
  }

  if (json) {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      const body = text.replace(/^\uFEFF/, '');
      const error = jsonSyntaxError(body);
      const offset = error.offset + text.length - body.length;
      return problem(`invalid JSON: ${error.message}`, positionAt(text, offset));
    }
  }

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: !json });
  } catch (error) {
    return problem(`could not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [first] = doc.errors;
  if (first) {
    const message = first.message.split('\n')[0] ?? first.message;
    return problem(`invalid ${json ? 'JSON' : 'YAML'}: ${message}`, positionAt(text, first.pos[0]));
  }
  if (doc.contents === null) return { root: null, json, problems: [] };

  const converter = new Converter(doc, lineCounter, limits);
  try {
    return { root: converter.convert(doc.contents, 0), json, problems: converter.problems(file) };
  } catch (error) {
    if (error instanceof LimitExceeded) return problem(error.message, error.pos);
    if (error instanceof RangeError) return problem('nesting too deep to read; the file is skipped');
    throw error;
  }
}

class Converter {
  private aliases = 0;
  private readonly unknownTags: { tag: string; pos: Position }[] = [];

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly limits: ParseLimits,
  ) {}

  problems(file: string): IacProblem[] {
    return this.unknownTags.map(({ tag, pos }) => ({
      file,
      line: pos.line,
      column: pos.column,
      message: `unknown tag ${tag}; the value is read as written`,
      severity: 'warning' as const,
    }));
  }

  private position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  private endLine(start: number, end: number): number {
    const { line, col } = this.lineCounter.linePos(end);
    const startLine = this.lineCounter.linePos(start).line;
    return col === 1 && line > startLine ? line - 1 : line;
  }

  convert(node: unknown, depth: number): Node {
    if (node instanceof Alias) {
      this.aliases++;
      const pos = node.range ? this.position(node.range[0]) : undefined;
      if (this.aliases > this.limits.maxAliasCount) {
        throw new LimitExceeded(
          `more than ${this.limits.maxAliasCount} alias references (a YAML alias bomb?); the file is skipped`,
          pos,
        );
      }
      const target = node.resolve(this.doc);
      if (!target) throw new LimitExceeded(`alias *${node.source} has no anchor`, pos);
      return this.convert(target, depth);
    }
    if (depth > this.limits.maxDepth) {
      const range = (node as YamlNode).range;
      throw new LimitExceeded(
        `nesting deeper than ${this.limits.maxDepth} levels; the file is skipped`,
        range ? this.position(range[0]) : undefined,
      );
    }
    const yamlNode = node as YamlNode;
    const [start, end] = yamlNode.range ?? [0, 0];
    const base = { pos: this.position(start), endLine: this.endLine(start, end) };
    let converted: Node;
    if (isMap(node)) {
      const entries: Entry[] = [];
      for (const pair of node.items) {
        const key: unknown = pair.key;
        const keyNode = isScalar(key) ? key : undefined;
        const keyValue = keyNode ? scalarValue(keyNode.value) : null;
        const keyText = keyValue !== null ? String(keyValue) : key instanceof Alias ? key.source : '';
        const keyPos = keyNode?.range ? this.position(keyNode.range[0]) : base.pos;
        const value =
          pair.value === null || pair.value === undefined
            ? { kind: 'scalar' as const, value: null, pos: keyPos, endLine: keyPos.line }
            : this.convert(pair.value, depth + 1);
        entries.push({ key: keyText, keyPos, value });
      }
      converted = { kind: 'map', entries, ...base };
    } else if (isSeq(node)) {
      converted = {
        kind: 'seq',
        items: node.items.map((item) => this.convertItem(item, depth + 1, base)),
        ...base,
      };
    } else if (isScalar(node)) {
      let value = node.value;
      if (typeof value === 'string' && node.type === 'PLAIN' && !node.tag && YAML11_BOOLEAN.test(value)) {
        value = /^(?:yes|on)$/i.test(value);
      }
      converted = { kind: 'scalar', value: scalarValue(value), ...base };
    } else {
      converted = { kind: 'scalar', value: null, ...base };
    }
    return this.tagged(yamlNode.tag, converted);
  }

  private convertItem(item: unknown, depth: number, parent: { pos: Position; endLine: number }): Node {
    if (item === null || item === undefined) return { kind: 'scalar', value: null, ...parent };
    return this.convert(item, depth);
  }

  /** `!GetAtt A.B` -> `{ "Fn::GetAtt": ["A", "B"] }`; `!Ref X` -> `{ Ref: X }`. */
  private tagged(tag: string | undefined, node: Node): Node {
    if (!tag?.startsWith('!') || tag.startsWith('!!')) return node;
    const name = tag.slice(1);
    if (!SHORT_FORMS.has(name)) {
      this.unknownTags.push({ tag, pos: node.pos });
      return node;
    }
    const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    let value = node;
    if (name === 'GetAtt' && node.kind === 'scalar' && typeof node.value === 'string') {
      const dot = node.value.indexOf('.');
      if (dot > 0) {
        value = {
          kind: 'seq',
          items: [
            { ...node, value: node.value.slice(0, dot) },
            { ...node, value: node.value.slice(dot + 1) },
          ],
          pos: node.pos,
          endLine: node.endLine,
        };
      }
    }
    return { kind: 'map', entries: [{ key, keyPos: node.pos, value }], pos: node.pos, endLine: node.endLine };
  }
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Where the nesting first goes beyond `maxDepth`: flow collections counted exactly, block collections bounded
 * by a line's indentation plus its indicators (an upper bound, loose enough for any real template).
 */
/** The yaml lexer's markers (document start, flow end, scalar), which stand for no text. */
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f']);

function scanDepth(text: string, maxDepth: number): Position | undefined {
  const blockBound = maxDepth * 4;
  let flow = 0;
  let offset = 0;
  let lineIndicators = 0;
  let lineIndent = 0;
  let atLineStart = true;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    offset += ZERO_WIDTH.has(token) ? 0 : token.length;
    if (token === '\n' || token === '\r\n') {
      atLineStart = true;
      lineIndicators = 0;
      lineIndent = 0;
      continue;
    }
    if (atLineStart && /^ +$/.test(token)) {
      lineIndent = token.length;
      atLineStart = false;
      continue;
    }
    atLineStart = false;
    if (token === '[' || token === '{') {
      flow++;
      if (flow > maxDepth) return positionAt(text, start);
    } else if (token === ']' || token === '}') {
      flow = Math.max(0, flow - 1);
    } else if (token === '-' || token === '?' || token === ':') {
      lineIndicators++;
      if (lineIndent + lineIndicators > blockBound) return positionAt(text, start);
    }
  }
  return undefined;
}

/**
 * The offset and a short description of the first JSON syntax error (JSON.parse's message does not give a
 * position in every Node version). Iterative, so a deeply nested file cannot overflow the stack.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } {
  let index = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: index });
  };
  const found = (): string => (index >= text.length ? 'the end of the input' : JSON.stringify(text[index]));
  const space = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text[index] ?? '')) index++;
  };
  const string = (): void => {
    index++;
    while (index < text.length) {
      const char = text[index] ?? '';
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        const next = text[index + 1] ?? '';
        const valid =
          next === 'u'
            ? /^u[0-9a-fA-F]{4}/.test(text.slice(index + 1))
            : next !== '' && '"\\/bfnrt'.includes(next);
        if (!valid) {
          index++;
          fail('invalid escape in a string');
        }
        index += next === 'u' ? 6 : 2;
        continue;
      }
      if (char < ' ') fail('control character in a string');
      index++;
    }
    fail('unterminated string');
  };
  const key = (): void => {
    space();
    if (text[index] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
    string();
    space();
    if (text[index] !== ':') fail(`expected ':' after a property name, found ${found()}`);
    index++;
  };
  const stack: string[] = [];
  try {
    let expectValue = true;
    for (;;) {
      if (expectValue) {
        space();
        const char = text[index];
        if (char === '[' || char === '{') {
          const close = char === '[' ? ']' : '}';
          index++;
          space();
          if (text[index] === close) {
            index++;
          } else {
            stack.push(close);
            if (char === '{') key();
            continue;
          }
        } else if (char === '"') {
          string();
        } else {
          const match = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
            text.slice(index, index + 400),
          );
          if (!match) fail(`unexpected ${found()}`);
          else index += match[0].length;
        }
        expectValue = false;
      }
      space();
      const close = stack[stack.length - 1];
      if (close === undefined) break;
      if (text[index] === ',') {
        index++;
        if (close === '}') key();
        expectValue = true;
      } else if (text[index] === close) {
        stack.pop();
        index++;
      } else {
        fail(`expected ',' or '${close}', found ${found()}`);
      }
    }
    if (index < text.length) fail(`unexpected ${found()} after the end of the document`);
    return { offset: text.length, message: 'unexpected end of the input' };
  } catch (error) {
    const { offset, message } = error as Error & { offset: number };
    return { offset, message };
  }
}
