import {
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeReplicationGroups,
  type CacheCluster,
  type ReplicationGroup,
} from '@aws-sdk/client-elasticache';
import type { Collector, CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';
import { allPages, conform, listOrGap, regionalArn, type FilledBy } from './support.js';

const LIST_GROUPS = 'elasticache:DescribeReplicationGroups';
const LIST_CLUSTERS = 'elasticache:DescribeCacheClusters';

const GROUP_FILLED_BY: FilledBy<'elasticache.replication-group'> = {
  replicationGroupId: LIST_GROUPS,
  engine: LIST_GROUPS,
  atRestEncryptionEnabled: LIST_GROUPS,
  transitEncryptionEnabled: LIST_GROUPS,
  transitEncryptionMode: LIST_GROUPS,
  authTokenEnabled: LIST_GROUPS,
  userGroupIds: LIST_GROUPS,
  automaticFailover: LIST_GROUPS,
  multiAZ: LIST_GROUPS,
  snapshotRetentionLimit: LIST_GROUPS,
  kmsKeyId: LIST_GROUPS,
  autoMinorVersionUpgrade: LIST_GROUPS,
  // Only the nodes say where they run.
  cacheSubnetGroupName: LIST_CLUSTERS,
};

const CLUSTER_FILLED_BY: FilledBy<'elasticache.cache-cluster'> = {
  cacheClusterId: LIST_CLUSTERS,
  engine: LIST_CLUSTERS,
  engineVersion: LIST_CLUSTERS,
  autoMinorVersionUpgrade: LIST_CLUSTERS,
  snapshotRetentionLimit: LIST_CLUSTERS,
  transitEncryptionEnabled: LIST_CLUSTERS,
  atRestEncryptionEnabled: LIST_CLUSTERS,
  cacheSubnetGroupName: LIST_CLUSTERS,
};

/** The most records ElastiCache returns per page. */
const PAGE_SIZE = 100;

export const elasticacheCollector: Collector = {
  service: 'elasticache',
  global: false,
  actions: [LIST_GROUPS, LIST_CLUSTERS],
  kinds: {
    'elasticache.replication-group': Object.keys(GROUP_FILLED_BY),
    'elasticache.cache-cluster': Object.keys(CLUSTER_FILLED_BY),
  },
  async collect(ctx) {
    const client = ctx.client(ElastiCacheClient);
    // Each listing stands alone: a denied DescribeCacheClusters leaves the replication groups observed.
    const [groups, clusters] = await Promise.all([
      listOrGap(ctx, 'elasticache.replication-group', LIST_GROUPS, () =>
        allPages(
          paginateDescribeReplicationGroups({ client, pageSize: PAGE_SIZE }, {}),
          (page) => page.ReplicationGroups,
        ),
      ),
      listClusters(ctx, client),
    ]);
    emitReplicationGroups(ctx, groups ?? [], clusters);
    emitCacheClusters(ctx, clusters instanceof AwsCallFailed ? [] : clusters);
  },
};

/** Every cache cluster, nodes of replication groups included; a failure is a gap on the kind, and returned. */
async function listClusters(
  ctx: CollectorContext,
  client: ElastiCacheClient,
): Promise<CacheCluster[] | AwsCallFailed> {
  try {
    return await ctx.call(LIST_CLUSTERS, () =>
      allPages(
        paginateDescribeCacheClusters({ client, pageSize: PAGE_SIZE }, {}),
        (page) => page.CacheClusters,
      ),
    );
  } catch (error) {
    if (!(error instanceof AwsCallFailed)) throw error;
    ctx.kindGap('elasticache.cache-cluster', error);
    return error;
  }
}

function emitReplicationGroups(
  ctx: CollectorContext,
  groups: readonly ReplicationGroup[],
  clusters: readonly CacheCluster[] | AwsCallFailed,
): void {
  // Older answers leave the engine and the upgrade setting off the group; its nodes still carry them.
  const nodeOfGroup = new Map<string, CacheCluster>();
  for (const cluster of clusters instanceof AwsCallFailed ? [] : clusters) {
    if (cluster.ReplicationGroupId) nodeOfGroup.set(cluster.ReplicationGroupId, cluster);
  }
  for (const group of groups) {
    const id = group.ReplicationGroupId;
    if (!id) continue;
    ctx.emit({
      kind: 'elasticache.replication-group',
      id,
      arn: group.ARN ?? regionalArn(ctx, 'elasticache', `replicationgroup:${id}`),
      ...conform(
        'elasticache.replication-group',
        replicationGroupDraft(id, group, nodeOfGroup.get(id)),
        clusters instanceof AwsCallFailed ? [clusters.gap('cacheSubnetGroupName')] : [],
        GROUP_FILLED_BY,
      ),
    });
  }
}

function replicationGroupDraft(id: string, group: ReplicationGroup, node: CacheCluster | undefined) {
  const transitEncryptionEnabled = group.TransitEncryptionEnabled;
  return {
    replicationGroupId: id,
    engine: group.Engine ?? node?.Engine,
    atRestEncryptionEnabled: group.AtRestEncryptionEnabled,
    transitEncryptionEnabled,
    // The mode only means something while TLS is on; a group older than the setting answers without it.
    transitEncryptionMode:
      transitEncryptionEnabled === undefined
        ? undefined
        : transitEncryptionEnabled
          ? (group.TransitEncryptionMode ?? null)
          : null,
    authTokenEnabled: group.AuthTokenEnabled,
    userGroupIds: group.UserGroupIds ?? [],
    automaticFailover: group.AutomaticFailover,
    multiAZ: group.MultiAZ === undefined ? undefined : group.MultiAZ === 'enabled',
    snapshotRetentionLimit: group.SnapshotRetentionLimit,
    kmsKeyId: group.KmsKeyId ?? null,
    autoMinorVersionUpgrade: group.AutoMinorVersionUpgrade ?? node?.AutoMinorVersionUpgrade,
    cacheSubnetGroupName: node?.CacheSubnetGroupName,
  };
}

function emitCacheClusters(ctx: CollectorContext, clusters: readonly CacheCluster[]): void {
  for (const cluster of clusters) {
    const id = cluster.CacheClusterId;
    // A node of a replication group takes its settings from the group, which is reported on its own.
    if (!id || cluster.ReplicationGroupId) continue;
    ctx.emit({
      kind: 'elasticache.cache-cluster',
      id,
      arn: cluster.ARN ?? regionalArn(ctx, 'elasticache', `cluster:${id}`),
      ...conform('elasticache.cache-cluster', cacheClusterDraft(id, cluster), [], CLUSTER_FILLED_BY),
    });
  }
}

function cacheClusterDraft(id: string, cluster: CacheCluster) {
  return {
    cacheClusterId: id,
    engine: cluster.Engine,
    engineVersion: cluster.EngineVersion,
    autoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade,
    // Memcached keeps no snapshots, so it has no retention to report.
    snapshotRetentionLimit:
      cluster.Engine === 'memcached'
        ? (cluster.SnapshotRetentionLimit ?? null)
        : cluster.SnapshotRetentionLimit,
    transitEncryptionEnabled: cluster.TransitEncryptionEnabled,
    atRestEncryptionEnabled: cluster.AtRestEncryptionEnabled,
    cacheSubnetGroupName: cluster.CacheSubnetGroupName,
  };
}
