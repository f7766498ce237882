import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListServerCertificates,
  paginateListUsers,
  paginateListVirtualMFADevices,
  type GroupDetail,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
  type User,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { Gap } from '../../../core/gap.js';
import type { AccessKey, InlinePolicy } from '../../../core/kinds/iam.js';
import { sleep } from '../limits.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import { AwsCallFailed } from '../errors.js';
import {
  parseCredentialReport,
  reportDate,
  reportFlag,
  type CredentialReportRow,
} from './credential-report.js';
import {
  GENERATE_LAST_ACCESSED,
  GET_LAST_ACCESSED,
  servicesLastAccessedOf,
  type LastAccessed,
} from './iam-last-accessed.js';
import {
  allPages,
  conform,
  listOrGap,
  missing,
  parsePolicyJson,
  tagsOf,
  unexpected,
  type Draft,
  type FilledBy,
} from './support.js';

const ROOT = '<root_account>';

const DETAILS = 'iam:GetAccountAuthorizationDetails';
const ROLE_FIELDS: FilledBy<'iam.role'> = {
  name: DETAILS,
  arn: DETAILS,
  path: DETAILS,
  createdAt: DETAILS,
  trustPolicy: DETAILS,
  attachedManagedPolicies: DETAILS,
  inlinePolicies: DETAILS,
  permissionsBoundary: DETAILS,
  lastUsedAt: DETAILS,
  isServiceLinked: DETAILS,
  servicesLastAccessed: GET_LAST_ACCESSED,
};
const GROUP_FIELDS: FilledBy<'iam.group'> = {
  name: DETAILS,
  attachedManagedPolicies: DETAILS,
  inlinePolicies: DETAILS,
  memberCount: DETAILS,
};
const POLICY_FIELDS: FilledBy<'iam.managed-policy'> = {
  arn: DETAILS,
  name: DETAILS,
  awsManaged: DETAILS,
  attachmentCount: DETAILS,
  defaultVersionDocument: DETAILS,
};
const LIST_CERTIFICATES = 'iam:ListServerCertificates';
const CERTIFICATE_FIELDS: FilledBy<'iam.server-certificate'> = {
  name: LIST_CERTIFICATES,
  arn: LIST_CERTIFICATES,
  expiration: LIST_CERTIFICATES,
  uploadDate: LIST_CERTIFICATES,
};
const USER_POLICY_FIELDS = ['attachedManagedPolicies', 'inlinePolicies', 'groups'] as const;

export const iamCollector: Collector = {
  service: 'iam',
  global: true,
  actions: [
    'iam:ListUsers',
    'iam:ListUserTags',
    'iam:ListAccessKeys',
    'iam:GetAccessKeyLastUsed',
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
    'iam:GetAccountPasswordPolicy',
    'iam:ListVirtualMFADevices',
    'iam:GetAccountSummary',
    'iam:GetAccountAuthorizationDetails',
    'iam:ListServerCertificates',
    GENERATE_LAST_ACCESSED,
    GET_LAST_ACCESSED,
  ],
  kinds: {
    'iam.root-user': ['arn', 'mfaActive', 'hardwareMfa', 'accessKeys', 'passwordLastUsed'],
    'iam.user': [
      'name',
      'createdAt',
      'passwordEnabled',
      'passwordLastUsed',
      'mfaActive',
      'accessKeys',
      'attachedManagedPolicies',
      'inlinePolicies',
      'groups',
      'servicesLastAccessed',
    ],
    'iam.password-policy': ['policy'],
    'iam.role': Object.keys(ROLE_FIELDS),
    'iam.group': Object.keys(GROUP_FIELDS),
    'iam.managed-policy': Object.keys(POLICY_FIELDS),
    'iam.server-certificate': Object.keys(CERTIFICATE_FIELDS),
  },
  async collect(ctx) {
    const client = ctx.client(IAMClient);
    const [report, details] = await Promise.all([
      credentialReport(ctx, client),
      authorizationDetails(ctx, client),
    ]);
    const roleArns = details.ok ? details.value.roles.flatMap((role) => (role.Arn ? [role.Arn] : [])) : [];
    const [roleAccess] = await Promise.all([
      servicesLastAccessedOf(ctx, client, roleArns),
      collectPasswordPolicy(ctx, client),
      collectRoot(ctx, client, report),
      collectUsers(ctx, client, report, details),
      collectServerCertificates(ctx, client),
    ]);
    collectPrincipalsAndPolicies(ctx, details, roleAccess);
  },
};

