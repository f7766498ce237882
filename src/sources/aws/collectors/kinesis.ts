import { DescribeStreamSummaryCommand, KinesisClient, paginateListStreams } from '@aws-sdk/client-kinesis';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, conform, regionalArn, type Draft, type FilledBy } from './support.js';

const LIST = 'kinesis:ListStreams';
const DESCRIBE = 'kinesis:DescribeStreamSummary';

const FILLED_BY: FilledBy<'kinesis.stream'> = {
  name: LIST,
  arn: LIST,
  encryptionType: DESCRIBE,
  keyId: DESCRIBE,
  retentionHours: DESCRIBE,
};
const FROM_DESCRIBE = ['encryptionType', 'keyId', 'retentionHours'] as const;

/** A stream deleted between the listing and the read. */
const GONE = ['ResourceNotFoundException'];
/** The most streams ListStreams returns per page. */
const PAGE_SIZE = 100;

interface ListedStream {
  name: string;
  arn: string | undefined;
}

export const kinesisCollector: Collector = {
  service: 'kinesis',
  global: false,
  actions: [LIST, DESCRIBE],
  kinds: { 'kinesis.stream': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(KinesisClient);
    // A failed listing throws out of collect(): the runner records a gap on kinesis.stream here.
    const streams = await ctx.call(LIST, () =>
      allPages(paginateListStreams({ client, pageSize: PAGE_SIZE }, {}), listedStreams),
    );
    await Promise.all(streams.map((stream) => collectStream(ctx, client, stream)));
  },
};

/** Newer answers carry summaries with ARNs; the names alone are what older ones (and some SDK mocks) give. */
function listedStreams(page: {
  StreamNames?: string[] | undefined;
  StreamSummaries?: { StreamName?: string | undefined; StreamARN?: string | undefined }[] | undefined;
}): ListedStream[] {
  if (page.StreamSummaries && page.StreamSummaries.length > 0)
    return page.StreamSummaries.flatMap((summary) =>
      summary.StreamName ? [{ name: summary.StreamName, arn: summary.StreamARN }] : [],
    );
  return (page.StreamNames ?? []).map((name) => ({ name, arn: undefined }));
}

async function collectStream(
  ctx: CollectorContext,
  client: KinesisClient,
  stream: ListedStream,
): Promise<void> {
  const described = await ctx.observe(
    DESCRIBE,
    async () =>
      (
        await client.send(
          new DescribeStreamSummaryCommand(
            stream.arn ? { StreamARN: stream.arn } : { StreamName: stream.name },
          ),
        )
      ).StreamDescriptionSummary,
    GONE,
  );
  // Deleted while the scan ran: it no longer exists.
  if (described.ok && described.value === null) return;

  const summary = described.ok ? described.value : undefined;
  const arn = stream.arn ?? summary?.StreamARN ?? regionalArn(ctx, 'kinesis', `stream/${stream.name}`);
  const draft: Draft<'kinesis.stream'> = { name: stream.name, arn };
  const gaps: Gap[] = [];
  if (!described.ok) gaps.push(...FROM_DESCRIBE.map((field) => described.failure.gap(field)));
  else {
    draft.encryptionType = summary?.EncryptionType;
    // Only a KMS stream names a key.
    draft.keyId = summary?.KeyId ?? null;
    draft.retentionHours = summary?.RetentionPeriodHours;
  }
  ctx.emit({
    kind: 'kinesis.stream',
    id: stream.name,
    arn,
    ...conform('kinesis.stream', draft, gaps, FILLED_BY),
  });
}
