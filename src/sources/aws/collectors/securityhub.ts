import {
  DescribeHubCommand,
  paginateGetEnabledStandards,
  SecurityHubClient,
  type DescribeHubCommandOutput,
  type StandardsSubscription,
} from '@aws-sdk/client-securityhub';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { STANDARDS_STATUSES } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';
import { errorCode } from '../errors.js';
import { allPages, missing, regionalArn } from './support.js';

type HubAttributes = AttributesOf<'securityhub.hub'>;
type Standard = HubAttributes['standards'][number];

const DESCRIBE = 'securityhub:DescribeHub';
const STANDARDS = 'securityhub:GetEnabledStandards';

/** What the calls answer when Security Hub is not enabled in the region. */
const NOT_SUBSCRIBED = 'not-subscribed';

export const securityhubCollector: Collector = {
  service: 'securityhub',
  global: false,
  actions: [DESCRIBE, STANDARDS],
  kinds: { 'securityhub.hub': ['enabled', 'subscribedAt', 'standards'] },
  async collect(ctx) {
    const client = ctx.client(SecurityHubClient);
    const attributes: Partial<HubAttributes> = {};
    const gaps: Gap[] = [];
    let arn: string | null = null;

    const hub = await ctx.observe(DESCRIBE, () =>
      orNotSubscribed(() => client.send(new DescribeHubCommand({}))),
    );
    if (!hub.ok) gaps.push(hub.failure.gap('enabled'), hub.failure.gap('subscribedAt'));
    else if (hub.value === NOT_SUBSCRIBED || !hub.value) {
      attributes.enabled = false;
      attributes.subscribedAt = null;
    } else {
      attributes.enabled = true;
      arn = hub.value.HubArn ?? regionalArn(ctx, 'securityhub', 'hub/default');
      const subscribedAt = isoTimestamp(hub.value.SubscribedAt);
      if (subscribedAt) attributes.subscribedAt = subscribedAt;
      else gaps.push(missing('subscribedAt', DESCRIBE, `no valid SubscribedAt (${hub.value.SubscribedAt})`));
    }

    // A region known to be off has no standards; otherwise (even when DescribeHub failed) they are asked for.
    if (attributes.enabled === false) attributes.standards = [];
    else {
      const standards = await ctx.observe(STANDARDS, () =>
        orNotSubscribed(() =>
          allPages(paginateGetEnabledStandards({ client }, {}), (page) => page.StandardsSubscriptions),
        ),
      );
      if (!standards.ok) gaps.push(standards.failure.gap('standards'));
      else if (standards.value === NOT_SUBSCRIBED || !standards.value) attributes.standards = [];
      else {
        const read = standardsOf(standards.value);
        if (typeof read === 'string') gaps.push(missing('standards', STANDARDS, read));
        else attributes.standards = read;
      }
    }

    ctx.emit({ kind: 'securityhub.hub', id: ctx.region, arn, attributes, gaps });
  },
};

/**
 * The call's answer, or NOT_SUBSCRIBED for the one error that means Security Hub is off in the region:
 * `InvalidAccessException` saying "Account <id> is not subscribed to AWS Security Hub". The same code also
 * means the account may not perform the action, so any other InvalidAccessException stays a failure (a gap).
 */
async function orNotSubscribed<T>(send: () => Promise<T>): Promise<T | typeof NOT_SUBSCRIBED> {
  try {
    return await send();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      errorCode(error) === 'InvalidAccessException' &&
      /is not subscribed to (AWS )?Security Hub/i.test(message)
    )
      return NOT_SUBSCRIBED;
    throw error;
  }
}

/** The enabled standards, or why they could not be read. */
function standardsOf(subscriptions: readonly StandardsSubscription[]): Standard[] | string {
  const standards: Standard[] = [];
  for (const subscription of subscriptions) {
    const { StandardsArn: arn, StandardsStatus: status } = subscription;
    if (!arn) return 'a standards subscription without StandardsArn';
    if (!status || !(STANDARDS_STATUSES as readonly string[]).includes(status))
      return `unrecognized status ${status} for ${arn}`;
    standards.push({ arn, status });
  }
  return standards;
}

function isoTimestamp(value: DescribeHubCommandOutput['SubscribedAt']): string | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
