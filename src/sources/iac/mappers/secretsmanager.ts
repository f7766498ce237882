import type { IacResource, IacValue } from '../types.js';
import { AttributeBuilder, get, num, str, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { resourcePolicy } from './resource-policies.js';
import { idOf, nameOf } from './resource-ids.js';

const FIELDS = ['name', 'kmsKeyId', 'policy', 'rotationEnabled', 'rotationIntervalDays'] as const;

const RATE = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i;

/**
 * Days between rotations, as the live collector counts them: a `rate()` expression is exact and wins (hours
 * rounded up to whole days), else the days after which Secrets Manager rotates; null when the schedule is a
 * `cron()` expression alone (Secrets Manager works the interval out only after deployment).
 */
function intervalDays(scheduleExpression: string | undefined, afterDays: number | undefined): number | null {
  const rate = RATE.exec(scheduleExpression?.trim() ?? '');
  if (rate) {
    const count = Number(rate[1]);
    const days = rate[2]?.toLowerCase().startsWith('hour') ? Math.ceil(count / 24) : count;
    if (days > 0) return days;
  }
  return afterDays !== undefined && Number.isInteger(afterDays) && afterDays > 0 ? afterDays : null;
}

function rotationOf(
  builder: AttributeBuilder<'secretsmanager.secret'>,
  schedule: IacResource | undefined,
  rules: (schedule: IacResource) => IacValue | undefined,
  keys: { expression: string; after: string },
): void {
  // No rotation schedule in the code: the secret does not rotate.
  builder.set('rotationEnabled', () => schedule !== undefined);
  builder.set('rotationIntervalDays', () => {
    if (!schedule) return null;
    const given = rules(schedule);
    return intervalDays(str(get(given, keys.expression)), num(get(given, keys.after)));
  });
  if (schedule) {
    builder.at('rotationEnabled', schedule.location);
    builder.at('rotationIntervalDays', schedule.location);
  }
}

const cloudformation: KindMapper<'secretsmanager.secret'> = {
  kind: 'secretsmanager.secret',
  format: 'cloudformation',
  types: ['AWS::SecretsManager::Secret'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'secretsmanager.secret'>(resource);
    builder.set('name', () => nameOf(resource, 'Name'), ['Name']);
    // Without KmsKeyId the secret uses the AWS managed key aws/secretsmanager, which the live collector shows as null.
    builder.set('kmsKeyId', () => idOf(p.KmsKeyId, ctx) ?? null, ['KmsKeyId']);
    const policies = ctx.attached(resource, ['AWS::SecretsManager::ResourcePolicy'], 'SecretId');
    const attachedPolicy = policies[0];
    builder.set('policy', () =>
      attachedPolicy ? (resourcePolicy(attachedPolicy.properties.ResourcePolicy) ?? null) : null,
    );
    if (attachedPolicy)
      builder.at('policy', attachedPolicy.locate(['ResourcePolicy']) ?? attachedPolicy.location);
    const schedule = ctx.attached(resource, ['AWS::SecretsManager::RotationSchedule'], 'SecretId')[0];
    rotationOf(builder, schedule, (found) => found.properties.RotationRules, {
      expression: 'ScheduleExpression',
      after: 'AutomaticallyAfterDays',
    });
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'secretsmanager.secret'> = {
  kind: 'secretsmanager.secret',
  format: 'terraform',
  types: ['aws_secretsmanager_secret'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'secretsmanager.secret'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    builder.set('kmsKeyId', () => idOf(p.kms_key_id, ctx) ?? null, ['kms_key_id']);
    // aws_secretsmanager_secret_policy (secret_arn) replaces the deprecated inline `policy`.
    const separate = ctx.attached(resource, ['aws_secretsmanager_secret_policy'], 'secret_arn')[0];
    builder.set(
      'policy',
      () => (separate ? resourcePolicy(separate.properties.policy) : resourcePolicy(p.policy)) ?? null,
      ['policy'],
    );
    if (separate) builder.at('policy', separate.locate(['policy']) ?? separate.location);
    const schedule = ctx.attached(resource, ['aws_secretsmanager_secret_rotation'], 'secret_id')[0];
    rotationOf(builder, schedule, (found) => get(found.properties, 'rotation_rules', 0), {
      expression: 'schedule_expression',
      after: 'automatically_after_days',
    });
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
