import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-cache-cluster-auto-minor-version-upgrade',
  title: 'ElastiCache cache clusters apply minor version upgrades automatically',
  description:
    'Every ElastiCache cache cluster outside a replication group (Memcached, single-node Redis OSS) must have auto minor version upgrade on, so engine patches are applied in its maintenance window. Security Hub control ElastiCache.2.',
  risk: 'A cluster pinned to its minor version keeps known engine vulnerabilities until someone upgrades it by hand, which tends not to happen.',
  severity: 'high',
  service: 'elasticache',
  domain: 'compute',
  kind: 'elasticache.cache-cluster',
  scope: 'resource',
  reads: ['cacheClusterId', 'engine', 'engineVersion', 'autoMinorVersionUpgrade'],
  remediation: {
    text: 'Turn on auto minor version upgrade and set a maintenance window when a short restart is acceptable.',
    cli: 'aws elasticache modify-cache-cluster --cache-cluster-id <cluster> --auto-minor-version-upgrade --apply-immediately',
    cloudformation:
      'CacheCluster:\n  Type: AWS::ElastiCache::CacheCluster\n  Properties:\n    # ...\n    AutoMinorVersionUpgrade: true',
    terraform:
      'resource "aws_elasticache_cluster" "this" {\n  # ...\n  auto_minor_version_upgrade = "true"\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
  },
  evaluate(cluster) {
    const { cacheClusterId, engine, engineVersion, autoMinorVersionUpgrade } = cluster.attributes;
    return autoMinorVersionUpgrade
      ? pass(
          `Cache cluster ${cacheClusterId} (${engine} ${engineVersion}) upgrades minor versions automatically`,
          {
            autoMinorVersionUpgrade,
          },
        )
      : fail(
          `Cache cluster ${cacheClusterId} (${engine} ${engineVersion}) has auto minor version upgrade off`,
          {
            autoMinorVersionUpgrade,
          },
        );
  },
});
