import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-automatic-failover',
  title: 'ElastiCache replication groups fail over automatically',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must have automatic failover on, so a replica is promoted when the primary fails. Security Hub control ElastiCache.3.',
  risk: 'Without automatic failover, a failed primary node or zone leaves the cache unwritable until someone promotes a replica by hand: an outage for every service that depends on it.',
  severity: 'medium',
  service: 'elasticache',
  domain: 'data',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'automaticFailover', 'multiAZ'],
  remediation: {
    text: 'Add at least one replica, preferably in another Availability Zone, and turn on automatic failover (and Multi-AZ).',
    cli: 'aws elasticache modify-replication-group --replication-group-id <group> --automatic-failover-enabled --multi-az-enabled --apply-immediately',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    NumCacheClusters: 2\n    AutomaticFailoverEnabled: true\n    MultiAZEnabled: true',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  num_cache_clusters         = 2\n  automatic_failover_enabled = true\n  multi_az_enabled           = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, automaticFailover, multiAZ } = group.attributes;
    const evidence = { automaticFailover, multiAZ };
    return automaticFailover === 'enabled'
      ? pass(
          `Replication group ${replicationGroupId} (${engine}) promotes a replica automatically${multiAZ ? ', across Availability Zones' : ''}`,
          evidence,
        )
      : fail(
          `Replication group ${replicationGroupId} (${engine}) has automatic failover ${automaticFailover}: a failed primary stays down until someone steps in`,
          evidence,
        );
  },
});
