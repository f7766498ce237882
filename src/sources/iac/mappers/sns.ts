import type { IacResource } from '../types.js';
import { AttributeBuilder, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { attachedThrough, mergedPolicy, resourcePolicy } from './resource-policies.js';
import { idOf, nameOf } from './resource-ids.js';

/**
 * The access policy SNS gives a topic created without one: the owner account may use and manage it
 * (`__default_policy_ID`, conditioned on AWS:SourceOwner). The account is unknown before deployment; the
 * inventory files code under the account `iac`.
 */
export const DEFAULT_TOPIC_POLICY = {
  Version: '2008-10-17',
  Id: '__default_policy_ID',
  Statement: [
    {
      Sid: '__default_statement_ID',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'SNS:GetTopicAttributes',
        'SNS:SetTopicAttributes',
        'SNS:AddPermission',
        'SNS:RemovePermission',
        'SNS:DeleteTopic',
        'SNS:Subscribe',
        'SNS:ListSubscriptionsByTopic',
        'SNS:Publish',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'AWS:SourceOwner': 'iac' } },
    },
  ],
};

const FIELDS = ['name', 'kmsMasterKeyId', 'policy'] as const;

const cloudformation: KindMapper<'sns.topic'> = {
  kind: 'sns.topic',
  format: 'cloudformation',
  types: ['AWS::SNS::Topic'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'sns.topic'>(resource);
    builder.set('name', () => nameOf(resource, 'TopicName'), ['TopicName']);
    // Without KmsMasterKeyId the topic is not encrypted at rest.
    builder.set('kmsMasterKeyId', () => idOf(p.KmsMasterKeyId, ctx) ?? null, ['KmsMasterKeyId']);
    // AWS::SNS::TopicPolicy (Topics: [!Ref Topic]) replaces the default policy; several are merged. The
    // newer inline AWS::SNS::TopicInlinePolicy (TopicArn) works the same way.
    const policies = [
      ...attachedThrough(ctx, resource, ['AWS::SNS::TopicPolicy'], 'Topics'),
      ...ctx.attached(resource, ['AWS::SNS::TopicInlinePolicy'], 'TopicArn'),
    ];
    builder.set('policy', () => {
      const documents = policies.flatMap<Record<string, unknown>>(
        (attached) => resourcePolicy(attached.properties.PolicyDocument) ?? [],
      );
      return mergedPolicy(documents) ?? DEFAULT_TOPIC_POLICY;
    });
    const first = policies[0];
    if (first) builder.at('policy', first.locate(['PolicyDocument']) ?? first.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'sns.topic'> = {
  kind: 'sns.topic',
  format: 'terraform',
  types: ['aws_sns_topic'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'sns.topic'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    builder.set('kmsMasterKeyId', () => idOf(p.kms_master_key_id, ctx) ?? null, ['kms_master_key_id']);
    // aws_sns_topic_policy (arn = the topic's ARN) replaces the inline `policy`; neither means SNS's default.
    const separate = ctx.attached(resource, ['aws_sns_topic_policy'], 'arn')[0];
    builder.set(
      'policy',
      () =>
        (separate ? resourcePolicy(separate.properties.policy) : resourcePolicy(p.policy)) ??
        DEFAULT_TOPIC_POLICY,
      ['policy'],
    );
    if (separate) builder.at('policy', separate.locate(['policy']) ?? separate.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
