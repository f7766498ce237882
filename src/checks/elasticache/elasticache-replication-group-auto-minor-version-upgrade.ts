import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-auto-minor-version-upgrade',
  title: 'ElastiCache replication groups apply minor version upgrades automatically',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must have auto minor version upgrade on, so engine patches are applied to its nodes in the maintenance window. Security Hub control ElastiCache.2, which evaluates every node; here each group is reported once.',
  risk: 'A group pinned to its minor version keeps known engine vulnerabilities until someone upgrades it by hand, which tends not to happen.',
  severity: 'high',
  service: 'elasticache',
  domain: 'compute',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'autoMinorVersionUpgrade'],
  remediation: {
    text: 'Turn on auto minor version upgrade and set a maintenance window when a failover to an upgraded replica is acceptable.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <group> --auto-minor-version-upgrade --apply-immediately',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    AutoMinorVersionUpgrade: true',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  auto_minor_version_upgrade = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, autoMinorVersionUpgrade } = group.attributes;
    return autoMinorVersionUpgrade
      ? pass(`Replication group ${replicationGroupId} (${engine}) upgrades minor versions automatically`, {
          autoMinorVersionUpgrade,
        })
      : fail(`Replication group ${replicationGroupId} (${engine}) has auto minor version upgrade off`, {
          autoMinorVersionUpgrade,
        });
  },
});
