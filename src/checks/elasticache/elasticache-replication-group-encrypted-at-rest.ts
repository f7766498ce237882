import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-encrypted-at-rest',
  title: 'ElastiCache replication groups are encrypted at rest',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must encrypt its data at rest: the snapshots it takes, and what it swaps or syncs to disk. Security Hub control ElastiCache.4.',
  risk: 'Without encryption at rest, cached data (sessions, tokens, personal data) lands unencrypted in backups and on disk, where a copied snapshot or a mishandled volume exposes it without any key being needed.',
  severity: 'medium',
  service: 'elasticache',
  domain: 'data',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'atRestEncryptionEnabled'],
  remediation: {
    text: 'Encryption at rest can only be chosen when a group is created: take a snapshot, create a new group from it with encryption at rest on (with a customer managed KMS key if you need to control access to it), move clients to the new endpoint, then delete the old group.',
    cli: 'aws elasticache create-replication-group --replication-group-id <new-group> --replication-group-description <description> --engine redis --cache-node-type <node-type> --snapshot-name <snapshot> --at-rest-encryption-enabled --kms-key-id <key-arn>',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    AtRestEncryptionEnabled: true\n    KmsKeyId: !Ref CacheKey',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  at_rest_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, atRestEncryptionEnabled } = group.attributes;
    return atRestEncryptionEnabled
      ? pass(`Replication group ${replicationGroupId} (${engine}) encrypts its data at rest`, {
          atRestEncryptionEnabled,
        })
      : fail(
          `Replication group ${replicationGroupId} (${engine}) writes its snapshots and disk data unencrypted`,
          { atRestEncryptionEnabled },
        );
  },
});
