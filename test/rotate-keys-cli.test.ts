import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DAY_MS, secretNameOf } from '../src/remediation/rotate-keys/state.js';
import { awsError } from '../src/testing/aws.js';
import { RotationAccount, mockRotationAccount } from '../src/testing/rotation-account.js';
import { onusInProcess } from './support/in-process.js';

const onus = onusInProcess;

const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

let account: RotationAccount;
let mock: { restore: () => void };
let oldKey: string;

beforeEach(() => {
  account = new RotationAccount();
  mock = mockRotationAccount(account);
  account.now = ago(120);
  account.addUser('alice', [{ lastUsedAt: ago(1) }]);
  oldKey = account.keysOf('alice')[0]!.id;
  account.now = new Date();
});
afterEach(() => {
  mock.restore();
});

describe('onus rotate-keys', () => {
  it('plans by default: lists the exact calls, changes nothing and exits 0', async () => {
    const { code, stdout } = await onus('rotate-keys');
    expect(code).toBe(0);
    expect(stdout).toContain('plan only, nothing changed');
    expect(stdout).toContain(`${oldKey}  Active`);
    expect(stdout).toContain('iam:CreateAccessKey UserName=alice');
    expect(stdout).toContain(
      `secretsmanager:CreateSecret Name=${secretNameOf('alice')} KmsKeyId=aws/secretsmanager Tags=managed-by=onus`,
    );
    expect(account.keysOf('alice')).toHaveLength(1);
    expect(account.calls.every((call) => /:(List|Get)/.test(call))).toBe(true);
  });

  it('plans as JSON with each step as an API call', async () => {
    const { code, stdout } = await onus('rotate-keys', '--format', 'json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { applied: boolean; users: { user: string; steps: string[] }[] };
    expect(plan.applied).toBe(false);
    expect(plan.users[0]!.steps).toContain('iam:CreateAccessKey UserName=alice');
    const later = JSON.parse((await onus('rotate-keys', '--format', 'json', '--max-age', '200')).stdout) as {
      users: { steps: string[] }[];
    };
    expect(later.users[0]!.steps).toEqual([]);
  });

  it('applies: stores the new key, and never prints the secret unless --reveal', async () => {
    const applied = await onus('rotate-keys', '--apply');
    expect(applied.code).toBe(0);
    const fresh = account.keysOf('alice').find((key) => key.id !== oldKey)!;
    expect(applied.stdout).toContain(`created ${fresh.id}`);
    expect(applied.stdout).toContain(`next run: after 7 days: deactivate ${oldKey}`);
    expect(applied.stdout + applied.stderr).not.toContain(fresh.secret);
    expect(account.storedKeyId(secretNameOf('alice'))).toBe(fresh.id);
  });

  it('prints the new secret on stdout only with --reveal', async () => {
    const { code, stdout, stderr } = await onus('rotate-keys', '--apply', '--reveal');
    expect(code).toBe(0);
    const fresh = account.keysOf('alice').find((key) => key.id !== oldKey)!;
    expect(stdout).toContain(`new key: ${fresh.id} ${fresh.secret}`);
    expect(stderr).not.toContain(fresh.secret);
  });

  it('writes the new key once to a file only its owner can read with --out-dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onus-keys-'));
    const { code, stdout } = await onus('rotate-keys', '--apply', '--out-dir', dir);
    expect(code).toBe(0);
    const fresh = account.keysOf('alice').find((key) => key.id !== oldKey)!;
    const files = await readdir(dir);
    expect(files).toEqual([`alice.${fresh.id}.json`]);
    const file = join(dir, files[0]!);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      AccessKeyId: fresh.id,
      SecretAccessKey: fresh.secret,
    });
    expect(stdout).not.toContain(fresh.secret);
    expect(account.secrets.size).toBe(0);
  });

  it('refuses the root user with one line and exit 2', async () => {
    const { code, stderr } = await onus('rotate-keys', '--user', 'root', '--apply');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/root user's access keys: root should have none at all/);
  });

  it('names an unknown user, and a bad --max-age, with exit 2', async () => {
    expect((await onus('rotate-keys', '--user', 'nobody')).stderr).toBe(
      "onus: rotate-keys: no IAM user named 'nobody'\n",
    );
    const bad = await onus('rotate-keys', '--max-age', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("onus: rotate-keys: --max-age 'soon' is not a number of days (e.g. 90 or 90d)\n");
  });

  it('says in one line which permission is missing when access is denied', async () => {
    account.failing.set('iam:ListUsers', awsError('AccessDenied', 403, 'not authorized'));
    const { code, stdout, stderr } = await onus('rotate-keys');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'onus: rotate-keys: iam:ListUsers: access denied; the caller needs iam:ListUsers (see docs/rotation.md for the policy)\n',
    );
  });

  it('tells a user with two active keys what to do', async () => {
    account.now = ago(200);
    account.addUser('bob', [{ lastUsedAt: ago(1) }, { lastUsedAt: ago(1) }]);
    const { code, stdout } = await onus('rotate-keys', '--user', 'bob', '--apply');
    expect(code).toBe(0);
    expect(stdout).toContain('two active keys');
    expect(account.keysOf('bob')).toHaveLength(2);
  });
});

describe('onus deploy rotation --template', () => {
  it('prints a CloudFormation template', async () => {
    const { code, stdout } = await onus('deploy', 'rotation', '--template');
    expect(code).toBe(0);
    const template = parse(stdout) as { Resources: Record<string, { Type: string }> };
    expect(template.Resources.Function!.Type).toBe('AWS::Lambda::Function');
  });

  it('explains that it only prints a template', async () => {
    const { code, stderr } = await onus('deploy', 'rotation');
    expect(code).toBe(2);
    expect(stderr).toMatch(/use --template/);
  });
});
