import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import {
  allPages,
  conform,
  parsePolicyJson,
  regionalArn,
  unexpected,
  type Draft,
  type FilledBy,
} from './support.js';

const LIST = 'sqs:ListQueues';
const ATTRIBUTES = 'sqs:GetQueueAttributes';

const FILLED_BY: FilledBy<'sqs.queue'> = {
  url: LIST,
  arn: LIST,
  name: LIST,
  sqsManagedSse: ATTRIBUTES,
  kmsMasterKeyId: ATTRIBUTES,
  policy: ATTRIBUTES,
};
const FROM_ATTRIBUTES = ['sqsManagedSse', 'kmsMasterKeyId', 'policy'] as const;

/** A queue deleted between the listing and the read (the second code is the query-compatible one). */
const GONE = ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'];
/** ListQueues only pages (and goes past 1,000 queues) when the request sets MaxResults. */
const PAGE_SIZE = 1000;

export const sqsCollector: Collector = {
  service: 'sqs',
  global: false,
  actions: [LIST, ATTRIBUTES],
  kinds: { 'sqs.queue': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(SQSClient);
    // A failed listing throws out of collect(): the runner records a gap on sqs.queue here.
    const urls = await ctx.call(LIST, () =>
      allPages(paginateListQueues({ client, pageSize: PAGE_SIZE }, {}), (page) => page.QueueUrls),
    );
    await Promise.all(urls.map((url) => collectQueue(ctx, client, url)));
  },
};

async function collectQueue(ctx: CollectorContext, client: SQSClient, url: string): Promise<void> {
  const read = await ctx.observe(
    ATTRIBUTES,
    () => client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })),
    GONE,
  );
  // Deleted while the scan ran: it no longer exists.
  if (read.ok && read.value === null) return;

  // https://sqs.<region>.amazonaws.com/<account>/<name>: the URL names the queue and its owner.
  const [owner, name] = new URL(url).pathname.split('/').filter(Boolean).slice(-2);
  const attributes = read.ok ? (read.value?.Attributes ?? {}) : {};
  const arn = attributes.QueueArn ?? (owner && name ? regionalArn(ctx, 'sqs', name, owner) : undefined);
  const draft: Draft<'sqs.queue'> = { url, arn, name };
  const gaps: Gap[] = [];
  if (!read.ok) gaps.push(...FROM_ATTRIBUTES.map((field) => read.failure.gap(field)));
  else {
    // With AttributeNames All, SQS leaves out what is not set: no key, no policy, SSE-SQS off.
    draft.sqsManagedSse = attributes.SqsManagedSseEnabled === 'true';
    draft.kmsMasterKeyId = attributes.KmsMasterKeyId || null;
    // Blank text is no policy.
    const policy = parsePolicyJson(attributes.Policy?.trim());
    if (policy.ok) draft.policy = policy.value;
    else gaps.push(unexpected('policy', ATTRIBUTES, policy.detail));
  }
  ctx.emit({
    kind: 'sqs.queue',
    id: arn ?? url,
    arn: arn ?? null,
    ...conform('sqs.queue', draft, gaps, FILLED_BY),
  });
}
