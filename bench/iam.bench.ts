/**
 * How long the IAM analyses take on a large account, and whether they grow linearly.
 *
 *   npm run bench:iam [-- --scales 1,2,4]
 *
 * At 1x the generated account has 5,000 roles and 10,000 customer managed policies (plus 250 users, 25 groups
 * and 300 resources with resource policies): most policies narrow, some with service wildcards, conditions or
 * denies, some granting iam:PassRole or IAM writes that open escalation paths, a few administrators. The
 * analyses are helper A's (src/iam): build the model, find the effective administrators, the escalation paths,
 * and who can use a few resources. The lower bound, measured in the same run, is parsing every policy document
 * once: analyses/parse says how much the analyses cost beyond reading the policies. Goal: under 60 s at 1x on
 * the project's 2-core machine, and ratios near 2.0 between sizes (linear growth).
 */
import { effectiveAdmins } from '../src/iam/analyses/admins.js';
import { escalationPaths } from '../src/iam/analyses/escalation.js';
import { whoCan } from '../src/iam/analyses/who-can.js';
import { parsePolicy } from '../src/iam/engine/parse.js';
import { buildAccountModel } from '../src/iam/model.js';
import type { Inventory } from '../src/core/inventory.js';
import type { Resource } from '../src/core/resource.js';
import { ACCOUNT, daysAgo, inventoryOf } from '../src/testing/builders.js';
import { iamGroup, iamRole, iamUser, managedPolicy, policy } from '../src/testing/iam-kinds.js';
import { kmsKey, s3Bucket } from '../src/testing/kinds.js';

const scalesArg = process.argv.indexOf('--scales');
const SCALES = scalesArg > 0 ? (process.argv[scalesArg + 1] ?? '1').split(',').map(Number) : [1, 2, 4];
const GOAL_MS = 60_000;

/** A small deterministic generator (mulberry32): the same account on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SERVICES = ['s3', 'dynamodb', 'sqs', 'sns', 'kms', 'lambda', 'logs', 'secretsmanager', 'ssm', 'ec2'];
const READS: Record<string, string[]> = {
  s3: ['s3:GetObject', 's3:ListBucket'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  sns: ['sns:Publish'],
  kms: ['kms:Decrypt', 'kms:GenerateDataKey'],
  lambda: ['lambda:InvokeFunction'],
  logs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  secretsmanager: ['secretsmanager:GetSecretValue'],
  ssm: ['ssm:GetParameter', 'ssm:GetParametersByPath'],
  ec2: ['ec2:DescribeInstances', 'ec2:DescribeVolumes'],
};
/** IAM writes that each open an escalation method when granted broadly. */
const ESCALATING = [
  ['iam:CreatePolicyVersion'],
  ['iam:AttachRolePolicy'],
  ['iam:PutUserPolicy'],
  ['iam:CreateAccessKey'],
  ['iam:UpdateAssumeRolePolicy'],
  ['iam:CreateLoginProfile'],
];
const PASS_ROLE_WITH = [
  ['lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['ec2:RunInstances'],
  ['glue:CreateDevEndpoint'],
  ['cloudformation:CreateStack'],
  ['codebuild:CreateProject', 'codebuild:StartBuild'],
];
const TRUSTED_SERVICES = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'glue.amazonaws.com',
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function resourceArn(service: string, index: number): string {
  switch (service) {
    case 's3':
      return `arn:aws:s3:::data-${index}/*`;
    case 'dynamodb':
      return `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/table-${index}`;
    case 'sqs':
      return `arn:aws:sqs:eu-west-1:${ACCOUNT}:queue-${index}`;
    case 'sns':
      return `arn:aws:sns:eu-west-1:${ACCOUNT}:topic-${index}`;
    case 'kms':
      return `arn:aws:kms:eu-west-1:${ACCOUNT}:key/key-${index}`;
    case 'lambda':
      return `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn-${index}`;
    case 'secretsmanager':
      return `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app-${index}-*`;
    case 'ssm':
      return `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app-${index}/*`;
    default:
      return '*';
  }
}

/** One customer managed policy document, drawn from the mix a large account has. */
function policyDocument(next: () => number, index: number, roles: number): Record<string, unknown> {
  const draw = next();
  const service = pick(next, SERVICES);
  const narrow = {
    Effect: 'Allow',
    Action: READS[service],
    Resource: [resourceArn(service, index), resourceArn(service, index + 1)],
  };
  if (draw < 0.72) return policy(narrow);
  if (draw < 0.84) {
    // A service wildcard, or a read wildcard, on everything.
    return policy(narrow, {
      Effect: 'Allow',
      Action: next() < 0.5 ? `${service}:*` : [`${service}:Get*`, `${service}:List*`, `${service}:Describe*`],
      Resource: '*',
    });
  }
  if (draw < 0.9) {
    return policy(narrow, {
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject'],
      Resource: `arn:aws:s3:::tenant-${index}/\${aws:PrincipalTag/team}/*`,
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] },
        Bool: { 'aws:SecureTransport': 'true' },
      },
    });
  }
  if (draw < 0.94) {
    const role = Math.floor(next() * roles);
    return policy(
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: next() < 0.3 ? '*' : `arn:aws:iam::${ACCOUNT}:role/service/role-${role}`,
      },
      { Effect: 'Allow', Action: pick(next, PASS_ROLE_WITH), Resource: '*' },
    );
  }
  if (draw < 0.97) {
    return policy(narrow, {
      Effect: 'Deny',
      Action: ['s3:DeleteBucket', 'kms:ScheduleKeyDeletion'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalTag/role': 'admin' } },
    });
  }
  if (draw < 0.9975) {
    return policy({
      Effect: 'Allow',
      Action: pick(next, ESCALATING),
      Resource: next() < 0.5 ? '*' : `arn:aws:iam::${ACCOUNT}:role/service/role-${index % roles}`,
    });
  }
  return policy({ Effect: 'Allow', Action: '*', Resource: '*' });
}

