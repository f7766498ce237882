import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeRule, openToInternet } from './support/rules.js';

export default defineCheck({
  id: 'ec2-security-group-no-open-admin-ports',
  title: 'Security group does not open administration ports to the internet',
  description:
    'No ingress rule may let any IPv4 or IPv6 address (a /0 range such as 0.0.0.0/0 or ::/0) reach a remote administration port: SSH (22) and RDP (3389) by default. Rules for all traffic count; TCP rules count when their port range covers an administration port. UDP rules do not count: SSH has no UDP transport, and RDP over UDP only carries sessions already set up over TCP, so it is not a way to log in. Rules whose source is a prefix list or another security group are not internet-open.',
  risk: 'SSH and RDP exposed to the internet are scanned within minutes and brute-forced continuously; one weak password, leaked key or unpatched server gives an attacker a shell inside the network.',
  severity: 'high',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.security-group',
  scope: 'resource',
  reads: ['groupId', 'groupName', 'ingress'],
  thresholds: {
    ports: { default: [22, 3389], description: 'TCP ports counted as remote administration ports' },
  },
  remediation: {
    text: 'Remove the rules that open administration ports to 0.0.0.0/0 or ::/0. Reach instances through Systems Manager Session Manager or EC2 Instance Connect Endpoint instead, or allow only known address ranges (a managed prefix list) or a bastion security group.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
    cloudformation:
      'SecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: SSH from the office only\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 22\n        ToPort: 22\n        SourcePrefixListId: <office-prefix-list-id>',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  prefix_list_id    = aws_ec2_managed_prefix_list.office.id\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(group, ctx) {
    const { groupId, groupName, ingress } = group.attributes;
    const ports = ctx.thresholds.ports;
    const open = openToInternet(ingress, ports).map(({ reached, ...rule }) => ({
      protocol: rule.protocol,
      ports: rule.ports,
      cidr: rule.cidr,
      adminPorts: reached,
      description: rule.description,
    }));
    const label = `Security group ${groupId} (${groupName})`;
    if (open.length === 0) {
      return pass(`${label} opens none of ports ${ports.join(', ')} to the internet`, { ports: [...ports] });
    }
    const exposed = [...new Set(open.flatMap((rule) => rule.adminPorts))].sort((a, b) => a - b);
    const rules = open.map(describeRule).join('; ');
    const noun = exposed.length === 1 ? 'port' : 'ports';
    return fail(`${label} opens ${noun} ${exposed.join(', ')} to the internet: ${rules}`, {
      exposed,
      rules: open,
    });
  },
});
