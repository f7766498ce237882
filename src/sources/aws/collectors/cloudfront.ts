import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  paginateListDistributions,
  type DistributionSummary,
} from '@aws-sdk/client-cloudfront';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, conform, type Draft, type FilledBy } from './support.js';

const LIST = 'cloudfront:ListDistributions';
const CONFIG = 'cloudfront:GetDistributionConfig';

const FILLED_BY: FilledBy<'cloudfront.distribution'> = {
  id: LIST,
  domainName: LIST,
  enabled: LIST,
  viewerProtocolPolicies: LIST,
  minimumProtocolVersion: LIST,
  originProtocolPolicies: LIST,
  webAclId: LIST,
  // The summaries ListDistributions returns leave out logging and the default root object.
  loggingEnabled: CONFIG,
  defaultRootObject: CONFIG,
};
const FROM_CONFIG = ['loggingEnabled', 'defaultRootObject'] as const;

/** CloudFront's control plane lives in us-east-1; in other partitions, ask the partition's home region. */
const CONTROL_REGION = 'us-east-1';

export const cloudfrontCollector: Collector = {
  service: 'cloudfront',
  global: true,
  actions: [LIST, CONFIG],
  kinds: { 'cloudfront.distribution': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(CloudFrontClient, ctx.partition === 'aws' ? CONTROL_REGION : ctx.region);
    // A failed listing throws out of collect(): the runner records a gap on cloudfront.distribution.
    const distributions = await ctx.call(LIST, () =>
      allPages(paginateListDistributions({ client }, {}), (page) => page.DistributionList?.Items),
    );
    await Promise.all(distributions.map((summary) => collectDistribution(ctx, client, summary)));
  },
};

async function collectDistribution(
  ctx: CollectorContext,
  client: CloudFrontClient,
  summary: DistributionSummary,
): Promise<void> {
  const id = summary.Id;
  if (!id) return;
  const config = await ctx.observe(CONFIG, () => client.send(new GetDistributionConfigCommand({ Id: id })), [
    'NoSuchDistribution',
  ]);
  // Deleted while the scan ran: it no longer exists.
  if (config.ok && config.value === null) return;

  const draft: Draft<'cloudfront.distribution'> = {
    id,
    domainName: summary.DomainName,
    enabled: summary.Enabled,
    viewerProtocolPolicies: viewerProtocolPoliciesOf(summary),
    minimumProtocolVersion: summary.ViewerCertificate?.MinimumProtocolVersion,
    originProtocolPolicies: summary.Origins
      ? (summary.Origins.Items ?? []).flatMap((origin) => {
          const custom = origin.CustomOriginConfig;
          if (!custom) return [];
          return [
            {
              originId: origin.Id,
              domainName: origin.DomainName,
              policy: custom.OriginProtocolPolicy,
              sslProtocols: custom.OriginSslProtocols?.Items ?? [],
            },
          ];
        })
      : undefined,
    // ListDistributions gives an empty string when no web ACL is associated.
    webAclId: summary.WebACLId === undefined ? undefined : summary.WebACLId || null,
  };
  const gaps: Gap[] = [];
  if (!config.ok) gaps.push(...FROM_CONFIG.map((field) => config.failure.gap(field)));
  else {
    const distribution = config.value?.DistributionConfig;
    if (distribution) {
      // No Logging block means standard logging was never configured.
      draft.loggingEnabled = distribution.Logging?.Enabled === true;
      draft.defaultRootObject = distribution.DefaultRootObject || null;
    }
  }
  const arn = summary.ARN ?? `arn:${ctx.partition}:cloudfront::${ctx.account}:distribution/${id}`;
  ctx.emit({
    kind: 'cloudfront.distribution',
    id,
    arn,
    ...conform('cloudfront.distribution', draft, gaps, FILLED_BY),
  });
}

/** The default cache behavior (path pattern null), then the others in CloudFront's order of precedence. */
function viewerProtocolPoliciesOf(
  summary: DistributionSummary,
): Draft<'cloudfront.distribution'>['viewerProtocolPolicies'] {
  const fallback = summary.DefaultCacheBehavior;
  if (!fallback || !summary.CacheBehaviors) return undefined;
  return [
    { pathPattern: null, policy: fallback.ViewerProtocolPolicy },
    ...(summary.CacheBehaviors.Items ?? []).map((behavior) => ({
      pathPattern: behavior.PathPattern,
      policy: behavior.ViewerProtocolPolicy,
    })),
  ];
}
