import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Interpolation, Reference, Unresolved, type IacValue } from '../types.js';
import { EvalError, evaluate, type Scope } from './evaluate.js';
import { parseExpression } from './hcl/parser.js';

const dir = mkdtempSync(join(tmpdir(), 'onus-tf-eval-'));
writeFileSync(join(dir, 'policy.json'), '{"Version":"2012-10-17"}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VARIABLES: Record<string, IacValue> = {
  env: 'prod',
  names: ['a', 'b', ''],
  tags: { Team: 'core', Env: 'prod' },
  count: 2,
  missing: new Unresolved('variable missing has no default and no value in a .tfvars file'),
};

function scope(extra: Partial<Scope> = {}): Scope {
  return {
    moduleDir: dir,
    rootDir: dir,
    prefix: '',
    variable: (name) => {
      const value = VARIABLES[name];
      if (value === undefined) throw new EvalError(`var.${name} is not declared`);
      return value;
    },
    local: (name) => {
      if (name === 'bucket') return 'logs-prod';
      throw new EvalError(`local.${name} is not defined`);
    },
    moduleOutput: (module, output) =>
      module === 'net' && output === 'vpc' ? 'vpc-1' : new Unresolved('no module'),
    ...extra,
  };
}

function run(source: string, extra: Partial<Scope> = {}): IacValue {
  return evaluate(parseExpression(source), scope(extra));
}

function detail(value: IacValue): string {
  if (value instanceof Unresolved || value instanceof Reference) return value.detail;
  throw new Error(`resolved: ${JSON.stringify(value)}`);
}

describe('evaluating names', () => {
  it('reads variables, locals, module outputs and path.module', () => {
    expect(run('"${var.env}-${local.bucket}"')).toBe('prod-logs-prod');
    expect(run('var.tags["Team"]')).toBe('core');
    expect(run('module.net.vpc')).toBe('vpc-1');
    expect(run('"${path.module}/x"')).toBe(`${dir}/x`);
  });

  it('turns resource attributes into References, with the module prefix and instance key', () => {
    const plain = run('aws_s3_bucket.logs.id');
    expect(plain).toBeInstanceOf(Reference);
    expect(plain).toMatchObject({ target: 'aws_s3_bucket.logs', attribute: 'id' });
    expect(run('aws_s3_bucket.logs[0].arn', { prefix: 'module.app.' })).toMatchObject({
      target: 'module.app.aws_s3_bucket.logs[0]',
      attribute: 'arn',
    });
    expect(run('aws_s3_bucket.logs["a"].arn')).toMatchObject({ target: 'aws_s3_bucket.logs["a"]' });
    expect(run('[aws_security_group.web.id]')).toEqual([new Reference('aws_security_group.web', 'id')]);
  });

  it('leaves data sources and unknown variables unresolved with a detail', () => {
    expect(detail(run('data.aws_iam_policy_document.p.json'))).toBe(
      'data source data.aws_iam_policy_document.p is read at apply time',
    );
    expect(detail(run('var.missing'))).toContain('variable missing has no default');
    expect(detail(run('var.nope'))).toBe('var.nope is not declared');
  });

  it('reads each and count inside expanded resources', () => {
    expect(run('"${each.key}=${each.value}"', { each: { key: 'k', value: 'v' } })).toBe('k=v');
    expect(run('count.index * 10', { countIndex: 3 })).toBe(30);
    expect(detail(run('each.key', { each: new Unresolved('for_each is not known') }))).toBe(
      'for_each is not known',
    );
  });
});

