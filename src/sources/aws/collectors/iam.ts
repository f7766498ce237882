import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  paginateListUsers,
  paginateListVirtualMFADevices,
  type User,
} from '@aws-sdk/client-iam';
import type { Gap } from '../../../core/gap.js';
import type { AccessKey } from '../../../core/kinds/iam.js';
import { sleep } from '../limits.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import { AwsCallFailed } from '../errors.js';
import {
  parseCredentialReport,
  reportDate,
  reportFlag,
  type CredentialReportRow,
} from './credential-report.js';

const ROOT = '<root_account>';

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
  ],
  kinds: {
    'iam.root-user': ['arn', 'mfaActive', 'hardwareMfa', 'accessKeys', 'passwordLastUsed'],
    'iam.user': ['name', 'createdAt', 'passwordEnabled', 'passwordLastUsed', 'mfaActive', 'accessKeys'],
    'iam.password-policy': ['policy'],
  },
  async collect(ctx) {
    const client = ctx.client(IAMClient);
    const report = await credentialReport(ctx, client);
    await Promise.all([
      collectPasswordPolicy(ctx, client),
      collectRoot(ctx, client, report),
      collectUsers(ctx, client, report),
    ]);
  },
};

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
  await Promise.all(
    users.map((user) => collectUser(ctx, client, user, rows.get(user.UserName ?? ''), failure)),
  );
}

async function collectUser(
  ctx: CollectorContext,
  client: IAMClient,
  user: User,
  reportRow: CredentialReportRow | undefined,
  reportFailure: AwsCallFailed | null,
): Promise<void> {
  const name = user.UserName ?? '';
  const attributes: Record<string, unknown> = {
    name,
    createdAt: (user.CreateDate ?? new Date(0)).toISOString(),
  };
  const gaps: Gap[] = [];
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
