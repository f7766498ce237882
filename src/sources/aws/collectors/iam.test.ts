import {
  GenerateCredentialReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  GetServiceLastAccessedDetailsCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListServerCertificatesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { parseCredentialReport } from './credential-report.js';
import { iamCollector } from './iam.js';
import { servicesLastAccessedOf } from './iam-last-accessed.js';

const iam = mockClient(IAMClient);
const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const REPORT = [
  HEADER,
  '<root_account>,arn:aws:iam::111122223333:root,2019-01-01T00:00:00+00:00,not_supported,2026-05-20T10:00:00+00:00,not_supported,not_supported,false,true,2020-03-01T00:00:00+00:00,2026-05-30T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'alice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00,true,2026-05-31T08:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,true,true,2026-04-01T00:00:00+00:00,2026-05-31T00:00:00+00:00,eu-west-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'bot,arn:aws:iam::111122223333:user/bot,2023-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2023-01-02T00:00:00+00:00,no_information,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n');

const encode = (document: unknown) => encodeURIComponent(JSON.stringify(document));
const ADMIN_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

function mockAuthorizationDetails() {
  iam
    .on(GetAccountAuthorizationDetailsCommand)
    .resolvesOnce({
      UserDetailList: [
        {
          UserName: 'alice',
          GroupList: ['developers'],
          AttachedManagedPolicies: [],
          UserPolicyList: [],
        },
        {
          UserName: 'bot',
          GroupList: [],
          AttachedManagedPolicies: [
            { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          ],
          UserPolicyList: [{ PolicyName: 'everything', PolicyDocument: encode(ADMIN_DOCUMENT) }],
        },
      ],
      GroupDetailList: [
        {
          GroupName: 'developers',
          Arn: 'arn:aws:iam::111122223333:group/developers',
          AttachedManagedPolicies: [
            { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          ],
          GroupPolicyList: [],
        },
      ],
      IsTruncated: true,
      Marker: 'm1',
    })
    .resolvesOnce({
      RoleDetailList: [
        {
          RoleName: 'app',
          Arn: 'arn:aws:iam::111122223333:role/app',
          Path: '/',
          CreateDate: new Date('2024-02-01T00:00:00Z'),
          AssumeRolePolicyDocument: encode(TRUST),
          AttachedManagedPolicies: [],
          RolePolicyList: [{ PolicyName: 'admin', PolicyDocument: encode(ADMIN_DOCUMENT) }],
          RoleLastUsed: { LastUsedDate: new Date('2026-05-30T00:00:00Z'), Region: 'eu-west-1' },
          Tags: [{ Key: 'team', Value: 'platform' }],
        },
        {
          RoleName: 'AWSServiceRoleForSupport',
          Arn: 'arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport',
          Path: '/aws-service-role/support.amazonaws.com/',
          CreateDate: new Date('2020-01-01T00:00:00Z'),
          AssumeRolePolicyDocument: encode(TRUST),
          AttachedManagedPolicies: [
            {
              PolicyName: 'AWSSupportServiceRolePolicy',
              PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
            },
          ],
          RolePolicyList: [],
          PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary' },
          RoleLastUsed: {},
        },
      ],
      Policies: [
        {
          PolicyName: 'platform-admin',
          Arn: 'arn:aws:iam::111122223333:policy/platform-admin',
          AttachmentCount: 2,
          DefaultVersionId: 'v2',
          PolicyVersionList: [
            { VersionId: 'v1', IsDefaultVersion: false, Document: encode({ Statement: [] }) },
            { VersionId: 'v2', IsDefaultVersion: true, Document: encode(ADMIN_DOCUMENT) },
          ],
        },
        {
          PolicyName: 'AdministratorAccess',
          Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          AttachmentCount: 1,
          PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encode(ADMIN_DOCUMENT) }],
        },
      ],
      IsTruncated: false,
    });
  iam.on(ListServerCertificatesCommand).resolves({
    ServerCertificateMetadataList: [
      {
        Path: '/',
        ServerCertificateName: 'www',
        ServerCertificateId: 'ASCA1',
        Arn: 'arn:aws:iam::111122223333:server-certificate/www',
        UploadDate: new Date('2025-01-01T00:00:00Z'),
        Expiration: new Date('2026-01-01T00:00:00Z'),
      },
    ],
  });
}

function mockHealthyAccount() {
  mockAuthorizationDetails();
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam
    .on(GetCredentialReportCommand)
    .resolves({ Content: new TextEncoder().encode(REPORT), ReportFormat: 'text/csv' });
  iam.on(GetAccountPasswordPolicyCommand).resolves({
    PasswordPolicy: {
      MinimumPasswordLength: 12,
      RequireSymbols: true,
      ExpirePasswords: false,
      PasswordReusePrevention: 5,
    },
  });
  iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
  iam
    .on(ListUsersCommand)
    .resolvesOnce({
      Users: [
        {
          UserName: 'alice',
          Arn: 'arn:aws:iam::111122223333:user/alice',
          CreateDate: new Date('2024-01-01T00:00:00Z'),
          Path: '/',
          UserId: 'A',
        },
      ],
      IsTruncated: true,
      Marker: 'm1',
    })
    .resolvesOnce({
      Users: [
        {
          UserName: 'bot',
          Arn: 'arn:aws:iam::111122223333:user/bot',
          CreateDate: new Date('2023-01-01T00:00:00Z'),
          Path: '/',
          UserId: 'B',
        },
      ],
      IsTruncated: false,
    });
  iam.on(ListAccessKeysCommand, { UserName: 'alice' }).resolves({
    AccessKeyMetadata: [
      { AccessKeyId: 'AKIAALICE', Status: 'Active', CreateDate: new Date('2026-04-01T00:00:00Z') },
    ],
  });
  iam.on(ListAccessKeysCommand, { UserName: 'bot' }).resolves({
    AccessKeyMetadata: [
      { AccessKeyId: 'AKIABOT', Status: 'Active', CreateDate: new Date('2023-01-02T00:00:01Z') },
    ],
  });
  iam.on(GetAccessKeyLastUsedCommand).resolves({
    AccessKeyLastUsed: { LastUsedDate: new Date('2026-05-01T00:00:00Z'), Region: 'x', ServiceName: 'y' },
  });
  iam.on(ListUserTagsCommand).resolves({ Tags: [{ Key: 'team', Value: 'platform' }] });
  mockLastAccessed();
}

/** Access advisor: one job per principal, named after its ARN; alice used S3 and never EC2, others used STS. */
function mockLastAccessed() {
  iam
    .on(GenerateServiceLastAccessedDetailsCommand)
    .callsFake((input: { Arn: string }) => ({ JobId: `job:${input.Arn}` }));
  iam.on(GetServiceLastAccessedDetailsCommand).callsFake((input: { JobId: string }) => ({
    JobStatus: 'COMPLETED',
    JobCreationDate: new Date('2026-06-01T00:00:00Z'),
    JobCompletionDate: new Date('2026-06-01T00:00:05Z'),
    IsTruncated: false,
    ServicesLastAccessed: input.JobId.endsWith(':user/alice')
      ? [
          {
            ServiceName: 'Amazon S3',
            ServiceNamespace: 's3',
            LastAuthenticated: new Date('2026-05-30T00:00:00Z'),
            TotalAuthenticatedEntities: 1,
          },
          { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', TotalAuthenticatedEntities: 0 },
        ]
      : [
          {
            ServiceName: 'AWS STS',
            ServiceNamespace: 'sts',
            LastAuthenticated: new Date('2026-05-01T00:00:00Z'),
          },
        ],
  }));
}

describe('iam collector', () => {
  beforeEach(() => iam.reset());

  it('builds users, root and the password policy from the credential report and the IAM APIs', async () => {
    mockHealthyAccount();
    const sink = await collectWith(iamCollector);
    const byId = new Map(sink.resources.map((resource) => [resource.id, resource]));
    expect(sink.gaps).toEqual([]);
    expect(byId.get('root')).toMatchObject({
      kind: 'iam.root-user',
      region: 'global',
      attributes: {
        mfaActive: false,
        hardwareMfa: null,
        passwordLastUsed: '2026-05-20T10:00:00.000Z',
        accessKeys: [
          {
            id: null,
            status: 'Active',
            createdAt: '2020-03-01T00:00:00.000Z',
            lastUsedAt: '2026-05-30T00:00:00.000Z',
          },
        ],
      },
    });
    expect(byId.get('alice')).toMatchObject({
      tags: { team: 'platform' },
      attributes: {
        passwordEnabled: true,
        mfaActive: true,
        accessKeys: [{ id: 'AKIAALICE', status: 'Active', lastUsedAt: '2026-05-31T00:00:00.000Z' }],
      },
    });
    // The report's key time is rounded differently from ListAccessKeys: onus asks IAM instead of guessing.
    expect(byId.get('bot')?.attributes).toMatchObject({
      passwordEnabled: false,
      accessKeys: [{ id: 'AKIABOT', lastUsedAt: '2026-05-01T00:00:00.000Z' }],
    });
    expect(byId.get('password-policy')?.attributes).toEqual({
      policy: expect.objectContaining({
        minimumPasswordLength: 12,
        passwordReusePrevention: 5,
        maxPasswordAge: null,
      }),
    });
  });

  it('records an account without a custom password policy as policy null, not as a gap', async () => {
    mockHealthyAccount();
    iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 404));
    const sink = await collectWith(iamCollector);
    const policy = sink.resources.find((resource) => resource.kind === 'iam.password-policy');
    expect(policy?.attributes).toEqual({ policy: null });
    expect(policy?.gaps ?? []).toEqual([]);
  });

  it('leaves MFA and password fields as gaps naming the action when the credential report is denied', async () => {
    mockHealthyAccount();
    iam.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(iamCollector);
    const alice = sink.resources.find((resource) => resource.id === 'alice');
    expect(alice?.attributes).not.toHaveProperty('mfaActive');
    expect(alice?.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'mfaActive',
          reason: 'access-denied',
          action: 'iam:GenerateCredentialReport',
        }),
      ]),
    );
    const root = sink.resources.find((resource) => resource.id === 'root');
    expect(root?.gaps?.map((gap) => gap.field).sort()).toEqual([
      'accessKeys',
      'mfaActive',
      'passwordLastUsed',
    ]);
  });

  it('falls back on the account summary for root MFA and keys when the credential report is denied', async () => {
    mockHealthyAccount();
    iam.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 403));
    iam
      .on(GetAccountSummaryCommand)
      .resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
    const sink = await collectWith(iamCollector);
    const root = sink.resources.find((resource) => resource.id === 'root');
    expect(root?.attributes).toMatchObject({ mfaActive: true, accessKeys: [] });
    expect(root?.gaps?.map((gap) => gap.field)).toEqual(['passwordLastUsed']);

    iam
      .on(GetAccountSummaryCommand)
      .resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 } });
    const withKeys = (await collectWith(iamCollector)).resources.find((resource) => resource.id === 'root');
    // Keys exist but their status and age are in the report: unknown, not "none".
    expect(withKeys?.attributes).toMatchObject({ mfaActive: false });
    expect(withKeys?.gaps?.map((gap) => gap.field).sort()).toEqual(['accessKeys', 'passwordLastUsed']);
  });

  it('keeps root and the password policy when users cannot be listed, and marks iam.user as a gap', async () => {
    mockHealthyAccount();
    iam.on(ListUsersCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(iamCollector);
    expect(sink.resources.filter((resource) => resource.kind === 'iam.user')).toEqual([]);
    expect(sink.resources.map((resource) => resource.kind)).toEqual(
      expect.arrayContaining(['iam.password-policy', 'iam.root-user', 'iam.role']),
    );
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'iam.user',
        region: 'global',
        action: 'iam:ListUsers',
        reason: 'access-denied',
      }),
    ]);
  });

  it('gives a user a gap on accessKeys when ListAccessKeys is throttled', async () => {
    mockHealthyAccount();
    iam.on(ListAccessKeysCommand, { UserName: 'bot' }).rejects(awsError('Throttling', 400));
    const sink = await collectWith(iamCollector);
    const bot = sink.resources.find((resource) => resource.id === 'bot');
    expect(bot?.gaps).toEqual([
      expect.objectContaining({ field: 'accessKeys', reason: 'throttled', action: 'iam:ListAccessKeys' }),
    ]);
    expect(bot?.attributes).toHaveProperty('mfaActive', false);
  });

  it('tells a virtual root MFA device from a hardware one', async () => {
    mockHealthyAccount();
    const withMfa = REPORT.replace(
      'not_supported,not_supported,false,true',
      'not_supported,not_supported,true,true',
    );
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(withMfa) });
    const hardware = await collectWith(iamCollector);
    expect(hardware.resources.find((r) => r.id === 'root')?.attributes.hardwareMfa).toBe(true);
    iam.on(ListVirtualMFADevicesCommand).resolves({
      VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device' }],
    });
    const virtual = await collectWith(iamCollector);
    expect(virtual.resources.find((r) => r.id === 'root')?.attributes.hardwareMfa).toBe(false);
  });

  it('adds policies and groups to users, and builds roles, groups, managed policies and certificates', async () => {
    mockHealthyAccount();
    const sink = await collectWith(iamCollector);
    expect(sink.gaps).toEqual([]);
    const of = (kind: string, id: string) =>
      sink.resources.find((resource) => resource.kind === kind && resource.id === id);
    expect(of('iam.user', 'alice')?.attributes).toMatchObject({
      attachedManagedPolicies: [],
      inlinePolicies: [],
      groups: ['developers'],
      mfaActive: true,
    });
    expect(of('iam.user', 'bot')?.attributes).toMatchObject({
      attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      inlinePolicies: [{ name: 'everything', document: ADMIN_DOCUMENT }],
      groups: [],
    });
    expect(of('iam.role', 'app')).toMatchObject({
      arn: 'arn:aws:iam::111122223333:role/app',
      region: 'global',
      tags: { team: 'platform' },
      attributes: {
        name: 'app',
        path: '/',
        createdAt: '2024-02-01T00:00:00.000Z',
        trustPolicy: TRUST,
        inlinePolicies: [{ name: 'admin', document: ADMIN_DOCUMENT }],
        permissionsBoundary: null,
        lastUsedAt: '2026-05-30T00:00:00.000Z',
        isServiceLinked: false,
      },
      gaps: [],
    });
    expect(of('iam.role', 'AWSServiceRoleForSupport')?.attributes).toMatchObject({
      isServiceLinked: true,
      lastUsedAt: null,
      permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
    });
    expect(of('iam.group', 'developers')?.attributes).toEqual({
      name: 'developers',
      attachedManagedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      inlinePolicies: [],
      memberCount: 1,
    });
    expect(of('iam.managed-policy', 'arn:aws:iam::111122223333:policy/platform-admin')?.attributes).toEqual({
      arn: 'arn:aws:iam::111122223333:policy/platform-admin',
      name: 'platform-admin',
      awsManaged: false,
      attachmentCount: 2,
      defaultVersionDocument: ADMIN_DOCUMENT,
    });
    expect(of('iam.managed-policy', 'arn:aws:iam::aws:policy/AdministratorAccess')?.attributes).toMatchObject(
      {
        awsManaged: true,
      },
    );
    expect(of('iam.server-certificate', 'www')?.attributes).toEqual({
      name: 'www',
      arn: 'arn:aws:iam::111122223333:server-certificate/www',
      expiration: '2026-01-01T00:00:00.000Z',
      uploadDate: '2025-01-01T00:00:00.000Z',
    });
  });

  it('gives users policy gaps and roles, groups and policies kind gaps when the authorization details are denied', async () => {
    mockHealthyAccount();
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(iamCollector);
    const alice = sink.resources.find((resource) => resource.id === 'alice');
    expect(alice?.attributes).toMatchObject({ mfaActive: true, passwordEnabled: true });
    expect(alice?.attributes).not.toHaveProperty('groups');
    expect(alice?.gaps?.map((gap) => [gap.field, gap.reason, gap.action])).toEqual([
      ['attachedManagedPolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'],
      ['inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'],
      ['groups', 'access-denied', 'iam:GetAccountAuthorizationDetails'],
    ]);
    expect(sink.gaps.map((gap) => gap.kind).sort()).toEqual(['iam.group', 'iam.managed-policy', 'iam.role']);
    expect(sink.resources.some((resource) => resource.kind === 'iam.role')).toBe(false);
  });

  it('makes a policy document that does not parse a gap on that field alone, saying which policy', async () => {
    mockHealthyAccount();
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [
        {
          RoleName: 'broken',
          Arn: 'arn:aws:iam::111122223333:role/broken',
          Path: '/',
          CreateDate: new Date('2024-02-01T00:00:00Z'),
          AssumeRolePolicyDocument: '%7B%22Statement%22%3A',
          AttachedManagedPolicies: [],
          RolePolicyList: [{ PolicyName: 'bad', PolicyDocument: '%E0%A4%A' }],
        },
      ],
      UserDetailList: [
        { UserName: 'alice', GroupList: [], UserPolicyList: [{ PolicyName: 'x', PolicyDocument: '[1]' }] },
      ],
    });
    const sink = await collectWith(iamCollector);
    const role = sink.resources.find((resource) => resource.id === 'broken');
    expect(role?.attributes).toMatchObject({ name: 'broken', lastUsedAt: null });
    expect(role?.attributes).not.toHaveProperty('trustPolicy');
    expect(role?.gaps).toEqual([
      expect.objectContaining({
        field: 'trustPolicy',
        reason: 'collection-error',
        detail: 'the trust policy of role broken is not valid JSON',
      }),
      expect.objectContaining({
        field: 'inlinePolicies',
        detail: 'the inline policy bad of role broken is not URL-encoded as IAM returns documents',
      }),
    ]);
    const alice = sink.resources.find((resource) => resource.id === 'alice');
    expect(alice?.gaps).toEqual([
      expect.objectContaining({
        field: 'inlinePolicies',
        detail: 'the inline policy x of user alice is not a JSON object',
      }),
    ]);
    expect(alice?.attributes).toMatchObject({ groups: [], attachedManagedPolicies: [] });
    // bot was listed by ListUsers but is missing from the details: unknown, not "no policies".
    const bot = sink.resources.find((resource) => resource.id === 'bot');
    expect(bot?.gaps?.map((gap) => [gap.field, gap.reason])).toEqual([
      ['attachedManagedPolicies', 'not-collected'],
      ['inlinePolicies', 'not-collected'],
      ['groups', 'not-collected'],
    ]);
  });

  it('marks server certificates as a kind gap when they cannot be listed', async () => {
    mockHealthyAccount();
    iam.on(ListServerCertificatesCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(iamCollector);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'iam.server-certificate',
        action: 'iam:ListServerCertificates',
        reason: 'access-denied',
      }),
    ]);
    expect(sink.resources.some((resource) => resource.kind === 'iam.role')).toBe(true);
  });

  it('waits for the credential report to be generated', async () => {
    mockHealthyAccount();
    iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce({ State: 'STARTED' })
      .resolves({ State: 'COMPLETE' });
    const sink = await collectWith(iamCollector);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(sink.resources.find((r) => r.id === 'alice')?.attributes.mfaActive).toBe(true);
  });
});

