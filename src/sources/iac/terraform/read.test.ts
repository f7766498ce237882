import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapContextOf } from '../context.js';
import { Reference, Unresolved, type IacDocumentSet, type IacResource } from '../types.js';
import { localModuleDirs, readTerraformModule } from './read.js';

const base = mkdtempSync(join(tmpdir(), 'onus-tf-read-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;
/** A module directory holding these files. */
function project(files: Record<string, string>): string {
  const dir = join(base, `p${++counter}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function byAddress(set: IacDocumentSet, address: string): IacResource {
  const found = set.resources.find((resource) => resource.address === address);
  if (!found) throw new Error(`no ${address} in ${set.resources.map((r) => r.address).join(', ')}`);
  return found;
}

function detailOf(value: unknown): string {
  if (value instanceof Unresolved) return value.detail;
  throw new Error(`not unresolved: ${JSON.stringify(value)}`);
}

describe('variables and locals', () => {
  const dir = project({
    'variables.tf': `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" {
  type = string
}
`,
    'main.tf': `
locals {
  name  = "\${var.a}-\${local.suffix}"
  suffix = "x"
  loop_a = local.loop_b
  loop_b = local.loop_a
}
resource "aws_s3_bucket" "b" {
  bucket = local.name
  tags = { b = var.b, c = var.c, d = var.d, e = var.e, loop = local.loop_a }
}
`,
    'terraform.tfvars': 'a = "tfvars"\nb = "tfvars"\nc = "tfvars"\n',
    'x.auto.tfvars.json': '{ "b": "auto", "c": "auto" }',
    'extra.tfvars': 'c = "explicit"\n',
  });

  it('applies defaults, then terraform.tfvars, then *.auto.tfvars, then explicit var files', () => {
    const set = readTerraformModule(dir, { varFiles: [join(dir, 'extra.tfvars')] });
    const bucket = byAddress(set, 'aws_s3_bucket.b');
    expect(bucket.properties.bucket).toBe('tfvars-x');
    const tags = bucket.properties.tags as Record<string, unknown>;
    expect([tags.b, tags.c, tags.d]).toEqual(['auto', 'explicit', 'default']);
    expect(set.problems).toEqual([]);
    expect(set.files).toContain(join(dir, 'extra.tfvars'));
  });

  it('leaves a variable without a value, and a cycle of locals, unresolved with a detail', () => {
    const tags = byAddress(readTerraformModule(dir), 'aws_s3_bucket.b').properties.tags as Record<
      string,
      unknown
    >;
    expect(tags.e).toEqual(new Unresolved('variable e has no default and no value in a .tfvars file'));
    expect(detailOf(tags.loop)).toMatch(/local\.loop_[ab] refers to itself/);
  });
});

describe('resources', () => {
  const dir = project({
    'main.tf': `provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

# onus:ignore s3.versioning logs are disposable
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  # onus:ignore s3.*  whole bucket reviewed
  lifecycle {
    prevent_destroy = true
  }
  count = 1
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs[0].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 80
    cidr_blocks = [
      "10.0.0.0/8",
    ]
  }
  tags = {
    Name = "web"
  }
}

resource "aws_sns_topic" "us" {
  provider = aws.us
}

resource "random_id" "x" {
  byte_length = 4
}

data "aws_caller_identity" "me" {}
`,
  });
  const set = readTerraformModule(dir);

  it('reads only managed aws_* resources, with their addresses', () => {
    expect(set.resources.map((r) => r.address)).toEqual([
      'aws_s3_bucket.logs[0]',
      'aws_s3_bucket_versioning.logs',
      'aws_security_group.web',
      'aws_sns_topic.us',
    ]);
    expect(set.resources.every((r) => r.format === 'terraform')).toBe(true);
  });

  it('reads nested blocks as arrays of objects and leaves Terraform meta-arguments out', () => {
    const group = byAddress(set, 'aws_security_group.web');
    expect(group.properties.ingress).toEqual([
      { from_port: 443, cidr_blocks: ['0.0.0.0/0'] },
      { from_port: 80, cidr_blocks: ['10.0.0.0/8'] },
    ]);
    const bucket = byAddress(set, 'aws_s3_bucket.logs[0]');
    expect(bucket.properties).toEqual({ bucket: 'logs' });
  });

  it('locates the resource, its arguments, its nested blocks and the items inside them', () => {
    const group = byAddress(set, 'aws_security_group.web');
    const file = join(dir, 'main.tf');
    expect(group.location).toEqual({ file, line: 27, column: 1 });
    expect(group.locate(['name'])?.line).toBe(28);
    expect(group.locate(['ingress', 1])?.line).toBe(33);
    expect(group.locate(['ingress', 1, 'cidr_blocks', 0])?.line).toBe(36);
    expect(group.locate(['tags', 'Name'])?.line).toBe(40);
    // Not written: the nearest written part decides.
    expect(group.locate(['ingress', 0, 'to_port'])?.line).toBe(29);
    expect(group.locate(['description'])).toBeUndefined();
  });

  it('reads ignores from the comment above the block and from inside it', () => {
    const bucket = byAddress(set, 'aws_s3_bucket.logs[0]');
    expect(bucket.ignores).toEqual([
      {
        check: 's3.versioning',
        reason: 'logs are disposable',
        location: { file: join(dir, 'main.tf'), line: 10, column: 1 },
      },
      {
        check: 's3.*',
        reason: 'whole bucket reviewed',
        location: { file: join(dir, 'main.tf'), line: 13, column: 3 },
      },
    ]);
    expect(byAddress(set, 'aws_s3_bucket_versioning.logs').ignores).toEqual([]);
  });

  it('takes the region from the provider the resource uses: the default one, or an alias', () => {
    expect(set.resources.map((r) => r.region)).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1', 'us-east-1']);
  });

  it('joins split resources to the resource they configure through References', () => {
    const versioning = byAddress(set, 'aws_s3_bucket_versioning.logs');
    expect(versioning.properties.bucket).toEqual(new Reference('aws_s3_bucket.logs[0]', 'id'));
    const context = mapContextOf(set.resources);
    const bucket = byAddress(set, 'aws_s3_bucket.logs[0]');
    expect(context.attached(bucket, ['aws_s3_bucket_versioning'], 'bucket')).toEqual([versioning]);
  });
});

describe('count, for_each and dynamic blocks', () => {
  const dir = project({
    'main.tf': `
variable "names" { default = ["b", "a"] }
variable "ports" { default = { https = 443, ssh = 22 } }
variable "unknown" {}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "bucket-\${count.index}"
}

