import {
  DescribeFlowLogsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type FlowLog,
  type NetworkAcl,
  type RouteTable,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import type { CollectionSink } from '../collector.js';
import { vpcCollector } from './vpc.js';

const ec2 = mockClient(EC2Client);
const KINDS = Object.keys(vpcCollector.kinds);

function vpc(id: string, overrides: Partial<Vpc> = {}): Vpc {
  return {
    VpcId: id,
    IsDefault: false,
    CidrBlock: '10.0.0.0/16',
    CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
    ...overrides,
  };
}

function flowLog(id: string, resourceId: string, overrides: Partial<FlowLog> = {}): FlowLog {
  return {
    FlowLogId: id,
    FlowLogStatus: 'ACTIVE',
    ResourceId: resourceId,
    TrafficType: 'ALL',
    LogDestinationType: 's3',
    LogDestination: 'arn:aws:s3:::flow-logs',
    DeliverLogsStatus: 'SUCCESS',
    ...overrides,
  };
}

/** A default network ACL as AWS creates it: allow all, then the catch-all deny, both ways. */
function acl(id: string, vpcId: string, overrides: Partial<NetworkAcl> = {}): NetworkAcl {
  return {
    NetworkAclId: id,
    VpcId: vpcId,
    IsDefault: true,
    Associations: [{ NetworkAclId: id, SubnetId: 'subnet-1', NetworkAclAssociationId: 'aclassoc-1' }],
    Entries: [
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
    ],
    ...overrides,
  };
}

function subnet(id: string, vpcId: string, overrides: Partial<Subnet> = {}): Subnet {
  return {
    SubnetId: id,
    SubnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
    VpcId: vpcId,
    AvailabilityZone: `${REGION}a`,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    ...overrides,
  };
}

/** A route table with the local route and `routes`, associated with `subnets` (and the VPC, if `main`). */
function routeTable(
  id: string,
  vpcId: string,
  options: { subnets?: string[]; main?: boolean; routes?: RouteTable['Routes'] },
): RouteTable {
  return {
    RouteTableId: id,
    VpcId: vpcId,
    Associations: [
      ...(options.main ? [{ RouteTableId: id, Main: true }] : []),
      ...(options.subnets ?? []).map((subnetId) => ({ RouteTableId: id, SubnetId: subnetId, Main: false })),
    ],
    Routes: [
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
      ...(options.routes ?? []),
    ],
  };
}

const TO_INTERNET = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' } as const;

/** A region with one VPC logged to S3, its default network ACL, and one public subnet. */
function answerEverything() {
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [vpc('vpc-1')] });
  ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [flowLog('fl-1', 'vpc-1')] });
  ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [acl('acl-1', 'vpc-1')] });
  ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [subnet('subnet-1', 'vpc-1')] });
  ec2
    .on(DescribeRouteTablesCommand)
    .resolves({ RouteTables: [routeTable('rtb-main', 'vpc-1', { main: true, routes: [TO_INTERNET] })] });
}