/** Every principal and managed policy with its policies, in one paginated call. */
interface AuthorizationDetails {
  users: UserDetail[];
  groups: GroupDetail[];
  roles: RoleDetail[];
  policies: ManagedPolicyDetail[];
}

async function authorizationDetails(
  ctx: CollectorContext,
  client: IAMClient,
): Promise<Observed<AuthorizationDetails>> {
  const details = await ctx.observe(DETAILS, async () => {
    const found: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
    // AWSManagedPolicy brings the AWS managed policies in use, so AdministratorAccess and the like are seen too.
    const filter = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
    for await (const page of paginateGetAccountAuthorizationDetails({ client }, { Filter: [...filter] })) {
      found.users.push(...(page.UserDetailList ?? []));
      found.groups.push(...(page.GroupDetailList ?? []));
      found.roles.push(...(page.RoleDetailList ?? []));
      found.policies.push(...(page.Policies ?? []));
    }
    return found;
  });
  if (!details.ok) return details;
  return { ok: true, value: details.value ?? { users: [], groups: [], roles: [], policies: [] } };
}

/** A policy document as IAM returns it (URL-encoded JSON): parsed, or why it could not be. */
function decodePolicy(
  text: string | undefined,
  what: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
  if (text === undefined || text === '') return { ok: false, detail: `the ${what} came without a document` };
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return { ok: false, detail: `the ${what} is not URL-encoded as IAM returns documents` };
  }
  const parsed = parsePolicyJson(decoded, what);
  if (!parsed.ok) return parsed;
  return parsed.value === null
    ? { ok: false, detail: `the ${what} is empty` }
    : { ok: true, value: parsed.value };
}

/** The inline policies of a principal, or the detail of the first one that does not parse. */
function inlinePoliciesOf(
  list: readonly PolicyDetail[] | undefined,
  owner: string,
): { ok: true; value: InlinePolicy[] } | { ok: false; detail: string } {
  const policies: InlinePolicy[] = [];
  for (const policy of list ?? []) {
    const name = policy.PolicyName ?? '';
    const document = decodePolicy(policy.PolicyDocument, `inline policy ${name} of ${owner}`);
    if (!document.ok) return document;
    policies.push({ name, document: document.value });
  }
  return { ok: true, value: policies };
}

function attachedArns(list: readonly { PolicyArn?: string | undefined }[] | undefined): string[] {
  return (list ?? []).flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : []));
}

