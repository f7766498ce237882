import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { snsCollector } from './sns.js';

const sns = mockClient(SNSClient);
const KINDS = Object.keys(snsCollector.kinds);

const arnOf = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;

/** The default access policy SNS gives every topic: only the owner account may use it. */
const ownerOnly = (name: string) => ({
  Version: '2008-10-17',
  Id: '__default_policy_ID',
  Statement: [
    {
      Sid: '__default_statement_ID',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['SNS:Publish', 'SNS:Subscribe'],
      Resource: arnOf(name),
      Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } },
    },
  ],
});

function attributesOf(name: string, overrides: Record<string, string> = {}) {
  return {
    Attributes: {
      TopicArn: arnOf(name),
      Owner: ACCOUNT,
      Policy: JSON.stringify(ownerOnly(name)),
      KmsMasterKeyId: 'alias/aws/sns',
      SubscriptionsConfirmed: '1',
      ...overrides,
    },
  };
}

function oneTopic() {
  sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: arnOf('alerts') }] });
  sns.on(GetTopicAttributesCommand).resolves(attributesOf('alerts'));
}

const byName = (sink: CollectionSink, name: string) =>
  sink.resources.find((resource) => resource.attributes.name === name);

describe('sns collector', () => {
  beforeEach(() => sns.reset());

  it('reports every topic across pages with its encryption key and access policy', async () => {
    sns
      .on(ListTopicsCommand)
      .resolvesOnce({ Topics: [{ TopicArn: arnOf('alerts') }], NextToken: 'page-2' })
      .resolvesOnce({ Topics: [{ TopicArn: arnOf('orders.fifo') }] });
    sns.on(GetTopicAttributesCommand, { TopicArn: arnOf('alerts') }).resolves(attributesOf('alerts'));
    sns
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('orders.fifo') })
      .resolves(attributesOf('orders.fifo', { KmsMasterKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k1' }));

    const sink = await collectWith(snsCollector);

    expect(byName(sink, 'alerts')).toEqual({
      kind: 'sns.topic',
      id: arnOf('alerts'),
      arn: arnOf('alerts'),
      region: REGION,
      attributes: {
        arn: arnOf('alerts'),
        name: 'alerts',
        kmsMasterKeyId: 'alias/aws/sns',
        policy: ownerOnly('alerts'),
        confirmedSubscriptions: 1,
      },
      gaps: [],
    });
    expect(byName(sink, 'orders.fifo')?.attributes.kmsMasterKeyId).toBe(
      'arn:aws:kms:eu-west-1:111122223333:key/k1',
    );
    expect(sns.commandCalls(ListTopicsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('records an unencrypted topic with kmsMasterKeyId null, not a gap', async () => {
    sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: arnOf('plain') }] });
    const { Attributes } = attributesOf('plain');
    const { KmsMasterKeyId: _none, ...unencrypted } = Attributes;
    sns.on(GetTopicAttributesCommand).resolves({ Attributes: unencrypted });
    const sink = await collectWith(snsCollector);
    expect(sink.resources[0]).toMatchObject({ gaps: [], attributes: { kmsMasterKeyId: null } });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without topics as no resources and no gap', async () => {
    sns.on(ListTopicsCommand).resolves({ Topics: [] });
    const sink = await collectWith(snsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListTopics into a gap on the kind, naming the IAM action', async () => {
    sns.on(ListTopicsCommand).rejects(awsError('AuthorizationError', 403));
    const sink = await collectWith(snsCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('sns.topic', 'access-denied', 'sns:ListTopics')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a topic whose attributes were denied, with gaps on its key and policy', async () => {
    oneTopic();
    sns.on(GetTopicAttributesCommand).rejects(awsError('AuthorizationError', 403));
    const sink = await collectWith(snsCollector);
    const [found] = sink.resources;
    expect(found?.attributes).toEqual({ arn: arnOf('alerts'), name: 'alerts' });
    expect(found?.gaps).toEqual(
      ['kmsMasterKeyId', 'policy', 'confirmedSubscriptions'].map((field) =>
        expect.objectContaining({ field, reason: 'access-denied', action: 'sns:GetTopicAttributes' }),
      ),
    );
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps key and policy as throttled when GetTopicAttributes is throttled for good', async () => {
    oneTopic();
    sns.on(GetTopicAttributesCommand).rejects(awsError('Throttling', 400));
    const sink = await collectWith(snsCollector);
    expect(sink.resources[0]?.gaps).toEqual(
      ['kmsMasterKeyId', 'policy', 'confirmedSubscriptions'].map((field) =>
        expect.objectContaining({ field, reason: 'throttled', action: 'sns:GetTopicAttributes' }),
      ),
    );
  });

  it('gaps a policy that is not JSON, and keeps the key', async () => {
    oneTopic();
    sns.on(GetTopicAttributesCommand).resolves(attributesOf('alerts', { Policy: '{not json' }));
    const sink = await collectWith(snsCollector);
    expect(sink.resources[0]).toMatchObject({
      attributes: { kmsMasterKeyId: 'alias/aws/sns' },
      gaps: [expect.objectContaining({ field: 'policy', reason: 'collection-error' })],
    });
    expect(sink.resources[0]?.attributes).not.toHaveProperty('policy');
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('does not report a topic deleted while the scan ran', async () => {
    sns
      .on(ListTopicsCommand)
      .resolves({ Topics: [{ TopicArn: arnOf('alerts') }, { TopicArn: arnOf('gone') }] });
    sns.on(GetTopicAttributesCommand).resolves(attributesOf('alerts'));
    // The query protocol's code for a topic that does not exist is NotFound.
    sns
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('gone') })
      .rejects(Object.assign(awsError('NotFoundException', 404), { Code: 'NotFound' }));
    const sink = await collectWith(snsCollector);
    expect(sink.resources.map((resource) => resource.attributes.name)).toEqual(['alerts']);
    expect(sink).toMatchObject({ gaps: [], errors: [] });
  });

  it('declares every action it calls', async () => {
    oneTopic();
    const sink = await collectWith(snsCollector);
    expect(sink.errors).toEqual([]);
    const called = sns.calls().map((call) => `sns:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(snsCollector.actions));
  });
  it('records a topic nobody confirmed a subscription to as 0, and a missing count as a gap', async () => {
    sns
      .on(ListTopicsCommand)
      .resolves({ Topics: [{ TopicArn: arnOf('alerts') }, { TopicArn: arnOf('odd') }] });
    sns
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('alerts') })
      .resolves(attributesOf('alerts', { SubscriptionsConfirmed: '0' }));
    const { SubscriptionsConfirmed: _none, ...withoutCount } = attributesOf('odd').Attributes;
    sns.on(GetTopicAttributesCommand, { TopicArn: arnOf('odd') }).resolves({ Attributes: withoutCount });
    const sink = await collectWith(snsCollector);
    expect(byName(sink, 'alerts')).toMatchObject({ gaps: [], attributes: { confirmedSubscriptions: 0 } });
    expect(byName(sink, 'odd')?.attributes).not.toHaveProperty('confirmedSubscriptions');
    expect(byName(sink, 'odd')?.gaps).toEqual([
      expect.objectContaining({ field: 'confirmedSubscriptions', action: 'sns:GetTopicAttributes' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
