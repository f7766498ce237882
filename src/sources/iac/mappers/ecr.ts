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
import { resourcePolicy } from './resource-policies.js';
import { idOf, nameOf } from './resource-ids.js';

// `uri` holds the account id and region, known after deployment.
const FIELDS = [
  'name',
  'scanOnPush',
  'tagMutability',
  'encryptionType',
  'kmsKey',
  'policy',
  'hasLifecyclePolicy',
] as const;

type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'MUTABLE_WITH_EXCLUSION' | 'IMMUTABLE_WITH_EXCLUSION';
type EncryptionType = 'AES256' | 'KMS' | 'KMS_DSSE';

// ImageTagMutability / image_tag_mutability default to MUTABLE; encryption to AES256 (ECR).
const tagMutability = (given: string | undefined): TagMutability => (given ?? 'MUTABLE') as TagMutability;
const encryptionType = (given: string | undefined): EncryptionType => (given ?? 'AES256') as EncryptionType;

const cloudformation: KindMapper<'ecr.repository'> = {
  kind: 'ecr.repository',
  format: 'cloudformation',
  types: ['AWS::ECR::Repository'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecr.repository'>(resource);
    builder.set('name', () => nameOf(resource, 'RepositoryName'), ['RepositoryName']);
    // ScanOnPush defaults to false.
    builder.set('scanOnPush', () => bool(get(p, 'ImageScanningConfiguration', 'ScanOnPush')) ?? false, [
      'ImageScanningConfiguration',
      'ScanOnPush',
    ]);
    builder.set('tagMutability', () => tagMutability(str(p.ImageTagMutability)), ['ImageTagMutability']);
    builder.set(
      'encryptionType',
      () => encryptionType(str(get(p, 'EncryptionConfiguration', 'EncryptionType'))),
      ['EncryptionConfiguration', 'EncryptionType'],
    );
    // KMS without a key uses the AWS managed key aws/ecr, which the collector shows as null too.
    builder.set('kmsKey', () => idOf(get(p, 'EncryptionConfiguration', 'KmsKey'), ctx) ?? null, [
      'EncryptionConfiguration',
      'KmsKey',
    ]);
    // CloudFormation writes the repository policy inline (RepositoryPolicyText); none means no policy.
    builder.set('policy', () => resourcePolicy(p.RepositoryPolicyText) ?? null, ['RepositoryPolicyText']);
    builder.set('hasLifecyclePolicy', () => get(p, 'LifecyclePolicy', 'LifecyclePolicyText') !== undefined, [
      'LifecyclePolicy',
    ]);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'ecr.repository'> = {
  kind: 'ecr.repository',
  format: 'terraform',
  types: ['aws_ecr_repository'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecr.repository'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    builder.set(
      'scanOnPush',
      () => bool(get(block(p, 'image_scanning_configuration'), 'scan_on_push')) ?? false,
      ['image_scanning_configuration', 0, 'scan_on_push'],
      ['image_scanning_configuration'],
    );
    builder.set('tagMutability', () => tagMutability(str(p.image_tag_mutability)), ['image_tag_mutability']);
    builder.set(
      'encryptionType',
      () => encryptionType(str(get(block(p, 'encryption_configuration'), 'encryption_type'))),
      ['encryption_configuration', 0, 'encryption_type'],
      ['encryption_configuration'],
    );
    builder.set('kmsKey', () => idOf(get(block(p, 'encryption_configuration'), 'kms_key'), ctx) ?? null, [
      'encryption_configuration',
      0,
      'kms_key',
    ]);
    // aws_ecr_repository_policy and aws_ecr_lifecycle_policy name the repository (`repository`).
    const separate = ctx.attached(resource, ['aws_ecr_repository_policy'], 'repository')[0];
    builder.set('policy', () => (separate ? (resourcePolicy(separate.properties.policy) ?? null) : null));
    if (separate) builder.at('policy', separate.locate(['policy']) ?? separate.location);
    const lifecycle = ctx.attached(resource, ['aws_ecr_lifecycle_policy'], 'repository')[0];
    builder.set('hasLifecyclePolicy', () => lifecycle !== undefined);
    if (lifecycle) builder.at('hasLifecyclePolicy', lifecycle.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
