import {
  EC2Client,
  paginateDescribeFlowLogs,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type FlowLog as AwsFlowLog,
  type NetworkAclEntry as AwsNetworkAclEntry,
  type RouteTable,
  type Vpc,
} from '@aws-sdk/client-ec2';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { flowLog, networkAclEntry, type FlowLog, type NetworkAclEntry } from '../../../core/kinds/vpc.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, listOrGap, missing, oneOf, present, regionalArn, tagsOf } from './support.js';

type VpcAttributes = AttributesOf<'ec2.vpc'>;
type NetworkAclAttributes = AttributesOf<'ec2.network-acl'>;
type SubnetAttributes = AttributesOf<'ec2.subnet'>;

const FLOW_LOGS = 'ec2:DescribeFlowLogs';
const ROUTE_TABLES = 'ec2:DescribeRouteTables';

export const vpcCollector: Collector = {
  // The EC2 API: its calls share the ec2 rate limit with the other EC2 collectors.
  service: 'ec2',
  global: false,
  actions: ['ec2:DescribeVpcs', FLOW_LOGS, 'ec2:DescribeNetworkAcls', 'ec2:DescribeSubnets', ROUTE_TABLES],
  kinds: {
    'ec2.vpc': ['vpcId', 'isDefault', 'cidrBlocks', 'flowLogs'],
    'ec2.network-acl': ['networkAclId', 'vpcId', 'isDefault', 'entries', 'associatedSubnetIds'],
    'ec2.subnet': [
      'subnetId',
      'vpcId',
      'availabilityZone',
      'defaultForAz',
      'mapPublicIpOnLaunch',
      'routeTableId',
      'public',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    // Each kind stands alone: a denied DescribeVpcs leaves the network ACLs observed, and the other way round.
    await Promise.all([
      collectVpcs(ctx, client),
      collectNetworkAcls(ctx, client),
      collectSubnets(ctx, client),
    ]);
  },
};

async function collectVpcs(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeVpcs';
  const vpcs = await listOrGap(ctx, 'ec2.vpc', action, () =>
    allPages(paginateDescribeVpcs({ client }, { MaxResults: 1000 }), (page) => page.Vpcs),
  );
  if (!vpcs || vpcs.length === 0) return;

  // One listing of the region's flow logs, joined on the resource they watch. If it fails, no VPC's flow logs
  // are known: each VPC gets the gap, never an empty list that would read as "no flow logs".
  const logs = await ctx.observe(FLOW_LOGS, () =>
    allPages(paginateDescribeFlowLogs({ client }, { MaxResults: 1000 }), (page) => page.FlowLogs),
  );
  const byResource = new Map<string, AwsFlowLog[]>();
  if (logs.ok) {
    for (const log of logs.value ?? []) {
      if (log.ResourceId) byResource.set(log.ResourceId, [...(byResource.get(log.ResourceId) ?? []), log]);
    }
  }

  for (const vpc of vpcs) {
    const vpcId = vpc.VpcId;
    // A VPC shared into this account (RAM) is the owner's to log and audit; its flow logs are not visible here.
    if (!vpcId || sharedIn(ctx, vpc.OwnerId)) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<VpcAttributes> = { vpcId, cidrBlocks: cidrBlocksOf(vpc) };
    present(attributes, gaps, action, 'isDefault', vpc.IsDefault);
    if (!logs.ok) gaps.push(logs.failure.gap('flowLogs'));
    else {
      const found = (byResource.get(vpcId) ?? []).map(flowLogOf);
      if (found.every((log) => log !== undefined)) {
        attributes.flowLogs = found;
      } else {
        gaps.push(
          missing('flowLogs', FLOW_LOGS, 'a flow log without its id, status, traffic or destination'),
        );
      }
    }
    ctx.emit({
      kind: 'ec2.vpc',
      id: vpcId,
      arn: regionalArn(ctx, 'ec2', `vpc/${vpcId}`),
      tags: tagsOf(vpc.Tags),
      attributes,
      gaps,
    });
  }
}

function sharedIn(ctx: CollectorContext, owner: string | undefined): boolean {
  return owner !== undefined && owner !== ctx.account;
}

const GONE = new Set(['disassociating', 'disassociated', 'failing', 'failed']);

/** The VPC's IPv4 then IPv6 CIDR blocks, leaving out associations that are going or failed. */
function cidrBlocksOf(vpc: Vpc): string[] {
  const ipv4 =
    vpc.CidrBlockAssociationSet?.flatMap((association) =>
      association.CidrBlock && !GONE.has(association.CidrBlockState?.State ?? '')
        ? [association.CidrBlock]
        : [],
    ) ?? (vpc.CidrBlock ? [vpc.CidrBlock] : []);
  const ipv6 = (vpc.Ipv6CidrBlockAssociationSet ?? []).flatMap((association) =>
    association.Ipv6CidrBlock && !GONE.has(association.Ipv6CidrBlockState?.State ?? '')
      ? [association.Ipv6CidrBlock]
      : [],
  );
  return [...ipv4, ...ipv6];
}

/** A flow log as the kind has it; undefined if the answer left out something every flow log has. */
function flowLogOf(log: AwsFlowLog): FlowLog | undefined {
  const trafficType = oneOf(flowLog.shape.trafficType.options, log.TrafficType);
  // Flow logs made before destinations were configurable only name a CloudWatch Logs group.
  const destinationType = oneOf(
    flowLog.shape.destinationType.options,
    log.LogDestinationType ?? (log.LogGroupName ? 'cloud-watch-logs' : undefined),
  );
  if (!log.FlowLogId || !log.FlowLogStatus || !trafficType || !destinationType) return undefined;
  return {
    id: log.FlowLogId,
    status: log.FlowLogStatus,
    trafficType,
    destinationType,
    logDestination: log.LogDestination ?? log.LogGroupName ?? null,
  };
}

async function collectNetworkAcls(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeNetworkAcls';
  const acls = await listOrGap(ctx, 'ec2.network-acl', action, () =>
    allPages(paginateDescribeNetworkAcls({ client }, { MaxResults: 100 }), (page) => page.NetworkAcls),
  );
  for (const acl of acls ?? []) {
    const networkAclId = acl.NetworkAclId;
    if (!networkAclId || sharedIn(ctx, acl.OwnerId)) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<NetworkAclAttributes> = {
      networkAclId,
      associatedSubnetIds: (acl.Associations ?? []).flatMap((association) =>
        association.SubnetId ? [association.SubnetId] : [],
      ),
    };
    present(attributes, gaps, action, 'vpcId', acl.VpcId);
    present(attributes, gaps, action, 'isDefault', acl.IsDefault);
    const entries = (acl.Entries ?? []).map(entryOf);
    if (entries.every((entry) => entry !== undefined)) {
      attributes.entries = entries.sort(inEvaluationOrder);
    } else {
      gaps.push(
        missing('entries', action, 'an entry without its rule number, action, protocol, CIDR or ports'),
      );
    }
    ctx.emit({
      kind: 'ec2.network-acl',
      id: networkAclId,
      arn: regionalArn(ctx, 'ec2', `network-acl/${networkAclId}`),
      tags: tagsOf(acl.Tags),
      attributes,
      gaps,
    });
  }
}

/** Network ACLs give protocol numbers; security group rules name the common ones. The kinds speak alike. */
const PROTOCOL_NAMES: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6' };

/** An entry as the kind has it; undefined if the answer left out something the entry must have. */
function entryOf(entry: AwsNetworkAclEntry): NetworkAclEntry | undefined {
  const ruleAction = oneOf(networkAclEntry.shape.ruleAction.options, entry.RuleAction);
  const { RuleNumber: ruleNumber, Egress: egress, Protocol: given } = entry;
  if (ruleNumber === undefined || egress === undefined || !ruleAction || !given) return undefined;
  const protocol = PROTOCOL_NAMES[given] ?? given.toLowerCase();
  const cidrBlock = entry.CidrBlock ?? null;
  const ipv6CidrBlock = entry.Ipv6CidrBlock ?? null;
  if (cidrBlock === null && ipv6CidrBlock === null) return undefined;
  // TCP and UDP entries always carry a port range; without one the entry's reach is unknown, not "all ports".
  let fromPort: number | null = null;
  let toPort: number | null = null;
  if (protocol === 'tcp' || protocol === 'udp') {
    if (entry.PortRange?.From === undefined || entry.PortRange.To === undefined) return undefined;
    fromPort = entry.PortRange.From;
    toPort = entry.PortRange.To;
  }
  return { ruleNumber, egress, ruleAction, protocol, cidrBlock, ipv6CidrBlock, fromPort, toPort };
}

function inEvaluationOrder(a: NetworkAclEntry, b: NetworkAclEntry): number {
  return Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber;
}

async function collectSubnets(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeSubnets';
  const subnets = await listOrGap(ctx, 'ec2.subnet', action, () =>
    allPages(paginateDescribeSubnets({ client }, { MaxResults: 1000 }), (page) => page.Subnets),
  );
  if (!subnets || subnets.length === 0) return;

  // One listing of the region's route tables decides which subnets are public. If it fails, no subnet's
  // routing is known: each gets the gap, never `public: false`.
  const tables = await ctx.observe(ROUTE_TABLES, () =>
    allPages(paginateDescribeRouteTables({ client }, { MaxResults: 100 }), (page) => page.RouteTables),
  );
  const routing = tables.ok ? routingOf(tables.value ?? []) : null;

  for (const subnet of subnets) {
    const subnetId = subnet.SubnetId;
    // A subnet shared into this account (RAM) is routed by its owner, whose route tables are not visible here.
    if (!subnetId || sharedIn(ctx, subnet.OwnerId)) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<SubnetAttributes> = { subnetId };
    present(attributes, gaps, action, 'vpcId', subnet.VpcId);
    present(attributes, gaps, action, 'availabilityZone', subnet.AvailabilityZone);
    present(attributes, gaps, action, 'defaultForAz', subnet.DefaultForAz);
    present(attributes, gaps, action, 'mapPublicIpOnLaunch', subnet.MapPublicIpOnLaunch);
    if (!tables.ok) {
      gaps.push(tables.failure.gap('routeTableId'), tables.failure.gap('public'));
    } else {
      const table =
        routing?.bySubnet.get(subnetId) ?? (subnet.VpcId ? routing?.mainByVpc.get(subnet.VpcId) : undefined);
      if (table?.RouteTableId) {
        attributes.routeTableId = table.RouteTableId;
        attributes.public = routesToInternetGateway(table);
      } else {
        const detail = 'neither an associated route table nor the VPC’s main route table was listed';
        gaps.push(missing('routeTableId', ROUTE_TABLES, detail), missing('public', ROUTE_TABLES, detail));
      }
    }
    ctx.emit({
      kind: 'ec2.subnet',
      id: subnetId,
      arn: subnet.SubnetArn ?? regionalArn(ctx, 'ec2', `subnet/${subnetId}`),
      tags: tagsOf(subnet.Tags),
      attributes,
      gaps,
    });
  }
}

/** Which table routes each subnet: explicit associations, and each VPC's main table for the rest. */
function routingOf(tables: readonly RouteTable[]) {
  const bySubnet = new Map<string, RouteTable>();
  const mainByVpc = new Map<string, RouteTable>();
  for (const table of tables) {
    for (const association of table.Associations ?? []) {
      if (association.SubnetId) bySubnet.set(association.SubnetId, table);
      if (association.Main && table.VpcId) mainByVpc.set(table.VpcId, table);
    }
  }
  return { bySubnet, mainByVpc };
}

/** A default route (IPv4 or IPv6) to an internet gateway that is not a blackhole. */
function routesToInternetGateway(table: RouteTable): boolean {
  return (table.Routes ?? []).some(
    (route) =>
      route.GatewayId?.startsWith('igw-') === true &&
      route.State !== 'blackhole' &&
      (route.DestinationCidrBlock === '0.0.0.0/0' || route.DestinationIpv6CidrBlock === '::/0'),
  );
}
