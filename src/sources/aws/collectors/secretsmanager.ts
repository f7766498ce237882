import {
  GetResourcePolicyCommand,
  paginateListSecrets,
  SecretsManagerClient,
  type RotationRulesType,
} from '@aws-sdk/client-secrets-manager';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector } from '../collector.js';
import { allPages, parsePolicy, tagsOf, unexpected } from './support.js';

type SecretAttributes = AttributesOf<'secretsmanager.secret'>;

export const secretsmanagerCollector: Collector = {
  service: 'secretsmanager',
  global: false,
  actions: ['secretsmanager:ListSecrets', 'secretsmanager:GetResourcePolicy'],
  kinds: {
    'secretsmanager.secret': [
      'name',
      'rotationEnabled',
      'rotationIntervalDays',
      'lastRotatedAt',
      'createdAt',
      'kmsKeyId',
      'policy',
      'lastAccessedAt',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(SecretsManagerClient);
    // ListSecrets carries everything but the resource policy, read per secret. Secrets scheduled for deletion
    // are left out (the API's default): they can no longer be read. A failed page throws out of collect(), and
    // the runner records a gap on secretsmanager.secret here rather than a partial list.
    const secrets = await ctx.call('secretsmanager:ListSecrets', () =>
      allPages(paginateListSecrets({ client }, {}), (page) => page.SecretList),
    );
    await Promise.all(
      secrets.map(async (secret) => {
        const id = secret.ARN ?? secret.Name ?? '';
        const rotationEnabled = secret.RotationEnabled === true;
        const attributes: Partial<SecretAttributes> = {
          name: secret.Name ?? id,
          rotationEnabled,
          // A secret that does not rotate has no interval, whatever rules are left over from when it did.
          rotationIntervalDays: rotationEnabled ? intervalDays(secret.RotationRules) : null,
          lastRotatedAt: secret.LastRotatedDate?.toISOString() ?? null,
          // Null means the default key, aws/secretsmanager.
          kmsKeyId: secret.KmsKeyId ?? null,
          // Secrets Manager records the day only; a secret never read since tracking began has none.
          lastAccessedAt: secret.LastAccessedDate?.toISOString().slice(0, 10) ?? null,
        };
        const gaps: Gap[] = [];
        if (secret.CreatedDate) attributes.createdAt = secret.CreatedDate.toISOString();
        else
          gaps.push(unexpected('createdAt', 'secretsmanager:ListSecrets', 'ListSecrets gave no CreatedDate'));
        const policy = await ctx.observe('secretsmanager:GetResourcePolicy', async () => {
          const output = await client.send(new GetResourcePolicyCommand({ SecretId: id }));
          return parsePolicy(output.ResourcePolicy, 'secret resource policy');
        });
        if (policy.ok) attributes.policy = policy.value;
        else gaps.push(policy.failure.gap('policy'));
        ctx.emit({
          kind: 'secretsmanager.secret',
          id,
          arn: secret.ARN ?? null,
          tags: tagsOf(secret.Tags),
          attributes,
          gaps,
        });
      }),
    );
  },
};

const RATE = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i;

/**
 * Days between rotations, or null when the schedule does not say. A `rate()` expression is exact and wins;
 * otherwise `AutomaticallyAfterDays`, which Secrets Manager also works out from a `cron()` schedule after each
 * rotation. A rate in hours is rounded up to whole days: every 4 hours counts as every day, an upper bound.
 */
function intervalDays(rules: RotationRulesType | undefined): number | null {
  const rate = RATE.exec(rules?.ScheduleExpression?.trim() ?? '');
  if (rate) {
    const count = Number(rate[1]);
    const days = rate[2]?.toLowerCase().startsWith('hour') ? Math.ceil(count / 24) : count;
    if (days > 0) return days;
  }
  const after = rules?.AutomaticallyAfterDays;
  return after !== undefined && Number.isInteger(after) && after > 0 ? after : null;
}