/** Roles, groups and managed policies; when the call failed, each kind is a gap (users carry their own). */
function collectPrincipalsAndPolicies(
  ctx: CollectorContext,
  details: Observed<AuthorizationDetails>,
  roleAccess: ReadonlyMap<string, LastAccessed>,
): void {
  if (!details.ok) {
    for (const kind of ['iam.role', 'iam.group', 'iam.managed-policy'] as const)
      ctx.kindGap(kind, details.failure);
    return;
  }
  const { users, groups, roles, policies } = details.value;
  for (const role of roles) {
    const name = role.RoleName ?? '';
    const gaps: Gap[] = [];
    const draft: Draft<'iam.role'> = {
      name: role.RoleName,
      arn: role.Arn,
      path: role.Path,
      createdAt: role.CreateDate?.toISOString(),
      attachedManagedPolicies: attachedArns(role.AttachedManagedPolicies),
      permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
      lastUsedAt: role.RoleLastUsed?.LastUsedDate?.toISOString() ?? null,
      isServiceLinked: role.Path === undefined ? undefined : role.Path.startsWith('/aws-service-role/'),
    };
    const trust = decodePolicy(role.AssumeRolePolicyDocument, `trust policy of role ${name}`);
    if (trust.ok) draft.trustPolicy = trust.value;
    else gaps.push(unexpected('trustPolicy', DETAILS, trust.detail));
    const inline = inlinePoliciesOf(role.RolePolicyList, `role ${name}`);
    if (inline.ok) draft.inlinePolicies = inline.value;
    else gaps.push(unexpected('inlinePolicies', DETAILS, inline.detail));
    const access = role.Arn ? roleAccess.get(role.Arn) : undefined;
    if (access?.ok) draft.servicesLastAccessed = access.value;
    else if (access) gaps.push(access.gap);
    const conformed = conform('iam.role', draft, gaps, ROLE_FIELDS);
    ctx.emit({ kind: 'iam.role', id: name, arn: role.Arn ?? null, tags: tagsOf(role.Tags), ...conformed });
  }

  const members = new Map<string, number>();
  for (const user of users)
    for (const group of user.GroupList ?? []) members.set(group, (members.get(group) ?? 0) + 1);
  for (const group of groups) {
    const name = group.GroupName ?? '';
    const gaps: Gap[] = [];
    const draft: Draft<'iam.group'> = {
      name: group.GroupName,
      attachedManagedPolicies: attachedArns(group.AttachedManagedPolicies),
      memberCount: members.get(name) ?? 0,
    };
    const inline = inlinePoliciesOf(group.GroupPolicyList, `group ${name}`);
    if (inline.ok) draft.inlinePolicies = inline.value;
    else gaps.push(unexpected('inlinePolicies', DETAILS, inline.detail));
    ctx.emit({
      kind: 'iam.group',
      id: name,
      arn: group.Arn ?? null,
      ...conform('iam.group', draft, gaps, GROUP_FIELDS),
    });
  }

  for (const policy of policies) {
    const arn = policy.Arn ?? '';
    const gaps: Gap[] = [];
    const draft: Draft<'iam.managed-policy'> = {
      arn: policy.Arn,
      name: policy.PolicyName,
      awsManaged: policy.Arn === undefined ? undefined : /^arn:[^:]+:iam::aws:policy\//.test(policy.Arn),
      attachmentCount: policy.AttachmentCount,
    };
    const version = (policy.PolicyVersionList ?? []).find((candidate) => candidate.IsDefaultVersion);
    if (version) {
      const document = decodePolicy(version.Document, `default version of policy ${arn}`);
      if (document.ok) draft.defaultVersionDocument = document.value;
      else gaps.push(unexpected('defaultVersionDocument', DETAILS, document.detail));
    } else {
      gaps.push(missing('defaultVersionDocument', DETAILS, 'the response had no default policy version'));
    }
    ctx.emit({
      kind: 'iam.managed-policy',
      id: arn,
      arn: policy.Arn ?? null,
      ...conform('iam.managed-policy', draft, gaps, POLICY_FIELDS),
    });
  }
}

/** The user's attached and inline policies and groups, as the authorization details tell them. */
function userPolicies(
  name: string,
  details: Observed<ReadonlyMap<string, UserDetail>>,
): { attributes: Record<string, unknown>; gaps: Gap[] } {
  if (!details.ok)
    return { attributes: {}, gaps: USER_POLICY_FIELDS.map((field) => details.failure.gap(field)) };
  const detail = details.value.get(name);
  if (!detail) {
    // Created between ListUsers and the authorization details: not seen, not "no policies".
    return {
      attributes: {},
      gaps: USER_POLICY_FIELDS.map((field) =>
        missing(field, DETAILS, 'user not in the account authorization details'),
      ),
    };
  }
  const gaps: Gap[] = [];
  const attributes: Record<string, unknown> = {
    attachedManagedPolicies: attachedArns(detail.AttachedManagedPolicies),
    groups: [...(detail.GroupList ?? [])],
  };
  const inline = inlinePoliciesOf(detail.UserPolicyList, `user ${name}`);
  if (inline.ok) attributes.inlinePolicies = inline.value;
  else gaps.push(unexpected('inlinePolicies', DETAILS, inline.detail));
  return { attributes, gaps };
}

