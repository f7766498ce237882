import type { SecurityGroupRule } from '../../../core/kinds/ec2.js';
import type { FlowLog, NetworkAclEntry } from '../../../core/kinds/vpc.js';
import type { IacObject, IacResource, IacValue } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  blocks,
  bool,
  get,
  list,
  num,
  obj,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { idOf, nameOf, protocolOf, userDataOf } from './resource-ids.js';

// ---------------------------------------------------------------------------------------------------------
// Security groups

/** Ports as EC2 reports them: none for all traffic, and `-1` (every ICMP type or code) is none too. */
function portOf(protocol: string, value: IacValue | undefined): number | null {
  const port = num(value);
  return protocol === '-1' || port === undefined || port === -1 ? null : port;
}

const strings = (value: IacValue | undefined): string[] =>
  list(value).flatMap((entry) => {
    const text = str(entry);
    return text === undefined || text === '' ? [] : [text];
  });

const ids = (value: IacValue | undefined, ctx: MapContext): string[] =>
  list(value).flatMap((entry) => {
    const id = idOf(entry, ctx);
    return id === undefined ? [] : [id];
  });

const one = (value: string | undefined): string[] => (value === undefined || value === '' ? [] : [value]);

/** A CloudFormation rule: inline (`SecurityGroupIngress`) or its own resource; one source per rule. */
function cfnRule(entry: IacValue, ctx: MapContext, direction: 'ingress' | 'egress'): SecurityGroupRule {
  const protocol = protocolOf(get(entry, 'IpProtocol'));
  const peer = direction === 'ingress' ? 'Source' : 'Destination';
  return {
    protocol,
    fromPort: portOf(protocol, get(entry, 'FromPort')),
    toPort: portOf(protocol, get(entry, 'ToPort')),
    ipv4Ranges: one(str(get(entry, 'CidrIp'))),
    ipv6Ranges: one(str(get(entry, 'CidrIpv6'))),
    prefixListIds: one(idOf(get(entry, `${peer}PrefixListId`), ctx)),
    sourceGroupIds: [
      ...one(idOf(get(entry, `${peer}SecurityGroupId`), ctx)),
      ...(direction === 'ingress' ? one(str(get(entry, 'SourceSecurityGroupName'))) : []),
    ],
    description: str(get(entry, 'Description')) ?? null,
  };
}

/** A Terraform `ingress`/`egress` block of `aws_security_group`, or an `aws_security_group_rule`. */
function tfRule(entry: IacObject, ctx: MapContext, groupId: string): SecurityGroupRule {
  const protocol = protocolOf(get(entry, 'protocol'));
  return {
    protocol,
    fromPort: portOf(protocol, get(entry, 'from_port')),
    toPort: portOf(protocol, get(entry, 'to_port')),
    ipv4Ranges: strings(get(entry, 'cidr_blocks')),
    ipv6Ranges: strings(get(entry, 'ipv6_cidr_blocks')),
    prefixListIds: ids(get(entry, 'prefix_list_ids'), ctx),
    sourceGroupIds: [
      ...ids(get(entry, 'security_groups'), ctx),
      ...one(idOf(get(entry, 'source_security_group_id'), ctx)),
      ...(bool(get(entry, 'self')) === true ? [groupId] : []),
    ],
    description: str(get(entry, 'description')) || null,
  };
}

/** `aws_vpc_security_group_ingress_rule` / `_egress_rule`: one source per resource. */
function tfVpcRule(entry: IacObject, ctx: MapContext): SecurityGroupRule {
  const protocol = protocolOf(get(entry, 'ip_protocol'));
  return {
    protocol,
    fromPort: portOf(protocol, get(entry, 'from_port')),
    toPort: portOf(protocol, get(entry, 'to_port')),
    ipv4Ranges: one(str(get(entry, 'cidr_ipv4'))),
    ipv6Ranges: one(str(get(entry, 'cidr_ipv6'))),
    prefixListIds: one(idOf(get(entry, 'prefix_list_id'), ctx)),
    sourceGroupIds: one(idOf(get(entry, 'referenced_security_group_id'), ctx)),
    description: str(get(entry, 'description')) || null,
  };
}

/** What EC2 adds to a new VPC security group: every protocol to every IPv4 address. */
const ALLOW_ALL_EGRESS: SecurityGroupRule = {
  protocol: '-1',
  fromPort: null,
  toPort: null,
  ipv4Ranges: ['0.0.0.0/0'],
  ipv6Ranges: [],
  prefixListIds: [],
  sourceGroupIds: [],
  description: null,
};

const CFN_INGRESS = 'AWS::EC2::SecurityGroupIngress';
const CFN_EGRESS = 'AWS::EC2::SecurityGroupEgress';

