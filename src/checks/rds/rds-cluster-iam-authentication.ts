import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** DocumentDB clusters have no IAM database authentication setting of this kind. */
const WITHOUT_IAM_AUTHENTICATION = ['docdb'];

export default defineCheck({
  id: 'rds-cluster-iam-authentication',
  title: 'RDS DB clusters accept IAM database authentication',
  description:
    'Every DB cluster (Aurora, Multi-AZ DB cluster, Neptune) must have IAM database authentication on, so that applications and people can connect with short-lived IAM tokens instead of long-lived database passwords. Security Hub control RDS.12.',
  risk: 'Without IAM authentication every connection needs a database password, which ends up in configuration and source code, is rarely rotated, and keeps working after the person or service it was for is gone.',
  severity: 'medium',
  service: 'rds',
  domain: 'identity',
  kind: 'rds.db-cluster',
  scope: 'resource',
  reads: ['identifier', 'engine', 'iamDatabaseAuthenticationEnabled'],
  appliesTo: (cluster) => !WITHOUT_IAM_AUTHENTICATION.includes(cluster.attributes.engine),
  remediation: {
    text: 'Turn on IAM database authentication, create database users mapped to IAM (rds_iam role or AWSAuthenticationPlugin), and grant rds-db:connect to the roles that need them.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier <cluster> --enable-iam-database-authentication --apply-immediately',
    cloudformation:
      'Cluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    # ...\n    EnableIAMDatabaseAuthentication: true',
    terraform:
      'resource "aws_rds_cluster" "this" {\n  # ...\n  iam_database_authentication_enabled = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html',
  },
  evaluate(cluster) {
    const { identifier, engine, iamDatabaseAuthenticationEnabled } = cluster.attributes;
    return iamDatabaseAuthenticationEnabled
      ? pass(`DB cluster ${identifier} (${engine}) accepts IAM database authentication`, {
          iamDatabaseAuthenticationEnabled,
        })
      : fail(
          `DB cluster ${identifier} (${engine}) has IAM database authentication off: every connection needs a database password`,
          { iamDatabaseAuthenticationEnabled },
        );
  },
});