resource "aws_s3_bucket" "set" {
  for_each = toset(var.names)
  bucket   = "b-\${each.value}"
}

resource "aws_s3_bucket" "map" {
  for_each = var.ports
  bucket   = "\${each.key}-\${each.value}"
}

resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}

resource "aws_s3_bucket" "maybe" {
  count  = var.unknown ? 1 : 0
  bucket = "maybe-\${count.index}"
}

resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port = port.value
      description = port.key
    }
  }
  ingress {
    from_port = 1
  }
}

resource "aws_security_group" "opaque" {
  dynamic "ingress" {
    for_each = var.unknown
    content {
      from_port = ingress.value
    }
  }
}
`,
  });
  const set = readTerraformModule(dir);

  it('expands count and for_each into one resource per instance', () => {
    expect(
      set.resources.map((r) => `${r.address} ${JSON.stringify(r.properties.bucket)}`).slice(0, 6),
    ).toEqual([
      'aws_s3_bucket.counted[0] "bucket-0"',
      'aws_s3_bucket.counted[1] "bucket-1"',
      'aws_s3_bucket.set["a"] "b-a"',
      'aws_s3_bucket.set["b"] "b-b"',
      'aws_s3_bucket.map["https"] "https-443"',
      'aws_s3_bucket.map["ssh"] "ssh-22"',
    ]);
    expect(set.resources.some((r) => r.address.startsWith('aws_s3_bucket.none'))).toBe(false);
  });

  it('reads an unknown count as one resource with a warning', () => {
    const maybe = byAddress(set, 'aws_s3_bucket.maybe');
    expect(maybe.properties.bucket).toBeInstanceOf(Unresolved);
    expect(set.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        line: 26,
        message: expect.stringMatching(
          /^aws_s3_bucket\.maybe: count is not known statically \(variable unknown/,
        ),
      }),
    );
  });

  it('expands dynamic blocks with a static for_each, in order with the static blocks', () => {
    const group = byAddress(set, 'aws_security_group.dyn');
    expect(group.properties.ingress).toEqual([
      { from_port: 443, description: 'https' },
      { from_port: 22, description: 'ssh' },
      { from_port: 1 },
    ]);
    expect(group.locate(['ingress', 0, 'from_port'])?.line).toBe(36);
    expect(group.locate(['ingress', 2])?.line).toBe(40);
  });

  it('makes a dynamic block with an unknown for_each unresolved', () => {
    const ingress = byAddress(set, 'aws_security_group.opaque').properties.ingress;
    expect(ingress).toBeInstanceOf(Unresolved);
    expect(detailOf(ingress)).toMatch(/^dynamic block ingress: for_each is not known statically/);
  });
});

describe('modules', () => {
  const root = project({
    'main.tf': `
module "store" {
  source = "./modules/store"
  name   = "data"
  kms    = aws_kms_key.k.arn
}

module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}

resource "aws_kms_key" "k" {}

resource "aws_s3_bucket_policy" "p" {
  bucket = module.store.bucket_name
  policy = module.store.unknown_output
}
`,
    'modules/store/main.tf': `
variable "name" {}
variable "kms" {}
variable "versioned" { default = true }

resource "aws_s3_bucket" "this" {
  bucket = "\${var.name}-bucket"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = var.kms
      sse_algorithm     = "aws:kms"
    }
  }
}

module "inner" {
  source = "../inner"
}

