import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-instance-not-public',
  title: 'RDS DB instances are not publicly accessible',
  description:
    'No RDS DB instance may be publicly accessible: its endpoint must resolve to private addresses only. Whether a public instance is actually reachable also depends on its subnets’ routes and its security groups, which this check does not weigh: the setting alone is what CIS and FSBP ask to turn off.',
  risk: 'A publicly accessible database has an internet address; one permissive security group rule away from exposure, it is found by scanners and attacked with password guessing and engine exploits.',
  severity: 'critical',
  service: 'rds',
  domain: 'network',
  kind: 'rds.db-instance',
  scope: 'resource',
  reads: ['identifier', 'engine', 'publiclyAccessible'],
  remediation: {
    text: 'Turn off public accessibility so the endpoint resolves to private addresses, and reach the database from inside the VPC (application subnets, VPN, Direct Connect, or Session Manager port forwarding through a bastion).',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately',
    cloudformation: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    PubliclyAccessible: false',
    terraform: 'resource "aws_db_instance" "this" {\n  # ...\n  publicly_accessible = false\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  },
  evaluate(instance) {
    const { identifier, engine, publiclyAccessible } = instance.attributes;
    return publiclyAccessible
      ? fail(`DB instance ${identifier} (${engine}) is publicly accessible`, { publiclyAccessible })
      : pass(`DB instance ${identifier} (${engine}) is not publicly accessible`, { publiclyAccessible });
  },
});
