import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-cluster-deletion-protection',
  title: 'RDS DB clusters have deletion protection on',
  description:
    'Every DB cluster (Aurora, Multi-AZ DB cluster, Neptune, DocumentDB) must have deletion protection on, so it cannot be deleted until the setting is turned off. Security Hub control RDS.7.',
  risk: 'Without deletion protection, one mistaken or malicious call (a console click, a script, a stack teardown) deletes the cluster and, unless a final snapshot was taken, its automated backups with it.',
  severity: 'low',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-cluster',
  scope: 'resource',
  reads: ['identifier', 'engine', 'deletionProtection'],
  remediation: {
    text: 'Turn on deletion protection for every cluster that holds data you need; turn it off deliberately before a planned deletion.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier <cluster> --deletion-protection --apply-immediately',
    cloudformation:
      'Cluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    # ...\n    DeletionProtection: true',
    terraform: 'resource "aws_rds_cluster" "this" {\n  # ...\n  deletion_protection = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Modifying.html',
  },
  evaluate(cluster) {
    const { identifier, engine, deletionProtection } = cluster.attributes;
    return deletionProtection
      ? pass(`DB cluster ${identifier} (${engine}) has deletion protection on`, { deletionProtection })
      : fail(
          `DB cluster ${identifier} (${engine}) can be deleted without turning off deletion protection first`,
          { deletionProtection },
        );
  },
});
