import type { IacResource } from '../types.js';
import { AttributeBuilder, bool, get, str, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { resourcePolicy } from './resource-policies.js';

/**
 * The key policy KMS gives a key created without one: the account (its root principal) may do everything,
 * and IAM policies decide the rest (KMS "Default key policy"). The account is unknown before deployment; the
 * inventory files code under the account `iac`, and the policy names that same account.
 */
export const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::iac:root' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};

/** Fields common to both languages. */
const FIELDS = [
  'keyId',
  'description',
  'keyManager',
  'keySpec',
  'keyUsage',
  'keyState',
  'origin',
  'rotationEnabled',
  'policy',
] as const;

/** Code creates keys Enabled or Disabled; PendingDeletion is reached only by scheduling a deletion later. */
const NOT_ON_CODE = ['kms-key-not-pending-deletion'];

const cloudformation: KindMapper<'kms.key'> = {
  kind: 'kms.key',
  format: 'cloudformation',
  types: ['AWS::KMS::Key'],
  fields: FIELDS,
  notOnCode: NOT_ON_CODE,
  map(resource: IacResource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'kms.key'>(resource);
    // The key id is generated at creation: the logical id stands for it.
    builder.set('keyId', () => resource.address);
    builder.set('description', () => str(p.Description) ?? '', ['Description']);
    // Every key a template creates is a customer managed key.
    builder.set('keyManager', () => 'CUSTOMER');
    // KeySpec defaults to SYMMETRIC_DEFAULT, KeyUsage to ENCRYPT_DECRYPT, Origin to AWS_KMS (AWS::KMS::Key).
    builder.set('keySpec', () => str(p.KeySpec) ?? 'SYMMETRIC_DEFAULT', ['KeySpec']);
    builder.set('keyUsage', () => str(p.KeyUsage) ?? 'ENCRYPT_DECRYPT', ['KeyUsage']);
    builder.set('origin', () => str(p.Origin) ?? 'AWS_KMS', ['Origin']);
    // A new key is Enabled unless `Enabled: false` creates it Disabled; PendingDeletion only comes from a later
    // ScheduleKeyDeletion (PendingWindowInDays is the waiting period if that happens, not a state). An EXTERNAL
    // key waits for its key material (PendingImport).
    builder.set(
      'keyState',
      () => {
        if (bool(p.Enabled) === false) return 'Disabled';
        return str(p.Origin) === 'EXTERNAL' ? 'PendingImport' : 'Enabled';
      },
      ['Enabled'],
    );
    // EnableKeyRotation defaults to false.
    builder.set('rotationEnabled', () => bool(p.EnableKeyRotation) ?? false, ['EnableKeyRotation']);
    // KeyPolicy is optional: without it KMS applies the default key policy.
    builder.set('policy', () => resourcePolicy(p.KeyPolicy) ?? DEFAULT_KEY_POLICY, ['KeyPolicy']);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'kms.key'> = {
  kind: 'kms.key',
  format: 'terraform',
  types: ['aws_kms_key'],
  fields: FIELDS,
  notOnCode: NOT_ON_CODE,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'kms.key'>(resource);
    builder.set('keyId', () => resource.address);
    builder.set('description', () => str(p.description) ?? '', ['description']);
    builder.set('keyManager', () => 'CUSTOMER');
    // customer_master_key_spec defaults to SYMMETRIC_DEFAULT, key_usage to ENCRYPT_DECRYPT; aws_kms_key always
    // creates AWS_KMS keys (imported material is aws_kms_external_key).
    builder.set('keySpec', () => str(p.customer_master_key_spec) ?? 'SYMMETRIC_DEFAULT', [
      'customer_master_key_spec',
    ]);
    builder.set('keyUsage', () => str(p.key_usage) ?? 'ENCRYPT_DECRYPT', ['key_usage']);
    builder.set('origin', () => 'AWS_KMS');
    // is_enabled defaults to true; a key only becomes PendingDeletion after a destroy, which code does not hold.
    builder.set('keyState', () => (bool(p.is_enabled) === false ? 'Disabled' : 'Enabled'), ['is_enabled']);
    // enable_key_rotation defaults to false.
    builder.set('rotationEnabled', () => bool(p.enable_key_rotation) ?? false, ['enable_key_rotation']);
    // aws_kms_key_policy replaces the key's policy; without either, KMS applies the default key policy.
    const separate = ctx.attached(resource, ['aws_kms_key_policy'], 'key_id');
    const source = separate[0];
    builder.set(
      'policy',
      () =>
        (source ? resourcePolicy(get(source.properties, 'policy')) : resourcePolicy(p.policy)) ??
        DEFAULT_KEY_POLICY,
      ['policy'],
    );
    if (source) builder.at('policy', source.locate(['policy']) ?? source.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
