import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-encrypted-in-transit',
  title: 'ElastiCache replication groups require TLS',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must have in-transit encryption on in `required` mode, so clients and replicas only talk over TLS. The `preferred` mode, a step while migrating clients, still accepts plaintext connections and fails. Security Hub control ElastiCache.5.',
  risk: 'Over plaintext connections, cached data and the AUTH token or user passwords cross the network readable by anyone on the path, who can also alter commands and answers.',
  severity: 'medium',
  service: 'elasticache',
  domain: 'data',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'transitEncryptionEnabled', 'transitEncryptionMode'],
  remediation: {
    text: 'Turn on in-transit encryption in `preferred` mode, move every client to TLS, then switch the mode to `required`. Groups on engine versions before Redis OSS 7 must be recreated with in-transit encryption instead.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <group> --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately\n# once every client uses TLS:\naws elasticache modify-replication-group --replication-group-id <group> --transit-encryption-mode required --apply-immediately',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    TransitEncryptionEnabled: true\n    TransitEncryptionMode: required',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  transit_encryption_enabled = true\n  transit_encryption_mode    = "required"\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, transitEncryptionEnabled, transitEncryptionMode } = group.attributes;
    const evidence = { transitEncryptionEnabled, transitEncryptionMode };
    if (!transitEncryptionEnabled) {
      return fail(
        `Replication group ${replicationGroupId} (${engine}) has in-transit encryption off: clients connect in plaintext`,
        evidence,
      );
    }
    if (transitEncryptionMode === 'preferred') {
      return fail(
        `Replication group ${replicationGroupId} (${engine}) still accepts plaintext connections (in-transit encryption mode preferred)`,
        evidence,
      );
    }
    return pass(`Replication group ${replicationGroupId} (${engine}) accepts TLS connections only`, evidence);
  },
});
