import {
  DescribeLoadBalancerAttributesCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type Listener,
  type LoadBalancer,
  type LoadBalancerAttribute,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Gap } from '../../../core/gap.js';
import type { LoadBalancerListener } from '../../../core/kinds/app.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, conform, type Draft, type FilledBy } from './support.js';

const LIST = 'elasticloadbalancing:DescribeLoadBalancers';
const LISTENERS = 'elasticloadbalancing:DescribeListeners';
const ATTRIBUTES = 'elasticloadbalancing:DescribeLoadBalancerAttributes';

const FILLED_BY: FilledBy<'elbv2.load-balancer'> = {
  arn: LIST,
  name: LIST,
  type: LIST,
  scheme: LIST,
  listeners: LISTENERS,
  dropInvalidHeaderFields: ATTRIBUTES,
  accessLogsEnabled: ATTRIBUTES,
  deletionProtection: ATTRIBUTES,
};
const SETTINGS = ['dropInvalidHeaderFields', 'accessLogsEnabled', 'deletionProtection'] as const;

/** A load balancer deleted between the listing and a read of it. */
const GONE = ['LoadBalancerNotFound', 'LoadBalancerNotFoundException'];
const PAGE_SIZE = 400;

export const elbv2Collector: Collector = {
  service: 'elbv2',
  global: false,
  actions: [LIST, LISTENERS, ATTRIBUTES],
  kinds: { 'elbv2.load-balancer': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client);
    // A failed listing throws out of collect(): the runner records a gap on elbv2.load-balancer here.
    const balancers = await ctx.call(LIST, () =>
      allPages(
        paginateDescribeLoadBalancers({ client, pageSize: PAGE_SIZE }, {}),
        (page) => page.LoadBalancers,
      ),
    );
    await Promise.all(balancers.map((balancer) => collectLoadBalancer(ctx, client, balancer)));
  },
};

async function collectLoadBalancer(
  ctx: CollectorContext,
  client: ElasticLoadBalancingV2Client,
  balancer: LoadBalancer,
): Promise<void> {
  const arn = balancer.LoadBalancerArn;
  if (!arn) return;
  const [listeners, attributes] = await Promise.all([
    ctx.observe(
      LISTENERS,
      () =>
        allPages(
          paginateDescribeListeners({ client, pageSize: PAGE_SIZE }, { LoadBalancerArn: arn }),
          (page) => page.Listeners,
        ),
      GONE,
    ),
    ctx.observe(
      ATTRIBUTES,
      () => client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
      GONE,
    ),
  ]);
  // Deleted while the scan ran: it no longer exists, so there is nothing to report.
  if ((listeners.ok && listeners.value === null) || (attributes.ok && attributes.value === null)) return;

  const type = balancer.Type;
  const draft: Draft<'elbv2.load-balancer'> = {
    arn,
    name: balancer.LoadBalancerName,
    type,
    scheme: balancer.Scheme,
  };
  const gaps: Gap[] = [];
  if (!listeners.ok) gaps.push(listeners.failure.gap('listeners'));
  else draft.listeners = (listeners.value ?? []).map(listenerOf);
  if (!attributes.ok) gaps.push(...SETTINGS.map((field) => attributes.failure.gap(field)));
  else {
    const settings = settingsOf(attributes.value?.Attributes ?? []);
    // Each setting exists on some types only; on the others it does not apply (null), which is not a gap.
    draft.dropInvalidHeaderFields = appliesTo(type, ['application'], () =>
      settings('routing.http.drop_invalid_header_fields.enabled'),
    );
    draft.accessLogsEnabled = appliesTo(type, ['application', 'network'], () =>
      settings('access_logs.s3.enabled'),
    );
    draft.deletionProtection = settings('deletion_protection.enabled');
  }
  ctx.emit({
    kind: 'elbv2.load-balancer',
    id: arn,
    arn,
    ...conform('elbv2.load-balancer', draft, gaps, FILLED_BY),
  });
}

function listenerOf(listener: Listener): LoadBalancerListener {
  return {
    port: listener.Port ?? null,
    protocol: listener.Protocol ?? null,
    sslPolicy: listener.SslPolicy ?? null,
    defaultActionRedirectsToHttps: (listener.DefaultActions ?? []).some(
      (action) => action.Type === 'redirect' && action.RedirectConfig?.Protocol === 'HTTPS',
    ),
  };
}

/** Reads boolean attributes by key; undefined when the response did not carry the key (a gap, not false). */
function settingsOf(attributes: LoadBalancerAttribute[]): (key: string) => boolean | undefined {
  const values = new Map(attributes.map((attribute) => [attribute.Key, attribute.Value]));
  return (key) => {
    const value = values.get(key);
    return value === 'true' ? true : value === 'false' ? false : undefined;
  };
}

function appliesTo(
  type: LoadBalancer['Type'],
  types: readonly NonNullable<LoadBalancer['Type']>[],
  read: () => boolean | undefined,
): boolean | null | undefined {
  if (type === undefined) return undefined;
  return types.includes(type) ? read() : null;
}
