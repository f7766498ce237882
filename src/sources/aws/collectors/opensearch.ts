import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  OpenSearchClient,
  type DomainStatus,
} from '@aws-sdk/client-opensearch';
import type { Gap } from '../../../core/gap.js';
import type { AwsCallFailed } from '../errors.js';
import type { Collector, CollectorContext } from '../collector.js';
import { conform, parsePolicyJson, regionalArn, unexpected, type Draft, type FilledBy } from './support.js';

/** OpenSearch Service kept the IAM prefix of its Elasticsearch days. */
const LIST = 'es:ListDomainNames';
const DESCRIBE = 'es:DescribeDomains';

const FILLED_BY: FilledBy<'opensearch.domain'> = {
  name: LIST,
  arn: DESCRIBE,
  engineVersion: DESCRIBE,
  encryptionAtRest: DESCRIBE,
  nodeToNodeEncryption: DESCRIBE,
  enforceHttps: DESCRIBE,
  tlsSecurityPolicy: DESCRIBE,
  vpc: DESCRIBE,
  logPublishing: DESCRIBE,
  advancedSecurity: DESCRIBE,
  accessPolicies: DESCRIBE,
};
const FROM_DESCRIBE = Object.keys(FILLED_BY).filter((field) => field !== 'name' && field !== 'arn');

/** The most domains one DescribeDomains call accepts. */
const BATCH_SIZE = 5;

export const opensearchCollector: Collector = {
  service: 'opensearch',
  global: false,
  actions: [LIST, DESCRIBE],
  kinds: { 'opensearch.domain': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(OpenSearchClient);
    // ListDomainNames does not page. A failed listing throws out of collect(): the runner records the gap.
    const listed = await ctx.call(LIST, () => client.send(new ListDomainNamesCommand({})));
    const names = (listed.DomainNames ?? []).flatMap((domain) =>
      domain.DomainName ? [domain.DomainName] : [],
    );
    const batches: string[][] = [];
    for (let start = 0; start < names.length; start += BATCH_SIZE)
      batches.push(names.slice(start, start + BATCH_SIZE));
    await Promise.all(batches.map((batch) => collectBatch(ctx, client, batch)));
  },
};

async function collectBatch(ctx: CollectorContext, client: OpenSearchClient, names: string[]): Promise<void> {
  const described = await ctx.observe(DESCRIBE, () =>
    client.send(new DescribeDomainsCommand({ DomainNames: names })),
  );
  if (!described.ok) {
    // Still listed, so still there: each domain of the batch stays in the inventory with its settings unread.
    for (const name of names) emitUnread(ctx, name, described.failure);
    return;
  }
  const statuses = new Map(
    (described.value?.DomainStatusList ?? []).map((status) => [status.DomainName, status]),
  );
  for (const name of names) {
    const status = statuses.get(name);
    // Not described: deleted since the listing. Being deleted: it no longer holds data worth auditing.
    if (!status || status.Deleted === true) continue;
    emitDomain(ctx, name, status);
  }
}

function emitUnread(ctx: CollectorContext, name: string, failure: AwsCallFailed): void {
  const arn = regionalArn(ctx, 'es', `domain/${name}`);
  const draft: Draft<'opensearch.domain'> = { name, arn };
  ctx.emit({
    kind: 'opensearch.domain',
    id: name,
    arn,
    ...conform(
      'opensearch.domain',
      draft,
      FROM_DESCRIBE.map((field) => failure.gap(field)),
      FILLED_BY,
    ),
  });
}

function emitDomain(ctx: CollectorContext, name: string, status: DomainStatus): void {
  const endpoint = status.DomainEndpointOptions;
  const arn = status.ARN ?? regionalArn(ctx, 'es', `domain/${name}`);
  const gaps: Gap[] = [];
  const draft: Draft<'opensearch.domain'> = {
    name,
    arn,
    engineVersion: status.EngineVersion,
    encryptionAtRest: status.EncryptionAtRestOptions?.Enabled,
    nodeToNodeEncryption: status.NodeToNodeEncryptionOptions?.Enabled,
    enforceHttps: endpoint?.EnforceHTTPS,
    // Without endpoint options at all, nothing was said: a gap. With them, no policy is a null policy.
    tlsSecurityPolicy: endpoint ? (endpoint.TLSSecurityPolicy ?? null) : undefined,
    // A domain with a public endpoint has no VPC options, or empty ones.
    vpc: Boolean(status.VPCOptions?.VPCId) || (status.VPCOptions?.SubnetIds ?? []).length > 0,
    logPublishing: Object.entries(status.LogPublishingOptions ?? {})
      .filter(([, option]) => option.Enabled === true)
      .map(([type]) => type)
      .sort(),
    // Engines older than Elasticsearch 6.7 have no fine-grained access control, and no options for it.
    advancedSecurity: status.AdvancedSecurityOptions?.Enabled === true,
  };
  // Blank text is no policy.
  const policy = parsePolicyJson(status.AccessPolicies?.trim(), 'access policy');
  if (policy.ok) draft.accessPolicies = policy.value;
  else gaps.push(unexpected('accessPolicies', DESCRIBE, policy.detail));
  ctx.emit({
    kind: 'opensearch.domain',
    id: name,
    arn,
    ...conform('opensearch.domain', draft, gaps, FILLED_BY),
  });
}