output "bucket_name" { value = aws_s3_bucket.this.bucket }
output "unknown_output" { value = data.aws_iam_policy_document.x.json }
`,
    'modules/inner/main.tf': 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
  });
  const set = readTerraformModule(root);

  it('reads local modules recursively, with module addresses', () => {
    expect(set.resources.map((r) => r.address).sort()).toEqual([
      'aws_kms_key.k',
      'aws_s3_bucket_policy.p',
      'module.store.aws_s3_bucket.this',
      'module.store.aws_s3_bucket_server_side_encryption_configuration.this',
      'module.store.module.inner.aws_sns_topic.t',
    ]);
    expect(byAddress(set, 'module.store.aws_s3_bucket.this').location.file).toBe(
      join(root, 'modules/store/main.tf'),
    );
  });

  it('passes module arguments as variables, and references inside the module keep the module prefix', () => {
    const encryption = byAddress(set, 'module.store.aws_s3_bucket_server_side_encryption_configuration.this');
    expect(encryption.properties.bucket).toEqual(new Reference('module.store.aws_s3_bucket.this', 'id'));
    const rule = (encryption.properties.rule as Record<string, unknown>[])[0];
    expect(rule?.apply_server_side_encryption_by_default).toEqual([
      { kms_master_key_id: new Reference('aws_kms_key.k', 'arn'), sse_algorithm: 'aws:kms' },
    ]);
    expect(byAddress(set, 'module.store.aws_s3_bucket.this').properties.bucket).toBe('data-bucket');
  });

  it('reads module outputs: a Reference when they name a resource, Unresolved when not static', () => {
    const policy = byAddress(set, 'aws_s3_bucket_policy.p');
    expect(policy.properties.bucket).toEqual(new Reference('module.store.aws_s3_bucket.this', 'bucket'));
    expect(detailOf(policy.properties.policy)).toBe(
      'data source data.aws_iam_policy_document.x is read at apply time',
    );
  });

  it('warns that registry modules are not read', () => {
    expect(set.problems).toEqual([
      {
        file: join(root, 'main.tf'),
        line: 8,
        column: 1,
        message:
          'module remote (source terraform-aws-modules/s3-bucket/aws) is not read: only local modules are',
        severity: 'warning',
      },
    ]);
  });

  it('lists the local module directories, transitively', () => {
    expect(localModuleDirs(root)).toEqual([join(root, 'modules/store'), join(root, 'modules/inner')]);
  });
});

describe('repeated modules', () => {
  it('expands a module with a static for_each into one instance per key, each with its inputs', () => {
    const root = project({
      'main.tf': `
module "queue" {
  for_each = toset(["a", "b"])
  source   = "./q"
  name     = "q-\${each.key}"
}
module "counted" {
  count  = 1
  source = "./q"
  name   = "c-\${count.index}"
}
`,
      'q/main.tf': 'variable "name" {}\nresource "aws_sqs_queue" "this" {\n  name = var.name\n}\n',
    });
    const set = readTerraformModule(root);
    expect(set.resources.map((r) => [r.address, r.properties.name])).toEqual([
      ['module.queue["a"].aws_sqs_queue.this', 'q-a'],
      ['module.queue["b"].aws_sqs_queue.this', 'q-b'],
      ['module.counted[0].aws_sqs_queue.this', 'c-0'],
    ]);
    expect(set.problems).toEqual([]);
    // The module's files are read once, however many instances it has.
    expect(set.files.filter((file) => file.endsWith(join('q', 'main.tf')))).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('bounds chains of locals instead of exhausting the stack', () => {
    const locals = Array.from({ length: 3000 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const dir = project({
      'main.tf': `locals {\n${locals}\n  l3000 = "end"\n}\nresource "aws_sqs_queue" "q" {\n  name = local.l0\n}\n`,
    });
    const set = readTerraformModule(dir);
    expect(detailOf(set.resources[0]?.properties.name)).toMatch(/refer to each other too deeply/);
  });

  it('reports a syntax error as one problem with file, line and column, and reads the other files', () => {
    const dir = project({
      'bad.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n',
      'good.tf': 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
    });
    const set = readTerraformModule(dir);
    expect(set.problems).toEqual([
      {
        file: join(dir, 'bad.tf'),
        line: 2,
        column: 12,
        message: 'HCL syntax error: expected an expression, found a newline',
        severity: 'error',
      },
    ]);
    expect(set.resources.map((r) => r.address)).toEqual(['aws_sns_topic.t']);
  });

  it('skips binary files with a warning', () => {
    const dir = project({ 'junk.tf': 'a\0b', 'ok.tf': '' });
    const set = readTerraformModule(dir);
    expect(set.problems).toEqual([
      { file: join(dir, 'junk.tf'), message: 'skipped: a binary file', severity: 'warning' },
    ]);
  });

  it('reports a module directory that does not exist', () => {
    const dir = project({ 'main.tf': 'module "m" {\n  source = "./missing"\n}\n' });
    expect(readTerraformModule(dir).problems).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'error',
        message: expect.stringContaining('does not exist'),
      }),
    ]);
  });
});
