import { GetTopicAttributesCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import {
  allPages,
  conform,
  missing,
  parsePolicyJson,
  unexpected,
  type Draft,
  type FilledBy,
} from './support.js';

const LIST = 'sns:ListTopics';
const ATTRIBUTES = 'sns:GetTopicAttributes';

const FILLED_BY: FilledBy<'sns.topic'> = {
  arn: LIST,
  name: LIST,
  kmsMasterKeyId: ATTRIBUTES,
  policy: ATTRIBUTES,
  confirmedSubscriptions: ATTRIBUTES,
};
const FROM_ATTRIBUTES = ['kmsMasterKeyId', 'policy', 'confirmedSubscriptions'] as const;

/** A topic deleted between the listing and the read (`NotFound` in the query protocol). */
const GONE = ['NotFound', 'NotFoundException'];

export const snsCollector: Collector = {
  service: 'sns',
  global: false,
  actions: [LIST, ATTRIBUTES],
  kinds: { 'sns.topic': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(SNSClient);
    // A failed listing throws out of collect(): the runner records a gap on sns.topic here.
    const arns = await ctx.call(LIST, () =>
      allPages(paginateListTopics({ client }, {}), (page) =>
        (page.Topics ?? []).flatMap((topic) => (topic.TopicArn ? [topic.TopicArn] : [])),
      ),
    );
    await Promise.all(arns.map((arn) => collectTopic(ctx, client, arn)));
  },
};

async function collectTopic(ctx: CollectorContext, client: SNSClient, arn: string): Promise<void> {
  const read = await ctx.observe(
    ATTRIBUTES,
    () => client.send(new GetTopicAttributesCommand({ TopicArn: arn })),
    GONE,
  );
  // Deleted while the scan ran: it no longer exists.
  if (read.ok && read.value === null) return;

  const draft: Draft<'sns.topic'> = { arn, name: arn.split(':').pop() };
  const gaps: Gap[] = [];
  if (!read.ok) gaps.push(...FROM_ATTRIBUTES.map((field) => read.failure.gap(field)));
  else {
    const attributes = read.value?.Attributes ?? {};
    // No KmsMasterKeyId means the topic is not encrypted at rest.
    draft.kmsMasterKeyId = attributes.KmsMasterKeyId || null;
    // Blank text is no policy.
    const policy = parsePolicyJson(attributes.Policy?.trim());
    if (policy.ok) draft.policy = policy.value;
    else gaps.push(unexpected('policy', ATTRIBUTES, policy.detail));
    // A count SNS did not give is unknown, not zero: "nobody is notified" must not be guessed.
    const confirmed = attributes.SubscriptionsConfirmed;
    if (confirmed === undefined) gaps.push(missing('confirmedSubscriptions', ATTRIBUTES));
    else if (/^\d+$/.test(confirmed)) draft.confirmedSubscriptions = Number(confirmed);
    else gaps.push(unexpected('confirmedSubscriptions', ATTRIBUTES, `SubscriptionsConfirmed ${confirmed}`));
  }
  ctx.emit({ kind: 'sns.topic', id: arn, arn, ...conform('sns.topic', draft, gaps, FILLED_BY) });
}
