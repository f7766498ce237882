import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

type TlsField = 'forceSsl' | 'requireSecureTransport';

/** The parameter-group field (and parameter name) that makes the engine refuse plaintext connections. */
function tlsParameterOf(engine: string): { field: TlsField; parameter: string } | null {
  if (engine === 'postgres' || engine.startsWith('sqlserver-'))
    return { field: 'forceSsl', parameter: 'rds.force_ssl' };
  if (engine === 'mysql' || engine === 'mariadb')
    return { field: 'requireSecureTransport', parameter: 'require_secure_transport' };
  // Oracle and Db2 enforce TLS through option groups or listeners, not a parameter: out of this check's reach.
  return null;
}

export default defineCheck({
  id: 'rds-instance-require-tls',
  title: 'RDS DB instances refuse connections without TLS',
  description:
    'Every standalone PostgreSQL, SQL Server, MySQL or MariaDB instance must use DB parameter groups that make the engine refuse plaintext connections: rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB). Instances of a DB cluster take these settings from the cluster parameter group, and Oracle and Db2 have no such parameter: neither is concerned.',
  risk: 'An engine that accepts plaintext connections lets any client that does not insist on TLS send its password and its data readable and alterable by anyone on the network path.',
  severity: 'medium',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'dbClusterIdentifier', 'parameterGroupNames'],
  related: { 'rds.db-parameter-group': ['name', 'forceSsl', 'requireSecureTransport'] },
  appliesTo: (instance) =>
    instance.attributes.dbClusterIdentifier === null && tlsParameterOf(instance.attributes.engine) !== null,
  remediation: {
    text: 'Default parameter groups cannot be changed: create a parameter group of the instance family that sets rds.force_ssl to 1 (PostgreSQL, SQL Server) or require_secure_transport to ON (MySQL, MariaDB), attach it to the instance, and reboot if the parameter is static for the engine. Make sure every client connects with TLS first.',
    cli: 'aws rds create-db-parameter-group --db-parameter-group-name tls-only --db-parameter-group-family postgres16 --description "refuse plaintext connections"\naws rds modify-db-parameter-group --db-parameter-group-name tls-only --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot\naws rds modify-db-instance --db-instance-identifier <db> --db-parameter-group-name tls-only --apply-immediately\naws rds reboot-db-instance --db-instance-identifier <db>',
    cloudformation:
      "ParameterGroup:\n  Type: AWS::RDS::DBParameterGroup\n  Properties:\n    Description: refuse plaintext connections\n    Family: postgres16\n    Parameters:\n      rds.force_ssl: '1'\nDatabase:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    # ...\n    DBParameterGroupName: !Ref ParameterGroup",
    terraform:
      'resource "aws_db_parameter_group" "tls_only" {\n  name   = "tls-only"\n  family = "postgres16"\n  parameter {\n    name         = "rds.force_ssl"\n    value        = "1"\n    apply_method = "pending-reboot"\n  }\n}\n\nresource "aws_db_instance" "this" {\n  # ...\n  parameter_group_name = aws_db_parameter_group.tls_only.name\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html',
  },
  evaluate(instance, ctx) {
    const { identifier, engine, parameterGroupNames } = instance.attributes;
    const tls = tlsParameterOf(engine);
    if (!tls) throw new Error(`rds-instance-require-tls ran on ${engine}, which appliesTo leaves out`);
    if (parameterGroupNames.length === 0) {
      return notEvaluated(
        { field: 'parameterGroupNames', reason: 'not-collected', action: 'rds:DescribeDBInstances' },
        `DB instance ${identifier} (${engine}) listed no parameter group`,
      );
    }
    const groups = ctx.related('rds.db-parameter-group', {
      account: instance.account,
      region: instance.region,
    });
    const settings: { group: string; value: boolean | null }[] = [];
    for (const name of parameterGroupNames) {
      const group = groups.find((candidate) => candidate.id === name);
      if (!group) {
        return notEvaluated(
          {
            field: 'parameterGroupNames',
            reason: 'not-collected',
            action: 'rds:DescribeDBParameters',
            detail: `parameter group ${name} is not in the inventory`,
          },
          `DB instance ${identifier} (${engine}) uses parameter group ${name}, which was not read`,
        );
      }
      settings.push({ group: name, value: ctx.read(group, tls.field) });
    }
    const evidence = { parameter: tls.parameter, groups: settings };
    const off = settings.filter((setting) => setting.value !== true);
    if (off.length === 0) {
      return pass(
        `DB instance ${identifier} (${engine}) refuses plaintext connections: ${tls.parameter} is on in ${parameterGroupNames.join(', ')}`,
        evidence,
      );
    }
    const reasons = off.map((setting) =>
      setting.value === null
        ? `parameter group ${setting.group} has no ${tls.parameter} (the engine version cannot enforce TLS)`
        : `parameter group ${setting.group} leaves ${tls.parameter} off`,
    );
    return fail(
      `DB instance ${identifier} (${engine}) accepts plaintext connections: ${reasons.join('; ')}`,
      evidence,
    );
  },
});
