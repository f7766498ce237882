import type { IacResource } from '../types.js';
import { AttributeBuilder, get, num, str, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

// `arn` holds the account id and region, known after deployment.
const FIELDS = ['name', 'encryptionType', 'keyId', 'retentionHours'] as const;

const encryptionType = (given: string | undefined): 'NONE' | 'KMS' => (given === 'KMS' ? 'KMS' : 'NONE');

const cloudformation: KindMapper<'kinesis.stream'> = {
  kind: 'kinesis.stream',
  format: 'cloudformation',
  types: ['AWS::Kinesis::Stream'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'kinesis.stream'>(resource);
    builder.set('name', () => nameOf(resource, 'Name'), ['Name']);
    // Without StreamEncryption records are stored unencrypted.
    builder.set(
      'encryptionType',
      () => encryptionType(str(get(p, 'StreamEncryption', 'EncryptionType'))),
      ['StreamEncryption', 'EncryptionType'],
      ['StreamEncryption'],
    );
    builder.set(
      'keyId',
      () =>
        str(get(p, 'StreamEncryption', 'EncryptionType')) === 'KMS'
          ? (idOf(get(p, 'StreamEncryption', 'KeyId'), ctx) ?? null)
          : null,
      ['StreamEncryption', 'KeyId'],
    );
    // RetentionPeriodHours defaults to 24.
    builder.set('retentionHours', () => num(p.RetentionPeriodHours) ?? 24, ['RetentionPeriodHours']);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'kinesis.stream'> = {
  kind: 'kinesis.stream',
  format: 'terraform',
  types: ['aws_kinesis_stream'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'kinesis.stream'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    // encryption_type defaults to NONE.
    builder.set('encryptionType', () => encryptionType(str(p.encryption_type)), ['encryption_type']);
    builder.set(
      'keyId',
      () => (str(p.encryption_type) === 'KMS' ? (idOf(p.kms_key_id, ctx) ?? null) : null),
      ['kms_key_id'],
    );
    // retention_period defaults to 24 hours.
    builder.set('retentionHours', () => num(p.retention_period) ?? 24, ['retention_period']);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
