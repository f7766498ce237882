import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** The engines whose standalone instances support IAM database authentication. */
const IAM_AUTHENTICATION_ENGINES = ['mysql', 'postgres', 'mariadb'];

export default defineCheck({
  id: 'rds-instance-iam-authentication',
  title: 'RDS DB instances accept IAM database authentication',
  description:
    'Every standalone MySQL, MariaDB or PostgreSQL DB instance must have IAM database authentication on, so that applications and people can connect with short-lived IAM tokens instead of long-lived database passwords. Instances of a DB cluster are configured at the cluster (rds-cluster-iam-authentication). Security Hub control RDS.10.',
  risk: 'Without IAM authentication every connection needs a database password, which ends up in configuration and source code, is rarely rotated, and keeps working after the person or service it was for is gone.',
  severity: 'medium',
  service: 'rds',
  domain: 'identity',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'iamDatabaseAuthenticationEnabled', 'dbClusterIdentifier'],
  appliesTo: (instance) =>
    instance.attributes.dbClusterIdentifier === null &&
    IAM_AUTHENTICATION_ENGINES.includes(instance.attributes.engine),
  remediation: {
    text: 'Turn on IAM database authentication, create database users mapped to IAM (rds_iam role or AWSAuthenticationPlugin), and grant rds-db:connect to the roles that need them.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --enable-iam-database-authentication --apply-immediately',
    cloudformation:
      'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    # ...\n    EnableIAMDatabaseAuthentication: true',
    terraform:
      'resource "aws_db_instance" "this" {\n  # ...\n  iam_database_authentication_enabled = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
  },
  evaluate(instance) {
    const { identifier, engine, iamDatabaseAuthenticationEnabled } = instance.attributes;
    return iamDatabaseAuthenticationEnabled
      ? pass(`DB instance ${identifier} (${engine}) accepts IAM database authentication`, {
          iamDatabaseAuthenticationEnabled,
        })
      : fail(
          `DB instance ${identifier} (${engine}) has IAM database authentication off: every connection needs a database password`,
          { iamDatabaseAuthenticationEnabled },
        );
  },
});
