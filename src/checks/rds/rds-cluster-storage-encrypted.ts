import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-cluster-storage-encrypted',
  title: 'RDS DB clusters encrypt their storage',
  description:
    'Every DB cluster (Aurora, Multi-AZ DB cluster, Neptune, DocumentDB) must have storage encryption on, which covers the shared cluster volume, its instances, automated backups and snapshots.',
  risk: 'An unencrypted cluster keeps its data, backups and snapshots in clear text: a shared or leaked snapshot exposes every row, and access to the data leaves no trace in KMS.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-cluster',
  scope: 'resource',
  reads: ['identifier', 'engine', 'storageEncrypted', 'kmsKeyId'],
  remediation: {
    text: 'Encryption cannot be turned on for an existing cluster. Snapshot it, restore a new cluster from the snapshot with a KMS key (the restored cluster is encrypted), add instances, move clients to it and delete the old cluster.',
    cli: 'aws rds create-db-cluster-snapshot --db-cluster-identifier <cluster> --db-cluster-snapshot-identifier <cluster>-plain\naws rds restore-db-cluster-from-snapshot --db-cluster-identifier <cluster>-encrypted --snapshot-identifier <cluster>-plain --engine <engine> --kms-key-id alias/aws/rds\naws rds create-db-instance --db-cluster-identifier <cluster>-encrypted --db-instance-identifier <cluster>-encrypted-1 --db-instance-class <class> --engine <engine>',
    cloudformation:
      '# changing StorageEncrypted replaces the cluster: restore from a snapshot with KmsKeyId to keep the data\nCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    StorageEncrypted: true\n    KmsKeyId: <key-arn>',
    terraform:
      'resource "aws_rds_cluster" "this" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
  },
  evaluate(cluster) {
    const { identifier, engine, storageEncrypted, kmsKeyId } = cluster.attributes;
    const evidence = { engine, storageEncrypted, kmsKeyId };
    return storageEncrypted
      ? pass(
          `DB cluster ${identifier} (${engine}) encrypts its storage with ${kmsKeyId ?? 'a KMS key'}`,
          evidence,
        )
      : fail(`DB cluster ${identifier} (${engine}) does not encrypt its storage`, evidence);
  },
});
