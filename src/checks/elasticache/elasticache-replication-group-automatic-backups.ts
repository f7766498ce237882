import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-automatic-backups',
  title: 'ElastiCache replication groups take automatic backups',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must take daily automatic snapshots and keep them for at least `minRetentionDays` days. Security Hub control ElastiCache.1 (whose default is one day).',
  risk: 'Without automatic backups, a flush, a bad deployment or a ransomware-style wipe of the cache cannot be undone, and data kept only in the cache is lost.',
  severity: 'high',
  service: 'elasticache',
  domain: 'data',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'snapshotRetentionLimit'],
  thresholds: {
    minRetentionDays: {
      default: 1,
      description: 'The fewest days automatic snapshots must be kept (ElastiCache allows up to 35).',
    },
  },
  remediation: {
    text: 'Set a snapshot retention limit of at least the required number of days, and a snapshot window outside peak hours.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <group> --snapshot-retention-limit 7 --apply-immediately',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    SnapshotRetentionLimit: 7',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  snapshot_retention_limit = 7\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
  },
  evaluate(group, ctx) {
    const { replicationGroupId, engine, snapshotRetentionLimit } = group.attributes;
    const { minRetentionDays } = ctx.thresholds;
    const evidence = { snapshotRetentionLimit, minRetentionDays };
    if (snapshotRetentionLimit === 0) {
      return fail(`Replication group ${replicationGroupId} (${engine}) takes no automatic backups`, evidence);
    }
    return snapshotRetentionLimit >= minRetentionDays
      ? pass(
          `Replication group ${replicationGroupId} (${engine}) keeps automatic backups for ${snapshotRetentionLimit} days`,
          evidence,
        )
      : fail(
          `Replication group ${replicationGroupId} (${engine}) keeps automatic backups for ${snapshotRetentionLimit} days, fewer than ${minRetentionDays}`,
          evidence,
        );
  },
});