function trustPolicy(next: () => number, index: number): Record<string, unknown> {
  const draw = next();
  if (draw < 0.75) {
    return policy({
      Effect: 'Allow',
      Principal: { Service: pick(next, TRUSTED_SERVICES) },
      Action: 'sts:AssumeRole',
    });
  }
  if (draw < 0.9) {
    return policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'sts:AssumeRole',
    });
  }
  if (draw < 0.97) {
    return policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${String(200000000000 + (index % 50))}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': `ext-${index}` } },
    });
  }
  return policy({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': `repo:acme/app-${index}:*` },
    },
  });
}

/** The account at `scale` (1 = 5,000 roles and 10,000 customer managed policies). */
export function generateAccount(scale: number): Inventory {
  const next = random(0x1a2b3c * scale);
  const roleCount = 5_000 * scale;
  const policyCount = 10_000 * scale;
  const resources: Resource[] = [];
  const policyArns: string[] = [];
  for (let index = 0; index < policyCount; index++) {
    const name = `policy-${index}`;
    policyArns.push(`arn:aws:iam::${ACCOUNT}:policy/${name}`);
    resources.push(
      managedPolicy(name, {
        defaultVersionDocument: policyDocument(next, index, roleCount),
        attachmentCount: 1,
      }),
    );
  }
  // A boundary some roles carry: the account's guardrail for delegated role creation.
  const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
  resources.push(
    managedPolicy('boundary', {
      defaultVersionDocument: policy({ Effect: 'Allow', Action: ['s3:*', 'sqs:*', 'logs:*'], Resource: '*' }),
    }),
  );
  for (let index = 0; index < roleCount; index++) {
    // Most policies are attached to a role; the rest are left over, as in real accounts.
    const attached = [
      policyArns[(index * 2) % policyCount],
      policyArns[(index * 2 + 1) % policyCount],
    ].filter((arn): arn is string => arn !== undefined);
    const name = `role-${index}`;
    resources.push(
      iamRole(name, {
        arn: `arn:aws:iam::${ACCOUNT}:role/service/${name}`,
        path: '/service/',
        trustPolicy: trustPolicy(next, index),
        attachedManagedPolicies: attached,
        inlinePolicies:
          next() < 0.3
            ? [{ name: 'inline', document: policyDocument(next, index + policyCount, roleCount) }]
            : [],
        permissionsBoundary: next() < 0.1 ? boundary : null,
        lastUsedAt: daysAgo(Math.floor(next() * 200)),
      }),
    );
  }
  const groupCount = 25 * scale;
  for (let index = 0; index < groupCount; index++) {
    resources.push(
      iamGroup(`group-${index}`, {
        attachedManagedPolicies: [policyArns[(index * 7) % policyCount] ?? ''],
        memberCount: 10,
      }),
    );
  }
  for (let index = 0; index < 250 * scale; index++) {
    resources.push(
      iamUser(`user-${index}`, {
        groups: [`group-${index % groupCount}`],
        attachedManagedPolicies: next() < 0.2 ? [policyArns[(index * 13) % policyCount] ?? ''] : [],
        inlinePolicies: [],
      }),
    );
  }
  for (let index = 0; index < 200 * scale; index++) {
    const name = `data-${index}`;
    resources.push(
      s3Bucket(name, {
        policy: policy({
          Sid: 'OrgRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${name}/*`,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      }),
    );
  }
  for (let index = 0; index < 100 * scale; index++) {
    resources.push(kmsKey({ keyId: `key-${index}` }));
  }
  return inventoryOf(resources);
}

/** Every policy document of the inventory, once: what any analysis must at least read. */
function documentsOf(inventory: Inventory): unknown[] {
  const documents: unknown[] = [];
  for (const account of inventory.accounts)
    for (const region of account.regions)
      for (const resource of region.resources) {
        const attributes = resource.attributes as Record<string, unknown>;
        for (const field of ['defaultVersionDocument', 'trustPolicy', 'policy'])
          if (attributes[field]) documents.push(attributes[field]);
        for (const inline of (attributes.inlinePolicies as { document: unknown }[] | undefined) ?? [])
          documents.push(inline.document);
      }
  return documents;
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Row {
  scale: number;
  analysesMs: number;
}
const rows: Row[] = [];
for (const scale of SCALES) {
  const inventory = generateAccount(scale);
  const documents = documentsOf(inventory);
  // The lower bound is the fastest of three passes, so the first one's JIT warm-up does not flatter the ratio.
  const parse = [1, 2, 3]
    .map(() =>
      timed(() => {
        for (const [index, document] of documents.entries()) {
          const parsed = parsePolicy(document, `document ${index}`);
          if (!parsed.ok) throw new Error(parsed.error);
        }
      }),
    )
    .reduce((best, run) => (run.ms < best.ms ? run : best));
  const model = timed(() => buildAccountModel(inventory));
  const admins = timed(() => effectiveAdmins(model.value));
  const escalations = timed(() => escalationPaths(model.value));
  const targets = [
    ['s3:GetObject', 'arn:aws:s3:::data-1/reports/q1.csv'],
    ['kms:Decrypt', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/key-1`],
    ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/service/role-7`],
  ] as const;
  const who = timed(() => targets.map(([action, arn]) => whoCan(model.value, action, arn)));
  const analysesMs = model.ms + admins.ms + escalations.ms + who.ms;
  rows.push({ scale, analysesMs });
  const principals = model.value.principals.length;
  console.log(
    `${scale}x: ${principals} principals, ${documents.length} policy documents | parse (lower bound) ${seconds(parse.ms)} | model ${seconds(model.ms)}, admins ${seconds(admins.ms)} (${admins.value.admins.length} found), escalations ${seconds(escalations.ms)} (${escalations.value.paths.length} paths), who-can x${targets.length} ${seconds(who.ms)} (${who.value.map((report) => report.inside.length).join('/')} inside) | analyses ${seconds(analysesMs)} = ${(analysesMs / parse.ms).toFixed(1)}x parse | peak RSS so far ${peakRssMb()} MB`,
  );
}

for (let index = 1; index < rows.length; index++) {
  const [before, after] = [rows[index - 1] as Row, rows[index] as Row];
  const ratio = after.analysesMs / before.analysesMs;
  const size = after.scale / before.scale;
  console.log(`${after.scale}x/${before.scale}x: ${ratio.toFixed(2)} (linear growth = ${size.toFixed(1)})`);
}
const one = rows.find((row) => row.scale === 1);
if (one) {
  console.log(
    `goal: analyses at 1x under ${seconds(GOAL_MS)}: ${seconds(one.analysesMs)} ${one.analysesMs < GOAL_MS ? 'MET' : 'MISSED'}`,
  );
}
console.log(`peak RSS ${peakRssMb()} MB`);
