import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-multi-az',
  title: 'RDS DB instances are deployed across Availability Zones',
  description:
    'Every standalone RDS DB instance must be a Multi-AZ deployment, with a synchronous standby in another Availability Zone that takes over on failure. Instances of a DB cluster get their resilience from the cluster and are not concerned. Security Hub control RDS.5; CIS AWS Foundations 2.2.4.',
  risk: 'A Single-AZ instance goes down with its zone, its host or its storage, and during maintenance: the database is unavailable until it is repaired or restored from backup, losing the writes since the last backup.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'multiAZ', 'dbClusterIdentifier'],
  appliesTo: (instance) => instance.attributes.dbClusterIdentifier === null,
  remediation: {
    text: 'Convert the instance to a Multi-AZ deployment. The conversion takes a snapshot and adds a standby without downtime, though performance may dip while it runs.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --multi-az --apply-immediately',
    cloudformation: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    # ...\n    MultiAZ: true',
    terraform: 'resource "aws_db_instance" "this" {\n  # ...\n  multi_az = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
  },
  evaluate(instance) {
    const { identifier, engine, multiAZ } = instance.attributes;
    return multiAZ
      ? pass(`DB instance ${identifier} (${engine}) has a standby in another Availability Zone`, { multiAZ })
      : fail(`DB instance ${identifier} (${engine}) runs in a single Availability Zone, with no standby`, {
          multiAZ,
        });
  },
});
