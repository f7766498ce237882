import { defineCheck } from '../../core/check.js';
import type { NetworkAclEntry } from '../../core/kinds/vpc.js';
import { fail, pass } from '../../core/outcome.js';
import { isAllTraffic, isInternet, isTcp, portRange, portsLabel } from './support/rules.js';

/** An administration port that the first matching entry for internet traffic lets in. */
interface OpenPort {
  port: number;
  /** `0.0.0.0/0` or `::/0`, as the entry gives it. */
  cidr: string;
  ruleNumber: number;
  protocol: string;
  ports: string;
}

/** The entry's CIDR when it is a /0 of the family, else null. */
function internetCidr(entry: NetworkAclEntry, family: 'ipv4' | 'ipv6'): string | null {
  const cidr = family === 'ipv4' ? entry.cidrBlock : entry.ipv6CidrBlock;
  return cidr !== null && isInternet(cidr) ? cidr : null;
}

/** Whether the entry matches TCP traffic to `port` (all-traffic entries and TCP entries whose range covers it). */
function matchesTcpPort(entry: NetworkAclEntry, port: number): boolean {
  if (isAllTraffic(entry.protocol)) return true;
  if (!isTcp(entry.protocol)) return false;
  const { from, to } = portRange(entry.fromPort, entry.toPort);
  return port >= from && port <= to;
}

export default defineCheck({
  id: 'ec2-network-acl-no-open-admin-ports',
  title: 'Network ACL does not let the internet reach administration ports',
  description:
    'Network ACL entries are evaluated in rule-number order and the first entry matching a packet decides. For each administration port (SSH 22 and RDP 3389 by default) and each address family, the check finds the first inbound entry that matches TCP traffic from every address (0.0.0.0/0 or ::/0) to that port: it fails when that entry is an ALLOW. A lower-numbered DENY for the same traffic makes the port safe; entries for narrower source ranges do not decide, since they match only part of the internet. Every network ACL is checked, associated with subnets or not.',
  risk: 'A network ACL that admits SSH or RDP from anywhere leaves the subnet’s only stateless line of defence open: one permissive security group is then enough to expose remote administration to continuous scanning and brute force.',
  severity: 'medium',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.network-acl',
  scope: 'resource',
  reads: ['networkAclId', 'vpcId', 'entries'],
  thresholds: {
    ports: { default: [22, 3389], description: 'TCP ports counted as remote administration ports' },
  },
  remediation: {
    text: 'Add an inbound DENY entry for TCP 22 and 3389 from 0.0.0.0/0 (and ::/0 in IPv6 VPCs) with a lower rule number than the ALLOW entries, or narrow the ALLOW entries to the ranges that need them. Prefer Systems Manager Session Manager to any inbound administration port.',
    cli: 'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny\naws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 51 --protocol tcp --port-range From=3389,To=3389 --cidr-block 0.0.0.0/0 --rule-action deny',
    cloudformation:
      'DenySsh:\n  Type: AWS::EC2::NetworkAclEntry\n  Properties:\n    NetworkAclId: !Ref NetworkAcl\n    RuleNumber: 50\n    Protocol: 6\n    RuleAction: deny\n    Egress: false\n    CidrBlock: 0.0.0.0/0\n    PortRange:\n      From: 22\n      To: 22',
    terraform:
      'resource "aws_network_acl_rule" "deny_ssh" {\n  network_acl_id = aws_network_acl.this.id\n  rule_number    = 50\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "deny"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
  },
  evaluate(acl, ctx) {
    const { networkAclId, vpcId, entries } = acl.attributes;
    const ports = ctx.thresholds.ports;
    const inbound = entries.filter((entry) => !entry.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
    const open: OpenPort[] = [];
    for (const port of ports) {
      for (const family of ['ipv4', 'ipv6'] as const) {
        for (const entry of inbound) {
          const cidr = internetCidr(entry, family);
          if (cidr === null || !matchesTcpPort(entry, port)) continue;
          if (entry.ruleAction === 'allow') {
            open.push({
              port,
              cidr,
              ruleNumber: entry.ruleNumber,
              protocol: entry.protocol,
              ports: portsLabel(entry),
            });
          }
          break;
        }
      }
    }
    const label = `Network ACL ${networkAclId} (${vpcId})`;
    if (open.length === 0) {
      return pass(`${label} lets none of ports ${ports.join(', ')} in from the internet`, {
        ports: [...ports],
      });
    }
    const exposed = [...new Set(open.map((item) => item.port))].sort((a, b) => a - b);
    const noun = exposed.length === 1 ? 'port' : 'ports';
    const rules = open
      .map((item) => `port ${item.port} from ${item.cidr} by rule ${item.ruleNumber}`)
      .join('; ');
    return fail(`${label} allows ${noun} ${exposed.join(', ')} in from the internet: ${rules}`, {
      exposed,
      entries: open,
    });
  },
});
