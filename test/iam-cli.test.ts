import { describe, expect, it } from 'vitest';
import { onus } from './support/onus-cli.js';

const ACCOUNT = '123456789012';

describe('onus iam', () => {
  it('admins lists the demo account administrators, from groups, attachments and inline policies', async () => {
    const run = await onus(['iam', 'admins', '--demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/effective administrator\(s\):/);
    expect(run.stdout).toContain(
      `arn:aws:iam::${ACCOUNT}:user/alice.nguyen  via arn:aws:iam::aws:policy/AdministratorAccess`,
    );
    expect(run.stdout).toContain(
      `arn:aws:iam::${ACCOUNT}:user/legacy-reporting  via inline reporting-temp-full-access`,
    );
    expect(run.stdout).toContain(`arn:aws:iam::${ACCOUNT}:role/ops-automation`);
    expect(run.stdout).not.toContain(`user/bob.martins  via`);
    // A role whose AWS managed policy is not in the snapshot is not called "not admin".
    expect(run.stdout).toMatch(
      /not evaluated:\n[\s\S]*AWSServiceRoleForSupport: managed policy .* is not in the inventory/,
    );
  });

  it('admins --format json names the granting statements', async () => {
    const run = await onus(['iam', 'admins', '--demo', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      admins: { principal: string; grantedBy: { policy: string }[] }[];
    };
    const dave = report.admins.find((admin) => admin.principal.endsWith(':user/dave.kowalski'));
    expect(dave?.grantedBy.map((statement) => statement.policy)).toContain(
      'arn:aws:iam::aws:policy/AdministratorAccess',
    );
  });

  it('escalations shows the deployer that can pass the CloudFormation administrator role', async () => {
    const run = await onus(['iam', 'escalations', '--demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `arn:aws:iam::${ACCOUNT}:user/ci-deploy: cloudformation-create-stack-pass-role`,
    );
    expect(run.stdout).toContain(
      `iam:PassRole on arn:aws:iam::${ACCOUNT}:role/cfn-provisioner  (inline deploy on user/ci-deploy)`,
    );
    expect(run.stdout).toContain(`arn:aws:iam::${ACCOUNT}:role/nightly-build: iam-put-role-policy`);
  });

  it('who-can shows that anyone can send to the partner queue', async () => {
    const run = await onus([
      'iam',
      'who-can',
      '--demo',
      '--action',
      'sqs:SendMessage',
      '--resource',
      `arn:aws:sqs:us-east-1:${ACCOUNT}:partner-orders`,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('OUTSIDE: anyone (no credentials)');
    expect(run.stdout).toContain(`arn:aws:iam::${ACCOUNT}:user/alice.nguyen`);
  });

  it('who-can --format json: a secret shared only with the organization is not open to any account', async () => {
    const run = await onus([
      'iam',
      'who-can',
      '--demo',
      '--format',
      'json',
      '--action',
      'secretsmanager:GetSecretValue',
      '--resource',
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/storefront/session-key-a1b2c3`,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { outside: { type: string }[] };
    expect(report.outside.map((entry) => entry.type)).toEqual(['organization']);
  });

  it('explain prints the decision and the statements that decided it', async () => {
    const run = await onus([
      'iam',
      'explain',
      '--demo',
      '--principal',
      `arn:aws:iam::${ACCOUNT}:user/bob.martins`,
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::acme-reports/2026/q1.csv',
      '--context',
      'aws:SourceIp=203.0.113.7',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^ALLOW: arn:aws:iam::123456789012:user\/bob.martins s3:GetObject on arn:aws:s3:::acme-reports\/2026\/q1.csv\n/,
    );
    expect(run.stdout).toContain('inline reports on group/data-engineers');
  });

  it('explain of a request nothing allows is an implicit deny', async () => {
    const run = await onus([
      'iam',
      'explain',
      '--demo',
      '--format',
      'json',
      '--principal',
      `arn:aws:iam::${ACCOUNT}:user/bob.martins`,
      '--action',
      'iam:CreateUser',
      '--resource',
      `arn:aws:iam::${ACCOUNT}:user/mallory`,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { decision: string }).decision).toBe('implicit-deny');
  });

  it.each([
    [['iam', 'admins'], /^onus: give --snapshot FILE \(from `onus collect`\) or --demo\n$/],
    [
      [
        'iam',
        'explain',
        '--demo',
        '--principal',
        'arn:aws:iam::123456789012:user/nobody',
        '--action',
        's3:GetObject',
        '--resource',
        '*',
      ],
      /^onus: --principal arn:aws:iam::123456789012:user\/nobody: not a user or role of this inventory\n$/,
    ],
    [
      ['iam', 'who-can', '--demo', '--action', 'GetObject', '--resource', '*'],
      /^onus: --action GetObject: expected service:Action/,
    ],
    [['iam', 'who-can', '--demo', '--action', 's3:GetObject'], /^onus: --resource is required\n$/],
    [
      [
        'iam',
        'explain',
        '--demo',
        '--principal',
        'x',
        '--action',
        's3:GetObject',
        '--resource',
        '*',
        '--context',
        'novalue',
      ],
      /^onus: --context novalue: expected key=value/,
    ],
    [['iam', 'admins', '--snapshot', 'no-such-file.json'], /^onus: .*no-such-file\.json/],
  ])('bad input %j is one line and exit 2', async (args, message) => {
    const run = await onus(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