async function collectServerCertificates(ctx: CollectorContext, client: IAMClient): Promise<void> {
  const certificates = await listOrGap(ctx, 'iam.server-certificate', LIST_CERTIFICATES, () =>
    allPages(paginateListServerCertificates({ client }, {}), (page) => page.ServerCertificateMetadataList),
  );
  for (const certificate of certificates ?? []) {
    const draft: Draft<'iam.server-certificate'> = {
      name: certificate.ServerCertificateName,
      arn: certificate.Arn,
      expiration: certificate.Expiration?.toISOString(),
      uploadDate: certificate.UploadDate?.toISOString(),
    };
    ctx.emit({
      kind: 'iam.server-certificate',
      id: certificate.ServerCertificateName ?? '',
      arn: certificate.Arn ?? null,
      ...conform('iam.server-certificate', draft, [], CERTIFICATE_FIELDS),
    });
  }
}

/** The credential report, generated if needed: the one source of MFA, password and key use for every user. */
async function credentialReport(
  ctx: CollectorContext,
  client: IAMClient,
): Promise<Observed<CredentialReportRow[]>> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const generated = await ctx.observe('iam:GenerateCredentialReport', () =>
      client.send(new GenerateCredentialReportCommand({})),
    );
    if (!generated.ok) return generated;
    if (generated.value?.State === 'COMPLETE') break;
    await sleep(Math.min(2_000, 200 * 2 ** attempt));
  }
  const fetched = await ctx.observe('iam:GetCredentialReport', () =>
    client.send(new GetCredentialReportCommand({})),
  );
  if (!fetched.ok) return fetched;
  const content = fetched.value?.Content;
  return { ok: true, value: content ? parseCredentialReport(new TextDecoder().decode(content)) : [] };
}

async function collectPasswordPolicy(ctx: CollectorContext, client: IAMClient): Promise<void> {
  const response = await ctx.observe(
    'iam:GetAccountPasswordPolicy',
    () => client.send(new GetAccountPasswordPolicyCommand({})),
    ['NoSuchEntity', 'NoSuchEntityException'],
  );
  const base = { kind: 'iam.password-policy' as const, id: 'password-policy' };
  if (!response.ok) {
    ctx.emit({ ...base, attributes: {}, gaps: [response.failure.gap('policy')] });
    return;
  }
  const policy = response.value?.PasswordPolicy;
  ctx.emit({
    ...base,
    attributes: {
      policy: policy
        ? {
            minimumPasswordLength: policy.MinimumPasswordLength ?? 6,
            requireSymbols: policy.RequireSymbols ?? false,
            requireNumbers: policy.RequireNumbers ?? false,
            requireUppercaseCharacters: policy.RequireUppercaseCharacters ?? false,
            requireLowercaseCharacters: policy.RequireLowercaseCharacters ?? false,
            allowUsersToChangePassword: policy.AllowUsersToChangePassword ?? false,
            maxPasswordAge: policy.ExpirePasswords ? (policy.MaxPasswordAge ?? null) : null,
            passwordReusePrevention: policy.PasswordReusePrevention ?? null,
            hardExpiry: policy.HardExpiry ?? false,
          }
        : null,
    },
  });
}

