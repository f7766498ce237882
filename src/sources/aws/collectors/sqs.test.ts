import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { sqsCollector } from './sqs.js';

const sqs = mockClient(SQSClient);
const KINDS = Object.keys(sqsCollector.kinds);

const urlOf = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
const arnOf = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;

const sendFromTopic = (name: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: arnOf(name),
      Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:${REGION}:${ACCOUNT}:alerts` } },
    },
  ],
});

/** GetQueueAttributes (All) for a queue with SSE-SQS on and no policy, with changes. */
function attributesOf(name: string, overrides: Record<string, string | undefined> = {}) {
  const values: Record<string, string | undefined> = {
    QueueArn: arnOf(name),
    ApproximateNumberOfMessages: '0',
    VisibilityTimeout: '30',
    SqsManagedSseEnabled: 'true',
    ...overrides,
  };
  return {
    Attributes: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
  };
}

function oneQueue() {
  sqs.on(ListQueuesCommand).resolves({ QueueUrls: [urlOf('jobs')] });
  sqs.on(GetQueueAttributesCommand).resolves(attributesOf('jobs'));
}

const byName = (sink: CollectionSink, name: string) =>
  sink.resources.find((resource) => resource.attributes.name === name);

describe('sqs collector', () => {
  beforeEach(() => sqs.reset());

  it('reports every queue across pages with its encryption and policy', async () => {
    sqs
      .on(ListQueuesCommand)
      .resolvesOnce({ QueueUrls: [urlOf('jobs')], NextToken: 'page-2' })
      .resolvesOnce({ QueueUrls: [urlOf('events')] });
    sqs.on(GetQueueAttributesCommand, { QueueUrl: urlOf('jobs') }).resolves(attributesOf('jobs'));
    sqs.on(GetQueueAttributesCommand, { QueueUrl: urlOf('events') }).resolves(
      attributesOf('events', {
        SqsManagedSseEnabled: 'false',
        KmsMasterKeyId: 'alias/orders',
        Policy: JSON.stringify(sendFromTopic('events')),
      }),
    );

    const sink = await collectWith(sqsCollector);

    expect(byName(sink, 'jobs')).toEqual({
      kind: 'sqs.queue',
      id: arnOf('jobs'),
      arn: arnOf('jobs'),
      region: REGION,
      attributes: {
        url: urlOf('jobs'),
        arn: arnOf('jobs'),
        name: 'jobs',
        sqsManagedSse: true,
        kmsMasterKeyId: null,
        // No Policy attribute: the queue has no access policy.
        policy: null,
      },
      gaps: [],
    });
    expect(byName(sink, 'events')?.attributes).toMatchObject({
      sqsManagedSse: false,
      kmsMasterKeyId: 'alias/orders',
      policy: sendFromTopic('events'),
    });
    // ListQueues only pages when asked for a page size.
    const calls = sqs.commandCalls(ListQueuesCommand);
    expect(calls[0]?.args[0].input.MaxResults).toBe(1000);
    expect(calls[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sqs.commandCalls(GetQueueAttributesCommand)[0]?.args[0].input.AttributeNames).toEqual(['All']);
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('records a queue with no encryption setting at all as neither SSE-SQS nor KMS, not a gap', async () => {
    sqs.on(ListQueuesCommand).resolves({ QueueUrls: [urlOf('legacy')] });
    sqs.on(GetQueueAttributesCommand).resolves(attributesOf('legacy', { SqsManagedSseEnabled: undefined }));
    const sink = await collectWith(sqsCollector);
    expect(sink.resources[0]).toMatchObject({
      gaps: [],
      attributes: { sqsManagedSse: false, kmsMasterKeyId: null, policy: null },
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without queues as no resources and no gap', async () => {
    // SQS leaves QueueUrls out altogether when there are no queues.
    sqs.on(ListQueuesCommand).resolves({});
    const sink = await collectWith(sqsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListQueues into a gap on the kind, naming the IAM action', async () => {
    sqs.on(ListQueuesCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(sqsCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('sqs.queue', 'access-denied', 'sqs:ListQueues')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a queue whose attributes were denied, named from its URL, with gaps on what they hold', async () => {
    oneQueue();
    sqs.on(GetQueueAttributesCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(sqsCollector);
    const [found] = sink.resources;
    expect(found).toMatchObject({
      id: arnOf('jobs'),
      attributes: { url: urlOf('jobs'), arn: arnOf('jobs'), name: 'jobs' },
    });
    expect(found?.gaps).toEqual(
      ['sqsManagedSse', 'kmsMasterKeyId', 'policy'].map((field) =>
        expect.objectContaining({ field, reason: 'access-denied', action: 'sqs:GetQueueAttributes' }),
      ),
    );
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps encryption and policy as throttled when GetQueueAttributes is throttled for good', async () => {
    oneQueue();
    sqs.on(GetQueueAttributesCommand).rejects(awsError('RequestThrottled', 400));
    const sink = await collectWith(sqsCollector);
    expect(sink.resources[0]?.gaps).toEqual(
      ['sqsManagedSse', 'kmsMasterKeyId', 'policy'].map((field) =>
        expect.objectContaining({ field, reason: 'throttled', action: 'sqs:GetQueueAttributes' }),
      ),
    );
  });

  it('does not report a queue deleted while the scan ran', async () => {
    sqs.on(ListQueuesCommand).resolves({ QueueUrls: [urlOf('jobs'), urlOf('gone')] });
    sqs.on(GetQueueAttributesCommand).resolves(attributesOf('jobs'));
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: urlOf('gone') })
      .rejects(awsError('QueueDoesNotExist', 400));
    const sink = await collectWith(sqsCollector);
    expect(sink.resources.map((resource) => resource.attributes.name)).toEqual(['jobs']);
    expect(sink).toMatchObject({ gaps: [], errors: [] });
  });

  it('declares every action it calls', async () => {
    oneQueue();
    const sink = await collectWith(sqsCollector);
    expect(sink.errors).toEqual([]);
    const called = sqs.calls().map((call) => `sqs:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(sqsCollector.actions));
  });
});