describe('iam collector: services last accessed (access advisor)', () => {
  beforeEach(() => iam.reset());

  it('gives every user and role the services its policies allow, with their last use or null for never', async () => {
    mockHealthyAccount();
    const sink = await collectWith(iamCollector);
    expect(sink.gaps).toEqual([]);
    const alice = sink.resources.find((resource) => resource.id === 'alice');
    expect(alice?.attributes.servicesLastAccessed).toEqual([
      { service: 's3', lastAuthenticatedAt: '2026-05-30T00:00:00.000Z' },
      { service: 'ec2', lastAuthenticatedAt: null },
    ]);
    const app = sink.resources.find((resource) => resource.id === 'app');
    expect(app?.attributes.servicesLastAccessed).toEqual([
      { service: 'sts', lastAuthenticatedAt: '2026-05-01T00:00:00.000Z' },
    ]);
    expect(app?.gaps).toEqual([]);
    expect(
      iam.commandCalls(GenerateServiceLastAccessedDetailsCommand).map((call) => call.args[0].input),
    ).toEqual(
      expect.arrayContaining([
        { Arn: 'arn:aws:iam::111122223333:user/alice', Granularity: 'SERVICE_LEVEL' },
        { Arn: 'arn:aws:iam::111122223333:role/app', Granularity: 'SERVICE_LEVEL' },
      ]),
    );
  });

  it('polls a job still in progress, then reads every page of its report', async () => {
    mockHealthyAccount();
    const job = 'job:arn:aws:iam::111122223333:role/app';
    iam
      .on(GetServiceLastAccessedDetailsCommand, { JobId: job })
      .resolvesOnce({ JobStatus: 'IN_PROGRESS', JobCreationDate: new Date(), ServicesLastAccessed: [] })
      .resolvesOnce({
        JobStatus: 'COMPLETED',
        JobCreationDate: new Date(),
        ServicesLastAccessed: [{ ServiceName: 'S3', ServiceNamespace: 's3' }],
        IsTruncated: true,
        Marker: 'page2',
      })
      .resolvesOnce({
        JobStatus: 'COMPLETED',
        JobCreationDate: new Date(),
        ServicesLastAccessed: [
          {
            ServiceName: 'SQS',
            ServiceNamespace: 'sqs',
            LastAuthenticated: new Date('2026-05-02T00:00:00Z'),
          },
        ],
        IsTruncated: false,
      });
    const sink = await collectWith(iamCollector);
    const app = sink.resources.find((resource) => resource.id === 'app');
    expect(app?.attributes.servicesLastAccessed).toEqual([
      { service: 's3', lastAuthenticatedAt: null },
      { service: 'sqs', lastAuthenticatedAt: '2026-05-02T00:00:00.000Z' },
    ]);
    const calls = iam
      .commandCalls(GetServiceLastAccessedDetailsCommand)
      .filter((call) => call.args[0].input.JobId === job);
    expect(calls.map((call) => call.args[0].input.Marker)).toEqual([undefined, undefined, 'page2']);
  });

  it("makes a failed job a gap on servicesLastAccessed alone, with IAM's reason", async () => {
    mockHealthyAccount();
    iam
      .on(GetServiceLastAccessedDetailsCommand, { JobId: 'job:arn:aws:iam::111122223333:user/bot' })
      .resolves({
        JobStatus: 'FAILED',
        JobCreationDate: new Date(),
        ServicesLastAccessed: [],
        Error: { Code: 'InternalError', Message: 'the report could not be generated' },
      });
    const sink = await collectWith(iamCollector);
    const bot = sink.resources.find((resource) => resource.id === 'bot');
    expect(bot?.attributes).not.toHaveProperty('servicesLastAccessed');
    expect(bot?.attributes).toHaveProperty('accessKeys');
    expect(bot?.gaps).toEqual([
      {
        field: 'servicesLastAccessed',
        reason: 'collection-error',
        action: 'iam:GetServiceLastAccessedDetails',
        detail:
          'the access-advisor job for arn:aws:iam::111122223333:user/bot failed: the report could not be generated',
      },
    ]);
    expect(sink.resources.find((resource) => resource.id === 'alice')?.gaps).toEqual([]);
  });

  it('makes a denied GenerateServiceLastAccessedDetails an access-denied gap on every user and role', async () => {
    mockHealthyAccount();
    iam.on(GenerateServiceLastAccessedDetailsCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(iamCollector);
    const principals = sink.resources.filter((r) => r.kind === 'iam.user' || r.kind === 'iam.role');
    expect(principals.length).toBe(4);
    for (const principal of principals) {
      expect(principal.gaps).toEqual([
        expect.objectContaining({
          field: 'servicesLastAccessed',
          reason: 'access-denied',
          action: 'iam:GenerateServiceLastAccessedDetails',
        }),
      ]);
    }
    expect(iam.commandCalls(GetServiceLastAccessedDetailsCommand)).toHaveLength(0);
  });

  it('calls nothing without --last-accessed, and says how to get the data', async () => {
    mockHealthyAccount();
    const sink = await collectWith(iamCollector, { settings: { lastAccessed: false } });
    expect(iam.commandCalls(GenerateServiceLastAccessedDetailsCommand)).toHaveLength(0);
    const users = sink.resources.filter((resource) => resource.kind === 'iam.user');
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user.gaps).toContainEqual(
        expect.objectContaining({
          field: 'servicesLastAccessed',
          reason: 'not-collected',
          detail: expect.stringContaining('--last-accessed'),
        }),
      );
    }
  });

  it('gives up on a job that stays in progress past the timeout, with a gap saying so', async () => {
    iam.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'slow' });
    iam
      .on(GetServiceLastAccessedDetailsCommand)
      .resolves({ JobStatus: 'IN_PROGRESS', JobCreationDate: new Date(), ServicesLastAccessed: [] });
    const ctx = {
      settings: { lastAccessed: true },
      observe: async <T>(_action: string, send: () => Promise<T>) => ({
        ok: true as const,
        value: await send(),
      }),
    } as unknown as Parameters<typeof servicesLastAccessedOf>[0];
    const arn = 'arn:aws:iam::111122223333:role/slow';
    const reports = await servicesLastAccessedOf(ctx, new IAMClient({ region: 'us-east-1' }), [arn], {
      firstDelayMs: 5,
      maxDelayMs: 20,
      timeoutMs: 60,
    });
    expect(reports.get(arn)).toEqual({
      ok: false,
      gap: {
        field: 'servicesLastAccessed',
        reason: 'collection-error',
        action: 'iam:GetServiceLastAccessedDetails',
        detail: `the access-advisor job for ${arn} had not completed after 0.06 s`,
      },
    });
    const polls = iam.commandCalls(GetServiceLastAccessedDetailsCommand).length;
    // 5, 10, 20, 20 ms pauses: a handful of polls, not a busy loop.
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(6);
  });
});

describe('credential report parsing', () => {
  it('keeps columns aligned even if a field is quoted', () => {
    const rows = parseCredentialReport('user,arn,mfa_active\n"a,b",arn:x,true\n');
    expect(rows).toEqual([{ user: 'a,b', arn: 'arn:x', mfa_active: 'true' }]);
  });
});
