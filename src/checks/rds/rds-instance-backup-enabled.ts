import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-backup-enabled',
  title: 'RDS DB instances keep automated backups long enough',
  description:
    'Every standalone RDS DB instance must have automated backups on, kept for at least `minRetentionDays` days, so it can be restored to any point in that window. Instances of a DB cluster are backed up by the cluster, and read replicas by their source: neither is concerned. Security Hub control RDS.11 (whose default is seven days).',
  risk: 'Without automated backups, data deleted or corrupted by a bug, an operator or an attacker cannot be recovered; with a short retention, damage noticed a few days late cannot be undone.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: [
    'identifier',
    'engine',
    'backupRetentionPeriod',
    'dbClusterIdentifier',
    'readReplicaSourceIdentifier',
  ],
  appliesTo: (instance) =>
    instance.attributes.dbClusterIdentifier === null &&
    instance.attributes.readReplicaSourceIdentifier === null,
  thresholds: {
    minRetentionDays: {
      default: 7,
      description: 'The fewest days automated backups must be kept (RDS allows up to 35).',
    },
  },
  remediation: {
    text: 'Set the backup retention period to at least the required number of days. Turning backups on from zero briefly interrupts the instance: apply it in the maintenance window.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 7 --apply-immediately',
    cloudformation:
      'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    # ...\n    BackupRetentionPeriod: 7',
    terraform: 'resource "aws_db_instance" "this" {\n  # ...\n  backup_retention_period = 7\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  },
  evaluate(instance, ctx) {
    const { identifier, engine, backupRetentionPeriod: days } = instance.attributes;
    const { minRetentionDays } = ctx.thresholds;
    const evidence = { backupRetentionPeriod: days, minRetentionDays };
    if (days === 0) return fail(`DB instance ${identifier} (${engine}) has automated backups off`, evidence);
    return days >= minRetentionDays
      ? pass(`DB instance ${identifier} (${engine}) keeps automated backups for ${days} days`, evidence)
      : fail(
          `DB instance ${identifier} (${engine}) keeps automated backups for ${days} days, fewer than ${minRetentionDays}`,
          evidence,
        );
  },
});