describe('propagating what is unresolved', () => {
  it('makes a template with one unresolved part unresolved, with that part detail', () => {
    expect(detail(run('"prefix-${var.missing}-suffix"'))).toContain('variable missing has no default');
    // Text around a resource reference stays in parts, so a policy naming its own bucket can be read.
    const own = run('"${aws_s3_bucket.b.arn}/*"');
    expect(own).toBeInstanceOf(Interpolation);
    expect((own as Interpolation).parts).toEqual([new Reference('aws_s3_bucket.b', 'arn'), '/*']);
    expect(detail(own)).toBe('aws_s3_bucket.b.arn is known only after deployment');
    expect(detail(run('"${var.missing}-${aws_s3_bucket.b.arn}"'))).toContain(
      'variable missing has no default',
    );
    expect(detail(run('aws_instance.web.*.id'))).toBe('aws_instance.web is known only after apply');
  });

  it('keeps unresolved parts inside collections without spoiling the rest', () => {
    const value = run('{ a = var.missing, b = 1 }') as Record<string, IacValue>;
    expect(value.b).toBe(1);
    expect(value.a).toBeInstanceOf(Unresolved);
  });

  it('makes jsonencode of anything unresolved unresolved, with the detail, but keeps references structured', () => {
    expect(detail(run('jsonencode({ Resource = [var.missing] })'))).toContain(
      'variable missing has no default',
    );
    const policy = run('jsonencode({ Resource = ["${aws_s3_bucket.b.arn}/*"] })') as Record<
      string,
      IacValue[]
    >;
    expect(policy.Resource?.[0]).toBeInstanceOf(Interpolation);
    expect(run('jsonencode({ b = [1, true], a = "x" })')).toBe('{"a":"x","b":[1,true]}');
  });

  it('decides conditionals and boolean operators only when the inputs decide them', () => {
    expect(run('var.env == "prod" ? "AES256" : "aws:kms"')).toBe('AES256');
    expect(detail(run('var.missing ? 1 : 2'))).toContain('variable missing');
    expect(run('false && var.missing')).toBe(false);
    expect(run('var.missing || true')).toBe(true);
    expect(run('var.missing && true')).toBeInstanceOf(Unresolved);
  });

  it('turns errors into unresolved values naming the error', () => {
    expect(detail(run('var.names[7]'))).toBe('index 7 is out of range for a list of 3');
    expect(detail(run('1 + "a"'))).toBe('the right operand of "+" must be a number, not a string');
    expect(detail(run('nosuch(1)'))).toBe('function nosuch is not evaluated statically');
    expect(detail(run('cidrsubnet("10.0.0.0/16", 8, 1)'))).toBe(
      'function cidrsubnet is not evaluated statically',
    );
  });
});

describe('for expressions and splats', () => {
  it('builds lists and objects, filters and groups', () => {
    expect(run('[for n in var.names : upper(n) if n != ""]')).toEqual(['A', 'B']);
    expect(run('{for k, v in var.tags : lower(k) => v}')).toEqual({ env: 'prod', team: 'core' });
    expect(run('{for v in ["a", "b", "a"] : v => v...}')).toEqual({ a: ['a', 'a'], b: ['b'] });
    expect(run('[for i, n in var.names : i]')).toEqual([0, 1, 2]);
  });

  it('applies splats to every element', () => {
    expect(run('[{ id = 1 }, { id = 2 }][*].id')).toEqual([1, 2]);
    expect(run('[{ id = 1 }].*.id')).toEqual([1]);
  });

  it('renders %{if} and %{for} directives', () => {
    expect(run('"%{ for n in var.names }[${n}]%{ endfor }"')).toBe('[a][b][]');
    expect(run('"%{ if var.env == "prod" }on%{ else }off%{ endif }"')).toBe('on');
    expect(run('"%{ if var.missing }on%{ endif }"')).toBeInstanceOf(Unresolved);
  });
});

describe('functions', () => {
  it.each([
    ['merge({ a = 1 }, { b = 2 }, null)', { a: 1, b: 2 }],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['lookup({ a = 1 }, "b", 0)', 0],
    ['format("%s-%03d-%q", "x", 7, "y")', 'x-7-"y"'],
    ['join(",", ["a", "b"])', 'a,b'],
    ['split(",", "a,b")', ['a', 'b']],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("a1b22", "/[0-9]+/", "#")', 'a#b#'],
    ['tostring(5)', '5'],
    ['tonumber("5")', 5],
    ['tobool("true")', true],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['length("héllo")', 5],
    ['length({ a = 1 })', 1],
    ['element(["a", "b"], 3)', 'b'],
    ['coalesce("", null, "x")', 'x'],
    ['flatten([[1, [2]], 3])', [1, 2, 3]],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['contains(["a"], "a")', true],
    ['distinct([1, 2, 1])', [1, 2]],
    ['compact(["a", "", null])', ['a']],
    ['trimspace("  x ")', 'x'],
    ['startswith("arn:aws", "arn:")', true],
    ['endswith("x.json", ".yaml")', false],
    ['sort(["b", "a"])', ['a', 'b']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['range(3)', [0, 1, 2]],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['base64decode(base64encode("hé"))', 'hé'],
    ['jsondecode("{\\"a\\": [1]}")', { a: [1] }],
    ['tomap({ a = "b" })', { a: 'b' }],
    ['tolist(["a"])', ['a']],
    ['try(var.nope, var.missing, "fallback")', 'fallback'],
    ['can(var.nope)', false],
    ['can(var.env)', true],
    ['concat([["a"], ["b"]]...)', ['a', 'b']],
    ['trimspace(file("${path.module}/policy.json"))', '{"Version":"2012-10-17"}'],
    ['file("policy.json")', '{"Version":"2012-10-17"}'],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('leaves templatefile and missing files unresolved', () => {
    expect(run('templatefile("x.tpl", {})')).toBeInstanceOf(Unresolved);
    expect(detail(run('file("nope.json")'))).toBe('file nope.json was not found');
  });

  it('gives try the first argument that resolves, else the first unresolved detail', () => {
    expect(detail(run('try(var.missing, var.nope)'))).toContain('variable missing');
  });
});
