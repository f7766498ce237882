import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/resource.js';
import { ACCOUNT, inventoryOf, resource } from '../../testing/builders.js';
import {
  ALLOW_EVERYTHING,
  iamGroup,
  iamRole,
  iamUser,
  managedPolicy,
  policy,
} from '../../testing/iam-kinds.js';
import { buildAccountModel } from '../model.js';
import { ESCALATION_METHODS } from './escalation-methods.js';
import { escalationPaths, escalationsFor } from './escalation.js';

const inline = (name: string, ...statements: Record<string, unknown>[]) => [
  { name, document: policy(...statements) },
];
const allow = (
  action: string | string[],
  resourceArn: string | string[] = '*',
  extra: Record<string, unknown> = {},
) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resourceArn,
  ...extra,
});
const user = (name: string, ...statements: Record<string, unknown>[]) =>
  iamUser(name, { groups: [], inlinePolicies: inline('grants', ...statements) });
const trustedBy = (service: string) =>
  policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const adminRole = (name: string, trust: Record<string, unknown>) =>
  iamRole(name, { trustPolicy: trust, inlinePolicies: inline('everything', ALLOW_EVERYTHING) });
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** The ids of the methods `name` can use in an account made of `resources`. */
function methodsOf(name: string, resources: Resource[]): string[] {
  const model = buildAccountModel(inventoryOf(resources));
  const principal = model.principals.find((candidate) => candidate.name === name);
  if (!principal) throw new Error(`no principal ${name}`);
  const status = escalationsFor(model, principal);
  return status.status === 'paths' ? status.paths.map((path) => path.method.id) : [status.status];
}

describe('the escalation catalogue', () => {
  it('holds at least 25 documented methods, each with a unique id, its permissions and a reference', () => {
    expect(ESCALATION_METHODS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ESCALATION_METHODS.map((method) => method.id)).size).toBe(ESCALATION_METHODS.length);
    for (const method of ESCALATION_METHODS) {
      expect(method.permissions.length, method.id).toBeGreaterThan(0);
      expect(method.reference, method.id).toMatch(/^https:\/\//);
      const passes = method.permissions.some((permission) => permission.on === 'passable-role');
      expect(passes, `${method.id}: a PassRole method names the service`).toBe(method.service !== undefined);
    }
  });
});

