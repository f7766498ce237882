import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeRule, openToInternet } from './support/rules.js';

export default defineCheck({
  id: 'ec2-security-group-no-open-database-ports',
  title: 'Security group does not open database ports to the internet',
  description:
    'No ingress rule may let any IPv4 or IPv6 address (a /0 range such as 0.0.0.0/0 or ::/0) reach a database or cache port: SQL Server (1433), Oracle (1521), MySQL (3306), PostgreSQL (5432), Redis (6379), Elasticsearch/OpenSearch (9200), Memcached (11211) and MongoDB (27017) by default. Rules for all traffic count; TCP rules count when their port range covers one of the ports. Rules whose source is a prefix list or another security group are not internet-open.',
  risk: 'Databases reachable from the internet are found by scanners within hours and attacked with default credentials, brute force and known exploits; Redis, Memcached, Elasticsearch and MongoDB often run without authentication, so exposure alone is enough to read, wipe or ransom the data.',
  severity: 'high',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.security-group',
  scope: 'resource',
  reads: ['groupId', 'groupName', 'ingress'],
  thresholds: {
    ports: {
      default: [1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017],
      description: 'TCP ports counted as database and cache ports',
    },
  },
  remediation: {
    text: 'Remove the rules that open database ports to 0.0.0.0/0 or ::/0. Let only the application tier reach the database, by referencing its security group as the source; reach it from outside through a VPN, Session Manager port forwarding or a bastion.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=0.0.0.0/0}]',
    cloudformation:
      'DatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: PostgreSQL from the application tier only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        SourceSecurityGroupId: !Ref AppSecurityGroup',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "postgres" {\n  security_group_id            = aws_security_group.db.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n  referenced_security_group_id = aws_security_group.app.id\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(group, ctx) {
    const { groupId, groupName, ingress } = group.attributes;
    const ports = ctx.thresholds.ports;
    const open = openToInternet(ingress, ports).map(({ reached, ...rule }) => ({
      protocol: rule.protocol,
      ports: rule.ports,
      cidr: rule.cidr,
      databasePorts: reached,
      description: rule.description,
    }));
    const label = `Security group ${groupId} (${groupName})`;
    if (open.length === 0) {
      return pass(`${label} opens none of database ports ${ports.join(', ')} to the internet`, {
        ports: [...ports],
      });
    }
    const exposed = [...new Set(open.flatMap((rule) => rule.databasePorts))].sort((a, b) => a - b);
    const rules = open.map(describeRule).join('; ');
    const noun = exposed.length === 1 ? 'port' : 'ports';
    return fail(`${label} opens database ${noun} ${exposed.join(', ')} to the internet: ${rules}`, {
      exposed,
      rules: open,
    });
  },
});