async function collectRoot(
  ctx: CollectorContext,
  client: IAMClient,
  report: Observed<CredentialReportRow[]>,
): Promise<void> {
  const arn = `arn:${ctx.partition}:iam::${ctx.account}:root`;
  const attributes: Record<string, unknown> = { arn };
  const gaps: Gap[] = [];
  const row = report.ok ? report.value.find((candidate) => candidate.user === ROOT) : undefined;
  if (row) {
    attributes.mfaActive = reportFlag(row.mfa_active);
    attributes.passwordLastUsed = reportDate(row.password_last_used);
    attributes.accessKeys = [1, 2].flatMap((n) => {
      const active = reportFlag(row[`access_key_${n}_active`]);
      const createdAt = reportDate(row[`access_key_${n}_last_rotated`]);
      if (!active && createdAt === null) return [];
      return [
        {
          id: null,
          status: active ? 'Active' : 'Inactive',
          createdAt,
          lastUsedAt: reportDate(row[`access_key_${n}_last_used_date`]),
        },
      ];
    });
  } else {
    const gap: Gap = report.ok
      ? {
          field: '*',
          reason: 'collection-error',
          action: 'iam:GetCredentialReport',
          detail: 'the report has no root row',
        }
      : report.failure.gap('*');
    // Without the report, the account summary still says whether root has MFA and whether it has any key.
    const summary = await ctx.observe('iam:GetAccountSummary', () =>
      client.send(new GetAccountSummaryCommand({})),
    );
    const counts = summary.ok ? summary.value?.SummaryMap : undefined;
    if (counts?.AccountMFAEnabled !== undefined) attributes.mfaActive = counts.AccountMFAEnabled === 1;
    else gaps.push({ ...gap, field: 'mfaActive' });
    // No key at all is a complete answer; keys that exist need the report for their status and age.
    if (counts?.AccountAccessKeysPresent === 0) attributes.accessKeys = [];
    else gaps.push({ ...gap, field: 'accessKeys' });
    gaps.push({ ...gap, field: 'passwordLastUsed' });
  }
  // Root's MFA is virtual when a virtual device is assigned to root; otherwise an active MFA is hardware.
  const virtual = await ctx.observe('iam:ListVirtualMFADevices', async () => {
    for await (const page of paginateListVirtualMFADevices({ client }, { AssignmentStatus: 'Assigned' })) {
      for (const device of page.VirtualMFADevices ?? []) {
        if (device.User?.Arn === arn || device.SerialNumber?.endsWith(':mfa/root-account-mfa-device'))
          return true;
      }
    }
    return false;
  });
  if (!virtual.ok) gaps.push(virtual.failure.gap('hardwareMfa'));
  else if (typeof attributes.mfaActive === 'boolean')
    attributes.hardwareMfa = attributes.mfaActive ? !virtual.value : null;
  else attributes.hardwareMfa = virtual.value ? false : null;
  ctx.emit({ kind: 'iam.root-user', id: 'root', arn, attributes, gaps });
}

async function collectUsers(
  ctx: CollectorContext,
  client: IAMClient,
  report: Observed<CredentialReportRow[]>,
  details: Observed<AuthorizationDetails>,
): Promise<void> {
  let users: User[];
  try {
    users = await ctx.call('iam:ListUsers', async () => {
      const found: User[] = [];
      for await (const page of paginateListUsers({ client }, {})) found.push(...(page.Users ?? []));
      return found;
    });
  } catch (error) {
    // Only the users are unknown: root and the password policy were read on their own.
    if (!(error instanceof AwsCallFailed)) throw error;
    ctx.kindGap('iam.user', error);
    return;
  }
  const rows = new Map((report.ok ? report.value : []).map((row) => [row.user, row]));
  const failure = report.ok ? null : report.failure;
  const userDetails: Observed<ReadonlyMap<string, UserDetail>> = details.ok
    ? { ok: true, value: new Map(details.value.users.map((detail) => [detail.UserName ?? '', detail])) }
    : details;
  // Started for every user at once; each user waits for its own report only when it is about to be emitted.
  const access = servicesLastAccessedOf(
    ctx,
    client,
    users.flatMap((user) => (user.Arn ? [user.Arn] : [])),
  );
  await Promise.all(
    users.map((user) =>
      collectUser(
        ctx,
        client,
        user,
        rows.get(user.UserName ?? ''),
        failure,
        userPolicies(user.UserName ?? '', userDetails),
        access,
      ),
    ),
  );
}

