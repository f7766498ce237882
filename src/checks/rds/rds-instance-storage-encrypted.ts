import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-storage-encrypted',
  title: 'RDS DB instances encrypt their storage',
  description:
    'Every standalone RDS DB instance must have storage encryption on, which also covers its automated backups, read replicas and snapshots. Instances that belong to a DB cluster (Aurora, Multi-AZ DB clusters, Neptune, DocumentDB) take their storage encryption from the cluster and are checked by rds-cluster-storage-encrypted instead.',
  risk: 'An unencrypted database keeps its data, logs, backups and snapshots in clear text: a shared or leaked snapshot exposes every row, and access to the data leaves no trace in KMS.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'storageEncrypted', 'kmsKeyId', 'dbClusterIdentifier'],
  appliesTo: (instance) => instance.attributes.dbClusterIdentifier === null,
  remediation: {
    text: 'Encryption cannot be turned on for an existing instance. Take a snapshot, copy it with a KMS key (the copy is encrypted), restore a new instance from the encrypted copy, move clients to it and delete the old instance.',
    cli: 'aws rds create-db-snapshot --db-instance-identifier <db> --db-snapshot-identifier <db>-plain\naws rds copy-db-snapshot --source-db-snapshot-identifier <db>-plain --target-db-snapshot-identifier <db>-encrypted --kms-key-id alias/aws/rds\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <db>-encrypted --db-snapshot-identifier <db>-encrypted',
    cloudformation:
      '# changing StorageEncrypted replaces the instance: restore from an encrypted snapshot to keep the data\nDatabase:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    StorageEncrypted: true\n    KmsKeyId: <key-arn>',
    terraform:
      'resource "aws_db_instance" "this" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  },
  evaluate(instance) {
    const { identifier, engine, storageEncrypted, kmsKeyId } = instance.attributes;
    const evidence = { engine, storageEncrypted, kmsKeyId };
    return storageEncrypted
      ? pass(
          `DB instance ${identifier} (${engine}) encrypts its storage with ${kmsKeyId ?? 'a KMS key'}`,
          evidence,
        )
      : fail(`DB instance ${identifier} (${engine}) does not encrypt its storage`, evidence);
  },
});
