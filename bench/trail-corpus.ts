/**
 * The generated CloudTrail corpus of the trail benchmarks: a realistic mix of read-only Describe/List/Get calls,
 * role sessions, S3 and KMS data events, console logins, some AccessDenied errors, and a few planted attacks,
 * seeded so every run reads the same records.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PER_FILE = 500;
export const ACCOUNT = '111122223333';

/** A seeded generator, so every run reads the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const READS: [string, string][] = [
  ['ec2', 'DescribeInstances'],
  ['ec2', 'DescribeSecurityGroups'],
  ['ec2', 'DescribeVolumes'],
  ['s3', 'ListBuckets'],
  ['s3', 'GetBucketPolicy'],
  ['iam', 'ListRoles'],
  ['iam', 'GetRole'],
  ['lambda', 'ListFunctions20150331'],
  ['cloudwatch', 'DescribeAlarms'],
  ['logs', 'DescribeLogGroups'],
  ['rds', 'DescribeDBInstances'],
  ['ssm', 'GetParameter'],
  ['sts', 'GetCallerIdentity'],
];
const ROLES = ['ci-deploy', 'app-server', 'data-pipeline', 'monitoring', 'backup'];
const USERS = ['alice', 'bob', 'carol', 'dave'];

function identity(next: () => number): Record<string, unknown> {
  if (next() < 0.8) {
    const role = ROLES[Math.floor(next() * ROLES.length)] ?? 'app-server';
    const session = `session-${String(Math.floor(next() * 50))}`;
    return {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE${role.toUpperCase().replace(/-/g, '')}:${session}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${session}`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: `AROAEXAMPLE${role.toUpperCase().replace(/-/g, '')}`,
          arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
          accountId: ACCOUNT,
          userName: role,
        },
        attributes: { creationDate: '2026-11-01T00:00:00Z', mfaAuthenticated: 'false' },
      },
    };
  }
  const user = USERS[Math.floor(next() * USERS.length)] ?? 'alice';
  return {
    type: 'IAMUser',
    principalId: `AIDAEXAMPLE${user.toUpperCase()}`,
    arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
    userName: user,
  };
}

function event(next: () => number, time: number, index: number, region: string): Record<string, unknown> {
  const roll = next();
  const base = {
    eventVersion: '1.09',
    userIdentity: identity(next),
    eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    awsRegion: region,
    sourceIPAddress:
      next() < 0.7
        ? `10.0.${String(Math.floor(next() * 255))}.${String(Math.floor(next() * 255))}`
        : 'ec2.amazonaws.com',
    userAgent:
      next() < 0.5
        ? 'aws-sdk-js/3.600.0 ua/2.0 os/linux lang/js md/nodejs#20.11.0'
        : 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux',
    requestID: `req-${String(index)}`,
    eventID: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `ec2.${region}.amazonaws.com`,
    },
  };
  if (roll < 0.6) {
    const [service, name] = READS[Math.floor(next() * READS.length)] ?? ['ec2', 'DescribeInstances'];
    const denied = next() < 0.02;
    return {
      ...base,
      eventSource: `${service}.amazonaws.com`,
      eventName: name,
      requestParameters: {
        maxResults: 100,
        filterSet: { items: [{ name: 'tag:team', valueSet: { items: [{ value: 'platform' }] } }] },
      },
      responseElements: null,
      ...(denied
        ? { errorCode: 'AccessDenied', errorMessage: `User is not authorized to perform: ${service}:${name}` }
        : {}),
    };
  }
  if (roll < 0.75) {
    return {
      ...base,
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      requestParameters: {
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${ROLES[index % ROLES.length] ?? 'x'}`,
        roleSessionName: `s-${String(index % 97)}`,
        durationSeconds: 3600,
      },
      responseElements: {
        credentials: {
          accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
          expiration: 'Nov 2, 2026, 1:00:00 AM',
          sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        },
      },
    };
  }
  if (roll < 0.88) {
    return {
      ...base,
      eventSource: 's3.amazonaws.com',
      eventName: next() < 0.7 ? 'GetObject' : 'PutObject',
      readOnly: false,
      managementEvent: false,
      eventCategory: 'Data',
      requestParameters: {
        bucketName: 'app-data-111122223333',
        key: `objects/${String(index % 10_000)}.json`,
        Host: 'app-data.s3.amazonaws.com',
      },
      resources: [
        {
          type: 'AWS::S3::Object',
          ARN: `arn:aws:s3:::app-data-111122223333/objects/${String(index % 10_000)}.json`,
        },
      ],
    };
  }
  if (roll < 0.97) {
    return {
      ...base,
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      requestParameters: {
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::app-data' },
      },
      resources: [
        {
          accountId: ACCOUNT,
          type: 'AWS::KMS::Key',
          ARN: `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        },
      ],
    };
  }
  if (roll < 0.995) {
    return {
      ...base,
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RunInstances',
      readOnly: false,
      requestParameters: {
        instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] },
        instanceType: 't3.micro',
      },
    };
  }
  // The rare ones detections look for: root use, trails stopped, console logins without MFA.
  const rare = index % 3;
  if (rare === 0) {
    return {
      ...base,
      userIdentity: {
        type: 'Root',
        principalId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        accountId: ACCOUNT,
      },
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      readOnly: false,
      sourceIPAddress: '203.0.113.9',
      requestParameters: { userName: `u${String(index)}` },
    };
  }
  if (rare === 1) {
    return {
      ...base,
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      readOnly: false,
      sourceIPAddress: '203.0.113.10',
      requestParameters: { name: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/main` },
    };
  }
  return {
    ...base,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    sourceIPAddress: '198.51.100.20',
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
  };
}

/** Writes `events` CloudTrail records in `.json.gz` files of 500 under `dir`, in the S3 key layout. */
export function writeTrailCorpus(dir: string, events: number): { files: string[]; bytes: number } {
  const next = random(11);
  const files: string[] = [];
  let bytes = 0;
  const start = Date.parse('2026-11-01T00:00:00Z');
  const fileCount = Math.ceil(events / PER_FILE);
  for (let file = 0; file < fileCount; file++) {
    const region = file % 2 === 0 ? 'us-east-1' : 'eu-west-1';
    const time = start + Math.floor((file / fileCount) * 7 * 86_400_000);
    const day = new Date(time).toISOString().slice(0, 10).replace(/-/g, '/');
    const stamp = new Date(time).toISOString().slice(0, 16).replace(/[-:]/g, '');
    const folder = join(dir, 'AWSLogs', ACCOUNT, 'CloudTrail', region, day);
    mkdirSync(folder, { recursive: true });
    const records = Array.from({ length: Math.min(PER_FILE, events - file * PER_FILE) }, (_, i) =>
      event(next, time + i * 100, file * PER_FILE + i, region),
    );
    const text = JSON.stringify({ Records: records });
    bytes += Buffer.byteLength(text);
    const path = join(
      folder,
      `${ACCOUNT}_CloudTrail_${region}_${stamp}Z_${String(file).padStart(8, '0')}.json.gz`,
    );
    writeFileSync(path, gzipSync(text, { level: 6 }));
    files.push(path);
  }
  return { files, bytes };
}
