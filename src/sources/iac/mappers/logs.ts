import type { IacResource } from '../types.js';
import { AttributeBuilder, num, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

// Metric filters are separate resources; the checks that follow them to alarms run on live accounts only.
const FIELDS = ['name', 'retentionInDays', 'kmsKeyId'] as const;

const cloudformation: KindMapper<'logs.log-group'> = {
  kind: 'logs.log-group',
  format: 'cloudformation',
  types: ['AWS::Logs::LogGroup'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'logs.log-group'>(resource);
    builder.set('name', () => nameOf(resource, 'LogGroupName'), ['LogGroupName']);
    // Without RetentionInDays events never expire.
    builder.set('retentionInDays', () => num(p.RetentionInDays) ?? null, ['RetentionInDays']);
    // Without KmsKeyId the group is encrypted with a key CloudWatch Logs owns.
    builder.set('kmsKeyId', () => idOf(p.KmsKeyId, ctx) ?? null, ['KmsKeyId']);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'logs.log-group'> = {
  kind: 'logs.log-group',
  format: 'terraform',
  types: ['aws_cloudwatch_log_group'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'logs.log-group'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    // retention_in_days defaults to 0, which means never expire.
    builder.set(
      'retentionInDays',
      () => {
        const days = num(p.retention_in_days);
        return days === undefined || days === 0 ? null : days;
      },
      ['retention_in_days'],
    );
    builder.set('kmsKeyId', () => idOf(p.kms_key_id, ctx) ?? null, ['kms_key_id']);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
