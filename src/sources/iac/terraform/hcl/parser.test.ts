import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.js';
import { HclSyntaxError, parseExpression, parseHcl } from './parser.js';

/** The syntax error a source gives, as "line:column message". */
function syntaxError(source: string): string {
  try {
    parseHcl(source);
  } catch (error) {
    if (error instanceof HclSyntaxError) return `${error.line}:${error.column} ${error.message}`;
    throw error;
  }
  throw new Error('expected a syntax error');
}

/** An expression's tree without positions, for compact assertions. */
function shape(expr: unknown): unknown {
  if (Array.isArray(expr)) return expr.map(shape);
  if (expr !== null && typeof expr === 'object') {
    return Object.fromEntries(
      Object.entries(expr)
        .filter(([key]) => key !== 'line' && key !== 'column')
        .map(([key, value]) => [key, shape(value)]),
    );
  }
  return expr;
}

function literalOf(source: string): unknown {
  const expr = parseExpression(source);
  if (expr.kind === 'template') return expr.parts;
  if (expr.kind !== 'literal') throw new Error(`not a literal: ${expr.kind}`);
  return expr.value;
}

describe('HCL bodies', () => {
  it('reads attributes and labelled blocks with their positions', () => {
    const file = parseHcl(
      'region = "eu-west-1"\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
    );
    expect(file.body.attributes.map((a) => [a.name, a.line, a.column])).toEqual([['region', 1, 1]]);
    const [block] = file.body.blocks;
    expect(block).toMatchObject({
      type: 'resource',
      labels: ['aws_s3_bucket', 'logs'],
      line: 3,
      column: 1,
      endLine: 5,
    });
    expect(block?.body.attributes[0]).toMatchObject({ name: 'bucket', line: 4, column: 3 });
  });

  it('reads one-line blocks, empty blocks and identifier labels', () => {
    const file = parseHcl('versioning { enabled = true }\nlifecycle {}\nblock ident "quoted" {\n}\n');
    expect(file.body.blocks.map((b) => [b.type, b.labels, b.body.attributes.map((a) => a.name)])).toEqual([
      ['versioning', [], ['enabled']],
      ['lifecycle', [], []],
      ['block', ['ident', 'quoted'], []],
    ]);
  });

  it('reads files with a byte order mark and Windows line ends', () => {
    const file = parseHcl('\uFEFFa = 1\r\nb = <<EOT\r\nx\r\nEOT\r\nc {\r\n  d = "e"\r\n}\r\n');
    expect(file.body.attributes.map((a) => [a.name, a.line, a.column])).toEqual([
      ['a', 1, 1],
      ['b', 2, 1],
    ]);
    expect(file.body.blocks[0]?.body.attributes[0]).toMatchObject({ name: 'd', line: 6 });
  });

  it('keeps comments of every style with their lines, and ignores them as syntax', () => {
    const file = parseHcl('# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\n');
    expect(file.comments.map((c) => [c.line, c.text])).toEqual([
      [1, 'hash'],
      [2, 'slashes'],
      [3, 'block\n comment'],
      [4, 'trailing'],
    ]);
    expect(file.body.attributes.map((a) => a.name)).toEqual(['a']);
  });
});

