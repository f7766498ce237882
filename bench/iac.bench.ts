/**
 * How fast `onus iac` reads and checks a large tree of infrastructure code.
 *
 *   npm run bench:iac [-- --templates 1000]
 *
 * Generates a tree of about 1,000 templates, half CloudFormation (YAML and JSON, with parameters, conditions
 * and intrinsics) and half Terraform root modules (variables, locals, split S3 resources, security group rules),
 * each with about a dozen resources, some compliant and some not. Measured in the same run:
 *
 * - parse only: reading every file into resources (the readers: YAML/JSON parsing, HCL parsing and static
 *   evaluation) — the lower bound, since nothing can be checked before it is read;
 * - total: reading, mapping into the resource model, and running every check that applies before deployment,
 *   with the findings placed on their lines.
 *
 * Prints files/s, total/parse (goal: at most 2x) and the cold start of the CLI on a one-template tree
 * (`node dist/cli/bin.js iac`, built first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { CHECKS } from '../src/checks/index.js';
import { scanInventory } from '../src/core/scan.js';
import { placeFindings } from '../src/findings/code.js';
import { buildIacInventory, checksForCode, runsOnCode } from '../src/sources/iac/inventory.js';
import { loadIac } from '../src/sources/iac/load.js';

const arg = process.argv.indexOf('--templates');
const TEMPLATES = arg > 0 ? Number(process.argv[arg + 1]) : 1000;
const ROUNDS = 3;

function cloudFormationYaml(i: number): string {
  const open = i % 3 === 0;
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: generated stack ${i}
Parameters:
  Env:
    Type: String
    Default: prod
  Retention:
    Type: Number
    Default: ${(i % 4) * 30}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'data-\${Env}-${i}'
      VersioningConfiguration:
        Status: ${open ? 'Suspended' : 'Enabled'}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
      Tags:
        - Key: team
          Value: team-${i % 7}
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource:
              - !GetAtt Data.Arn
              - !Sub '\${Data.Arn}/*'
            Condition:
              Bool:
                aws:SecureTransport: 'false'
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: !If [IsProd, true, false]
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
            Action: 'kms:*'
            Resource: '*'
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web ${i}
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: ${open ? '0.0.0.0/0' : '10.0.0.0/8'}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Retention
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: ${!open}
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: '20'
      StorageEncrypted: ${!open}
      PubliclyAccessible: false
      DeletionProtection: true
      BackupRetentionPeriod: 7
      MasterUsername: app
      ManageMasterUserPassword: true
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: ${open ? "'*'" : "['s3:GetObject', 'sqs:SendMessage']"}
                Resource: '*'
`;
}

function cloudFormationJson(i: number): string {
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { Name: { Type: 'String', Default: `app-${i}` } },
      Resources: {
        Bucket: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            BucketName: { 'Fn::Join': ['-', [{ Ref: 'Name' }, 'assets']] },
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: i % 5 !== 0,
              RestrictPublicBuckets: true,
            },
          },
        },
        Volume: {
          Type: 'AWS::EC2::Volume',
          Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: i % 2 === 0 },
        },
        Function: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Runtime: i % 4 === 0 ? 'python3.7' : 'python3.12',
            Handler: 'index.handler',
            Role: { 'Fn::GetAtt': ['FunctionRole', 'Arn'] },
            Code: { ZipFile: 'def handler(e, c): return 1' },
            Environment: { Variables: { STAGE: 'prod' } },
          },
        },
        FunctionRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
          },
        },
        Repo: {
          Type: 'AWS::ECR::Repository',
          Properties: { ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true } },
        },
      },
    },
    null,
    2,
  );
}

function terraform(i: number): { 'main.tf': string; 'variables.tf': string; 'terraform.tfvars': string } {
  const open = i % 3 === 0;
  return {
    'variables.tf': `variable "env" {
  type    = string
  default = "dev"
}

variable "admin_cidr" {
  type = string
}
`,
    'terraform.tfvars': `env        = "prod"
admin_cidr = "${open ? '0.0.0.0/0' : '10.1.0.0/16'}"
`,
    'main.tf': `provider "aws" {
  region = "eu-west-1"
}

locals {
  name = "app-\${var.env}-${i}"
  tags = {
    team = "team-${i % 7}"
    env  = var.env
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "\${local.name}-data"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "${open ? 'Suspended' : 'Enabled'}"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_kms_key" "data" {
  description         = "data key"
  enable_key_rotation = ${!open}
}

resource "aws_security_group" "admin" {
  name   = "\${local.name}-admin"
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [var.admin_cidr]
}

resource "aws_db_instance" "db" {
  identifier          = "\${local.name}-db"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = ${!open}
  publicly_accessible = false
  deletion_protection = true
  username            = "app"
  manage_master_user_password = true
  backup_retention_period     = 7
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/\${local.name}"
  retention_in_days = ${open ? 0 : 365}
}

resource "aws_sqs_queue" "jobs" {
  name                    = "\${local.name}-jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_iam_role" "app" {
  name = "\${local.name}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ${open ? '"*"' : '["s3:GetObject"]'}
      Resource = "*"
    }]
  })
}
`,
  };
}

function generate(root: string, count: number): number {
  let files = 0;
  for (let i = 0; i < count; i++) {
    const dir = join(root, `stack-${String(i).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    if (i % 2 === 0) {
      if (i % 4 === 0) writeFileSync(join(dir, 'template.yaml'), cloudFormationYaml(i));
      else writeFileSync(join(dir, 'template.json'), cloudFormationJson(i));
      files++;
    } else {
      for (const [name, text] of Object.entries(terraform(i))) {
        writeFileSync(join(dir, name), text);
        files++;
      }
    }
  }
  return files;
}

function best(run: () => void): number {
  let fastest = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const root = mkdtempSync(join(tmpdir(), 'onus-bench-iac-'));
try {
  const files = generate(join(root, 'tree'), TEMPLATES);
  const checks = CHECKS.filter(
    (check) => runsOnCode(check, 'cloudformation') || runsOnCode(check, 'terraform'),
  );
  let resources = 0;
  let findings = 0;
  let problems = 0;

  const parseMs = best(() => {
    const loaded = loadIac([join(root, 'tree')]);
    resources = loaded.sets.reduce((sum, set) => sum + set.resources.length, 0);
    problems = loaded.problems.length;
  });
  const totalMs = best(() => {
    const loaded = loadIac([join(root, 'tree')]);
    const code = buildIacInventory(loaded.sets);
    const runnable = checksForCode(checks, code);
    const report = scanInventory(code.inventory, runnable, {
      now: new Date(),
      generatedAt: new Date(),
      tool: { name: 'onus', version: 'bench' },
      target: { type: 'iac', name: 'tree' },
    });
    findings = placeFindings(report.findings, code, runnable).length;
  });

  // Cold start: a fresh process reading one template, as a pre-commit hook or a CI step would.
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const tiny = join(root, 'tiny');
  mkdirSync(tiny);
  writeFileSync(join(tiny, 'template.yaml'), cloudFormationYaml(3));
  const coldRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      ['dist/cli/bin.js', 'iac', tiny, '--no-store', '--no-config', '--format', 'json', '-q'],
      { encoding: 'utf8' },
    );
    coldRuns.push(performance.now() - started);
    if (run.status !== 3 && run.status !== 0)
      throw new Error(`onus iac exited ${String(run.status)}: ${run.stderr}`);
  }
  const coldMs = Math.min(...coldRuns);

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`\nonus iac over ${TEMPLATES} generated templates (${files} files, ${resources} resources)`);
  console.log(`  problems reported: ${problems} (expected 0)`);
  console.log(`  checks that apply before deployment: ${checks.length}; findings: ${findings}`);
  console.log(
    `  parse only (lower bound): ${seconds(parseMs)} s  (${Math.round(files / (parseMs / 1000))} files/s)`,
  );
  console.log(
    `  total (read, map, check): ${seconds(totalMs)} s  (${Math.round(files / (totalMs / 1000))} files/s)`,
  );
  console.log(`  total / parse: ${(totalMs / parseMs).toFixed(2)}x  (goal: at most 2x)`);
  console.log(`  cold start, one template: ${Math.round(coldMs)} ms`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
