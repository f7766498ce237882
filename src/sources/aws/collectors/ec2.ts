import {
  DescribeInstanceAttributeCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { Gap } from '../../../core/gap.js';
import type { SecurityGroupRule } from '../../../core/kinds/ec2.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, listOrGap, missing, present, regionalArn, tagsOf, userDataText } from './support.js';

type InstanceAttributes = AttributesOf<'ec2.instance'>;

const PAGE_SIZE = 1000;

export const ec2Collector: Collector = {
  service: 'ec2',
  global: false,
  actions: [
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeInstances',
    'ec2:GetEbsEncryptionByDefault',
    'ec2:GetEbsDefaultKmsKeyId',
    'ec2:DescribeInstanceAttribute',
  ],
  kinds: {
    'ec2.security-group': ['groupId', 'groupName', 'vpcId', 'description', 'ingress', 'egress'],
    'ec2.instance': [
      'instanceId',
      'state',
      'instanceType',
      'imageId',
      'vpcId',
      'subnetId',
      'publicIpAddress',
      'iamInstanceProfileArn',
      'metadataOptions',
    ],
    'ec2.ebs-encryption-by-default': ['enabled', 'kmsKeyId'],
    'ec2.instance-user-data': ['instanceId', 'userData'],
  },
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    // Each kind stands alone: a denied DescribeInstances leaves the security groups and EBS defaults observed.
    await Promise.all([
      collectSecurityGroups(ctx, client),
      collectInstances(ctx, client),
      collectEbsEncryptionByDefault(ctx, client),
    ]);
  },
};

async function collectSecurityGroups(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeSecurityGroups';
  const groups = await listOrGap(ctx, 'ec2.security-group', action, () =>
    allPages(
      paginateDescribeSecurityGroups({ client }, { MaxResults: PAGE_SIZE }),
      (page) => page.SecurityGroups,
    ),
  );
  for (const group of groups ?? []) {
    const groupId = group.GroupId;
    if (!groupId) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<AttributesOf<'ec2.security-group'>> = {
      groupId,
      vpcId: group.VpcId ?? null,
      ingress: (group.IpPermissions ?? []).map(ruleOf),
      egress: (group.IpPermissionsEgress ?? []).map(ruleOf),
    };
    present(attributes, gaps, action, 'groupName', group.GroupName);
    present(attributes, gaps, action, 'description', group.Description);
    ctx.emit({
      kind: 'ec2.security-group',
      id: groupId,
      arn: regionalArn(ctx, 'ec2', `security-group/${groupId}`),
      tags: tagsOf(group.Tags),
      attributes,
      gaps,
    });
  }
}

/** A rule as the kind has it; `-1` (all traffic) and `-1` ports (every ICMP type or code) have no ports. */
function ruleOf(permission: IpPermission): SecurityGroupRule {
  const protocol = permission.IpProtocol ?? '-1';
  const port = (value: number | undefined) =>
    protocol === '-1' || value === undefined || value === -1 ? null : value;
  const ipv4 = permission.IpRanges ?? [];
  const ipv6 = permission.Ipv6Ranges ?? [];
  const prefixLists = permission.PrefixListIds ?? [];
  const groups = permission.UserIdGroupPairs ?? [];
  const first = [...ipv4, ...ipv6, ...prefixLists, ...groups][0];
  return {
    protocol,
    fromPort: port(permission.FromPort),
    toPort: port(permission.ToPort),
    ipv4Ranges: ipv4.flatMap((range) => (range.CidrIp ? [range.CidrIp] : [])),
    ipv6Ranges: ipv6.flatMap((range) => (range.CidrIpv6 ? [range.CidrIpv6] : [])),
    prefixListIds: prefixLists.flatMap((list) => (list.PrefixListId ? [list.PrefixListId] : [])),
    sourceGroupIds: groups.flatMap((pair) => (pair.GroupId ? [pair.GroupId] : [])),
    description: first?.Description ?? null,
  };
}

