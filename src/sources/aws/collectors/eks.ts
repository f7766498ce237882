import { DescribeClusterCommand, EKSClient, paginateListClusters, type Cluster } from '@aws-sdk/client-eks';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, incompleteResponse, present, regionalArn } from './support.js';

type ClusterAttributes = AttributesOf<'eks.cluster'>;

const DESCRIBE = 'eks:DescribeCluster';
const DESCRIBED_FIELDS = [
  'version',
  'endpointPublicAccess',
  'endpointPrivateAccess',
  'publicAccessCidrs',
  'secretsEncryption',
  'enabledLogTypes',
] as const;

export const eksCollector: Collector = {
  service: 'eks',
  global: false,
  actions: ['eks:ListClusters', DESCRIBE],
  kinds: { 'eks.cluster': ['name', ...DESCRIBED_FIELDS] },
  async collect(ctx) {
    const client = ctx.client(EKSClient);
    // A failed listing throws out of collect(): the runner records a gap on eks.cluster here.
    const names = await ctx.call('eks:ListClusters', () =>
      allPages(paginateListClusters({ client }, {}), (page) => page.clusters),
    );
    await Promise.all(names.map((name) => collectCluster(ctx, client, name)));
  },
};

async function collectCluster(ctx: CollectorContext, client: EKSClient, name: string): Promise<void> {
  // ResourceNotFoundException: deleted since it was listed, so there is nothing to report.
  const described = await ctx.observe(
    DESCRIBE,
    async () => (await client.send(new DescribeClusterCommand({ name }))).cluster ?? noCluster(name),
    ['ResourceNotFoundException'],
  );
  if (described.ok && described.value === null) return;
  const cluster = described.ok ? described.value : null;
  const attributes: Partial<ClusterAttributes> = { name };
  const gaps: Gap[] = [];
  if (!described.ok) gaps.push(...DESCRIBED_FIELDS.map((field) => described.failure.gap(field)));
  else if (cluster) fill(attributes, gaps, cluster);
  ctx.emit({
    kind: 'eks.cluster',
    id: name,
    arn: cluster?.arn ?? regionalArn(ctx, 'eks', `cluster/${name}`),
    tags: cluster?.tags ?? {},
    attributes,
    gaps,
  });
}

function noCluster(name: string): never {
  throw incompleteResponse(DESCRIBE, `no cluster in the answer for ${name}`);
}

function fill(attributes: Partial<ClusterAttributes>, gaps: Gap[], cluster: Cluster): void {
  present(attributes, gaps, DESCRIBE, 'version', cluster.version);
  const vpc = cluster.resourcesVpcConfig;
  present(attributes, gaps, DESCRIBE, 'endpointPublicAccess', vpc?.endpointPublicAccess);
  present(attributes, gaps, DESCRIBE, 'endpointPrivateAccess', vpc?.endpointPrivateAccess);
  // EKS keeps reporting 0.0.0.0/0 for a private-only endpoint; a public endpoint that is off admits no one.
  if (vpc?.endpointPublicAccess === false) attributes.publicAccessCidrs = [];
  else present(attributes, gaps, DESCRIBE, 'publicAccessCidrs', vpc?.publicAccessCidrs);
  // An encryption configuration names the KMS key. Its `resources` (only ever `secrets`) is deprecated: EKS
  // 1.28+ envelope-encrypts all API data by default, with a key of its own.
  attributes.secretsEncryption = (cluster.encryptionConfig ?? []).some((config) =>
    Boolean(config.provider?.keyArn),
  );
  const enabled = (cluster.logging?.clusterLogging ?? []).filter((setup) => setup.enabled === true);
  attributes.enabledLogTypes = [...new Set(enabled.flatMap((setup) => setup.types ?? []))].sort();
}
