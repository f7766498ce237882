import {
  GetAccountPasswordPolicyCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
  type UpdateAccountPasswordPolicyCommandInput,
} from '@aws-sdk/client-iam';
import { CHECKS } from '../../checks/index.js';
import type { PasswordPolicy } from '../../core/kinds/iam.js';
import { GLOBAL } from '../../core/resource.js';
import type { Collector } from '../../sources/aws/collector.js';
import { resourcesAt } from './resources.js';
import type { ApiCall, Fix, ParameterValue } from './types.js';

const READ = 'iam:GetAccountPasswordPolicy';
const WRITE = 'iam:UpdateAccountPasswordPolicy';
const EXPIRES = 'iam-password-policy-expires';
/** The checks the fix always satisfies; expiry only when asked for, as CIS and NIST no longer want it. */
const ALWAYS = [
  'iam-password-policy-min-length',
  'iam-password-policy-complexity',
  'iam-password-policy-prevents-reuse',
];

/** A threshold's default, read from the check so the fix and the check never disagree. */
function thresholdOf(checkId: string, name: string): number {
  const value = CHECKS.find((check) => check.id === checkId)?.thresholds[name]?.default;
  if (typeof value !== 'number') throw new Error(`${checkId} has no numeric threshold ${name}`);
  return value;
}

/** Reads only the account password policy (the IAM collector reads all of IAM). */
export const passwordPolicyReader: Collector = {
  service: 'iam',
  global: true,
  actions: [READ],
  kinds: { 'iam.password-policy': ['policy'] },
  async collect(ctx) {
    const client = ctx.client(IAMClient);
    const response = await ctx.observe(READ, () => client.send(new GetAccountPasswordPolicyCommand({})), [
      'NoSuchEntity',
      'NoSuchEntityException',
    ]);
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
  },
};

/**
 * The UpdateAccountPasswordPolicy parameters: every setting the checks require, each existing setting that is
 * stricter kept. The call replaces the whole policy (a parameter left out reverts to IAM's default), so every
 * current setting is carried over. Without a policy, users keep the right to change their own password, as
 * under IAM's default policy.
 */
export function compliantPasswordPolicy(
  current: PasswordPolicy | null,
  withExpiry: boolean,
): Record<string, ParameterValue> {
  const minimumLength = thresholdOf('iam-password-policy-min-length', 'minimumLength');
  const reuse = thresholdOf('iam-password-policy-prevents-reuse', 'reusePrevention');
  const parameters: Record<string, ParameterValue> = {
    MinimumPasswordLength: Math.max(current?.minimumPasswordLength ?? 0, minimumLength),
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    AllowUsersToChangePassword: current?.allowUsersToChangePassword ?? true,
    PasswordReusePrevention: Math.max(current?.passwordReusePrevention ?? 0, reuse),
  };
  const maxAge = withExpiry
    ? Math.min(current?.maxPasswordAge ?? Number.POSITIVE_INFINITY, thresholdOf(EXPIRES, 'days'))
    : current?.maxPasswordAge;
  if (maxAge !== null && maxAge !== undefined) parameters.MaxPasswordAge = maxAge;
  if (current?.hardExpiry) parameters.HardExpiry = true;
  return parameters;
}

export const passwordPolicyFix: Fix = {
  name: 'password-policy',
  summary:
    'sets a CIS-compliant account password policy (14+ characters, all four character types, 24 remembered), keeping stricter existing values',
  checkIds: [...ALWAYS, EXPIRES],
  global: true,
  readers: [passwordPolicyReader],
  writeActions: [WRITE],
  checksFor: (checkId) => (checkId === EXPIRES ? [...ALWAYS, EXPIRES] : ALWAYS),
  plan({ inventory, failing, checkIds, home }): ApiCall[] {
    const [resource] = resourcesAt(
      inventory,
      { account: failing.resource.account, region: GLOBAL },
      'iam.password-policy',
    );
    const current = resource?.attributes.policy;
    if (current === undefined) return [];
    return [
      {
        action: WRITE,
        account: failing.resource.account,
        region: home,
        global: true,
        parameters: compliantPasswordPolicy(current, checkIds.includes(EXPIRES)),
      },
    ];
  },
  async send(call, client) {
    const input = call.parameters as UpdateAccountPasswordPolicyCommandInput;
    await client(IAMClient, call.region).send(new UpdateAccountPasswordPolicyCommand(input));
  },
};
