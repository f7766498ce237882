import { defineCheck } from '../../core/check.js';
import type { SecurityGroupRule } from '../../core/kinds/ec2.js';
import { fail, pass } from '../../core/outcome.js';
import {
  describeRule,
  isAllTraffic,
  isInternet,
  isTcp,
  isUdp,
  portRange,
  portsLabel,
} from './support/rules.js';

/** One ingress rule that opens every port to the internet. */
interface OpenRule {
  /** As AWS gives it: `-1` (all traffic), `tcp`, `udp`, `6`, `17`. */
  protocol: string;
  /** `all` or `0-65535`. */
  ports: string;
  cidr: string;
  description: string | null;
}

/** All traffic, or a TCP or UDP rule whose range covers every port (0-65535). */
function opensEveryPort(rule: SecurityGroupRule): boolean {
  if (isAllTraffic(rule.protocol)) return true;
  if (!isTcp(rule.protocol) && !isUdp(rule.protocol)) return false;
  const { from, to } = portRange(rule.fromPort, rule.toPort);
  return from <= 0 && to >= 65535;
}

export default defineCheck({
  id: 'ec2-security-group-no-open-all-ports',
  title: 'Security group does not open every port to the internet',
  description:
    'No ingress rule may let any IPv4 or IPv6 address (a /0 range such as 0.0.0.0/0 or ::/0) reach every port: a rule for all traffic (protocol -1), or a TCP or UDP rule whose port range covers 0-65535. Rules opening a narrower range are left to the port-specific checks; rules whose source is a prefix list or another security group are not internet-open.',
  risk: 'Every service listening on the attached instances, load balancers or databases, including ones nobody meant to expose (admin consoles, debug ports, databases, metadata proxies), is reachable from the whole internet; the security group no longer filters anything.',
  severity: 'critical',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.security-group',
  scope: 'resource',
  reads: ['groupId', 'groupName', 'ingress'],
  remediation: {
    text: 'Replace the rule with rules for the ports the workload actually serves (for example TCP 443), from the narrowest sources that need them: a managed prefix list, a load balancer security group, or known address ranges.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]\naws ec2 authorize-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]',
    cloudformation:
      'SecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: HTTPS only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 443\n        ToPort: 443\n        CidrIp: 0.0.0.0/0',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  cidr_ipv4         = "0.0.0.0/0"\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(group) {
    const { groupId, groupName, ingress } = group.attributes;
    const open: OpenRule[] = [];
    for (const rule of ingress.filter(opensEveryPort)) {
      for (const cidr of [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isInternet)) {
        open.push({ protocol: rule.protocol, ports: portsLabel(rule), cidr, description: rule.description });
      }
    }
    const label = `Security group ${groupId} (${groupName})`;
    if (open.length === 0)
      return pass(`${label} has no rule opening every port to the internet`, { rules: [] });
    return fail(`${label} opens every port to the internet: ${open.map(describeRule).join('; ')}`, {
      rules: open,
    });
  },
});
