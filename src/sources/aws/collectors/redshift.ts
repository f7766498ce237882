import {
  DescribeLoggingStatusCommand,
  paginateDescribeClusterParameters,
  paginateDescribeClusters,
  RedshiftClient,
  type Cluster,
} from '@aws-sdk/client-redshift';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import {
  allPages,
  conform,
  incompleteResponse,
  missing,
  regionalArn,
  tagsOf,
  type FilledBy,
} from './support.js';

const LIST = 'redshift:DescribeClusters';
const LOGGING = 'redshift:DescribeLoggingStatus';
const PARAMETERS = 'redshift:DescribeClusterParameters';

const FILLED_BY: FilledBy<'redshift.cluster'> = {
  clusterIdentifier: LIST,
  encrypted: LIST,
  kmsKeyId: LIST,
  publiclyAccessible: LIST,
  requireSsl: PARAMETERS,
  loggingEnabled: LOGGING,
  enhancedVpcRouting: LIST,
  allowVersionUpgrade: LIST,
  automatedSnapshotRetentionPeriod: LIST,
};

/** The most records Redshift returns per page. */
const PAGE_SIZE = 100;

export const redshiftCollector: Collector = {
  service: 'redshift',
  global: false,
  actions: [LIST, LOGGING, PARAMETERS],
  kinds: { 'redshift.cluster': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(RedshiftClient);
    // A failed listing throws out of collect(): the runner records a gap on redshift.cluster here.
    const clusters = await ctx.call(LIST, () =>
      allPages(paginateDescribeClusters({ client, pageSize: PAGE_SIZE }, {}), (page) => page.Clusters),
    );
    // Clusters often share a parameter group (the default one): each group is read once.
    const groupNames = [...new Set(clusters.flatMap(parameterGroupsOf))].sort();
    const requireSslByGroup = new Map(
      await Promise.all(
        groupNames.map(
          async (name) => [name, await ctx.observe(PARAMETERS, () => requireSslOf(client, name))] as const,
        ),
      ),
    );
    await Promise.all(clusters.map((cluster) => collectCluster(ctx, client, cluster, requireSslByGroup)));
  },
};

function parameterGroupsOf(cluster: Cluster): string[] {
  return (cluster.ClusterParameterGroups ?? []).flatMap((group) =>
    group.ParameterGroupName ? [group.ParameterGroupName] : [],
  );
}

/** The group's `require_ssl`; a group without the parameter is an answer onus cannot read. */
async function requireSslOf(client: RedshiftClient, name: string): Promise<boolean> {
  for await (const page of paginateDescribeClusterParameters(
    { client, pageSize: PAGE_SIZE },
    { ParameterGroupName: name },
  )) {
    const parameter = page.Parameters?.find((candidate) => candidate.ParameterName === 'require_ssl');
    if (parameter) return parameter.ParameterValue?.toLowerCase() === 'true';
  }
  throw incompleteResponse(PARAMETERS, `parameter group ${name} has no require_ssl parameter`);
}

async function collectCluster(
  ctx: CollectorContext,
  client: RedshiftClient,
  cluster: Cluster,
  requireSslByGroup: ReadonlyMap<string, Observed<boolean | null>>,
): Promise<void> {
  const id = cluster.ClusterIdentifier;
  if (!id) return;
  const gaps: Gap[] = [];
  const logging = await ctx.observe(LOGGING, async () => {
    const output = await client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id }));
    return output.LoggingEnabled;
  });
  let loggingEnabled: boolean | undefined;
  if (!logging.ok) gaps.push(logging.failure.gap('loggingEnabled'));
  else if (typeof logging.value === 'boolean') loggingEnabled = logging.value;
  const requireSsl = requireSslOfCluster(parameterGroupsOf(cluster), requireSslByGroup, gaps);
  ctx.emit({
    kind: 'redshift.cluster',
    id,
    arn: regionalArn(ctx, 'redshift', `cluster:${id}`),
    tags: tagsOf(cluster.Tags),
    ...conform(
      'redshift.cluster',
      {
        clusterIdentifier: id,
        encrypted: cluster.Encrypted,
        kmsKeyId: cluster.KmsKeyId ?? null,
        publiclyAccessible: cluster.PubliclyAccessible,
        requireSsl,
        loggingEnabled,
        enhancedVpcRouting: cluster.EnhancedVpcRouting,
        allowVersionUpgrade: cluster.AllowVersionUpgrade,
        automatedSnapshotRetentionPeriod: cluster.AutomatedSnapshotRetentionPeriod,
      },
      gaps,
      FILLED_BY,
    ),
  });
}

/** TLS is required only if every parameter group of the cluster says so; one unreadable group leaves a gap. */
function requireSslOfCluster(
  groups: readonly string[],
  requireSslByGroup: ReadonlyMap<string, Observed<boolean | null>>,
  gaps: Gap[],
): boolean | undefined {
  if (groups.length === 0) {
    gaps.push(missing('requireSsl', LIST, 'the cluster listed no parameter group'));
    return undefined;
  }
  let required = true;
  for (const name of groups) {
    const read = requireSslByGroup.get(name);
    if (!read) return undefined;
    if (!read.ok) {
      gaps.push(read.failure.gap('requireSsl'));
      return undefined;
    }
    if (read.value !== true) required = false;
  }
  return required;
}
