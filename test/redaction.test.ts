/**
 * No output of onus ever holds a whole secret: every format of a scan whose checks found secrets in the
 * account's configuration, every format of `onus secrets` over files and over git history, and the store.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CHECKS } from '../src/checks/index.js';
import { renderCommon, type CommonFormat } from '../src/cli/render.js';
import { FORMATS } from '../src/cli/formats.js';
import { SECRETS_FORMATS } from '../src/cli/commands/secrets.js';
import { scanInventory, type ScanReport } from '../src/core/scan.js';
import { formatAsff } from '../src/formats/asff.js';
import { formatHtmlReport, htmlReportData } from '../src/formats/html-report.js';
import { catalog } from '../src/responsibility/catalog.js';
import { buildMap } from '../src/responsibility/map.js';
import { base62, crc32 } from '../src/secrets/rules/validators.js';
import { ACCOUNT, inventoryOf, NOW, REGION, resource } from '../src/testing/builders.js';
import { ecsContainer, ecsTaskDefinition } from '../src/testing/compute-kinds.js';
import { KEY_ID, SECRET_KEY } from '../src/testing/formats.js';
import { onus } from './support/onus-cli.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const TOKEN_BODY = 'Zr8Kq2Lm5Np7Qs9Tv1Wx3Yz4Ab6Cd8';
const GITHUB_TOKEN = ['ghp', '_', TOKEN_BODY, base62(crc32(TOKEN_BODY), 6)].join('');
const SLACK_TOKEN = ['xoxb', '-2718281828', '-3141592653589', '-ZkQ8vR2mW5tY7uI9oP1aS3dF'].join('');
const STRIPE_KEY = ['sk', '_live_', '51Hq8ZtKx2mV9wN4pR7sL3cB'].join('');
const DB_PASSWORD = ['Vq8#mZ2', 'pL9xR4tW'].join('');
const DB_URL = `postgres://orders:${encodeURIComponent(DB_PASSWORD)}@orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders`;

/** Every whole secret the outputs must not hold, with the forms escaping could give them. */
const SECRETS = [KEY_ID, SECRET_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_KEY, DB_PASSWORD];
function leaked(text: string): string[] {
  return SECRETS.filter(
    (secret) =>
      text.includes(secret) ||
      text.includes(encodeURIComponent(secret)) ||
      text.includes(JSON.stringify(secret).slice(1, -1)) ||
      text.includes(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/#/g, '&#35;')),
  );
}

function leakyAccount(): ScanReport {
  const bootScript = `#!/bin/bash\naws configure set aws_access_key_id ${KEY_ID}\naws configure set aws_secret_access_key ${SECRET_KEY}\n`;
  const stackId = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/orders/e722ae60`;
  const inventory = inventoryOf([
    resource('lambda.function', 'order-webhook', {
      name: 'order-webhook',
      runtime: 'nodejs20.x',
      packageType: 'Zip',
      role: `arn:aws:iam::${ACCOUNT}:role/order-webhook`,
      environment: { GITHUB_TOKEN, DATABASE_URL: DB_URL },
      kmsKeyArn: null,
      vpcConfigured: false,
      urlAuthType: null,
      policy: null,
    }),
    // The collector stores user data decoded (base64, then gunzipped when gzipped).
    resource('ec2.instance-user-data', 'i-0abc', { instanceId: 'i-0abc', userData: bootScript }),
    resource('ec2.launch-template', 'lt-0abc', {
      launchTemplateId: 'lt-0abc',
      name: 'batch-workers',
      latestVersion: 3,
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required' },
      userData: `#!/bin/bash\ncurl -H "Authorization: Bearer ${SLACK_TOKEN}" https://slack.com/api/x\n`,
      associatePublicIpAddress: false,
    }),
    ecsTaskDefinition([ecsContainer('api', { environment: { PAYMENT_PROVIDER_KEY: STRIPE_KEY } })], {
      family: 'payments',
    }),
    resource('cloudformation.stack', stackId, {
      stackId,
      name: 'orders',
      status: 'CREATE_COMPLETE',
      terminationProtection: true,
      outputs: [{ key: 'DbPassword', value: DB_PASSWORD, description: null }],
      parameters: [{ key: 'DeployToken', value: GITHUB_TOKEN, resolvedFromSsm: false }],
      roleArn: null,
      driftStatus: 'IN_SYNC',
    }),
  ]);
  return scanInventory(inventory, CHECKS, {
    now: NOW,
    thresholds: {},
    generatedAt: NOW,
    tool: { name: 'onus', version: '9.9.9-test' },
    target: { type: 'snapshot', name: 'leaky.json' },
  });
}

function render(report: ScanReport, format: (typeof FORMATS)[number]): string {
  switch (format) {
    case 'asff':
      return formatAsff(report, { homeRegion: REGION });
    case 'html':
      return formatHtmlReport(htmlReportData(report, buildMap(inventoryOf([]), report, catalog())));
    default:
      return renderCommon(report, format satisfies CommonFormat, { color: true });
  }
}

describe('secrets found in the account never appear whole in a report', () => {
  const report = leakyAccount();
  const SECRET_CHECKS = [
    'lambda-function-no-secrets-in-environment',
    'ec2-instance-no-secrets-in-user-data',
    'ec2-launch-template-no-secrets-in-user-data',
    'ecs-task-definition-no-secrets-in-environment',
    'cloudformation-stack-no-secrets-in-outputs',
    'cloudformation-stack-secret-parameters-no-echo',
  ];

  it('the secrets checks find every planted secret (so the reports below have something to leak)', () => {
    const failing = report.findings
      .filter((finding) => finding.status === 'FAIL')
      .map((finding) => finding.checkId);
    expect(failing).toEqual(expect.arrayContaining(SECRET_CHECKS));
  });

  it.each(FORMATS)('the %s report holds no whole secret', (format) => {
    const text = render(report, format);
    expect(text.length).toBeGreaterThan(200);
    expect(leaked(text)).toEqual([]);
  });
});

describe('onus secrets never prints a whole secret, in any format', () => {
  const lines = [
    `aws_access_key_id = ${KEY_ID}`,
    `aws_secret_access_key = ${SECRET_KEY}`,
    `GITHUB_TOKEN=${GITHUB_TOKEN}`,
    `SLACK_TOKEN=${SLACK_TOKEN}`,
    `STRIPE_KEY=${STRIPE_KEY}`,
    `DATABASE_URL=${DB_URL}`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'onus-redaction-'));
  writeFileSync(join(dir, 'settings.env'), `${lines.join('\n')}\n`);

  it.each(SECRETS_FORMATS)('files, %s', async (format) => {
    const run = await onus(['secrets', '--format', format, dir]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('settings.env');
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it.each(SECRETS_FORMATS)('git history, %s', async (format) => {
    const repo = mkdtempSync(join(tmpdir(), 'onus-redaction-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'A',
          GIT_AUTHOR_EMAIL: 'a@example.com',
          GIT_COMMITTER_NAME: 'A',
          GIT_COMMITTER_EMAIL: 'a@example.com',
        },
      });
    git('init', '-q');
    writeFileSync(join(repo, 'settings.env'), readFileSync(join(dir, 'settings.env')));
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'config');
    const run = await onus(['secrets', '--git', '--format', format, repo]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('settings.env');
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });
});
