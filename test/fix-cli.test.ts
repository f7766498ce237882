import { afterAll, describe, expect, it } from 'vitest';
import { emptyAccount, fakeAccount, restoreFakeAccount } from '../src/testing/fix-account.js';
import { onusInProcess } from './support/in-process.js';

afterAll(restoreFakeAccount);

const onus = onusInProcess;

describe('onus fix', () => {
  it('lists the checks it can fix', async () => {
    const { code, stdout } = await onus('fix', '--list');
    expect(code).toBe(0);
    for (const id of [
      'iam-password-policy-min-length',
      's3-account-public-access-block',
      'ec2-ebs-encryption-by-default',
      'kms-key-rotation-enabled',
      'guardduty-enabled',
      'securityhub-enabled',
    ]) {
      expect(stdout).toContain(id);
    }
  });

  it('refuses a check it has no fix for in one line naming the checks it can fix, exit 2', async () => {
    const { code, stderr, stdout } = await onus('fix', 's3-bucket-versioning-enabled');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^onus: fix: onus has no fix for s3-bucket-versioning-enabled; checks it can fix: .*guardduty-enabled/,
    );
  });

  it('says a check id is unknown, exit 2', async () => {
    const { code, stderr } = await onus('fix', 'no-such-check');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown check id 'no-such-check'");
  });

  it('asks for a check when none is named, and refuses a malformed region, exit 2', async () => {
    const none = await onus('fix');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^onus: fix: name a check to fix \(one of .*securityhub-enabled\)\n$/);
    const region = await onus('fix', 'guardduty-enabled', '--region', 'eu-west');
    expect(region.code).toBe(2);
    expect(region.stderr).toBe("onus: --region: 'eu-west' is not an AWS region name\n");
  });

  it('refuses --key-id for anything but key rotation, exit 2', async () => {
    fakeAccount(emptyAccount());
    const { code, stderr } = await onus('fix', 'guardduty-enabled', '--key-id', 'abc');
    expect(code).toBe(2);
    expect(stderr).toContain('--key-id goes with kms-key-rotation-enabled');
  });

  it('shows the calls in a dry run and changes nothing', async () => {
    const account = fakeAccount(emptyAccount({ ebs: { 'us-east-1': true } }));
    const { code, stdout } = await onus('fix', 'ec2-ebs-encryption-by-default');
    expect(code).toBe(0);
    expect(stdout).toContain('would call (dry run: nothing is changed; add --apply to make these calls):');
    expect(stdout).toContain('  ec2:EnableEbsEncryptionByDefault region=eu-west-1\n');
    expect(stdout).not.toContain('region=us-east-1');
    expect(stdout).toMatch(/as is \(already compliant\):\n {2}ec2-ebs-encryption-by-default us-east-1/);
    expect(account.writes).toEqual([]);
    expect(account.state.ebs).toEqual({ 'us-east-1': true });
  });

  it('applies the calls, re-checks PASS, exits 0, and a rerun has nothing to change', async () => {
    const account = fakeAccount(emptyAccount());
    const applied = await onus('fix', 'ec2-ebs-encryption-by-default', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('re-check:\n');
    expect(applied.stdout).toContain('PASS ec2-ebs-encryption-by-default eu-west-1');
    expect(applied.stdout).toContain('PASS ec2-ebs-encryption-by-default us-east-1');
    expect(account.writes).toHaveLength(2);

    const again = fakeAccount(account.state);
    const rerun = await onus('fix', 'ec2-ebs-encryption-by-default', '--apply');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('nothing to change');
    expect(again.writes).toEqual([]);
  });

  it('goes on when one Region denies the call, names the missing action in one line, exit 3', async () => {
    const account = fakeAccount(
      emptyAccount({
        regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
        deny: ['ec2:EnableEbsEncryptionByDefault@eu-west-1'],
      }),
    );
    const { code, stdout, stderr } = await onus('fix', 'ec2-ebs-encryption-by-default', '--apply');
    expect(code).toBe(3);
    expect(account.state.ebs).toEqual({ 'us-east-1': true, 'ap-south-1': true });
    expect(stderr).toBe(
      'onus: ec2:EnableEbsEncryptionByDefault was denied in eu-west-1 (AccessDeniedException): allow ec2:EnableEbsEncryptionByDefault to the credentials onus uses\n',
    );
    expect(stdout).toContain('FAIL ec2-ebs-encryption-by-default eu-west-1');
    expect(stdout).toContain('PASS ec2-ebs-encryption-by-default ap-south-1');
  });

  it('exits 3 when the check still fails after the calls went through', async () => {
    fakeAccount(emptyAccount({ ignore: ['s3:PutAccountPublicAccessBlock'] }));
    const { code, stdout } = await onus('fix', 's3-account-public-access-block', '--apply');
    expect(code).toBe(3);
    expect(stdout).toContain('done   s3:PutAccountPublicAccessBlock');
    expect(stdout).toContain('FAIL s3-account-public-access-block');
  });

  it('names the read action that was denied when it cannot read the state, exit 3', async () => {
    const account = fakeAccount(emptyAccount({ deny: ['iam:GetAccountPasswordPolicy'] }));
    const { code, stderr, stdout } = await onus('fix', 'iam-password-policy-min-length', '--apply');
    expect(code).toBe(3);
    expect(stdout).toContain('nothing to change');
    expect(stderr).toContain('onus: iam:GetAccountPasswordPolicy was denied');
    expect(account.writes).toEqual([]);
  });

  it('prints the cost warning for GuardDuty and Security Hub in the dry run and when applying', async () => {
    fakeAccount(emptyAccount({ regions: ['us-east-1'] }));
    const dry = await onus('fix', 'guardduty-enabled');
    expect(dry.stdout).toContain('cost: GuardDuty is billed');
    expect(dry.stdout).toContain('https://aws.amazon.com/guardduty/pricing/');
    const applied = await onus('fix', 'securityhub-enabled', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('cost: Security Hub is billed');
    expect(applied.stdout).toContain('PASS securityhub-enabled us-east-1');
  });

  it('limits key rotation to --key-id and rejects a key it does not know, exit 2', async () => {
    const keys = {
      'us-east-1': [
        { id: 'a', manager: 'CUSTOMER' as const, rotation: false },
        { id: 'b', manager: 'CUSTOMER' as const, rotation: false },
      ],
    };
    const account = fakeAccount(emptyAccount({ regions: ['us-east-1'], keys }));
    const { code, stdout } = await onus('fix', '--key-id', 'b', 'kms-key-rotation-enabled', '--apply');
    expect(code).toBe(0);
    expect(account.writes.map((write) => write.input)).toEqual([{ KeyId: 'b' }]);
    expect(stdout).toContain('PASS kms-key-rotation-enabled us-east-1 b');
    expect(stdout).not.toContain('us-east-1 a');

    const unknown = await onus('fix', 'kms-key-rotation-enabled', '--key-id', 'zzz');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--key-id: no enabled customer managed symmetric key zzz');
  });
});
