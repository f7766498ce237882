/**
 * Generates examples/trail/: four days of CloudTrail logs for two accounts, in the S3 key layout CloudTrail
 * writes, with realistic benign traffic and one planted attack per bundled detection, plus expected-findings.yaml
 * (what `onus trail examples/trail/` must report, and nothing else).
 *
 * Run from the repository root: npx tsx examples/tools/generate-trail-sample.ts
 * Deterministic: a seeded PRNG, fixed dates, no clock; rerunning rewrites the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'trail');

const PROD = '111122223333';
const DEV = '444455556666';
/** The vendor account the backdoor role trusts: nowhere in this trail. */
const STRANGER = '999988887777';
const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
/** Where each account works, and how much of its regional traffic goes there. */
const REGIONS: Readonly<Record<string, readonly [string, number][]>> = {
  [PROD]: [
    ['us-east-1', 0.7],
    ['eu-west-1', 0.3],
  ],
  [DEV]: [
    ['us-west-2', 0.8],
    ['us-east-1', 0.2],
  ],
};

// ------------------------------------------------------------------------------------------------------------
// Deterministic randomness

let seed = 0x5eed2026;
/** mulberry32: small, fast, good enough for sample data. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const hex = (length: number): string =>
  Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
const upper = (length: number): string =>
  Array.from({ length }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(random() * 32)]).join('');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

// ------------------------------------------------------------------------------------------------------------
// Identities

type Identity = Record<string, unknown>;

function iamUser(account: string, name: string, key = `AKIA${upper(16)}`): Identity {
  return {
    type: 'IAMUser',
    principalId: `AIDA${upper(17)}`,
    arn: `arn:aws:iam::${account}:user/${name}`,
    accountId: account,
    accessKeyId: key,
    userName: name,
  };
}

function assumedRole(account: string, role: string, session: string, mfa = false): Identity {
  const roleId = `AROA${upper(17)}`;
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    accessKeyId: `ASIA${upper(16)}`,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: roleId,
        arn: `arn:aws:iam::${account}:role/${role}`,
        accountId: account,
        userName: role,
      },
      attributes: { creationDate: '2026-11-01T00:00:00Z', mfaAuthenticated: String(mfa) },
    },
  };
}

function root(account: string): Identity {
  return { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account };
}

function awsService(service: string): Identity {
  return { type: 'AWSService', invokedBy: service };
}

const CONSOLE_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const CLI_UA = 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off';
const BOTO_UA =
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69';
const SDK_JS_UA =
  'aws-sdk-js/3.600.0 ua/2.1 os/linux#5.10.219-208.866.amzn2.x86_64 lang/js md/nodejs#20.15.0 api/ssm#3.600.0';
const TERRAFORM_UA =
  'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.54.1 aws-sdk-go-v2/1.30.0';

/** The people and machines of the benign story, per account. */
function cast(account: string) {
  const office = account === PROD ? '192.0.2.10' : '192.0.2.11';
  return {
    office,
    /** GitHub-hosted runners (documentation range stands in for them). */
    ciAddress: '192.0.2.200',
    /** The NAT gateway every instance shares for calls that do not go through a VPC endpoint. */
    nat: account === PROD ? '192.0.2.50' : '192.0.2.51',
    admins: ['alice@example.com', 'bob@example.com'].map((who) =>
      assumedRole(account, 'AWSReservedSSO_AdministratorAccess_5d2a1c9e8f7b6a43', who),
    ),
    developers: ['dan@example.com', 'erin@example.com'].map((who) =>
      assumedRole(account, 'AWSReservedSSO_DeveloperAccess_9a8b7c6d5e4f3a21', who),
    ),
    carol: iamUser(account, 'carol'),
    ci: assumedRole(account, 'github-deploy', 'GitHubActions'),
    instances: ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'].map((id) => ({
      identity: assumedRole(account, 'app-server', id),
      privateIp: `10.0.${between(1, 3)}.${between(10, 250)}`,
    })),
    lambda: assumedRole(account, 'orders-fn-role', 'orders-fn'),
    monitoring: assumedRole(account, 'monitoring-readonly', 'collector'),
  };
}
type Cast = ReturnType<typeof cast>;

// ------------------------------------------------------------------------------------------------------------
// Records

type TrailRecord = Record<string, unknown>;
const records: TrailRecord[] = [];

interface CallOptions {
  account: string;
  region: string;
  time: string;
  who: Identity;
  source: string;
  name: string;
  ip: string;
  agent: string;
  request?: unknown;
  response?: unknown;
  readOnly?: boolean;
  error?: [string, string];
}

function call(options: CallOptions): TrailRecord {
  const record: TrailRecord = {
    eventVersion: '1.11',
    userIdentity: options.who,
    eventTime: options.time,
    eventSource: options.source,
    eventName: options.name,
    awsRegion: options.region,
    sourceIPAddress: options.ip,
    userAgent: options.agent,
    ...(options.error === undefined ? {} : { errorCode: options.error[0], errorMessage: options.error[1] }),
    requestParameters: options.request ?? null,
    responseElements: options.response ?? null,
    requestID: uuid(),
    eventID: uuid(),
    readOnly: options.readOnly ?? /^(Get|List|Describe|Lookup|Head|BatchGet|Decrypt)/.test(options.name),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: options.account,
    eventCategory: 'Management',
  };
  records.push(record);
  return record;
}

