import type { SecurityGroupRule } from '../../../core/kinds/ec2.js';

/** Shared reading of security group rules and network ACL entries: protocols, port ranges, CIDRs. */

const ALL_TRAFFIC = new Set(['-1', 'all']);
const TCP = new Set(['tcp', '6']);
const UDP = new Set(['udp', '17']);

/** True for the all-traffic protocol (`-1`, as AWS gives it, or `all`). */
export function isAllTraffic(protocol: string): boolean {
  return ALL_TRAFFIC.has(protocol.toLowerCase());
}

/** True for TCP, by name or by protocol number 6. */
export function isTcp(protocol: string): boolean {
  return TCP.has(protocol.toLowerCase());
}

/** True for UDP, by name or by protocol number 17. */
export function isUdp(protocol: string): boolean {
  return UDP.has(protocol.toLowerCase());
}

/** A CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`, `0::/0`) takes in every address. */
export function isInternet(cidr: string): boolean {
  const slash = cidr.lastIndexOf('/');
  return slash !== -1 && /^0+$/.test(cidr.slice(slash + 1).trim());
}

/** A port range as numbers; a missing or negative bound (only possible in hand-written templates) is open. */
export function portRange(fromPort: number | null, toPort: number | null): { from: number; to: number } {
  return {
    from: fromPort === null || fromPort < 0 ? 0 : fromPort,
    to: toPort === null || toPort < 0 ? 65535 : toPort,
  };
}

/** The TCP ports among `ports` that a rule lets through: every one for all traffic, the range for TCP. */
export function tcpPortsOf(
  rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>,
  ports: readonly number[],
): number[] {
  if (isAllTraffic(rule.protocol)) return [...ports];
  if (!isTcp(rule.protocol)) return [];
  const { from, to } = portRange(rule.fromPort, rule.toPort);
  return ports.filter((port) => port >= from && port <= to);
}

/** `22`, `0-65535`, or `all` (all traffic, or a rule without ports). */
export function portsLabel(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>): string {
  if (isAllTraffic(rule.protocol) || rule.fromPort === null || rule.toPort === null) return 'all';
  return rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
}

/** How an open rule reads to a person: `tcp 22 from 0.0.0.0/0`, `all traffic from ::/0`. */
export function describeRule(rule: { protocol: string; ports: string; cidr: string }): string {
  const traffic = isAllTraffic(rule.protocol) ? 'all traffic' : `${rule.protocol} ${rule.ports}`;
  return `${traffic} from ${rule.cidr}`;
}

/** One ingress rule open to the internet, with the watched ports it reaches. */
export interface InternetOpenRule {
  /** As AWS gives it: `tcp`, `6`, `-1` (all traffic). */
  protocol: string;
  /** `22`, `0-65535`, or `all`. */
  ports: string;
  cidr: string;
  reached: number[];
  description: string | null;
}

/** Each (rule, internet CIDR) pair whose TCP reach includes one of `ports`. */
export function openToInternet(
  ingress: readonly SecurityGroupRule[],
  ports: readonly number[],
): InternetOpenRule[] {
  const open: InternetOpenRule[] = [];
  for (const rule of ingress) {
    const reached = tcpPortsOf(rule, ports);
    if (reached.length === 0) continue;
    for (const cidr of [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isInternet)) {
      open.push({
        protocol: rule.protocol,
        ports: portsLabel(rule),
        cidr,
        reached,
        description: rule.description,
      });
    }
  }
  return open;
}
