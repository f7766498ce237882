import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-auto-minor-version-upgrade',
  title: 'RDS DB instances upgrade minor engine versions automatically',
  description:
    'Every RDS DB instance must have auto minor version upgrade on, so RDS applies the minor engine versions it approves (security patches and bug fixes) during the maintenance window.',
  risk: 'Without automatic minor upgrades, database engines keep known, published vulnerabilities until someone schedules an upgrade by hand, which often never happens until the version is forcibly retired.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'engineVersion', 'autoMinorVersionUpgrade'],
  remediation: {
    text: 'Turn on auto minor version upgrade; upgrades then happen in the instance’s maintenance window. Choose a window that suits the workload.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --auto-minor-version-upgrade',
    cloudformation:
      'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    AutoMinorVersionUpgrade: true',
    terraform: 'resource "aws_db_instance" "this" {\n  # ...\n  auto_minor_version_upgrade = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html',
  },
  evaluate(instance) {
    const { identifier, engine, engineVersion, autoMinorVersionUpgrade } = instance.attributes;
    const evidence = { engine, engineVersion, autoMinorVersionUpgrade };
    return autoMinorVersionUpgrade
      ? pass(
          `DB instance ${identifier} (${engine} ${engineVersion}) upgrades minor versions automatically`,
          evidence,
        )
      : fail(
          `DB instance ${identifier} (${engine} ${engineVersion}) has auto minor version upgrade off`,
          evidence,
        );
  },
});