function consoleLogin(
  account: string,
  time: string,
  who: Identity,
  ip: string,
  outcome: 'Success' | 'Failure',
  mfa: 'Yes' | 'No',
): TrailRecord {
  const record: TrailRecord = {
    eventVersion: '1.09',
    userIdentity: who,
    eventTime: time,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: ip,
    userAgent: CONSOLE_UA,
    ...(outcome === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
    requestParameters: null,
    responseElements: { ConsoleLogin: outcome },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: mfa,
    },
    eventID: uuid(),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
  records.push(record);
  return record;
}

/** `2026-11-02T13:05:09Z` from a day, an hour and seconds into the hour. */
function at(day: string, hour: number, second: number): string {
  const minutes = Math.floor(second / 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day}T${pad(hour)}:${pad(minutes)}:${pad(second % 60)}Z`;
}

function regionOf(account: string): string {
  let roll = random();
  for (const [region, share] of REGIONS[account] ?? []) {
    roll -= share;
    if (roll < 0) return region;
  }
  return REGIONS[account]?.[0]?.[0] ?? 'us-east-1';
}

// ------------------------------------------------------------------------------------------------------------
// Benign traffic

const READ_CALLS: readonly [string, string, unknown][] = [
  ['ec2.amazonaws.com', 'DescribeInstances', { instancesSet: {}, filterSet: {} }],
  [
    'ec2.amazonaws.com',
    'DescribeSecurityGroups',
    { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} },
  ],
  ['ec2.amazonaws.com', 'DescribeVpcs', { vpcSet: {}, filterSet: {} }],
  ['s3.amazonaws.com', 'ListBuckets', { Host: 's3.amazonaws.com' }],
  ['s3.amazonaws.com', 'GetBucketPolicy', { bucketName: 'orders-exports', policy: '' }],
  ['lambda.amazonaws.com', 'ListFunctions20150331', null],
  ['cloudformation.amazonaws.com', 'DescribeStacks', { stackName: 'orders-service' }],
  ['cloudtrail.amazonaws.com', 'GetTrailStatus', { name: 'management-events' }],
  ['cloudtrail.amazonaws.com', 'DescribeTrails', { trailNameList: [], includeShadowTrails: true }],
  ['rds.amazonaws.com', 'DescribeDBInstances', null],
  ['logs.amazonaws.com', 'DescribeLogGroups', { limit: 50 }],
  ['guardduty.amazonaws.com', 'ListDetectors', null],
  ['securityhub.amazonaws.com', 'GetFindings', { MaxResults: 100 }],
  ['kms.amazonaws.com', 'ListAliases', null],
];

const IAM_READS: readonly [string, unknown][] = [
  ['ListRoles', null],
  ['ListUsers', null],
  ['GetRole', { roleName: 'github-deploy' }],
  ['ListAttachedRolePolicies', { roleName: 'app-server' }],
  ['GetAccountSummary', null],
];

function benignHour(account: string, people: Cast, day: string, hour: number, dayIndex: number): void {
  const working = hour >= 7 && hour <= 19;
  // People browsing and scripting: Describe/List noise.
  const reads = working ? between(6, 12) : between(0, 2);
  for (let i = 0; i < reads; i++) {
    const who = pick([...people.admins, ...people.developers, people.monitoring]);
    const viaConsole = who !== people.monitoring && random() < 0.6;
    const [source, name, request] = pick(READ_CALLS);
    call({
      account,
      region: regionOf(account),
      time: at(day, hour, between(0, 3599)),
      who,
      source,
      name,
      ip: who === people.monitoring ? '198.18.0.20' : people.office,
      agent: viaConsole ? CONSOLE_UA : who === people.monitoring ? BOTO_UA : CLI_UA,
      request,
    });
  }
  if (working && random() < 0.5) {
    const [name, request] = pick(IAM_READS);
    call({
      account,
      region: 'us-east-1',
      time: at(day, hour, between(0, 3599)),
      who: pick(people.admins),
      source: 'iam.amazonaws.com',
      name,
      ip: people.office,
      agent: CONSOLE_UA,
      request,
    });
  }
  // The application: instances read their secrets and parameters through VPC endpoints, decrypt with KMS,
  // and publish metrics through the shared NAT gateway.
  for (const instance of people.instances) {
    const region = REGIONS[account]?.[0]?.[0] ?? 'us-east-1';
    const calls = between(2, 5);
    for (let i = 0; i < calls; i++) {
      call({
        account,
        region,
        time: at(day, hour, between(0, 3599)),
        who: instance.identity,
        source: 'kms.amazonaws.com',
        name: 'Decrypt',
        ip: instance.privateIp,
        agent: BOTO_UA,
        request: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      });
    }
    if (random() < 0.6) {
      call({
        account,
        region,
        time: at(day, hour, between(0, 3599)),
        who: instance.identity,
        source: 'secretsmanager.amazonaws.com',
        name: 'GetSecretValue',
        ip: instance.privateIp,
        agent: BOTO_UA,
        request: { secretId: pick(['prod/orders/db', 'prod/orders/stripe-api-key']) },
      });
    }
    call({
      account,
      region,
      time: at(day, hour, between(0, 3599)),
      who: instance.identity,
      source: 'monitoring.amazonaws.com',
      name: 'PutMetricData',
      ip: people.nat,
      agent: BOTO_UA,
      request: { namespace: 'Orders' },
      readOnly: false,
    });
    if (hour % 6 === 0) {
      // A restart every six hours loads the configuration: five decrypted parameters, well under a burst.
      const base = between(0, 3000);
      for (let i = 0; i < 5; i++) {
        call({
          account,
          region,
          time: at(day, hour, base + i * 2),
          who: instance.identity,
          source: 'ssm.amazonaws.com',
          name: 'GetParameter',
          ip: instance.privateIp,
          agent: SDK_JS_UA,
          request: { name: `/orders/config/param-${i}`, withDecryption: true },
        });
      }
    }
  }
  // Lambda: AWS assumes its role, the function decrypts its configuration.
  if (random() < 0.7) {
    const region = regionOf(account);
    const time = at(day, hour, between(0, 3599));
    call({
      account,
      region,
      time,
      who: awsService('lambda.amazonaws.com'),
      source: 'sts.amazonaws.com',
      name: 'AssumeRole',
      ip: 'lambda.amazonaws.com',
      agent: 'lambda.amazonaws.com',
      request: { roleArn: `arn:aws:iam::${account}:role/orders-fn-role`, roleSessionName: 'orders-fn' },
      readOnly: true,
    });
    call({
      account,
      region,
      time,
      who: people.lambda,
      source: 'kms.amazonaws.com',
      name: 'Decrypt',
      ip: '3.80.14.27',
      agent: 'aws-sdk-nodejs/2.1600.0 linux/v20.15.0 exec-env/AWS_Lambda_nodejs20.x',
      request: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    });
  }
  // AWS Config records configuration: service calls, left out of every detection.
  if (random() < 0.8) {
    call({
      account,
      region: regionOf(account),
      time: at(day, hour, between(0, 3599)),
      who: awsService('config.amazonaws.com'),
      source: 'ec2.amazonaws.com',
      name: 'DescribeNetworkInterfaces',
      ip: 'config.amazonaws.com',
      agent: 'config.amazonaws.com',
      request: { networkInterfaceIdSet: {}, filterSet: {} },
    });
  }
  // Deployments from CI, a few times a working day.
  if (working && random() < 0.35) {
    const region = regionOf(account);
    const time = between(0, 3000);
    const deploy: [string, string, unknown][] = [
      [
        'cloudformation.amazonaws.com',
        'CreateChangeSet',
        { stackName: 'orders-service', changeSetType: 'UPDATE' },
      ],
      ['cloudformation.amazonaws.com', 'DescribeChangeSet', { stackName: 'orders-service' }],
      ['cloudformation.amazonaws.com', 'ExecuteChangeSet', { stackName: 'orders-service' }],
      [
        'lambda.amazonaws.com',
        'UpdateFunctionCode20150331v2',
        { functionName: 'orders-fn', s3Bucket: 'orders-artifacts', s3Key: `orders-fn-${hex(7)}.zip` },
      ],
      [
        'ecs.amazonaws.com',
        'UpdateService',
        { cluster: 'orders', service: 'orders-api', forceNewDeployment: true },
      ],
    ];
    for (const [index, [source, name, request]] of deploy.entries()) {
      call({
        account,
        region,
        time: at(day, hour, time + index * 20),
        who: people.ci,
        source,
        name,
        ip: people.ciAddress,
        agent: TERRAFORM_UA,
        request,
      });
    }
  }
  // People sign in in the morning: SSO (federated, MFA at the identity provider) and carol with MFA.
  if (hour === 8) {
    for (const who of [...people.admins, ...people.developers]) {
      consoleLogin(account, at(day, hour, between(0, 1800)), who, people.office, 'Success', 'No');
    }
    if (account === PROD && dayIndex === 1) {
      // carol mistypes her password once, then signs in.
      consoleLogin(account, at(day, hour, 100), people.carol, people.office, 'Failure', 'No');
    }
    consoleLogin(account, at(day, hour, 160), people.carol, people.office, 'Success', 'Yes');
  }
}

/** Changes that look like attacks to a careless rule, done by the account's own people. */
function benignLookAlikes(account: string, people: Cast): void {
  const day = DAYS[1] ?? '';
  const admin = people.admins[0] ?? people.ci;
  const region = REGIONS[account]?.[0]?.[0] ?? 'us-east-1';
  const change = (hour: number, who: Identity, source: string, name: string, request: unknown, r = region) =>
    call({
      account,
      region: r,
      time: at(day, hour, between(0, 3599)),
      who,
      source,
      name,
      ip: people.office,
      agent: CONSOLE_UA,
      request,
    });
  // A security group opened to the VPC only.
  change(10, admin, 'ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', {
    groupId: 'sg-0123456789abcdef0',
    ipPermissions: {
      items: [
        {
          ipProtocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          groups: {},
          ipRanges: { items: [{ cidrIp: '10.0.0.0/16' }] },
          ipv6Ranges: {},
          prefixListIds: {},
        },
      ],
    },
  });
  // A bucket policy whose only "*" principal is in a Deny (refuse plain HTTP).
  change(10, admin, 's3.amazonaws.com', 'PutBucketPolicy', {
    bucketName: 'orders-exports',
    bucketPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::orders-exports', 'arn:aws:s3:::orders-exports/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    policy: '',
  });
  // Block Public Access switched fully on.
  change(11, admin, 's3.amazonaws.com', 'PutBucketPublicAccessBlock', {
    publicAccessBlock: '',
    bucketName: 'orders-exports',
    PublicAccessBlockConfiguration: {
      xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    },
  });
  // A snapshot shared with the sibling account for disaster recovery: not public.
  change(11, admin, 'ec2.amazonaws.com', 'ModifySnapshotAttribute', {
    snapshotId: 'snap-0a1b2c3d4e5f60001',
    attributeType: 'CREATE_VOLUME_PERMISSION',
    createVolumePermission: { add: { items: [{ userId: account === PROD ? DEV : PROD }] } },
  });
  // S3 allowed to invoke a function: a service principal, not "*".
  change(12, people.ci, 'lambda.amazonaws.com', 'AddPermission20150331v2', {
    functionName: 'orders-fn',
    statementId: 's3-invoke',
    action: 'lambda:InvokeFunction',
    principal: 's3.amazonaws.com',
    sourceArn: 'arn:aws:s3:::orders-uploads',
  });
  // GuardDuty findings published more often: the detector stays enabled.
  change(13, admin, 'guardduty.amazonaws.com', 'UpdateDetector', {
    detectorId: '12abc34d567e8fa901bc2d34e56789f0',
    enable: true,
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
  });
  // Findings triaged as notified, not suppressed.
  change(13, admin, 'securityhub.amazonaws.com', 'BatchUpdateFindings', {
    FindingIdentifiers: [
      {
        Id: `arn:aws:securityhub:${region}:${account}:finding/${uuid()}`,
        ProductArn: `arn:aws:securityhub:${region}::product/aws/guardduty`,
      },
    ],
    Workflow: { Status: 'NOTIFIED' },
  });
  // Read-only access for the deploy role; a role the sibling account (in this trail) may assume.
  change(
    14,
    admin,
    'iam.amazonaws.com',
    'AttachRolePolicy',
    {
      roleName: 'github-deploy',
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    },
    'us-east-1',
  );
  change(
    14,
    people.ci,
    'iam.amazonaws.com',
    'CreateRole',
    {
      roleName: 'cross-account-backup',
      assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${account === PROD ? DEV : PROD}:root` },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    },
    'us-east-1',
  );
  change(
    14,
    people.ci,
    'iam.amazonaws.com',
    'CreateRole',
    {
      roleName: 'orders-fn-role',
      assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    },
    'us-east-1',
  );
  // carol rotates her own access key.
  change(15, people.carol, 'iam.amazonaws.com', 'CreateAccessKey', { userName: 'carol' }, 'us-east-1');
  // A KMS key gets rotation, not deletion.
  change(15, admin, 'kms.amazonaws.com', 'EnableKeyRotation', {
    keyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  });
  // A developer tries three things the role does not allow: denied, but no burst.
  for (let i = 0; i < 3; i++) {
    call({
      account,
      region,
      time: at(day, 16, 60 * i),
      who: people.developers[0] ?? people.ci,
      source: 'iam.amazonaws.com',
      name: 'ListRoles',
      ip: people.office,
      agent: CLI_UA,
      error: ['AccessDenied', 'User is not authorized to perform: iam:ListRoles'],
    });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Planted attacks: one per detection, each by its own actor or address

interface Expected {
  detection: string;
  account: string;
  actor: string | null;
  sourceIPAddress: string | null;
  note: string;
}
const expected: Expected[] = [];

function plant(detection: string, record: TrailRecord, note: string, actor?: string | null): void {
  const who = record.userIdentity as Identity;
  expected.push({
    detection,
    account: record.recipientAccountId as string,
    actor: actor === undefined ? ((who.arn as string | undefined) ?? null) : actor,
    sourceIPAddress: record.sourceIPAddress as string,
    note,
  });
}

function plantAttacks(): void {
  const day = DAYS[2] ?? '';
  const attack = (
    hour: number,
    second: number,
    account: string,
    who: Identity,
    source: string,
    name: string,
    ip: string,
    request: unknown,
    region = 'us-east-1',
    agent = CLI_UA,
  ) => call({ account, region, time: at(day, hour, second), who, source, name, ip, agent, request });

  // 1. Password spraying: one address, twelve user names, one try each.
  const sprayed = [
    'alice',
    'bob',
    'carol',
    'dave',
    'erin',
    'frank',
    'grace',
    'heidi',
    'ivan',
    'judy',
    'mallory',
    'oscar',
  ];
  let first: TrailRecord | undefined;
  for (const [index, name] of sprayed.entries()) {
    const who = {
      type: 'IAMUser',
      principalId: `AIDA${upper(17)}`,
      accountId: PROD,
      accessKeyId: '',
      userName: name,
    };
    const record = consoleLogin(PROD, at(day, 1, index * 90), who, '203.0.113.10', 'Failure', 'No');
    first ??= record;
  }
  if (first !== undefined)
    plant('trail-password-spray', first, 'twelve user names tried from one address', null);

  // 2. Brute force: twenty-five guesses at dave's password within half an hour.
  const dave = {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEDAVE000001',
    accountId: PROD,
    accessKeyId: '',
    userName: 'dave',
  };
  for (let i = 0; i < 25; i++) {
    const record = consoleLogin(PROD, at(day, 2, i * 70), dave, '203.0.113.11', 'Failure', 'No');
    if (i === 0)
      plant('trail-console-brute-force', record, '25 failed sign-ins as dave from one address', null);
  }

  // 3. Root password guessing: six failures in five minutes.
  for (let i = 0; i < 6; i++) {
    const record = consoleLogin(PROD, at(day, 3, i * 50), root(PROD), '203.0.113.12', 'Failure', 'No');
    if (i === 0)
      plant('trail-root-login-failures', record, 'six failed root sign-ins', `arn:aws:iam::${PROD}:root`);
  }

  // 4-5. Root signs in without MFA and creates itself an access key.
  const rootLogin = consoleLogin(PROD, at(day, 3, 900), root(PROD), '203.0.113.13', 'Success', 'No');
  plant('trail-root-console-login', rootLogin, 'root signed in');
  plant('trail-console-login-without-mfa', rootLogin, 'root signed in with a password only');
  const rootKey = call({
    account: PROD,
    region: 'us-east-1',
    time: at(day, 3, 1000),
    who: root(PROD),
    source: 'iam.amazonaws.com',
    name: 'CreateAccessKey',
    ip: '203.0.113.13',
    agent: CONSOLE_UA,
    response: {
      accessKey: {
        accessKeyId: 'AKIAEXAMPLEROOTKEY01',
        status: 'Active',
        createDate: 'Nov 4, 2026 3:16:40 AM',
      },
    },
  });
  plant('trail-root-access-key-created', rootKey, 'access key for root');
  plant('trail-root-api-activity', rootKey, 'root used for a change');

  // 6. dave (IAM user, no MFA device) signs in from an unfamiliar address.
  const daveLogin = consoleLogin(
    PROD,
    at(day, 4, 10),
    iamUser(PROD, 'dave', ''),
    '198.51.100.20',
    'Success',
    'No',
  );
  plant('trail-console-login-without-mfa', daveLogin, 'dave signed in with a password only');

  // 7. A leaked key probed from a Kali machine.
  const kali = call({
    account: PROD,
    region: 'us-east-1',
    time: at(day, 4, 600),
    who: iamUser(PROD, 'ci-legacy', 'AKIAEXAMPLECILEGACY1'),
    source: 'sts.amazonaws.com',
    name: 'GetCallerIdentity',
    ip: '198.51.100.30',
    agent:
      'aws-cli/2.13.25 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/sts.get-caller-identity',
  });
  plant('trail-offensive-user-agent', kali, 'Kali Linux user agent');

  // 8. Reconnaissance: eighteen denied calls in six minutes.
  const bot = iamUser(PROD, 'reporting-bot', 'AKIAEXAMPLEREPORTING');
  const probes: [string, string][] = [
    ['iam.amazonaws.com', 'ListUsers'],
    ['iam.amazonaws.com', 'ListRoles'],
    ['s3.amazonaws.com', 'ListBuckets'],
    ['ec2.amazonaws.com', 'DescribeInstances'],
    ['secretsmanager.amazonaws.com', 'ListSecrets'],
    ['lambda.amazonaws.com', 'ListFunctions20150331'],
  ];
  for (let i = 0; i < 18; i++) {
    const [source, name] = probes[i % probes.length] ?? ['iam.amazonaws.com', 'ListUsers'];
    const record = call({
      account: PROD,
      region: 'us-east-1',
      time: at(day, 5, i * 20),
      who: bot,
      source,
      name,
      ip: '198.51.100.31',
      agent: BOTO_UA,
      error: [
        source === 'ec2.amazonaws.com' ? 'Client.UnauthorizedOperation' : 'AccessDenied',
        'not authorized',
      ],
    });
    if (i === 0) plant('trail-access-denied-burst', record, 'eighteen denied calls');
  }

  // 9. mallory creates an access key for svc-backup.
  plant(
    'trail-access-key-for-other-user',
    attack(6, 0, PROD, iamUser(PROD, 'mallory'), 'iam.amazonaws.com', 'CreateAccessKey', '198.51.100.7', {
      userName: 'svc-backup',
    }),
    'key for another user',
  );
  // 10. An automation role gives svc-reports a console password.
  plant(
    'trail-login-profile-for-other-user',
    attack(
      6,
      300,
      PROD,
      assumedRole(PROD, 'ops-automation', 'run-4411'),
      'iam.amazonaws.com',
      'CreateLoginProfile',
      '198.51.100.40',
      {
        userName: 'svc-reports',
        passwordResetRequired: false,
      },
    ),
    'console password for another user',
  );
  // 11. eve makes herself administrator.
  plant(
    'trail-admin-policy-attached',
    attack(6, 600, PROD, iamUser(PROD, 'eve'), 'iam.amazonaws.com', 'AttachUserPolicy', '198.51.100.41', {
      userName: 'eve',
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
    'AdministratorAccess attached',
  );
  // 12. A role anyone may assume.
  plant(
    'trail-role-trust-public',
    attack(
      6,
      900,
      PROD,
      assumedRole(PROD, 'deploy-temp', 'tmp-session'),
      'iam.amazonaws.com',
      'UpdateAssumeRolePolicy',
      '198.51.100.42',
      {
        roleName: 'backup-restore',
        policyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
        }),
      },
    ),
    'trust policy with Principal AWS "*"',
  );
  // 13. A role a stranger's account may assume.
  plant(
    'trail-role-trust-foreign-account',
    attack(6, 1200, PROD, iamUser(PROD, 'frank'), 'iam.amazonaws.com', 'CreateRole', '198.51.100.43', {
      roleName: 'vendor-audit',
      assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${STRANGER}:root` }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
    `trust to account ${STRANGER}`,
  );
  // 14. The credentials of instance i-0a1b2c3d4e5f60001 replayed from outside.
  const stolen = assumedRole(PROD, 'app-server', 'i-0a1b2c3d4e5f60001');
  const replay: [string, string, unknown][] = [
    ['sts.amazonaws.com', 'GetCallerIdentity', null],
    ['s3.amazonaws.com', 'ListBuckets', { Host: 's3.amazonaws.com' }],
    ['secretsmanager.amazonaws.com', 'ListSecrets', null],
  ];
  for (const [index, [source, name, request]] of replay.entries()) {
    const record = attack(
      7,
      index * 30,
      PROD,
      stolen,
      source,
      name,
      '203.0.113.66',
      request,
      'us-east-1',
      BOTO_UA,
    );
    if (index === 0)
      plant('trail-instance-credentials-outside-aws', record, 'instance credentials used from 203.0.113.66');
  }

  // 15-24. Turning off the lights.
  const evasion: [string, string, string, string, Identity, string, unknown][] = [
    [
      'trail-cloudtrail-stopped-or-deleted',
      PROD,
      'cloudtrail.amazonaws.com',
      'StopLogging',
      assumedRole(PROD, 'break-glass', 'sam'),
      '203.0.113.20',
      { name: `arn:aws:cloudtrail:us-east-1:${PROD}:trail/management-events` },
    ],
    [
      'trail-cloudtrail-weakened',
      PROD,
      'cloudtrail.amazonaws.com',
      'PutEventSelectors',
      iamUser(PROD, 'grace'),
      '203.0.113.21',
      {
        trailName: 'management-events',
        eventSelectors: [
          {
            readWriteType: 'All',
            includeManagementEvents: false,
            dataResources: [],
            excludeManagementEventSources: [],
          },
        ],
      },
    ],
    [
      'trail-guardduty-disabled',
      DEV,
      'guardduty.amazonaws.com',
      'DeleteDetector',
      iamUser(DEV, 'heidi'),
      '203.0.113.22',
      { detectorId: '98fe76dc543b2a109f8e7d6c5b4a3210' },
    ],
    [
      'trail-guardduty-findings-suppressed',
      PROD,
      'guardduty.amazonaws.com',
      'CreateFilter',
      iamUser(PROD, 'ivan'),
      '203.0.113.23',
      {
        detectorId: '12abc34d567e8fa901bc2d34e56789f0',
        name: 'quiet',
        action: 'ARCHIVE',
        findingCriteria: { criterion: { severity: { gte: 1 } } },
      },
    ],
    [
      'trail-securityhub-disabled',
      DEV,
      'securityhub.amazonaws.com',
      'DisableSecurityHub',
      iamUser(DEV, 'judy'),
      '203.0.113.24',
      null,
    ],
    [
      'trail-securityhub-findings-suppressed',
      PROD,
      'securityhub.amazonaws.com',
      'BatchUpdateFindings',
      iamUser(PROD, 'oscar'),
      '203.0.113.25',
      {
        FindingIdentifiers: [
          {
            Id: `arn:aws:securityhub:us-east-1:${PROD}:finding/5b2c1a8e-0c3d-4f7e-9a6b-1d2e3f4a5b6c`,
            ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty',
          },
        ],
        Workflow: { Status: 'SUPPRESSED' },
      },
    ],
    [
      'trail-config-recording-stopped',
      PROD,
      'config.amazonaws.com',
      'StopConfigurationRecorder',
      iamUser(PROD, 'peggy'),
      '203.0.113.26',
      { configurationRecorderName: 'default' },
    ],
    [
      'trail-network-logs-deleted',
      PROD,
      'ec2.amazonaws.com',
      'DeleteFlowLogs',
      iamUser(PROD, 'rupert'),
      '203.0.113.27',
      { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-0a1b2c3d4e5f60001', tag: 1 } } },
    ],
    [
      'trail-leave-organization',
      DEV,
      'organizations.amazonaws.com',
      'LeaveOrganization',
      iamUser(DEV, 'sybil'),
      '203.0.113.28',
      null,
    ],
    [
      'trail-kms-key-disabled-or-deleted',
      PROD,
      'kms.amazonaws.com',
      'ScheduleKeyDeletion',
      iamUser(PROD, 'trent'),
      '203.0.113.37',
      {
        keyId: `arn:aws:kms:us-east-1:${PROD}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        pendingWindowInDays: 7,
      },
    ],
  ];
  for (const [index, [detection, account, source, name, who, ip, request]] of evasion.entries()) {
    plant(
      detection,
      attack(8, index * 120, account, who, source, name, ip, request),
      `${source.split('.')[0] ?? ''}:${name}`,
    );
  }

  // 25-32. Opening things up.
  const exposure: [string, string, string, Identity, string, unknown][] = [
    [
      'trail-s3-bucket-made-public',
      's3.amazonaws.com',
      'PutBucketPolicy',
      iamUser(PROD, 'victor'),
      '203.0.113.29',
      {
        bucketName: 'orders-exports',
        bucketPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Public',
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::orders-exports/*',
            },
          ],
        },
        policy: '',
      },
    ],
    [
      'trail-s3-public-access-block-removed',
      's3.amazonaws.com',
      'DeleteBucketPublicAccessBlock',
      iamUser(PROD, 'walter'),
      '203.0.113.30',
      { publicAccessBlock: '', bucketName: 'orders-exports' },
    ],
    [
      'trail-ebs-snapshot-made-public',
      'ec2.amazonaws.com',
      'ModifySnapshotAttribute',
      iamUser(PROD, 'wendy'),
      '203.0.113.31',
      {
        snapshotId: 'snap-0a1b2c3d4e5f69999',
        attributeType: 'CREATE_VOLUME_PERMISSION',
        createVolumePermission: { add: { items: [{ group: 'all' }] } },
      },
    ],
    [
      'trail-ami-made-public',
      'ec2.amazonaws.com',
      'ModifyImageAttribute',
      iamUser(PROD, 'xavier'),
      '203.0.113.32',
      {
        imageId: 'ami-0a1b2c3d4e5f60001',
        launchPermission: { add: { items: [{ group: 'all' }] } },
        attributeType: 'launchPermission',
      },
    ],
    [
      'trail-rds-snapshot-made-public',
      'rds.amazonaws.com',
      'ModifyDBSnapshotAttribute',
      iamUser(PROD, 'yvonne'),
      '203.0.113.33',
      {
        dBSnapshotIdentifier: 'orders-db-2026-11-03',
        attributeName: 'restore',
        valuesToAdd: ['all'],
      },
    ],
    [
      'trail-lambda-made-public',
      'lambda.amazonaws.com',
      'AddPermission20150331v2',
      iamUser(PROD, 'zach'),
      '203.0.113.34',
      {
        functionName: 'orders-fn',
        statementId: 'open',
        action: 'lambda:InvokeFunction',
        principal: '*',
      },
    ],
    [
      'trail-security-group-open-to-world',
      'ec2.amazonaws.com',
      'AuthorizeSecurityGroupIngress',
      iamUser(PROD, 'quentin'),
      '203.0.113.35',
      {
        groupId: 'sg-0123456789abcdef0',
        ipPermissions: {
          items: [
            {
              ipProtocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              groups: {},
              ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
              ipv6Ranges: {},
              prefixListIds: {},
            },
          ],
        },
      },
    ],
    [
      'trail-network-acl-open-to-world',
      'ec2.amazonaws.com',
      'CreateNetworkAclEntry',
      iamUser(PROD, 'ruth'),
      '203.0.113.36',
      {
        networkAclId: 'acl-0a1b2c3d4e5f60001',
        ruleNumber: 90,
        egress: false,
        ruleAction: 'allow',
        icmpTypeCode: {},
        portRange: { from: 3389, to: 3389 },
        aclProtocol: '6',
        cidrBlock: '0.0.0.0/0',
      },
    ],
  ];
  for (const [index, [detection, source, name, who, ip, request]] of exposure.entries()) {
    plant(
      detection,
      attack(9, index * 120, PROD, who, source, name, ip, request),
      `${source.split('.')[0] ?? ''}:${name}`,
    );
  }

  // 33-35. Harvesting credentials.
  const henry = iamUser(PROD, 'henry');
  for (let i = 0; i < 12; i++) {
    const record = attack(
      10,
      i * 20,
      PROD,
      henry,
      'secretsmanager.amazonaws.com',
      'GetSecretValue',
      '203.0.113.38',
      {
        secretId: `prod/service-${String(i).padStart(2, '0')}`,
      },
    );
    if (i === 0) plant('trail-secrets-harvest', record, 'twelve different secrets read');
  }
  const ingrid = iamUser(PROD, 'ingrid');
  for (let i = 0; i < 12; i++) {
    const record = attack(
      10,
      600 + i * 15,
      PROD,
      ingrid,
      'ec2.amazonaws.com',
      'GetPasswordData',
      '203.0.113.39',
      {
        instanceId: `i-0feed000000000${String(i).padStart(3, '0')}`,
      },
    );
    if (i === 0) plant('trail-password-data-harvest', record, 'twelve Windows passwords requested');
  }
  const jack = iamUser(PROD, 'jack');
  for (let i = 0; i < 25; i++) {
    const record = attack(
      10,
      1200 + i * 10,
      PROD,
      jack,
      'ssm.amazonaws.com',
      'GetParameter',
      '203.0.113.40',
      {
        name: `/orders/secrets/key-${i}`,
        withDecryption: true,
      },
    );
    if (i === 0) plant('trail-ssm-parameter-harvest', record, 'twenty-five parameters decrypted');
  }

  // 36. AWS found carol's old key on GitHub and quarantined it.
  plant(
    'trail-access-key-quarantined',
    call({
      account: PROD,
      region: 'us-east-1',
      time: at(day, 11, 0),
      who: awsService('iam.amazonaws.com'),
      source: 'iam.amazonaws.com',
      name: 'AttachUserPolicy',
      ip: 'AWS Internal',
      agent: 'AWS Internal',
      request: { userName: 'ci-legacy', policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3' },
    }),
    'quarantine policy attached by AWS',
    null,
  );

  // 37-38. A new region enabled, and instances launched in a region the account does not use.
  plant(
    'trail-region-enabled',
    attack(12, 0, PROD, iamUser(PROD, 'kevin'), 'account.amazonaws.com', 'EnableRegion', '203.0.113.41', {
      RegionName: 'ap-southeast-4',
    }),
    'ap-southeast-4 enabled',
  );
  const miner = iamUser(PROD, 'larry');
  for (let i = 0; i < 4; i++) {
    const record = attack(
      12,
      300 + i * 60,
      PROD,
      miner,
      'ec2.amazonaws.com',
      'RunInstances',
      '203.0.113.42',
      {
        instancesSet: { items: [{ imageId: 'ami-0c0ffee0c0ffee000', minCount: 1, maxCount: 20 }] },
        instanceType: 'p4d.24xlarge',
      },
      'ap-southeast-2',
    );
    if (i === 0) plant('trail-unusual-region', record, 'instances launched in ap-southeast-2');
  }
}

// ------------------------------------------------------------------------------------------------------------
// Files

function fileStamp(time: string): string {
  return time.replace(/[-:]/g, '').replace(/\d\dZ$/, 'Z');
}

function write(): void {
  rmSync(join(OUT, 'AWSLogs'), { recursive: true, force: true });
  // CloudTrail delivers about every five minutes; the sample keeps files larger: one per account, region and
  // six hours.
  const files = new Map<string, TrailRecord[]>();
  for (const record of records) {
    const time = record.eventTime as string;
    const block = Math.floor(Number(time.slice(11, 13)) / 6) * 6;
    const key = [record.recipientAccountId, record.awsRegion, time.slice(0, 10), block].join('|');
    const list = files.get(key) ?? [];
    list.push(record);
    files.set(key, list);
  }
  let index = 0;
  for (const key of [...files.keys()].sort()) {
    const [account = '', region = '', day = '', block = ''] = key.split('|');
    const list = (files.get(key) ?? []).sort((a, b) =>
      (a.eventTime as string).localeCompare(b.eventTime as string),
    );
    const end = `${day}T${String(Number(block) + 5).padStart(2, '0')}:55:00Z`;
    const directory = join(OUT, 'AWSLogs', account, 'CloudTrail', region, ...day.split('-'));
    // A couple of files stay plain JSON, as some tools copy them out decompressed.
    const plain = index === 3 || index === 17;
    const name = `${account}_CloudTrail_${region}_${fileStamp(end)}_${upper(16)}.json${plain ? '' : '.gz'}`;
    const text = JSON.stringify({ Records: list });
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, name), plain ? text : gzipSync(text, { level: 9 }));
    index++;
  }
  // One digest file: hashes of log files, no events; readers must skip it.
  const digestDirectory = join(OUT, 'AWSLogs', PROD, 'CloudTrail-Digest', 'us-east-1', '2026', '11', '02');
  mkdirSync(digestDirectory, { recursive: true });
  const digest = {
    awsAccountId: PROD,
    digestStartTime: '2026-11-02T00:00:00Z',
    digestEndTime: '2026-11-02T01:00:00Z',
    digestS3Bucket: 'org-trail-logs',
    digestS3Object: `AWSLogs/${PROD}/CloudTrail-Digest/us-east-1/2026/11/02/${PROD}_CloudTrail-Digest_us-east-1_management-events_us-east-1_20261102T010000Z.json.gz`,
    digestPublicKeyFingerprint: hex(32),
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: '2026-11-02T00:58:12Z',
    oldestEventTime: '2026-11-02T00:01:40Z',
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    previousDigestHashValue: null,
    previousDigestHashAlgorithm: null,
    previousDigestSignature: null,
    logFiles: [],
  };
  writeFileSync(
    join(
      digestDirectory,
      `${PROD}_CloudTrail-Digest_us-east-1_management-events_us-east-1_20261102T010000Z.json.gz`,
    ),
    gzipSync(JSON.stringify(digest), { level: 9 }),
  );
  const sorted = [...expected].sort(
    (a, b) => a.detection.localeCompare(b.detection) || (a.actor ?? '').localeCompare(b.actor ?? ''),
  );
  // YAML, not JSON: `onus trail examples/trail/` reads every .json file below it as logs.
  writeFileSync(
    join(OUT, 'expected-findings.yaml'),
    `# What onus trail examples/trail/ must report, and nothing else (written by generate-trail-sample.ts).\n${stringify(sorted)}`,
  );
  process.stdout.write(
    `${records.length} events in ${files.size} files; ${expected.length} planted findings\n`,
  );
}

for (const account of [PROD, DEV]) {
  const people = cast(account);
  for (const [dayIndex, day] of DAYS.entries()) {
    for (let hour = 0; hour < 24; hour++) benignHour(account, people, day, hour, dayIndex);
  }
  benignLookAlikes(account, people);
}
plantAttacks();
write();
