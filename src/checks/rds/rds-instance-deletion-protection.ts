import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-deletion-protection',
  title: 'RDS DB instances have deletion protection on',
  description:
    'Every standalone RDS DB instance must have deletion protection on, so it cannot be deleted until the setting is turned off. Instances that belong to a DB cluster (Aurora, Multi-AZ DB clusters, Neptune, DocumentDB) are protected at the cluster level and are not concerned here.',
  risk: 'Without deletion protection, one mistaken or malicious call (a console click, a script, a stack teardown) deletes the database; unless a final snapshot was taken, recent data is lost.',
  severity: 'low',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'deletionProtection', 'dbClusterIdentifier'],
  appliesTo: (instance) => instance.attributes.dbClusterIdentifier === null,
  remediation: {
    text: 'Turn on deletion protection for every database that holds data you need; turn it off deliberately before a planned deletion.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --deletion-protection --apply-immediately',
    cloudformation: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    DeletionProtection: true',
    terraform: 'resource "aws_db_instance" "this" {\n  # ...\n  deletion_protection = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
  },
  evaluate(instance) {
    const { identifier, engine, deletionProtection } = instance.attributes;
    return deletionProtection
      ? pass(`DB instance ${identifier} (${engine}) has deletion protection on`, { deletionProtection })
      : fail(
          `DB instance ${identifier} (${engine}) can be deleted without turning off deletion protection first`,
          {
            deletionProtection,
          },
        );
  },
});