async function collectInstances(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeInstances';
  // A failed listing leaves the instances and their user data unknown alike.
  const instances = await listOrGap(ctx, ['ec2.instance', 'ec2.instance-user-data'], action, () =>
    allPages(paginateDescribeInstances({ client }, { MaxResults: PAGE_SIZE }), (page) =>
      (page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []),
    ),
  );
  for (const instance of instances ?? []) {
    const instanceId = instance.InstanceId;
    if (!instanceId) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<InstanceAttributes> = {
      instanceId,
      vpcId: instance.VpcId ?? null,
      subnetId: instance.SubnetId ?? null,
      publicIpAddress: instance.PublicIpAddress ?? null,
      iamInstanceProfileArn: instance.IamInstanceProfile?.Arn ?? null,
    };
    present(attributes, gaps, action, 'state', instance.State?.Name);
    present(attributes, gaps, action, 'instanceType', instance.InstanceType);
    present(attributes, gaps, action, 'imageId', instance.ImageId);
    const metadata = instance.MetadataOptions;
    // The endpoint is on unless said otherwise; whether IMDSv1 is allowed is never assumed.
    present(
      attributes,
      gaps,
      action,
      'metadataOptions',
      metadata?.HttpTokens !== undefined && metadata.HttpPutResponseHopLimit !== undefined
        ? {
            httpEndpoint: metadata.HttpEndpoint ?? 'enabled',
            httpTokens: metadata.HttpTokens,
            httpPutResponseHopLimit: metadata.HttpPutResponseHopLimit,
          }
        : undefined,
    );
    ctx.emit({
      kind: 'ec2.instance',
      id: instanceId,
      arn: regionalArn(ctx, 'ec2', `instance/${instanceId}`),
      tags: tagsOf(instance.Tags),
      attributes,
      gaps,
    });
  }
  if (instances === null) return;
  await Promise.all(
    instances
      .filter((instance) => instance.InstanceId && instance.State?.Name !== 'terminated')
      .map((instance) => collectUserData(ctx, client, instance.InstanceId ?? '')),
  );
}

/** One call per instance (DescribeInstanceAttribute takes one attribute of one instance). */
async function collectUserData(ctx: CollectorContext, client: EC2Client, instanceId: string): Promise<void> {
  const action = 'ec2:DescribeInstanceAttribute';
  const read = await ctx.observe(action, () =>
    client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'userData' })),
  );
  const gaps: Gap[] = [];
  const attributes: Partial<AttributesOf<'ec2.instance-user-data'>> = { instanceId };
  if (!read.ok) gaps.push(read.failure.gap('userData'));
  else {
    const text = userDataText(read.value?.UserData?.Value);
    if (text === undefined)
      gaps.push(missing('userData', action, 'gzipped user data that does not decompress'));
    else attributes.userData = text;
  }
  ctx.emit({
    kind: 'ec2.instance-user-data',
    id: instanceId,
    arn: regionalArn(ctx, 'ec2', `instance/${instanceId}`),
    attributes,
    gaps,
  });
}

async function collectEbsEncryptionByDefault(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const [enabled, kmsKey] = await Promise.all([
    ctx.observe('ec2:GetEbsEncryptionByDefault', () => client.send(new GetEbsEncryptionByDefaultCommand({}))),
    ctx.observe('ec2:GetEbsDefaultKmsKeyId', () => client.send(new GetEbsDefaultKmsKeyIdCommand({}))),
  ]);
  const attributes: Partial<AttributesOf<'ec2.ebs-encryption-by-default'>> = {};
  const gaps: Gap[] = [];
  if (enabled.ok) {
    present(
      attributes,
      gaps,
      'ec2:GetEbsEncryptionByDefault',
      'enabled',
      enabled.value?.EbsEncryptionByDefault,
    );
  } else gaps.push(enabled.failure.gap('enabled'));
  if (kmsKey.ok) attributes.kmsKeyId = kmsKey.value?.KmsKeyId ?? null;
  else gaps.push(kmsKey.failure.gap('kmsKeyId'));
  ctx.emit({ kind: 'ec2.ebs-encryption-by-default', id: ctx.region, arn: null, attributes, gaps });
}
