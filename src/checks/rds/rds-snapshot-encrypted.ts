import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-snapshot-encrypted',
  title: 'RDS DB snapshots are encrypted',
  description:
    'Every manual DB snapshot and DB cluster snapshot the account owns must be encrypted. Automated snapshots are encrypted exactly as their instance or cluster is, which the storage encryption checks cover.',
  risk: 'An unencrypted snapshot holds a full copy of the database in clear text; it can be shared, even publicly, and copied out of the account without any KMS key policy standing in the way.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-snapshot',
  scope: 'resource',
  reads: ['identifier', 'cluster', 'encrypted'],
  remediation: {
    text: 'Copy the DB snapshot with a KMS key (the copy is encrypted) and delete the unencrypted original. A DB cluster snapshot cannot be encrypted by copying: restore it into a cluster with a KMS key, snapshot that cluster, then delete the original snapshot and the temporary cluster. Encrypt the source databases so future snapshots are encrypted.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot> --target-db-snapshot-identifier <snapshot>-encrypted --kms-key-id alias/aws/rds\naws rds delete-db-snapshot --db-snapshot-identifier <snapshot>',
    cloudformation:
      '# CloudFormation has no resource type for DB snapshots: copy them with the CLI or Terraform.',
    terraform:
      'resource "aws_db_snapshot_copy" "encrypted" {\n  source_db_snapshot_identifier = "<snapshot-arn>"\n  target_db_snapshot_identifier = "<snapshot>-encrypted"\n  kms_key_id                    = aws_kms_key.rds.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html',
  },
  evaluate(snapshot) {
    const { identifier, cluster, encrypted } = snapshot.attributes;
    const label = `${cluster ? 'DB cluster snapshot' : 'DB snapshot'} ${identifier}`;
    return encrypted
      ? pass(`${label} is encrypted`, { encrypted, cluster })
      : fail(`${label} is not encrypted`, { encrypted, cluster });
  },
});
