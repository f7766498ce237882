import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { CHECKS } from '../src/checks/index.js';
import type { Check } from '../src/core/check.js';
import type { Inventory } from '../src/core/inventory.js';
import { scanInventory } from '../src/core/scan.js';
import { buildIacInventory, runsOnCode } from '../src/sources/iac/inventory.js';
import { describeProblem, loadIac } from '../src/sources/iac/load.js';
import { ACCOUNT, inventoryOf, NOW, resource } from '../src/testing/builders.js';
import { iamRole, policy } from '../src/testing/iam-kinds.js';
import { kmsKey, rdsInstance, s3Bucket, securityGroup, securityGroupRule } from '../src/testing/kinds.js';

/**
 * One small infrastructure, four ways: CloudFormation, Terraform, a Terraform plan, and the live account it
 * deploys (as a scan would collect it). Every check that runs on all three kinds of code gives the same result
 * on each resource in all four, except where the answer depends on what only exists after deployment; those
 * few are listed, with why, and the test fails if any other result differs.
 */
const PARITY = fileURLToPath(new URL('./fixtures/iac/parity/', import.meta.url));

const TLS_ONLY = JSON.parse(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::parity-data', 'arn:aws:s3:::parity-data/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  }),
) as Record<string, unknown>;

/** What `onus collect` finds once the code is deployed (in the account the key policy names). */
function deployed(): Inventory {
  const owner = [
    { granteeType: 'CanonicalUser' as const, grantee: 'owner', permission: 'FULL_CONTROL' as const },
  ];
  return inventoryOf([
    s3Bucket('parity-data', {
      createdAt: '2026-05-01T00:00:00.000Z',
      policy: TLS_ONLY,
      mfaDelete: false,
      acl: owner,
      logging: null,
    }),
    s3Bucket('parity-logs', {
      createdAt: '2026-05-01T00:00:00.000Z',
      versioning: null,
      mfaDelete: false,
      acl: owner,
      logging: null,
      defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
    }),
    kmsKey({
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      }),
    }),
    securityGroup({
      groupId: 'sg-0parity',
      groupName: 'parity-web',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      description: 'web',
      ingress: [
        securityGroupRule({ protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }),
        securityGroupRule({ protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] }),
      ],
    }),
    rdsInstance({
      identifier: 'parity-db',
      engineVersion: '16.4',
      storageEncrypted: false,
      multiAZ: false,
      iamDatabaseAuthenticationEnabled: false,
      parameterGroupNames: ['default.postgres16'],
    }),
    iamRole('parity-app', {
      trustPolicy: policy({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
      inlinePolicies: [
        { name: 'read', document: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
      ],
    }),
    resource('sqs.queue', 'https://sqs.eu-west-1.amazonaws.com/111122223333/parity-jobs', {
      url: 'https://sqs.eu-west-1.amazonaws.com/111122223333/parity-jobs',
      arn: 'arn:aws:sqs:eu-west-1:111122223333:parity-jobs',
      name: 'parity-jobs',
      sqsManagedSse: true,
      kmsMasterKeyId: null,
      policy: null,
    }),
    resource('logs.log-group', '/parity/app', {
      name: '/parity/app',
      retentionInDays: 30,
      kmsKeyId: null,
      metricFilters: [],
    }),
  ]);
}

/**
 * Results that differ between code and the deployed account, and why. Keyed `check-id resource-name`.
 */
const ONLY_AFTER_DEPLOYMENT: Record<string, string> = {};

type Outcomes = Map<string, string>;

/**
 * What the same resource is called everywhere: its name, identifier or group name; code cannot know the ids AWS
 * assigns at creation (sg-..., key ids), so a kind with one resource in the infrastructure is just the kind.
 */
function naturalNames(inventory: Inventory): Map<string, string> {
  const resources = inventory.accounts.flatMap((account) =>
    account.regions.flatMap((region) => region.resources),
  );
  const names = new Map<string, string>();
  for (const resource of resources) {
    const attributes = resource.attributes as Record<string, unknown>;
    const natural = [attributes.name, attributes.identifier, attributes.groupName].find(
      (value): value is string => typeof value === 'string',
    );
    const alone = resources.filter((other) => other.kind === resource.kind).length === 1;
    names.set(`${resource.kind} ${resource.id}`, natural ?? (alone ? resource.kind : resource.id));
  }
  return names;
}

function outcomes(inventory: Inventory, checks: readonly Check[]): Outcomes {
  const report = scanInventory(inventory, checks, {
    now: NOW,
    generatedAt: NOW,
    tool: { name: 'onus', version: 'test' },
    target: { type: 'iac', name: 'parity' },
  });
  const names = naturalNames(inventory);
  return new Map(
    report.findings.map((finding) => [
      `${finding.checkId} ${names.get(`${finding.resource.kind} ${finding.resource.id}`) ?? finding.resource.id}`,
      finding.status,
    ]),
  );
}

function fromCode(path: string, checks: readonly Check[]): Outcomes {
  const loaded = loadIac([path]);
  expect(loaded.problems.map(describeProblem)).toEqual([]);
  return outcomes(buildIacInventory(loaded.sets).inventory, checks);
}

describe('one infrastructure as CloudFormation, Terraform, a plan and a live account', () => {
  const checks = CHECKS.filter(
    (check) => runsOnCode(check, 'cloudformation') && runsOnCode(check, 'terraform'),
  );

  it('gives the same result for every check that runs on code, apart from the listed runtime-only ones', () => {
    expect(checks.length).toBeGreaterThanOrEqual(40);
    const cloudformation = fromCode(`${PARITY}template.yaml`, checks);
    const terraform = fromCode(`${PARITY}terraform`, checks);
    const plan = fromCode(`${PARITY}plan.json`, checks);
    const live = outcomes(deployed(), checks);

    // The three kinds of code agree exactly: nothing about them is runtime.
    expect(Object.fromEntries(terraform)).toEqual(Object.fromEntries(cloudformation));
    expect(Object.fromEntries(plan)).toEqual(Object.fromEntries(cloudformation));

    // Code and the deployed account agree on every result but the listed ones.
    const differences: Record<string, string> = {};
    for (const key of new Set([...cloudformation.keys(), ...live.keys()])) {
      if (cloudformation.get(key) !== live.get(key)) {
        differences[key] = `code ${cloudformation.get(key) ?? 'none'}, live ${live.get(key) ?? 'none'}`;
      }
    }
    const unexplained = Object.entries(differences).filter(([key]) => !(key in ONLY_AFTER_DEPLOYMENT));
    expect(Object.fromEntries(unexplained)).toEqual({});

    // And the infrastructure is not trivially compliant: some checks fail on it, the same ones everywhere.
    const failing = [...cloudformation].filter(([, status]) => status === 'FAIL').map(([key]) => key);
    expect(failing).toEqual(
      expect.arrayContaining([
        'ec2-security-group-no-open-admin-ports parity-web',
        'rds-instance-storage-encrypted parity-db',
        's3-bucket-versioning-enabled parity-logs',
      ]),
    );
  });

  it('reads the plan without problems and finds every resource the HCL declares', () => {
    const plan = loadIac([`${PARITY}plan.json`]);
    const hcl = loadIac([`${PARITY}terraform`]);
    const addresses = (sets: typeof plan.sets) =>
      sets.flatMap((set) => set.resources.map((r) => r.address)).sort();
    expect(addresses(plan.sets)).toEqual(addresses(hcl.sets));
    expect(readFileSync(`${PARITY}plan.json`, 'utf8')).toContain('"after_unknown"');
  });
});
