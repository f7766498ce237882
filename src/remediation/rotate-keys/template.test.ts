import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../cli/main.js';
import { IAM_COMMANDS, IMPLIED_ACTIONS, KMS_ACTIONS, SECRETS_COMMANDS } from './aws.js';
import { LAMBDA_HANDLER, rotationTemplateYaml } from './template.js';

interface Statement {
  Sid?: string;
  Action: string[];
  Resource: unknown;
}

const template = parse(rotationTemplateYaml()) as {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const resources = template.Resources;
const role = resources.Role!.Properties as {
  Policies: { PolicyDocument: { Statement: (Statement | { 'Fn::If': [string, Statement, unknown] })[] } }[];
};
const statements: Statement[] = role.Policies.flatMap((policy) => policy.PolicyDocument.Statement).map(
  (statement) => ('Fn::If' in statement ? statement['Fn::If'][1] : statement),
);

/** What the rotation code sends (its command tables), what those calls imply, and the function's own logs. */
function actionsTheCodeNeeds(): string[] {
  const sent = [...Object.keys(IAM_COMMANDS), ...Object.keys(SECRETS_COMMANDS)];
  const implied = sent.flatMap((action) => IMPLIED_ACTIONS[action as keyof typeof IMPLIED_ACTIONS] ?? []);
  return [...sent, ...implied, ...KMS_ACTIONS, 'logs:CreateLogStream', 'logs:PutLogEvents'].sort();
}

describe('the scheduled rotation template', () => {
  it('has the function, its role and log group, a schedule and the permission for it to invoke', () => {
    expect(
      Object.values(resources)
        .map((resource) => resource.Type)
        .sort(),
    ).toEqual([
      'AWS::Events::Rule',
      'AWS::IAM::Role',
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
    ]);
    const fn = resources.Function!.Properties;
    expect(fn.Runtime).toMatch(/^nodejs\d+\.x$/);
    expect(fn.Code).toEqual({ S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } });
    expect(resources.Schedule!.Properties.ScheduleExpression).toEqual({ Ref: 'Schedule' });
    expect(resources.SchedulePermission!.Properties).toMatchObject({
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': ['Schedule', 'Arn'] },
    });
  });

  it('points the handler at the compiled lambda module of this package', () => {
    expect(resources.Function!.Properties.Handler).toBe(LAMBDA_HANDLER);
    const [file, exported] = [LAMBDA_HANDLER.replace(/\.[^.]+$/, ''), LAMBDA_HANDLER.split('.').pop()];
    const source = new URL(`../../../${file.replace(/^dist\//, 'src/')}.ts`, import.meta.url);
    expect(existsSync(source)).toBe(true);
    expect(exported).toBe('handler');
  });

  it('allows every action the rotation code calls, and nothing more', () => {
    const allowed = statements.flatMap((statement) => statement.Action).sort();
    expect(allowed).toEqual(actionsTheCodeNeeds());
  });

  it('scopes every action that takes a resource: IAM to users, secrets to onus/access-keys/*', () => {
    for (const statement of statements) {
      if (statement.Resource === '*') expect(statement.Action).toEqual(['iam:ListUsers']);
    }
    const secrets = statements.find((statement) =>
      statement.Action.some((action) => action.startsWith('secretsmanager:')),
    );
    expect(JSON.stringify(secrets!.Resource)).toContain(':secret:onus/access-keys/*');
    const users = statements.find((statement) => statement.Action.includes('iam:CreateAccessKey'));
    expect(JSON.stringify(users!.Resource)).toContain(':user/*');
  });

  it('passes the Lambda and IAM checks of `onus iac`', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'onus-rotation-')), 'rotation.yaml');
    await writeFile(file, rotationTemplateYaml());
    const stdout: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main([
        'node',
        'onus',
        'iac',
        file,
        '--format',
        'json',
        '--no-store',
        '--no-config',
        '--fail-on',
        'none',
      ]);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    const report = JSON.parse(stdout.join('')) as { findings: { checkId: string; status: string }[] };
    const relevant = report.findings.filter((finding) => /^(lambda|iam)-/.test(finding.checkId));
    expect(relevant.length).toBeGreaterThan(3);
    expect(relevant.filter((finding) => finding.status !== 'PASS')).toEqual([]);
  });
});

describe('docs/rotation.md', () => {
  it('documents a policy that allows exactly the calls rotation makes', async () => {
    const text = await readFile(new URL('../../../docs/rotation.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(text)![1]!;
    const policy = JSON.parse(json) as { Statement: { Action: string[] }[] };
    const documented = policy.Statement.flatMap((statement) => statement.Action).sort();
    expect(documented).toEqual(actionsTheCodeNeeds().filter((action) => !action.startsWith('logs:')));
  });
});