const cfnSecurityGroup: KindMapper<'ec2.security-group'> = {
  kind: 'ec2.security-group',
  format: 'cloudformation',
  types: ['AWS::EC2::SecurityGroup'],
  // CloudFormation cannot create or manage a VPC's default security group: the check never applies to a template.
  notOnCode: ['ec2-default-security-group-restricts-all'],
  fields: ['groupId', 'groupName', 'vpcId', 'description', 'ingress', 'egress'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.security-group'>(resource);
    const ingressResources = ctx.attached(resource, [CFN_INGRESS], 'GroupId');
    const egressResources = ctx.attached(resource, [CFN_EGRESS], 'GroupId');
    builder
      .set('groupId', () => resource.address)
      .set('groupName', () => nameOf(resource, 'GroupName'), ['GroupName'])
      .set('vpcId', () => idOf(get(p, 'VpcId'), ctx) ?? null, ['VpcId'])
      .set('description', () => str(get(p, 'GroupDescription')) ?? '', ['GroupDescription'])
      .set(
        'ingress',
        () => [
          ...list(get(p, 'SecurityGroupIngress')).map((entry) => cfnRule(entry, ctx, 'ingress')),
          ...ingressResources.map((rule) => cfnRule(rule.properties, ctx, 'ingress')),
        ],
        ['SecurityGroupIngress'],
      )
      .set(
        'egress',
        () => {
          const inline = list(get(p, 'SecurityGroupEgress'));
          // AWS::EC2::SecurityGroup: "Amazon EC2 creates a default egress rule that allows egress traffic on all
          // ports and IP protocols to any location. The default rule is removed only when you specify one or more
          // egress rules in the SecurityGroupEgress property" (separate SecurityGroupEgress resources keep it).
          const base =
            inline.length === 0 ? [ALLOW_ALL_EGRESS] : inline.map((e) => cfnRule(e, ctx, 'egress'));
          return [...base, ...egressResources.map((rule) => cfnRule(rule.properties, ctx, 'egress'))];
        },
        ['SecurityGroupEgress'],
      );
    if (get(p, 'SecurityGroupIngress') === undefined) builder.at('ingress', ingressResources[0]?.location);
    if (get(p, 'SecurityGroupEgress') === undefined) builder.at('egress', egressResources[0]?.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const TF_RULE = 'aws_security_group_rule';
const TF_INGRESS = 'aws_vpc_security_group_ingress_rule';
const TF_EGRESS = 'aws_vpc_security_group_egress_rule';

const tfSecurityGroup: KindMapper<'ec2.security-group'> = {
  kind: 'ec2.security-group',
  format: 'terraform',
  types: ['aws_security_group', 'aws_default_security_group'],
  fields: ['groupId', 'groupName', 'vpcId', 'description', 'ingress', 'egress'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.security-group'>(resource);
    const isDefault = resource.type === 'aws_default_security_group';
    const groupId = resource.address;
    const rules = ctx.attached(resource, [TF_RULE], 'security_group_id');
    const ingressRules = [
      ...rules.filter((rule) => get(rule.properties, 'type') === 'ingress'),
      ...ctx.attached(resource, [TF_INGRESS], 'security_group_id'),
    ];
    const egressRules = [
      ...rules.filter((rule) => get(rule.properties, 'type') === 'egress'),
      ...ctx.attached(resource, [TF_EGRESS], 'security_group_id'),
    ];
    // A rule whose direction is unknown could be either: both lists are then unknown.
    const undirected = rules.find((rule) => {
      const type = get(rule.properties, 'type');
      return type !== 'ingress' && type !== 'egress';
    });
    const split = (rule: IacResource) =>
      rule.type === TF_RULE ? tfRule(rule.properties, ctx, groupId) : tfVpcRule(rule.properties, ctx);
    const directed = (found: IacResource[]) => {
      if (undirected)
        throw new UnresolvedValue(`${undirected.address}: type is not known to be ingress or egress`);
      return found.map(split);
    };
    // Terraform AWS provider, aws_security_group: "When creating a new Security Group inside a VPC, Terraform will
    // remove this default rule [allow all egress], and require you specifically re-create it"; and
    // aws_default_security_group "immediately removes all ingress and egress rules" it adopts. So only the rules
    // written count, in both.
    builder
      .set('groupId', () => groupId)
      .set('groupName', () => (isDefault ? 'default' : nameOf(resource, 'name', 'name_prefix')), ['name'])
      .set('vpcId', () => idOf(get(p, 'vpc_id'), ctx) ?? null, ['vpc_id'])
      .set('description', () => str(get(p, 'description')) ?? 'Managed by Terraform', ['description'])
      .set(
        'ingress',
        () => [
          ...blocks(p, 'ingress').map((entry) => tfRule(entry, ctx, groupId)),
          ...directed(ingressRules),
        ],
        ['ingress'],
      )
      .set(
        'egress',
        () => [...blocks(p, 'egress').map((entry) => tfRule(entry, ctx, groupId)), ...directed(egressRules)],
        ['egress'],
      );
    if (blocks(p, 'ingress').length === 0) builder.at('ingress', ingressRules[0]?.location);
    if (blocks(p, 'egress').length === 0) builder.at('egress', egressRules[0]?.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

// ---------------------------------------------------------------------------------------------------------
// Instances and launch templates

type InstanceMetadata = NonNullable<ReturnType<typeof instanceMetadata>>;

function instanceMetadata(options: IacObject | undefined, keys: readonly [string, string, string]) {
  if (options === undefined) return undefined;
  const [endpointKey, tokensKey, hopKey] = keys;
  const endpoint = str(get(options, endpointKey));
  const tokens = str(get(options, tokensKey));
  const hops = num(get(options, hopKey));
  return {
    httpEndpoint:
      endpoint === undefined ? null : endpoint === 'disabled' ? ('disabled' as const) : ('enabled' as const),
    httpTokens:
      tokens === undefined ? null : tokens === 'required' ? ('required' as const) : ('optional' as const),
    httpPutResponseHopLimit: hops ?? null,
  };
}

const CFN_METADATA = ['HttpEndpoint', 'HttpTokens', 'HttpPutResponseHopLimit'] as const;
const TF_METADATA = ['http_endpoint', 'http_tokens', 'http_put_response_hop_limit'] as const;

/**
 * What the instance runs with: its own metadata options, else its launch template's, else EC2's defaults. The
 * RunInstances defaults are HttpEndpoint `enabled`, HttpPutResponseHopLimit 1 and HttpTokens `optional` (unless
 * the AMI is marked `ImdsSupport: v2.0` or the account-level default says otherwise, which the code does not
 * show: what it does not require, it does not enforce).
 */
function effectiveMetadata(own: InstanceMetadata | undefined, template: InstanceMetadata | undefined) {
  return {
    httpEndpoint: own?.httpEndpoint ?? template?.httpEndpoint ?? ('enabled' as const),
    httpTokens: own?.httpTokens ?? template?.httpTokens ?? ('optional' as const),
    httpPutResponseHopLimit: own?.httpPutResponseHopLimit ?? template?.httpPutResponseHopLimit ?? 1,
  };
}

/**
 * The instance profile, as far as the code names it: its name, or the address of the profile it refers to. The
 * checks only need to know one is attached; the ARN itself exists only after deployment.
 */
function profileOf(value: IacValue | undefined, ctx: MapContext): string | null {
  return idOf(value, ctx) || null;
}

/**
 * The VPC an instance runs in: its subnet's. Without a subnet, EC2 launches it into the default subnet of the
 * default VPC (RunInstances), which the code names only when Terraform manages it (`aws_default_vpc`).
 */
function instanceVpc(subnetValue: IacValue | undefined, ctx: MapContext): string | null {
  const defaultVpc = () => {
    const found = ctx.resources.find((candidate) => candidate.type === 'aws_default_vpc');
    if (!found) throw new UnresolvedValue('launched into the default VPC, which the code does not name');
    return found.address;
  };
  if (subnetValue === undefined) return defaultVpc();
  const subnet = ctx.target(subnetValue);
  if (!subnet) throw new UnresolvedValue(`subnet ${idOf(subnetValue, ctx) ?? ''} is not in the code`);
  if (subnet.type === 'aws_default_subnet') return defaultVpc();
  const vpc = idOf(get(subnet.properties, 'VpcId') ?? get(subnet.properties, 'vpc_id'), ctx);
  if (vpc === undefined) throw new UnresolvedValue(`subnet ${subnet.address} names no VPC`);
  return vpc;
}

const cfnInstance: KindMapper<'ec2.instance'> = {
  kind: 'ec2.instance',
  format: 'cloudformation',
  types: ['AWS::EC2::Instance'],
  fields: ['instanceId', 'state', 'vpcId', 'iamInstanceProfileArn', 'metadataOptions'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.instance'>(resource);
    const template = (): IacObject | undefined => {
      const reference =
        get(p, 'LaunchTemplate', 'LaunchTemplateId') ?? get(p, 'LaunchTemplate', 'LaunchTemplateName');
      const found = ctx.target(reference);
      return found?.type === 'AWS::EC2::LaunchTemplate'
        ? obj(get(found.properties, 'LaunchTemplateData'))
        : undefined;
    };
    builder
      .set('instanceId', () => resource.address)
      // A stack's instances are running once it is deployed (CloudFormation waits for it).
      .set('state', () => 'running')
      .set(
        'vpcId',
        () => instanceVpc(get(p, 'SubnetId') ?? get(p, 'NetworkInterfaces', 0, 'SubnetId'), ctx),
        ['SubnetId'],
      )
      .set(
        'iamInstanceProfileArn',
        () =>
          profileOf(
            get(p, 'IamInstanceProfile') ??
              get(template(), 'IamInstanceProfile', 'Name') ??
              get(template(), 'IamInstanceProfile', 'Arn'),
            ctx,
          ),
        ['IamInstanceProfile'],
      )
      .set(
        'metadataOptions',
        () =>
          effectiveMetadata(
            instanceMetadata(obj(get(p, 'MetadataOptions')), CFN_METADATA),
            instanceMetadata(obj(get(template(), 'MetadataOptions')), CFN_METADATA),
          ),
        ['MetadataOptions', 'HttpTokens'],
        ['MetadataOptions'],
      );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfInstance: KindMapper<'ec2.instance'> = {
  kind: 'ec2.instance',
  format: 'terraform',
  types: ['aws_instance'],
  fields: ['instanceId', 'state', 'vpcId', 'iamInstanceProfileArn', 'metadataOptions'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.instance'>(resource);
    const template = (): IacObject | undefined => {
      const spec = block(p, 'launch_template');
      const found = ctx.target(get(spec, 'id') ?? get(spec, 'name'));
      return found?.type === 'aws_launch_template' ? found.properties : undefined;
    };
    builder
      .set('instanceId', () => resource.address)
      // Terraform waits for a new instance to be running before it reports it created.
      .set('state', () => 'running')
      .set('vpcId', () => instanceVpc(get(p, 'subnet_id'), ctx), ['subnet_id'])
      .set(
        'iamInstanceProfileArn',
        () =>
          profileOf(
            get(p, 'iam_instance_profile') ??
              get(block(template(), 'iam_instance_profile'), 'name') ??
              get(block(template(), 'iam_instance_profile'), 'arn'),
            ctx,
          ),
        ['iam_instance_profile'],
      )
      .set(
        'metadataOptions',
        () =>
          effectiveMetadata(
            instanceMetadata(block(p, 'metadata_options'), TF_METADATA),
            instanceMetadata(block(template(), 'metadata_options'), TF_METADATA),
          ),
        ['metadata_options', 0, 'http_tokens'],
        ['metadata_options'],
      );
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

/**
 * An instance's user data, as its own kind (the live collector reads it with one call per instance). Terraform's
 * state, and so a plan, keeps only a SHA-1 hash of `user_data`: that is no text to scan.
 */
function instanceUserData(resource: IacResource, value: IacValue | undefined): string | null {
  const text = userDataOf(value);
  if (text !== null && resource.format === 'terraform-plan' && /^[0-9a-f]{40}$/.test(text)) {
    throw new UnresolvedValue('the plan holds only a hash of the user data');
  }
  return text;
}

const cfnInstanceUserData: KindMapper<'ec2.instance-user-data'> = {
  kind: 'ec2.instance-user-data',
  format: 'cloudformation',
  types: ['AWS::EC2::Instance'],
  fields: ['instanceId', 'userData'],
  map(resource) {
    const builder = new AttributeBuilder<'ec2.instance-user-data'>(resource);
    builder
      .set('instanceId', () => resource.address)
      .set('userData', () => instanceUserData(resource, get(resource.properties, 'UserData')), ['UserData']);
    return builder.build({ tags: tagsOf(resource.properties.Tags) });
  },
};

const tfInstanceUserData: KindMapper<'ec2.instance-user-data'> = {
  kind: 'ec2.instance-user-data',
  format: 'terraform',
  types: ['aws_instance'],
  fields: ['instanceId', 'userData'],
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.instance-user-data'>(resource);
    builder
      .set('instanceId', () => resource.address)
      .set(
        'userData',
        () => instanceUserData(resource, get(p, 'user_data') ?? get(p, 'user_data_base64')),
        ['user_data'],
        ['user_data_base64'],
      );
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

/** A launch template's options as the kind has them: null when it sets neither. */
function templateMetadata(options: IacObject | undefined, keys: readonly [string, string, string]) {
  const found = instanceMetadata(options, keys);
  if (found === undefined || (found.httpEndpoint === null && found.httpTokens === null)) return null;
  return { httpEndpoint: found.httpEndpoint, httpTokens: found.httpTokens };
}

const cfnLaunchTemplate: KindMapper<'ec2.launch-template'> = {
  kind: 'ec2.launch-template',
  format: 'cloudformation',
  types: ['AWS::EC2::LaunchTemplate'],
  fields: [
    'launchTemplateId',
    'name',
    'latestVersion',
    'metadataOptions',
    'userData',
    'associatePublicIpAddress',
  ],
  map(resource) {
    const p = resource.properties;
    const data = (): IacObject | undefined => obj(get(p, 'LaunchTemplateData'));
    const builder = new AttributeBuilder<'ec2.launch-template'>(resource);
    builder
      .set('launchTemplateId', () => resource.address)
      .set('name', () => nameOf(resource, 'LaunchTemplateName'), ['LaunchTemplateName'])
      // The template the code creates is version 1; later versions are made outside it.
      .set('latestVersion', () => 1)
      .set(
        'metadataOptions',
        () => templateMetadata(obj(get(data(), 'MetadataOptions')), CFN_METADATA),
        ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
        ['LaunchTemplateData', 'MetadataOptions'],
        ['LaunchTemplateData'],
      )
      .set('userData', () => userDataOf(get(data(), 'UserData')), ['LaunchTemplateData', 'UserData'])
      .set(
        'associatePublicIpAddress',
        () => bool(get(data(), 'NetworkInterfaces', 0, 'AssociatePublicIpAddress')) ?? null,
        ['LaunchTemplateData', 'NetworkInterfaces', 0, 'AssociatePublicIpAddress'],
      );
    return builder.build({ tags: tagsOf(get(p, 'TagSpecifications', 0, 'Tags')) });
  },
};

const tfLaunchTemplate: KindMapper<'ec2.launch-template'> = {
  kind: 'ec2.launch-template',
  format: 'terraform',
  types: ['aws_launch_template'],
  fields: [
    'launchTemplateId',
    'name',
    'latestVersion',
    'metadataOptions',
    'userData',
    'associatePublicIpAddress',
  ],
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.launch-template'>(resource);
    builder
      .set('launchTemplateId', () => resource.address)
      .set('name', () => nameOf(resource, 'name', 'name_prefix'), ['name'])
      // The template the code creates is version 1; Terraform's updates add versions, but what the code says is
      // what the latest version holds.
      .set('latestVersion', () => 1)
      .set(
        'metadataOptions',
        () => templateMetadata(block(p, 'metadata_options'), TF_METADATA),
        ['metadata_options', 0, 'http_tokens'],
        ['metadata_options'],
      )
      .set('userData', () => userDataOf(get(p, 'user_data')), ['user_data'])
      .set(
        'associatePublicIpAddress',
        () => bool(get(block(p, 'network_interfaces'), 'associate_public_ip_address')) ?? null,
        ['network_interfaces', 0, 'associate_public_ip_address'],
      );
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

// ---------------------------------------------------------------------------------------------------------
// Subnets, network ACLs, volumes, VPCs

const cfnSubnet: KindMapper<'ec2.subnet'> = {
  kind: 'ec2.subnet',
  format: 'cloudformation',
  types: ['AWS::EC2::Subnet'],
  fields: ['subnetId', 'vpcId', 'defaultForAz', 'mapPublicIpOnLaunch'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.subnet'>(resource);
    builder
      .set('subnetId', () => resource.address)
      .set('vpcId', () => idOf(get(p, 'VpcId'), ctx) ?? resource.address, ['VpcId'])
      // CloudFormation cannot create a default subnet: AWS makes those with the default VPC.
      .set('defaultForAz', () => false)
      // AWS::EC2::Subnet MapPublicIpOnLaunch: "The default value is false."
      .set('mapPublicIpOnLaunch', () => bool(get(p, 'MapPublicIpOnLaunch')) ?? false, [
        'MapPublicIpOnLaunch',
      ]);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfSubnet: KindMapper<'ec2.subnet'> = {
  kind: 'ec2.subnet',
  format: 'terraform',
  types: ['aws_subnet'],
  fields: ['subnetId', 'vpcId', 'defaultForAz', 'mapPublicIpOnLaunch'],
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ec2.subnet'>(resource);
    builder
      .set('subnetId', () => resource.address)
      .set('vpcId', () => idOf(get(p, 'vpc_id'), ctx) ?? resource.address, ['vpc_id'])
      // aws_subnet makes a new, non-default subnet (default ones are aws_default_subnet).
      .set('defaultForAz', () => false)
      // aws_subnet map_public_ip_on_launch: "Default is false."
      .set('mapPublicIpOnLaunch', () => bool(get(p, 'map_public_ip_on_launch')) ?? false, [
        'map_public_ip_on_launch',
      ]);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

/**
 * The entries every network ACL ends with, which cannot be changed: deny everything else, in and out. (VPCs with
 * IPv6 also get the `::/0` ones; denying changes no check's answer.)
 */
const CATCH_ALL: NetworkAclEntry[] = [false, true].map((egress) => ({
  ruleNumber: 32767,
  egress,
  ruleAction: 'deny',
  protocol: '-1',
  cidrBlock: '0.0.0.0/0',
  ipv6CidrBlock: null,
  fromPort: null,
  toPort: null,
}));

function aclEntry(
  fields: {
    ruleNumber: IacValue | undefined;
    egress: boolean;
    action: IacValue | undefined;
    protocol: IacValue | undefined;
    cidr: IacValue | undefined;
    ipv6: IacValue | undefined;
    from: IacValue | undefined;
    to: IacValue | undefined;
  },
  where: string,
): NetworkAclEntry {
  const ruleNumber = num(fields.ruleNumber);
  const action = str(fields.action)?.toLowerCase();
  const protocol = protocolOf(fields.protocol, '');
  if (ruleNumber === undefined || (action !== 'allow' && action !== 'deny') || protocol === '') {
    throw new UnresolvedValue(`${where}: an entry without its rule number, action or protocol`);
  }
  const cidrBlock = str(fields.cidr) || null;
  const ipv6CidrBlock = str(fields.ipv6) || null;
  const ported = protocol === 'tcp' || protocol === 'udp';
  const from = ported ? num(fields.from) : undefined;
  const to = ported ? num(fields.to) : undefined;
  if (ported && (from === undefined || to === undefined)) {
    throw new UnresolvedValue(`${where}: a ${protocol} entry without its port range`);
  }
  return {
    ruleNumber,
    egress: fields.egress,
    ruleAction: action,
    protocol,
    cidrBlock,
    ipv6CidrBlock,
    fromPort: from ?? null,
    toPort: to ?? null,
  };
}

function inEvaluationOrder(a: NetworkAclEntry, b: NetworkAclEntry): number {
  return Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber;
}

const cfnNetworkAcl: KindMapper<'ec2.network-acl'> = {
  kind: 'ec2.network-acl',
  format: 'cloudformation',
  types: ['AWS::EC2::NetworkAcl'],
  fields: ['networkAclId', 'vpcId', 'isDefault', 'entries'],
  map(resource, ctx) {
    const p = resource.properties;
    const attached = ctx.attached(resource, ['AWS::EC2::NetworkAclEntry'], 'NetworkAclId');
    const builder = new AttributeBuilder<'ec2.network-acl'>(resource);
    builder
      .set('networkAclId', () => resource.address)
      .set('vpcId', () => idOf(get(p, 'VpcId'), ctx) ?? resource.address, ['VpcId'])
      // CloudFormation cannot create a VPC's default network ACL: AWS makes it with the VPC.
      .set('isDefault', () => false)
      .set('entries', () =>
        [
          ...attached.map((entry) =>
            aclEntry(
              {
                ruleNumber: get(entry.properties, 'RuleNumber'),
                // AWS::EC2::NetworkAclEntry Egress: "Whether this rule applies to egress traffic" (default false).
                egress: bool(get(entry.properties, 'Egress')) ?? false,
                action: get(entry.properties, 'RuleAction'),
                protocol: get(entry.properties, 'Protocol'),
                cidr: get(entry.properties, 'CidrBlock'),
                ipv6: get(entry.properties, 'Ipv6CidrBlock'),
                from: get(entry.properties, 'PortRange', 'From'),
                to: get(entry.properties, 'PortRange', 'To'),
              },
              entry.address,
            ),
          ),
          ...CATCH_ALL,
        ].sort(inEvaluationOrder),
      );
    builder.at('entries', attached[0]?.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

function tfAclBlock(entry: IacObject, egress: boolean, where: string): NetworkAclEntry {
  return aclEntry(
    {
      ruleNumber: get(entry, 'rule_no'),
      egress,
      action: get(entry, 'action'),
      protocol: get(entry, 'protocol'),
      cidr: get(entry, 'cidr_block'),
      ipv6: get(entry, 'ipv6_cidr_block'),
      from: get(entry, 'from_port'),
      to: get(entry, 'to_port'),
    },
    where,
  );
}

const tfNetworkAcl: KindMapper<'ec2.network-acl'> = {
  kind: 'ec2.network-acl',
  format: 'terraform',
  types: ['aws_network_acl', 'aws_default_network_acl'],
  fields: ['networkAclId', 'vpcId', 'isDefault', 'entries'],
  map(resource, ctx) {
    const p = resource.properties;
    const isDefault = resource.type === 'aws_default_network_acl';
    const attached = isDefault ? [] : ctx.attached(resource, ['aws_network_acl_rule'], 'network_acl_id');
    const builder = new AttributeBuilder<'ec2.network-acl'>(resource);
    builder
      .set('networkAclId', () => resource.address)
      .set(
        'vpcId',
        () => {
          if (!isDefault) return idOf(get(p, 'vpc_id'), ctx) ?? resource.address;
          // aws_default_network_acl names its ACL, not its VPC: the VPC is the one whose default ACL it is.
          const vpc = ctx.target(get(p, 'default_network_acl_id'));
          return vpc?.address ?? resource.address;
        },
        ['vpc_id'],
      )
      .set('isDefault', () => isDefault)
      .set(
        'entries',
        () =>
          [
            ...blocks(p, 'ingress').map((entry) => tfAclBlock(entry, false, resource.address)),
            ...blocks(p, 'egress').map((entry) => tfAclBlock(entry, true, resource.address)),
            ...attached.map((rule) =>
              aclEntry(
                {
                  ruleNumber: get(rule.properties, 'rule_number'),
                  // aws_network_acl_rule egress: "Default false."
                  egress: bool(get(rule.properties, 'egress')) ?? false,
                  action: get(rule.properties, 'rule_action'),
                  protocol: get(rule.properties, 'protocol'),
                  cidr: get(rule.properties, 'cidr_block'),
                  ipv6: get(rule.properties, 'ipv6_cidr_block'),
                  from: get(rule.properties, 'from_port'),
                  to: get(rule.properties, 'to_port'),
                },
                rule.address,
              ),
            ),
            ...CATCH_ALL,
          ].sort(inEvaluationOrder),
        ['ingress'],
        ['egress'],
      );
    if (blocks(p, 'ingress').length === 0 && blocks(p, 'egress').length === 0) {
      builder.at('entries', attached[0]?.location);
    }
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

/**
 * A volume's encryption. Unencrypted is EC2's default when the code does not ask for it (CreateVolume: Encrypted
 * defaults to false unless the account turns on encryption by default, a setting outside the code). Encrypted
 * without a key uses the AWS managed key `aws/ebs`.
 */
function volumeKey(encrypted: boolean, key: IacValue | undefined, ctx: MapContext): string | null {
  if (!encrypted) return null;
  return idOf(key, ctx) ?? 'alias/aws/ebs';
}

const cfnVolume: KindMapper<'ec2.volume'> = {
  kind: 'ec2.volume',
  format: 'cloudformation',
  types: ['AWS::EC2::Volume'],
  fields: ['volumeId', 'encrypted', 'kmsKeyId', 'state', 'attachedInstanceIds'],
  map(resource, ctx) {
    const p = resource.properties;
    const attachments = ctx.attached(resource, ['AWS::EC2::VolumeAttachment'], 'VolumeId');
    const inline = ctx.resources.filter(
      (candidate) =>
        candidate.type === 'AWS::EC2::Instance' &&
        list(candidate.properties.Volumes).some((entry) => ctx.designates(get(entry, 'VolumeId'), resource)),
    );
    const instances = (): string[] => [
      ...attachments.map(
        (attachment) => idOf(get(attachment.properties, 'InstanceId'), ctx) ?? attachment.address,
      ),
      ...inline.map((instance) => instance.address),
    ];
    const builder = new AttributeBuilder<'ec2.volume'>(resource);
    builder
      .set('volumeId', () => resource.address)
      .set('encrypted', () => bool(get(p, 'Encrypted')) ?? false, ['Encrypted'])
      .set('kmsKeyId', () => volumeKey(bool(get(p, 'Encrypted')) ?? false, get(p, 'KmsKeyId'), ctx), [
        'KmsKeyId',
      ])
      // A new volume is `available`, or `in-use` once attached.
      .set('state', () => (instances().length > 0 ? 'in-use' : 'available'))
      .set('attachedInstanceIds', instances);
    builder.at('attachedInstanceIds', attachments[0]?.location ?? inline[0]?.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfVolume: KindMapper<'ec2.volume'> = {
  kind: 'ec2.volume',
  format: 'terraform',
  types: ['aws_ebs_volume'],
  fields: ['volumeId', 'encrypted', 'kmsKeyId', 'state', 'attachedInstanceIds'],
  map(resource, ctx) {
    const p = resource.properties;
    const attachments = ctx.attached(resource, ['aws_volume_attachment'], 'volume_id');
    const instances = (): string[] =>
      attachments.map(
        (attachment) => idOf(get(attachment.properties, 'instance_id'), ctx) ?? attachment.address,
      );
    const builder = new AttributeBuilder<'ec2.volume'>(resource);
    builder
      .set('volumeId', () => resource.address)
      .set('encrypted', () => bool(get(p, 'encrypted')) ?? false, ['encrypted'])
      .set('kmsKeyId', () => volumeKey(bool(get(p, 'encrypted')) ?? false, get(p, 'kms_key_id'), ctx), [
        'kms_key_id',
      ])
      // A new volume is `available`, or `in-use` once attached.
      .set('state', () => (instances().length > 0 ? 'in-use' : 'available'))
      .set('attachedInstanceIds', instances);
    builder.at('attachedInstanceIds', attachments[0]?.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

const DESTINATION_TYPES = ['cloud-watch-logs', 's3', 'kinesis-data-firehose'] as const;
const TRAFFIC_TYPES = ['ACCEPT', 'REJECT', 'ALL'] as const;

function flowLogOf(
  log: IacResource,
  keys: { traffic: string; destinationType: string; destination: string; logGroup: string },
  ctx: MapContext,
): FlowLog {
  const p = log.properties;
  const traffic = str(get(p, keys.traffic))?.toUpperCase();
  // The flow log APIs: LogDestinationType defaults to cloud-watch-logs, and TrafficType to ALL where optional.
  const destinationType = str(get(p, keys.destinationType)) ?? 'cloud-watch-logs';
  const trafficType = TRAFFIC_TYPES.find((known) => known === (traffic ?? 'ALL'));
  const type = DESTINATION_TYPES.find((known) => known === destinationType);
  if (!trafficType || !type) throw new UnresolvedValue(`${log.address}: unknown traffic or destination type`);
  return {
    id: log.address,
    // A flow log is ACTIVE from its creation; delivery problems show elsewhere.
    status: 'ACTIVE',
    trafficType,
    destinationType: type,
    logDestination: idOf(get(p, keys.destination), ctx) ?? idOf(get(p, keys.logGroup), ctx) ?? null,
  };
}

const cfnVpc: KindMapper<'ec2.vpc'> = {
  kind: 'ec2.vpc',
  format: 'cloudformation',
  types: ['AWS::EC2::VPC'],
  // CloudFormation cannot create or adopt a default VPC: the check never applies to a template.
  notOnCode: ['ec2-vpc-default-not-in-use'],
  fields: ['vpcId', 'isDefault', 'flowLogs'],
  map(resource, ctx) {
    const p = resource.properties;
    const logs = ctx
      .attached(resource, ['AWS::EC2::FlowLog'], 'ResourceId')
      .filter(
        (log) =>
          get(log.properties, 'ResourceType') === undefined || get(log.properties, 'ResourceType') === 'VPC',
      );
    const builder = new AttributeBuilder<'ec2.vpc'>(resource);
    builder
      .set('vpcId', () => resource.address)
      // CloudFormation cannot create a default VPC.
      .set('isDefault', () => false)
      .set('flowLogs', () =>
        logs.map((log) =>
          flowLogOf(
            log,
            {
              traffic: 'TrafficType',
              destinationType: 'LogDestinationType',
              destination: 'LogDestination',
              logGroup: 'LogGroupName',
            },
            ctx,
          ),
        ),
      );
    builder.at('flowLogs', logs[0]?.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfVpc: KindMapper<'ec2.vpc'> = {
  kind: 'ec2.vpc',
  format: 'terraform',
  types: ['aws_vpc', 'aws_default_vpc'],
  fields: ['vpcId', 'isDefault', 'flowLogs'],
  map(resource, ctx) {
    const p = resource.properties;
    const logs = ctx.attached(resource, ['aws_flow_log'], 'vpc_id');
    const builder = new AttributeBuilder<'ec2.vpc'>(resource);
    builder
      .set('vpcId', () => resource.address)
      .set('isDefault', () => resource.type === 'aws_default_vpc')
      .set('flowLogs', () =>
        logs.map((log) =>
          flowLogOf(
            log,
            {
              traffic: 'traffic_type',
              destinationType: 'log_destination_type',
              destination: 'log_destination',
              logGroup: 'log_group_name',
            },
            ctx,
          ),
        ),
      );
    builder.at('flowLogs', logs[0]?.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [
  cfnInstance,
  cfnInstanceUserData,
  cfnLaunchTemplate,
  cfnNetworkAcl,
  cfnSecurityGroup,
  cfnSubnet,
  cfnVolume,
  cfnVpc,
  tfInstance,
  tfInstanceUserData,
  tfLaunchTemplate,
  tfNetworkAcl,
  tfSecurityGroup,
  tfSubnet,
  tfVolume,
  tfVpc,
] as KindMapper[];
