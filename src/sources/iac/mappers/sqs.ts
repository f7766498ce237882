import type { IacResource } from '../types.js';
import { AttributeBuilder, bool, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { attachedThrough, mergedPolicy, resourcePolicy } from './resource-policies.js';
import { idOf, nameOf } from './resource-ids.js';

const FIELDS = ['name', 'sqsManagedSse', 'kmsMasterKeyId', 'policy'] as const;

/**
 * SSE-SQS: queues created since October 2022 (API, CloudFormation, Terraform alike) are encrypted with SQS
 * owned keys unless they name a KMS key (then SSE-KMS replaces it) or turn it off explicitly.
 */
function managedSse(explicit: boolean | undefined, kmsKey: string | null): boolean {
  if (kmsKey !== null) return false;
  return explicit ?? true;
}

const cloudformation: KindMapper<'sqs.queue'> = {
  kind: 'sqs.queue',
  format: 'cloudformation',
  types: ['AWS::SQS::Queue'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'sqs.queue'>(resource);
    builder.set('name', () => nameOf(resource, 'QueueName'), ['QueueName']);
    builder.set('kmsMasterKeyId', () => idOf(p.KmsMasterKeyId, ctx) ?? null, ['KmsMasterKeyId']);
    builder.set(
      'sqsManagedSse',
      () => managedSse(bool(p.SqsManagedSseEnabled), idOf(p.KmsMasterKeyId, ctx) ?? null),
      ['SqsManagedSseEnabled'],
      ['KmsMasterKeyId'],
    );
    // AWS::SQS::QueuePolicy (Queues: [!Ref Queue], the queue URLs); the newer AWS::SQS::QueueInlinePolicy
    // (Queue). A queue without either has no policy.
    const policies = [
      ...attachedThrough(ctx, resource, ['AWS::SQS::QueuePolicy'], 'Queues'),
      ...ctx.attached(resource, ['AWS::SQS::QueueInlinePolicy'], 'Queue'),
    ];
    builder.set('policy', () =>
      mergedPolicy(
        policies.flatMap<Record<string, unknown>>(
          (attached) => resourcePolicy(attached.properties.PolicyDocument) ?? [],
        ),
      ),
    );
    const first = policies[0];
    if (first) builder.at('policy', first.locate(['PolicyDocument']) ?? first.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'sqs.queue'> = {
  kind: 'sqs.queue',
  format: 'terraform',
  types: ['aws_sqs_queue'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'sqs.queue'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    builder.set('kmsMasterKeyId', () => idOf(p.kms_master_key_id, ctx) ?? null, ['kms_master_key_id']);
    builder.set(
      'sqsManagedSse',
      () => managedSse(bool(p.sqs_managed_sse_enabled), idOf(p.kms_master_key_id, ctx) ?? null),
      ['sqs_managed_sse_enabled'],
      ['kms_master_key_id'],
    );
    // aws_sqs_queue_policy (queue_url = the queue's id, which is its URL) replaces the inline `policy`.
    const separate = ctx.attached(resource, ['aws_sqs_queue_policy'], 'queue_url')[0];
    builder.set(
      'policy',
      () => (separate ? resourcePolicy(separate.properties.policy) : resourcePolicy(p.policy)) ?? null,
      ['policy'],
    );
    if (separate) builder.at('policy', separate.locate(['policy']) ?? separate.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