async function collectUser(
  ctx: CollectorContext,
  client: IAMClient,
  user: User,
  reportRow: CredentialReportRow | undefined,
  reportFailure: AwsCallFailed | null,
  policies: { attributes: Record<string, unknown>; gaps: Gap[] },
  lastAccessed: Promise<ReadonlyMap<string, LastAccessed>>,
): Promise<void> {
  const name = user.UserName ?? '';
  const attributes: Record<string, unknown> = {
    name,
    createdAt: (user.CreateDate ?? new Date(0)).toISOString(),
    ...policies.attributes,
  };
  const gaps: Gap[] = [...policies.gaps];
  if (reportRow) {
    attributes.passwordEnabled = reportFlag(reportRow.password_enabled);
    attributes.passwordLastUsed = reportDate(reportRow.password_last_used);
    attributes.mfaActive = reportFlag(reportRow.mfa_active);
  } else {
    // A failed report leaves no row for anyone; a user created after the report was made has none yet.
    const gap: Gap = reportFailure
      ? reportFailure.gap('*')
      : {
          field: '*',
          reason: 'not-collected',
          action: 'iam:GetCredentialReport',
          detail: 'user not in the credential report yet',
        };
    for (const field of ['passwordEnabled', 'passwordLastUsed', 'mfaActive']) gaps.push({ ...gap, field });
  }

  const [keys, tags] = await Promise.all([
    ctx.observe('iam:ListAccessKeys', () => client.send(new ListAccessKeysCommand({ UserName: name }))),
    ctx.observe('iam:ListUserTags', () => client.send(new ListUserTagsCommand({ UserName: name }))),
  ]);
  if (keys.ok) {
    const accessKeys: AccessKey[] = [];
    for (const key of keys.value?.AccessKeyMetadata ?? []) {
      const createdAt = key.CreateDate ? key.CreateDate.toISOString() : null;
      const lastUsed = await lastUsedOf(ctx, client, key.AccessKeyId ?? '', createdAt, reportRow);
      if (!lastUsed.ok) {
        gaps.push(lastUsed.failure.gap('accessKeys'));
        break;
      }
      accessKeys.push({
        id: key.AccessKeyId ?? null,
        status: key.Status === 'Active' ? 'Active' : 'Inactive',
        createdAt,
        lastUsedAt: lastUsed.value,
      });
    }
    if (!gaps.some((gap) => gap.field === 'accessKeys')) attributes.accessKeys = accessKeys;
  } else {
    gaps.push(keys.failure.gap('accessKeys'));
  }
  const access = (await lastAccessed).get(user.Arn ?? '');
  if (access?.ok) attributes.servicesLastAccessed = access.value;
  else
    gaps.push(
      access?.gap ?? {
        field: 'servicesLastAccessed',
        reason: 'not-collected',
        action: GENERATE_LAST_ACCESSED,
        detail: 'ListUsers gave no ARN for the user',
      },
    );
  const tagList = tags.ok ? (tags.value?.Tags ?? []) : [];
  ctx.emit({
    kind: 'iam.user',
    id: name,
    arn: user.Arn ?? null,
    tags: Object.fromEntries(tagList.map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    attributes,
    gaps,
  });
}

/** When a key was last used: from the report row whose key has the same creation time, else asked of IAM. */
async function lastUsedOf(
  ctx: CollectorContext,
  client: IAMClient,
  keyId: string,
  createdAt: string | null,
  row: CredentialReportRow | undefined,
): Promise<Observed<string | null>> {
  for (const n of [1, 2]) {
    if (row && createdAt !== null && reportDate(row[`access_key_${n}_last_rotated`]) === createdAt) {
      return { ok: true, value: reportDate(row[`access_key_${n}_last_used_date`]) };
    }
  }
  const asked = await ctx.observe('iam:GetAccessKeyLastUsed', () =>
    client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId })),
  );
  if (!asked.ok) return asked;
  const date = asked.value?.AccessKeyLastUsed?.LastUsedDate;
  return { ok: true, value: date ? date.toISOString() : null };
}