function ofKind(sink: CollectionSink, kind: string) {
  return sink.resources.filter((resource) => resource.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

describe('vpc collector', () => {
  beforeEach(() => {
    ec2.reset();
    // Tests about VPCs and network ACLs see a region without subnets unless they say otherwise.
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [] });
  });

  it('reports VPCs with their own flow logs, and network ACLs, across pages', async () => {
    ec2
      .on(DescribeVpcsCommand)
      .resolvesOnce({
        Vpcs: [
          vpc('vpc-1', {
            IsDefault: true,
            CidrBlock: '172.31.0.0/16',
            CidrBlockAssociationSet: [
              { CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '100.64.0.0/16', CidrBlockState: { State: 'disassociated' } },
            ],
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18::/56', Ipv6CidrBlockState: { State: 'associated' } },
            ],
            Tags: [{ Key: 'Name', Value: 'default' }],
          }),
        ],
        NextToken: 'vpc-page-2',
      })
      .resolvesOnce({ Vpcs: [vpc('vpc-2')] });
    ec2
      .on(DescribeFlowLogsCommand)
      .resolvesOnce({
        FlowLogs: [
          flowLog('fl-1', 'vpc-1', {
            TrafficType: 'REJECT',
            LogDestinationType: 'cloud-watch-logs',
            LogDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:vpc-flow`,
            LogGroupName: 'vpc-flow',
          }),
          // A subnet's flow log does not log the VPC.
          flowLog('fl-subnet', 'subnet-1'),
        ],
        NextToken: 'fl-page-2',
      })
      .resolvesOnce({ FlowLogs: [flowLog('fl-2', 'vpc-1')] });
    ec2
      .on(DescribeNetworkAclsCommand)
      .resolvesOnce({ NetworkAcls: [acl('acl-1', 'vpc-1')], NextToken: 'acl-page-2' })
      .resolvesOnce({ NetworkAcls: [acl('acl-2', 'vpc-2', { IsDefault: false, Associations: [] })] });

    const sink = await collectWith(vpcCollector);

    const [first, second] = ofKind(sink, 'ec2.vpc');
    expect(first).toEqual({
      kind: 'ec2.vpc',
      id: 'vpc-1',
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-1`,
      region: REGION,
      tags: { Name: 'default' },
      attributes: {
        vpcId: 'vpc-1',
        isDefault: true,
        cidrBlocks: ['172.31.0.0/16', '2600:1f18::/56'],
        flowLogs: [
          {
            id: 'fl-1',
            status: 'ACTIVE',
            trafficType: 'REJECT',
            destinationType: 'cloud-watch-logs',
            logDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:vpc-flow`,
          },
          {
            id: 'fl-2',
            status: 'ACTIVE',
            trafficType: 'ALL',
            destinationType: 's3',
            logDestination: 'arn:aws:s3:::flow-logs',
          },
        ],
      },
      gaps: [],
    });
    // A VPC without flow logs has none, observed: an empty list, not a gap.
    expect(second?.attributes).toMatchObject({ vpcId: 'vpc-2', flowLogs: [] });
    expect(second?.gaps).toEqual([]);

    const acls = ofKind(sink, 'ec2.network-acl');
    expect(
      acls.map((found) => [found.id, found.attributes.isDefault, found.attributes.associatedSubnetIds]),
    ).toEqual([
      ['acl-1', true, ['subnet-1']],
      ['acl-2', false, []],
    ]);
    expect(acls[0]?.arn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:network-acl/acl-1`);
    expect(ec2.commandCalls(DescribeVpcsCommand)[1]?.args[0].input.NextToken).toBe('vpc-page-2');
    expect(ec2.commandCalls(DescribeFlowLogsCommand)[1]?.args[0].input.NextToken).toBe('fl-page-2');
    expect(ec2.commandCalls(DescribeNetworkAclsCommand)[1]?.args[0].input.NextToken).toBe('acl-page-2');
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gives network ACL entries in evaluation order, with protocol names and ports as security groups have them', async () => {
    answerEverything();
    ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        acl('acl-1', 'vpc-1', {
          IsDefault: false,
          Entries: [
            { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
            {
              RuleNumber: 200,
              Protocol: '6',
              RuleAction: 'allow',
              Egress: false,
              CidrBlock: '0.0.0.0/0',
              PortRange: { From: 22, To: 22 },
            },
            {
              RuleNumber: 100,
              Protocol: '17',
              RuleAction: 'deny',
              Egress: false,
              Ipv6CidrBlock: '::/0',
              PortRange: { From: 0, To: 65535 },
            },
            {
              RuleNumber: 150,
              Protocol: '1',
              RuleAction: 'allow',
              Egress: false,
              CidrBlock: '10.0.0.0/8',
              IcmpTypeCode: { Type: -1, Code: -1 },
            },
            { RuleNumber: 100, Protocol: '50', RuleAction: 'allow', Egress: true, CidrBlock: '10.0.0.0/8' },
          ],
        }),
      ],
    });

    const sink = await collectWith(vpcCollector);

    const [found] = ofKind(sink, 'ec2.network-acl');
    const rule = { cidrBlock: null, ipv6CidrBlock: null, fromPort: null, toPort: null };
    expect(found?.attributes).toEqual({
      networkAclId: 'acl-1',
      vpcId: 'vpc-1',
      isDefault: false,
      associatedSubnetIds: ['subnet-1'],
      entries: [
        {
          ...rule,
          ruleNumber: 100,
          egress: false,
          ruleAction: 'deny',
          protocol: 'udp',
          ipv6CidrBlock: '::/0',
          fromPort: 0,
          toPort: 65535,
        },
        {
          ...rule,
          ruleNumber: 150,
          egress: false,
          ruleAction: 'allow',
          protocol: 'icmp',
          cidrBlock: '10.0.0.0/8',
        },
        {
          ...rule,
          ruleNumber: 200,
          egress: false,
          ruleAction: 'allow',
          protocol: 'tcp',
          cidrBlock: '0.0.0.0/0',
          fromPort: 22,
          toPort: 22,
        },
        {
          ...rule,
          ruleNumber: 32767,
          egress: false,
          ruleAction: 'deny',
          protocol: '-1',
          cidrBlock: '0.0.0.0/0',
        },
        {
          ...rule,
          ruleNumber: 100,
          egress: true,
          ruleAction: 'allow',
          protocol: '50',
          cidrBlock: '10.0.0.0/8',
        },
      ],
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves entries a gap when a TCP entry comes without its ports, rather than reading it as all ports', async () => {
    answerEverything();
    ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        acl('acl-1', 'vpc-1', {
          Entries: [
            { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
          ],
        }),
      ],
    });

    const sink = await collectWith(vpcCollector);

    const [found] = ofKind(sink, 'ec2.network-acl');
    expect(found?.attributes).not.toHaveProperty('entries');
    expect(found?.attributes).toMatchObject({ networkAclId: 'acl-1', vpcId: 'vpc-1', isDefault: true });
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'entries',
        reason: 'not-collected',
        action: 'ec2:DescribeNetworkAcls',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads a flow log that only names its log group as logging to CloudWatch Logs', async () => {
    answerEverything();
    ec2.on(DescribeFlowLogsCommand).resolves({
      FlowLogs: [
        flowLog('fl-old', 'vpc-1', {
          LogDestinationType: undefined,
          LogDestination: undefined,
          LogGroupName: 'legacy-flow-logs',
        }),
      ],
    });

    const sink = await collectWith(vpcCollector);

    expect(ofKind(sink, 'ec2.vpc')[0]?.attributes.flowLogs).toEqual([
      {
        id: 'fl-old',
        status: 'ACTIVE',
        trafficType: 'ALL',
        destinationType: 'cloud-watch-logs',
        logDestination: 'legacy-flow-logs',
      },
    ]);
  });

  it('gaps a VPC’s flow logs when one of them comes back incomplete, rather than dropping it', async () => {
    answerEverything();
    ec2
      .on(DescribeFlowLogsCommand)
      .resolves({ FlowLogs: [flowLog('fl-1', 'vpc-1', { TrafficType: undefined })] });

    const sink = await collectWith(vpcCollector);

    const [found] = ofKind(sink, 'ec2.vpc');
    expect(found?.attributes).not.toHaveProperty('flowLogs');
    expect(found?.gaps).toEqual([
      expect.objectContaining({ field: 'flowLogs', reason: 'not-collected', action: 'ec2:DescribeFlowLogs' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves out VPCs and network ACLs shared into the account by another, whose owner audits them', async () => {
    answerEverything();
    const other = '444455556666';
    ec2
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [vpc('vpc-1', { OwnerId: ACCOUNT }), vpc('vpc-shared', { OwnerId: other })] });
    ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        acl('acl-1', 'vpc-1', { OwnerId: ACCOUNT }),
        acl('acl-shared', 'vpc-shared', { OwnerId: other }),
      ],
    });

    const sink = await collectWith(vpcCollector);

    expect(sink.resources.map((resource) => resource.id).sort()).toEqual(['acl-1', 'subnet-1', 'vpc-1']);
  });

  it('reports an empty region as no VPCs, no network ACLs and no gaps, without asking for flow logs', async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
    ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [] });

    const sink = await collectWith(vpcCollector);

    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(ec2.commandCalls(DescribeFlowLogsCommand)).toHaveLength(0);
  });

  it.each([
    [DescribeVpcsCommand, 'ec2.vpc', 'ec2:DescribeVpcs', 'ec2.network-acl'],
    [DescribeNetworkAclsCommand, 'ec2.network-acl', 'ec2:DescribeNetworkAcls', 'ec2.vpc'],
    [DescribeSubnetsCommand, 'ec2.subnet', 'ec2:DescribeSubnets', 'ec2.vpc'],
  ] as const)(
    'turns a denied listing into a gap on that kind alone (%o)',
    async (command, kind, action, other) => {
      answerEverything();
      ec2.on(command).rejects(awsError('UnauthorizedOperation', 403));

      const sink = await collectWith(vpcCollector);

      expect(sink.gaps).toEqual([
        expect.objectContaining({ kind, region: REGION, field: '*', reason: 'access-denied', action }),
      ]);
      expect(ofKind(sink, kind)).toEqual([]);
      expect(ofKind(sink, other)).toHaveLength(1);
      expect(sink.errors).toEqual([expect.objectContaining({ action })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('asks for no flow logs when the VPCs could not be listed', async () => {
    answerEverything();
    ec2.on(DescribeVpcsCommand).rejects(awsError('UnauthorizedOperation', 403));
    await collectWith(vpcCollector);
    expect(ec2.commandCalls(DescribeFlowLogsCommand)).toHaveLength(0);
  });

  it.each([
    ['denied', awsError('UnauthorizedOperation', 403), 'access-denied'],
    ['throttled for good', awsError('RequestLimitExceeded', 503), 'throttled'],
  ] as const)(
    'gaps flowLogs on every VPC when DescribeFlowLogs is %s, never reporting "no flow logs"',
    async (_, error, reason) => {
      answerEverything();
      ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [vpc('vpc-1'), vpc('vpc-2', { IsDefault: true })] });
      ec2.on(DescribeFlowLogsCommand).rejects(error);

      const sink = await collectWith(vpcCollector);

      const vpcs = ofKind(sink, 'ec2.vpc');
      expect(vpcs).toHaveLength(2);
      for (const found of vpcs) {
        expect(found.attributes).not.toHaveProperty('flowLogs');
        expect(found.attributes).toMatchObject({ vpcId: found.id, cidrBlocks: ['10.0.0.0/16'] });
        expect(found.gaps).toEqual([
          expect.objectContaining({ field: 'flowLogs', reason, action: 'ec2:DescribeFlowLogs' }),
        ]);
      }
      expect(sink.gaps).toEqual([]);
      expect(sink.errors).toEqual([expect.objectContaining({ action: 'ec2:DescribeFlowLogs' })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('reports subnets as public when their route table sends the default route to an internet gateway', async () => {
    answerEverything();
    ec2
      .on(DescribeSubnetsCommand)
      .resolvesOnce({
        Subnets: [
          subnet('subnet-public', 'vpc-1', {
            MapPublicIpOnLaunch: true,
            Tags: [{ Key: 'Name', Value: 'web' }],
          }),
          subnet('subnet-private', 'vpc-1'),
        ],
        NextToken: 'subnet-page-2',
      })
      .resolvesOnce({
        Subnets: [
          subnet('subnet-ipv6', 'vpc-1'),
          subnet('subnet-blackhole', 'vpc-1'),
          subnet('subnet-default', 'vpc-2', { DefaultForAz: true, MapPublicIpOnLaunch: true }),
        ],
      });
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        // The main table of vpc-1 sends the internet to a NAT gateway: its subnets are private.
        routeTable('rtb-main-1', 'vpc-1', {
          main: true,
          subnets: ['subnet-private'],
          routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }],
        }),
        routeTable('rtb-web', 'vpc-1', { subnets: ['subnet-public'], routes: [TO_INTERNET] }),
        routeTable('rtb-ipv6', 'vpc-1', {
          subnets: ['subnet-ipv6'],
          routes: [{ DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'active' }],
        }),
        // A route to a deleted internet gateway carries nothing.
        routeTable('rtb-old', 'vpc-1', {
          subnets: ['subnet-blackhole'],
          routes: [{ ...TO_INTERNET, State: 'blackhole' }],
        }),
        // The default VPC's subnets follow its main table, which AWS creates with a route to the internet.
        routeTable('rtb-main-2', 'vpc-2', { main: true, routes: [TO_INTERNET] }),
      ],
    });

    const sink = await collectWith(vpcCollector);

    const subnets = ofKind(sink, 'ec2.subnet');
    expect(subnets.find((found) => found.id === 'subnet-public')).toEqual({
      kind: 'ec2.subnet',
      id: 'subnet-public',
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-public`,
      region: REGION,
      tags: { Name: 'web' },
      attributes: {
        subnetId: 'subnet-public',
        vpcId: 'vpc-1',
        availabilityZone: `${REGION}a`,
        defaultForAz: false,
        mapPublicIpOnLaunch: true,
        routeTableId: 'rtb-web',
        public: true,
      },
      gaps: [],
    });
    expect(
      subnets.map((found) => [found.id, found.attributes.routeTableId, found.attributes.public]),
    ).toEqual([
      ['subnet-blackhole', 'rtb-old', false],
      ['subnet-default', 'rtb-main-2', true],
      ['subnet-ipv6', 'rtb-ipv6', true],
      ['subnet-private', 'rtb-main-1', false],
      ['subnet-public', 'rtb-web', true],
    ]);
    expect(ec2.commandCalls(DescribeSubnetsCommand)[1]?.args[0].input.NextToken).toBe('subnet-page-2');
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['denied', awsError('UnauthorizedOperation', 403), 'access-denied'],
    ['throttled for good', awsError('RequestLimitExceeded', 503), 'throttled'],
  ] as const)(
    'gaps the routing of every subnet when DescribeRouteTables is %s, never reporting "private"',
    async (_, error, reason) => {
      answerEverything();
      ec2.on(DescribeRouteTablesCommand).rejects(error);

      const sink = await collectWith(vpcCollector);

      const [found] = ofKind(sink, 'ec2.subnet');
      expect(found?.attributes).toEqual({
        subnetId: 'subnet-1',
        vpcId: 'vpc-1',
        availabilityZone: `${REGION}a`,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
      });
      expect(found?.gaps).toEqual([
        expect.objectContaining({ field: 'routeTableId', reason, action: 'ec2:DescribeRouteTables' }),
        expect.objectContaining({ field: 'public', reason, action: 'ec2:DescribeRouteTables' }),
      ]);
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gaps the routing of a subnet whose VPC showed no main route table', async () => {
    answerEverything();
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [subnet('subnet-9', 'vpc-9')] });

    const sink = await collectWith(vpcCollector);

    const [found] = ofKind(sink, 'ec2.subnet');
    expect(found?.attributes).not.toHaveProperty('public');
    expect(found?.gaps).toEqual([
      expect.objectContaining({ field: 'routeTableId', reason: 'not-collected' }),
      expect.objectContaining({ field: 'public', reason: 'not-collected' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves out subnets shared into the account, and asks for no route tables when there are no subnets', async () => {
    answerEverything();
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        subnet('subnet-1', 'vpc-1', { OwnerId: ACCOUNT }),
        subnet('subnet-shared', 'vpc-1', { OwnerId: '444455556666' }),
      ],
    });
    const sink = await collectWith(vpcCollector);
    expect(ofKind(sink, 'ec2.subnet').map((found) => found.id)).toEqual(['subnet-1']);

    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [] });
    ec2.resetHistory();
    await collectWith(vpcCollector);
    expect(ec2.commandCalls(DescribeRouteTablesCommand)).toHaveLength(0);
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(vpcCollector);
    expect(sink.errors).toEqual([]);
    const called = ec2.calls().map((call) => `ec2:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(vpcCollector.actions));
  });
});
