import {
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListStreamsCommand,
  type StreamDescriptionSummary,
} from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import {
  collectedAttributes,
  reloadedAttributes,
  snapshotProblem,
} from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { kinesisCollector } from './kinesis.js';

const kinesis = mockClient(KinesisClient);
const KINDS = Object.keys(kinesisCollector.kinds);

const arnOf = (name: string) => `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

function summary(name: string, overrides: Partial<StreamDescriptionSummary> = {}): StreamDescriptionSummary {
  return {
    StreamName: name,
    StreamARN: arnOf(name),
    StreamStatus: 'ACTIVE',
    RetentionPeriodHours: 24,
    StreamCreationTimestamp: new Date('2026-01-01T00:00:00Z'),
    EnhancedMonitoring: [],
    OpenShardCount: 1,
    EncryptionType: 'KMS',
    KeyId: KEY,
    ...overrides,
  };
}

/** Streams on one page, each described by its summary. */
function account(streams: StreamDescriptionSummary[]) {
  kinesis.on(ListStreamsCommand).resolves({
    StreamNames: streams.map((stream) => stream.StreamName ?? ''),
    StreamSummaries: streams.map((stream) => ({
      StreamName: stream.StreamName,
      StreamARN: stream.StreamARN,
      StreamStatus: 'ACTIVE',
    })),
    HasMoreStreams: false,
  });
  kinesis.on(DescribeStreamSummaryCommand).callsFake((input: { StreamARN?: string; StreamName?: string }) => {
    const found = streams.find(
      (stream) => stream.StreamARN === input.StreamARN || stream.StreamName === input.StreamName,
    );
    if (!found) throw awsError('ResourceNotFoundException', 400);
    return { StreamDescriptionSummary: found };
  });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('kinesis collector', () => {
  beforeEach(() => kinesis.reset());

  it('reports every stream across pages, with every attribute of the kind', async () => {
    account([
      summary('clicks'),
      summary('raw-events', { EncryptionType: 'NONE', KeyId: undefined, RetentionPeriodHours: 168 }),
    ]);
    kinesis
      .on(ListStreamsCommand)
      .resolvesOnce({
        StreamNames: ['clicks'],
        StreamSummaries: [{ StreamName: 'clicks', StreamARN: arnOf('clicks'), StreamStatus: 'ACTIVE' }],
        HasMoreStreams: true,
        NextToken: 'page-2',
      })
      .resolvesOnce({
        StreamNames: ['raw-events'],
        StreamSummaries: [
          { StreamName: 'raw-events', StreamARN: arnOf('raw-events'), StreamStatus: 'ACTIVE' },
        ],
        HasMoreStreams: false,
      });

    const sink = await collectWith(kinesisCollector);

    expect(byId(sink, 'clicks')).toEqual({
      kind: 'kinesis.stream',
      id: 'clicks',
      arn: arnOf('clicks'),
      region: REGION,
      attributes: {
        name: 'clicks',
        arn: arnOf('clicks'),
        encryptionType: 'KMS',
        keyId: KEY,
        retentionHours: 24,
      },
      gaps: [],
    });
    expect(byId(sink, 'raw-events')?.attributes).toMatchObject({
      encryptionType: 'NONE',
      keyId: null,
      retentionHours: 168,
    });
    expect(kinesis.commandCalls(ListStreamsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('describes streams by name when the listing gives names only', async () => {
    account([summary('clicks')]);
    kinesis.on(ListStreamsCommand).resolves({ StreamNames: ['clicks'], HasMoreStreams: false });
    const sink = await collectWith(kinesisCollector);
    expect(kinesis.commandCalls(DescribeStreamSummaryCommand)[0]?.args[0].input).toEqual({
      StreamName: 'clicks',
    });
    expect(byId(sink, 'clicks')).toMatchObject({
      arn: arnOf('clicks'),
      attributes: { encryptionType: 'KMS' },
    });
  });

  it('reports a region without streams as no resources and no gap', async () => {
    account([]);
    const sink = await collectWith(kinesisCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListStreams into a gap on the kind, naming the action', async () => {
    kinesis.on(ListStreamsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(kinesisCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('kinesis.stream', 'access-denied', 'kinesis:ListStreams')]);
  });

  it('keeps a stream whose summary was denied, with gaps on the fields it reads only', async () => {
    account([summary('clicks')]);
    kinesis.on(DescribeStreamSummaryCommand).rejects(awsError('AccessDeniedException', 403));

    const sink = await collectWith(kinesisCollector);

    const [found] = sink.resources;
    expect(found?.attributes).toEqual({ name: 'clicks', arn: arnOf('clicks') });
    expect(found?.gaps?.map((gap) => [gap.field, gap.reason, gap.action])).toEqual([
      ['encryptionType', 'access-denied', 'kinesis:DescribeStreamSummary'],
      ['keyId', 'access-denied', 'kinesis:DescribeStreamSummary'],
      ['retentionHours', 'access-denied', 'kinesis:DescribeStreamSummary'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves out a stream deleted between the listing and its summary', async () => {
    account([]);
    kinesis.on(ListStreamsCommand).resolves({ StreamNames: ['gone'], HasMoreStreams: false });
    const sink = await collectWith(kinesisCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('gaps an encryption type onus does not know rather than guessing', async () => {
    account([summary('clicks', { EncryptionType: 'XTS' as never })]);
    const sink = await collectWith(kinesisCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'encryptionType', reason: 'collection-error' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    account([summary('clicks')]);
    const sink = await collectWith(kinesisCollector);
    expect(sink.errors).toEqual([]);
    const called = kinesis
      .calls()
      .map((call) => `kinesis:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(kinesisCollector.actions));
  });
});
