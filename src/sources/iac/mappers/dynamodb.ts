import type { IacResource } from '../types.js';
import {
  AttributeBuilder,
  block,
  bool,
  get,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

const FIELDS = [
  'name',
  'sseType',
  'kmsKeyArn',
  'pointInTimeRecovery',
  'deletionProtection',
  'billingMode',
] as const;

// BillingMode / billing_mode default to PROVISIONED.
const billingMode = (given: string | undefined): 'PROVISIONED' | 'PAY_PER_REQUEST' =>
  given === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';

const cloudformation: KindMapper<'dynamodb.table'> = {
  kind: 'dynamodb.table',
  format: 'cloudformation',
  types: ['AWS::DynamoDB::Table'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'dynamodb.table'>(resource);
    builder.set('name', () => nameOf(resource, 'TableName'), ['TableName']);
    // SSEEnabled true encrypts with a KMS key (the AWS managed aws/dynamodb unless KMSMasterKeyId names one);
    // false or absent, with the key DynamoDB owns.
    builder.set(
      'sseType',
      () => (bool(get(p, 'SSESpecification', 'SSEEnabled')) === true ? 'KMS' : 'AWS_OWNED'),
      ['SSESpecification', 'SSEEnabled'],
      ['SSESpecification'],
    );
    builder.set(
      'kmsKeyArn',
      () =>
        bool(get(p, 'SSESpecification', 'SSEEnabled')) === true
          ? (idOf(get(p, 'SSESpecification', 'KMSMasterKeyId'), ctx) ?? null)
          : null,
      ['SSESpecification', 'KMSMasterKeyId'],
    );
    // Point-in-time recovery and deletion protection are off unless turned on.
    builder.set(
      'pointInTimeRecovery',
      () => bool(get(p, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')) ?? false,
      ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'],
      ['PointInTimeRecoverySpecification'],
    );
    builder.set('deletionProtection', () => bool(p.DeletionProtectionEnabled) ?? false, [
      'DeletionProtectionEnabled',
    ]);
    builder.set('billingMode', () => billingMode(str(p.BillingMode)), ['BillingMode']);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'dynamodb.table'> = {
  kind: 'dynamodb.table',
  format: 'terraform',
  types: ['aws_dynamodb_table'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'dynamodb.table'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    // server_side_encryption { enabled = true } uses a KMS key (aws/dynamodb unless kms_key_arn names one);
    // without it, the key DynamoDB owns.
    builder.set(
      'sseType',
      () => (bool(get(block(p, 'server_side_encryption'), 'enabled')) === true ? 'KMS' : 'AWS_OWNED'),
      ['server_side_encryption', 0, 'enabled'],
      ['server_side_encryption'],
    );
    builder.set(
      'kmsKeyArn',
      () => {
        const sse = block(p, 'server_side_encryption');
        return bool(get(sse, 'enabled')) === true ? (idOf(get(sse, 'kms_key_arn'), ctx) ?? null) : null;
      },
      ['server_side_encryption', 0, 'kms_key_arn'],
    );
    builder.set(
      'pointInTimeRecovery',
      () => bool(get(block(p, 'point_in_time_recovery'), 'enabled')) ?? false,
      ['point_in_time_recovery', 0, 'enabled'],
      ['point_in_time_recovery'],
    );
    builder.set('deletionProtection', () => bool(p.deletion_protection_enabled) ?? false, [
      'deletion_protection_enabled',
    ]);
    builder.set('billingMode', () => billingMode(str(p.billing_mode)), ['billing_mode']);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