describe('escalationsFor', () => {
  it('finds a user that may create a new default version of a policy attached to it', () => {
    const ops = managedPolicy('ops-tools', {
      defaultVersionDocument: policy(
        allow('iam:CreatePolicyVersion', `arn:aws:iam::${ACCOUNT}:policy/ops-tools`),
      ),
    });
    const amy = iamUser('amy', { groups: [], attachedManagedPolicies: [ops.id] });
    expect(methodsOf('amy', [amy, ops])).toEqual(['iam-create-policy-version']);
  });

  it('finds a user that can join an administrators group, but not one that can only join harmless groups', () => {
    const admins = iamGroup('admins', { inlinePolicies: inline('all', ALLOW_EVERYTHING) });
    const readers = iamGroup('readers');
    expect(methodsOf('amy', [user('amy', allow('iam:AddUserToGroup')), admins, readers])).toEqual([
      'iam-add-user-to-group',
    ]);
    expect(
      methodsOf('amy', [
        user('amy', allow('iam:AddUserToGroup', `arn:aws:iam::${ACCOUNT}:group/readers`)),
        admins,
        readers,
      ]),
    ).toEqual(['none']);
  });

  it('finds a help desk that can create keys and passwords for an administrator user', () => {
    const boss = iamUser('boss', { groups: [], inlinePolicies: inline('all', ALLOW_EVERYTHING) });
    const helpdesk = user(
      'helpdesk',
      allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], `arn:aws:iam::${ACCOUNT}:user/*`),
    );
    expect(methodsOf('helpdesk', [helpdesk, boss])).toEqual([
      'iam-create-access-key',
      'iam-update-login-profile',
    ]);
  });

  it('requires the rewritten and the assumed role to be the same administrator role', () => {
    const boss = adminRole('boss', trustedBy('ec2.amazonaws.com'));
    const both = user('amy', allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], role('boss')));
    const split = user(
      'amy',
      allow('iam:UpdateAssumeRolePolicy', role('other')),
      allow('sts:AssumeRole', role('boss')),
    );
    expect(methodsOf('amy', [both, boss])).toEqual(['iam-update-assume-role-policy']);
    expect(methodsOf('amy', [split, boss, adminRole('other', trustedBy('ec2.amazonaws.com'))])).toEqual([
      'none',
    ]);
  });

  it('passes an administrator role only to a service that role trusts', () => {
    const lambdaAdmin = adminRole('lambda-admin', trustedBy('lambda.amazonaws.com'));
    const passer = user(
      'dev',
      allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction', 'ec2:RunInstances']),
    );
    expect(methodsOf('dev', [passer, lambdaAdmin])).toEqual(['lambda-create-function-invoke']);
  });

  it('honours an iam:PassedToService condition: a role passable only to Lambda gives no EC2 path', () => {
    const both = adminRole(
      'both',
      policy({
        Effect: 'Allow',
        Principal: { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] },
        Action: 'sts:AssumeRole',
      }),
    );
    const passer = user(
      'dev',
      allow('iam:PassRole', role('both'), {
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      }),
      allow(['lambda:CreateFunction', 'lambda:InvokeFunction', 'ec2:RunInstances']),
    );
    expect(methodsOf('dev', [passer, both])).toEqual(['lambda-create-function-invoke']);
  });

  it('finds code and command takeovers of a function and an instance that run as an administrator role', () => {
    const admin = adminRole('worker-admin', trustedBy('lambda.amazonaws.com'));
    const fn = resource(
      'lambda.function',
      'nightly',
      {
        name: 'nightly',
        runtime: 'python3.12',
        packageType: 'Zip',
        role: role('worker-admin'),
        environment: {},
        kmsKeyArn: null,
        vpcConfigured: false,
        urlAuthType: null,
        policy: null,
      },
      { arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:nightly` },
    );
    const instance = {
      ...resource('ec2.instance', 'i-0abc', {} as never, {
        arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-0abc`,
      }),
      attributes: { iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/worker-admin` },
    } as unknown as Resource;
    const operator = user('ops', allow(['lambda:UpdateFunctionCode', 'ssm:SendCommand']));
    expect(methodsOf('ops', [operator, admin, fn, instance])).toEqual([
      'lambda-update-function-code',
      'ssm-send-command',
    ]);
  });

  it('an explicit Deny on the needed action removes the path', () => {
    const amy = user('amy', allow('iam:PutUserPolicy'), {
      Effect: 'Deny',
      Action: 'iam:Put*',
      Resource: '*',
    });
    expect(methodsOf('amy', [amy])).toEqual(['none']);
  });

  it('says admin for administrators and unknown for partly known principals instead of "none"', () => {
    expect(methodsOf('root-like', [user('root-like', ALLOW_EVERYTHING)])).toEqual(['admin']);
    const partial = iamUser('amy', {
      groups: [],
      attachedManagedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/missing`],
    });
    expect(methodsOf('amy', [partial])).toEqual(['unknown']);
  });
});

describe('escalationPaths', () => {
  it('lists the paths of every principal, with the statements that grant each permission, and skips service-linked roles', () => {
    const amy = iamUser('amy', {
      groups: [],
      inlinePolicies: [
        { name: 'self', document: policy({ Sid: 'SelfService', ...allow('iam:PutUserPolicy') }) },
      ],
    });
    const linked = iamRole('AWSServiceRoleForX', {
      isServiceLinked: true,
      inlinePolicies: inline('put', allow('iam:PutRolePolicy')),
    });
    const report = escalationPaths(buildAccountModel(inventoryOf([amy, linked])));
    expect(report.paths.map((path) => `${path.principal.name} ${path.method.id}`)).toEqual([
      'amy iam-put-user-policy',
    ]);
    expect(report.paths[0]?.steps[0]?.granting.map((statement) => [statement.policy, statement.sid])).toEqual(
      [['inline self on user/amy', 'SelfService']],
    );
  });
});
