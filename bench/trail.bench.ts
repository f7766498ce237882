/**
 * How fast `onus trail` reads CloudTrail logs, against `zcat | jq` applying one filter, on the same files in the
 * same run.
 *
 *   npm run bench:trail [-- --events 1000000]
 *
 * Generates a corpus of CloudTrail log files (`.json.gz`, 500 records each, in the S3 key layout of one account
 * and two regions) with a realistic mix: read-only Describe/List/Get calls, role sessions, S3 and KMS data events,
 * console logins, some AccessDenied errors, and a few planted attacks. Then, measured in this run:
 *
 * - `zcat FILES | jq -c '.Records[] | select(<4 predicates>)'`: jq applying ONE filter (StopLogging or
 *   DeleteTrail or root activity or AccessDenied), the usual hand tool;
 * - `onus trail DIR` (built, `node dist/cli/bin.js`): every bundled detection (single-event rules, windowed
 *   correlations, whole-period baselines), worker threads on every core, findings to /dev/null; and again with
 *   `--workers 1`, one thread, beside the one-thread floor.
 *
 * Each tool (and the floor) runs `--runs` times (default 3), in turn, and its best run counts: a shared machine's speed drifts
 * by a quarter within minutes, and taking each tool's best keeps that drift out of the ratio.
 *
 * Prints events/s of each, the ratio (goal: onus at least 5x jq), onus's events/s per core (goal: at least
 * 100,000) against the naive floor measured in the same run (gunzip and JSON.parse of every file and nothing
 * else, in one thread and in one thread per core), and its peak RSS from /usr/bin/time (goal: under 512 MB).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const arg = process.argv.indexOf('--events');
const EVENTS = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1])) : 3;
const PER_FILE = 500;
const ACCOUNT = '111122223333';
const ROOT = new URL('..', import.meta.url).pathname;

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

function corpus(dir: string): { files: string[]; bytes: number } {
  const next = random(11);
  const files: string[] = [];
  let bytes = 0;
  const start = Date.parse('2026-11-01T00:00:00Z');
  const fileCount = Math.ceil(EVENTS / PER_FILE);
  for (let file = 0; file < fileCount; file++) {
    const region = file % 2 === 0 ? 'us-east-1' : 'eu-west-1';
    const time = start + Math.floor((file / fileCount) * 7 * 86_400_000);
    const day = new Date(time).toISOString().slice(0, 10).replace(/-/g, '/');
    const stamp = new Date(time).toISOString().slice(0, 16).replace(/[-:]/g, '');
    const folder = join(dir, 'AWSLogs', ACCOUNT, 'CloudTrail', region, day);
    mkdirSync(folder, { recursive: true });
    const records = Array.from({ length: Math.min(PER_FILE, EVENTS - file * PER_FILE) }, (_, i) =>
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

function timed(
  command: string,
  args: string[],
  options: { input?: string } = {},
): { ms: number; stdout: string; rssKb: number } {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  const ms = performance.now() - start;
  if (run.status !== 0 && run.status !== 3) throw new Error(`${command} failed: ${run.stderr.slice(-500)}`);
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  return { ms, stdout: run.stdout, rssKb };
}

/** Source of the floor's worker threads: plain JavaScript, so it runs as is under tsx or node. */
const FLOOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
let events = 0;
for (const file of workerData) events += JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')).Records.length;
parentPort.postMessage(events);
`;

/** Events per second of gunzip + JSON.parse alone over every file, in `threads` threads. */
async function naiveFloor(files: readonly string[], threads: number): Promise<number> {
  const shares = Array.from({ length: threads }, (_, index) =>
    files.filter((_, position) => position % threads === index),
  );
  const start = performance.now();
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(FLOOR_WORKER, { eval: true, workerData: share });
          worker.once('message', (count: number) => {
            resolve(count);
          });
          worker.once('error', reject);
        }),
    ),
  );
  const events = counts.reduce((total, count) => total + count, 0);
  return events / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'onus-bench-trail-'));
  if (process.argv.includes('--corpus-only')) {
    corpus(dir);
    console.log(dir);
    return;
  }
  try {
    console.log(`building onus (dist/) ...`);
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    const start = performance.now();
    const { files, bytes } = corpus(dir);
    console.log(
      `corpus: ${EVENTS.toLocaleString('en-US')} events in ${String(files.length)} .json.gz files (${(bytes / 1024 / 1024).toFixed(0)} MB of JSON), generated in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );

    const filter =
      '.Records[] | select(.eventName == "StopLogging" or .eventName == "DeleteTrail" or .userIdentity.type == "Root" or .errorCode == "AccessDenied")';
    const cores = availableParallelism();
    const onusArgs = [
      join(ROOT, 'dist/cli/bin.js'),
      'trail',
      dir,
      '--format',
      'json',
      '--no-store',
      '-q',
      '--fail-on',
      'none',
    ];
    let jq: { ms: number; stdout: string; rssKb: number } | undefined;
    let onus: { ms: number; stdout: string; rssKb: number } | undefined;
    // The naive floor: gunzip and JSON.parse of every file, nothing else, in one thread and then in one
    // thread per core (the files shared between them); measured in every run too, best kept.
    let floorRate = 0;
    // onus with --workers 1: one thread on one core, beside the one-thread floor (no second thread competing).
    let oneThreadMs = Infinity;
    let oneThreadStdout = '';
    let floorAllCores = 0;
    for (let run = 1; run <= RUNS; run++) {
      const jqRun = timed('bash', [
        '-c',
        `find '${dir}' -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '${filter}' | wc -l`,
      ]);
      const onusRun = timed('node', onusArgs);
      const oneThreadRun = timed('node', [...onusArgs, '--workers', '1']);
      console.log(
        `run ${String(run)}/${String(RUNS)}: jq ${(jqRun.ms / 1000).toFixed(2)} s, onus ${(onusRun.ms / 1000).toFixed(2)} s, onus in one thread ${(oneThreadRun.ms / 1000).toFixed(2)} s`,
      );
      if (jq === undefined || jqRun.ms < jq.ms) jq = jqRun;
      if (onus === undefined || onusRun.ms < onus.ms) onus = onusRun;
      oneThreadMs = Math.min(oneThreadMs, oneThreadRun.ms);
      oneThreadStdout = oneThreadRun.stdout;
      floorRate = Math.max(floorRate, await naiveFloor(files, 1));
      floorAllCores = Math.max(floorAllCores, await naiveFloor(files, cores));
    }
    if (jq === undefined || onus === undefined) throw new Error('no run');
    const jqHits = Number(jq.stdout.trim());

    const report = JSON.parse(onus.stdout) as {
      input: { events: number };
      findings: { detectionId: string; eventCount: number }[];
    };
    if (report.input.events !== EVENTS)
      throw new Error(`onus read ${String(report.input.events)} events, not ${String(EVENTS)}`);

    const jqRate = EVENTS / (jq.ms / 1000);
    const onusRate = EVENTS / (onus.ms / 1000);
    console.log(`best of ${String(RUNS)} runs each:`);
    console.log(
      `zcat | jq (1 filter)     ${(jq.ms / 1000).toFixed(2)} s  ${Math.round(jqRate).toLocaleString('en-US')} events/s  (${String(jqHits)} matching records)`,
    );
    console.log(
      `onus trail (all ${String(report.findings.length)} findings) ${(onus.ms / 1000).toFixed(2)} s  ${Math.round(onusRate).toLocaleString('en-US')} events/s on ${String(cores)} cores, peak RSS ${(onus.rssKb / 1024).toFixed(0)} MB`,
    );
    const ratio = onusRate / jqRate;
    const perCore = onusRate / cores;
    console.log(
      `ratio: onus is ${ratio.toFixed(1)}x zcat | jq (goal: at least 5x) ${ratio >= 5 ? 'OK' : 'BELOW GOAL'}`,
    );
    console.log(
      `per core: ${Math.round(perCore).toLocaleString('en-US')} events/s (goal: at least 100,000) ${perCore >= 100_000 ? 'OK' : 'BELOW GOAL'}`,
    );
    console.log(
      `naive floor (gunzip + JSON.parse, nothing matched): ${Math.round(floorRate).toLocaleString('en-US')} events/s in one thread, ` +
        `${Math.round(floorAllCores / cores).toLocaleString('en-US')} events/s per core with ${String(cores)} threads; ` +
        `onus per core is ${(perCore / (floorAllCores / cores)).toFixed(2)}x the all-core floor`,
    );
    // Threads share the files, never the findings: one thread must find exactly what all of them found.
    const oneThreadReport = JSON.parse(oneThreadStdout) as typeof report;
    const tally = (findings: typeof report.findings): string =>
      JSON.stringify(findings.map((finding) => [finding.detectionId, finding.eventCount]).sort());
    if (tally(oneThreadReport.findings) !== tally(report.findings))
      throw new Error('onus found something else in one thread than in several');
    const oneThreadRate = EVENTS / (oneThreadMs / 1000);
    console.log(
      `one thread (--workers 1): ${Math.round(oneThreadRate).toLocaleString('en-US')} events/s, ` +
        `${(oneThreadRate / floorRate).toFixed(2)}x the one-thread floor`,
    );
    console.log(
      `peak RSS: ${(onus.rssKb / 1024).toFixed(0)} MB (goal: under 512 MB) ${onus.rssKb < 512 * 1024 ? 'OK' : 'OVER'}`,
    );
    const byDetection = new Map<string, number>();
    for (const finding of report.findings)
      byDetection.set(finding.detectionId, (byDetection.get(finding.detectionId) ?? 0) + finding.eventCount);
    console.log(
      `planted activity found: ${[...byDetection].map(([id, count]) => `${id} (${String(count)} events)`).join(', ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