describe('HCL expressions', () => {
  it('reads numbers, booleans, null and strings with escapes', () => {
    expect(literalOf('1.5e2')).toBe(150);
    expect(literalOf('true')).toBe(true);
    expect(literalOf('null')).toBe(null);
    expect(literalOf('"a\\n\\"b\\" \\u00e9 $${x} %%{y}"')).toEqual([
      { kind: 'lit', value: 'a\n"b" é ${x} %{y}' },
    ]);
  });

  it('reads interpolations and template directives, honouring strip markers', () => {
    const expr = parseExpression(
      '"x-${var.a} %{ if c ~} yes %{~ else }no%{ endif }%{for k, v in m}${k}%{endfor}"',
    );
    expect(shape(expr)).toMatchObject({
      kind: 'template',
      parts: [
        { kind: 'lit', value: 'x-' },
        { kind: 'interp', expr: { kind: 'getattr', name: 'a', target: { kind: 'variable', name: 'var' } } },
        { kind: 'lit', value: ' ' },
        { kind: 'if', then: [{ kind: 'lit', value: 'yes' }], else: [{ kind: 'lit', value: 'no' }] },
        { kind: 'for', keyVar: 'k', valueVar: 'v', body: [{ kind: 'interp' }] },
      ],
    });
  });

  it('reads heredocs, stripping the common indentation of <<-', () => {
    const file = parseHcl(
      'a = <<EOT\n  kept\nEOT\nb = <<-EOT\n    four\n      six\n    ${x}\n    EOT\nc = 1\n',
    );
    const [a, b, c] = file.body.attributes;
    expect(a?.expr).toMatchObject({ kind: 'template', parts: [{ kind: 'lit', value: '  kept\n' }] });
    expect(shape(b?.expr)).toEqual({
      kind: 'template',
      parts: [
        { kind: 'lit', value: 'four\n  six\n' },
        { kind: 'interp', expr: { kind: 'variable', name: 'x' } },
        { kind: 'lit', value: '\n' },
      ],
    });
    expect(c).toMatchObject({ name: 'c', line: 9 });
  });

  it('reads tuples and objects over several lines, with both key styles', () => {
    const expr = parseExpression('{\n  a = [1,\n    2,]\n  "b" : { c = null }\n  (d) = 3\n}');
    expect(shape(expr)).toMatchObject({
      kind: 'object',
      items: [
        {
          key: { kind: 'literal', value: 'a' },
          value: { kind: 'tuple', items: [{ value: 1 }, { value: 2 }] },
        },
        { key: { kind: 'template' }, value: { kind: 'object' } },
        { key: { kind: 'parens' }, value: { kind: 'literal', value: 3 } },
      ],
    });
  });

  it('reads traversals, legacy indexes and both splats', () => {
    expect(shape(parseExpression('a.b[0].c'))).toEqual({
      kind: 'getattr',
      name: 'c',
      target: {
        kind: 'index',
        key: { kind: 'literal', value: 0 },
        target: { kind: 'getattr', name: 'b', target: { kind: 'variable', name: 'a' } },
      },
    });
    expect(shape(parseExpression('a.0.b'))).toMatchObject({
      kind: 'getattr',
      name: 'b',
      target: { kind: 'index' },
    });
    expect(shape(parseExpression('xs[*].id[0]'))).toMatchObject({
      kind: 'splat',
      each: { kind: 'index', target: { kind: 'getattr', name: 'id', target: { kind: 'splatItem' } } },
    });
    // An attribute-only splat stops at an index: the index applies to the whole result.
    expect(shape(parseExpression('xs.*.id[0]'))).toMatchObject({
      kind: 'index',
      target: { kind: 'splat', each: { kind: 'getattr', name: 'id' } },
    });
  });

  it('reads function calls with expansion', () => {
    expect(shape(parseExpression('concat(a, [1]...)'))).toMatchObject({
      kind: 'call',
      name: 'concat',
      expand: true,
      args: [{ kind: 'variable' }, { kind: 'tuple' }],
    });
  });

  it('applies operator precedence and conditionals', () => {
    const expr = parseExpression('!a || b && 1 + 2 * 3 >= -4 ? "y" : "n"');
    expect(shape(expr)).toMatchObject({
      kind: 'conditional',
      cond: {
        kind: 'binary',
        op: '||',
        left: { kind: 'unary', op: '!' },
        right: {
          kind: 'binary',
          op: '&&',
          right: {
            kind: 'binary',
            op: '>=',
            left: { kind: 'binary', op: '+', right: { kind: 'binary', op: '*' } },
            right: { kind: 'unary', op: '-' },
          },
        },
      },
    });
  });

  it('reads for expressions for lists and objects, with conditions and grouping', () => {
    expect(shape(parseExpression('[for i, x in xs : upper(x) if x != ""]'))).toMatchObject({
      kind: 'for',
      keyVar: 'i',
      valueVar: 'x',
      keyExpr: null,
      valueExpr: { kind: 'call', name: 'upper' },
      cond: { kind: 'binary', op: '!=' },
    });
    expect(shape(parseExpression('{for k, v in m : v => k...}'))).toMatchObject({
      kind: 'for',
      keyExpr: { kind: 'variable', name: 'v' },
      grouping: true,
      cond: null,
    });
  });

  it('keeps every node position', () => {
    const file = parseHcl('x = {\n  a = foo(1,\n    bar.baz)\n}\n');
    const object = file.body.attributes[0]?.expr as Expr & { kind: 'object' };
    const call = object.items[0]?.value as Expr & { kind: 'call' };
    expect([call.line, call.column]).toEqual([2, 7]);
    expect([call.args[1]?.line, call.args[1]?.column]).toEqual([3, 5]);
  });
});

describe('HCL syntax errors', () => {
  it('names the line and column of the error', () => {
    expect(syntaxError('a = 1\nb = \n')).toMatch(/^2:5 expected an expression, found a newline/);
    expect(syntaxError('resource "x" "y" {\n  a = 1\n')).toMatch(/^3:1 missing "}"/);
    expect(syntaxError('a = "unterminated\n')).toMatch(/^1:6 unterminated string/);
    expect(syntaxError('a = 1 2\n')).toMatch(/^1:7 expected a newline/);
    expect(syntaxError('a = "${x"\n')).toMatch(/unterminated/);
    expect(syntaxError('a = 1\na = 2\n')).toMatch(/^2:1 attribute "a" is defined twice/);
    expect(syntaxError('a = @\n')).toMatch(/^1:5 unexpected character "@"/);
    expect(syntaxError('a = <<EOT\nnever closed\n')).toMatch(/unterminated heredoc/);
  });

  it('refuses nesting deeper than the bound instead of overflowing the stack', () => {
    expect(syntaxError(`a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toMatch(
      /nesting deeper than 128 levels/,
    );
    expect(syntaxError(`${'b {\n'.repeat(200)}${'}\n'.repeat(200)}`)).toMatch(
      /nesting deeper than 128 levels/,
    );
    expect(syntaxError(`a = ${'-'.repeat(5000)}1\n`)).toMatch(/nesting deeper than 128 levels/);
    expect(() => parseHcl(`a = ${'['.repeat(100)}${']'.repeat(100)}\n`)).not.toThrow();
  });
});
