import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacObject, type IacResource } from '../types.js';
import { MAPPERS } from './ec2.js';
import type { MapContext } from './mapper.js';

function map(resource: IacResource, ctx: MapContext = contextOf(resource), kind?: string) {
  const mapper = MAPPERS.find(
    (m) => m.types.includes(resource.type) && (kind === undefined || m.kind === kind),
  );
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, ctx);
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const rule = (overrides: Record<string, unknown>) => ({
  protocol: 'tcp',
  fromPort: null,
  toPort: null,
  ipv4Ranges: [],
  ipv6Ranges: [],
  prefixListIds: [],
  sourceGroupIds: [],
  description: null,
  ...overrides,
});

const ALLOW_ALL_EGRESS = rule({ protocol: '-1', ipv4Ranges: ['0.0.0.0/0'] });

describe('security groups', () => {
  it('CloudFormation: shapes inline and separate rules like EC2 and adds the default egress rule', () => {
    const group = iacResource(
      'AWS::EC2::SecurityGroup',
      {
        GroupName: 'web',
        GroupDescription: 'Web servers',
        VpcId: new Reference('Vpc', null),
        SecurityGroupIngress: [
          { IpProtocol: '6', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS' },
          { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, SourcePrefixListId: 'pl-123' },
        ],
      },
      { address: 'Web', lines: { SecurityGroupIngress: 6 } },
    );
    const ssh = iacResource(
      'AWS::EC2::SecurityGroupIngress',
      {
        GroupId: new Reference('Web', 'GroupId'),
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        CidrIpv6: '::/0',
      },
      { address: 'Ssh', line: 20 },
    );
    const vpc = iacResource('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }, { address: 'Vpc' });
    const mapped = map(group, contextOf(group, ssh, vpc));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      groupId: 'Web',
      groupName: 'web',
      vpcId: 'Vpc',
      description: 'Web servers',
      ingress: [
        rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], description: 'HTTPS' }),
        rule({ protocol: 'icmp', prefixListIds: ['pl-123'] }),
        rule({ fromPort: 22, toPort: 22, ipv6Ranges: ['::/0'] }),
      ],
      egress: [ALLOW_ALL_EGRESS],
    });
    expect(mapped.locations.ingress?.line).toBe(6);
  });

  it('CloudFormation: written egress rules replace the default one; a name left out is the logical id', () => {
    const group = iacResource('AWS::EC2::SecurityGroup', {
      GroupDescription: 'db',
      SecurityGroupEgress: [
        { IpProtocol: '-1', DestinationSecurityGroupId: new Reference('App', 'GroupId') },
      ],
    });
    const app = iacResource('AWS::EC2::SecurityGroup', { GroupDescription: 'app' }, { address: 'App' });
    const mapped = map(group, contextOf(group, app));
    expect(mapped.attributes.groupName).toBe('Resource');
    expect(mapped.attributes.vpcId).toBeNull();
    expect(mapped.attributes.egress).toEqual([rule({ protocol: '-1', sourceGroupIds: ['App'] })]);
  });

  it('Terraform: joins aws_security_group_rule and aws_vpc_security_group_*_rule, with no default egress', () => {
    const group = iacResource('aws_security_group', {
      name: 'web',
      vpc_id: new Reference('aws_vpc.main', 'id'),
      ingress: [
        {
          protocol: 'tcp',
          from_port: 80,
          to_port: 80,
          cidr_blocks: ['10.0.0.0/8'],
          self: true,
          description: '',
        },
      ],
    });
    const legacy = iacResource(
      'aws_security_group_rule',
      {
        type: 'ingress',
        security_group_id: new Reference('aws_security_group.this', 'id'),
        protocol: 'all',
        from_port: 0,
        to_port: 0,
        cidr_blocks: ['0.0.0.0/0'],
      },
      { address: 'aws_security_group_rule.all' },
    );
    const egress = iacResource(
      'aws_vpc_security_group_egress_rule',
      {
        security_group_id: new Reference('aws_security_group.this', 'id'),
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_ipv4: '0.0.0.0/0',
      },
      { address: 'aws_vpc_security_group_egress_rule.https', line: 30 },
    );
    const mapped = map(group, contextOf(group, legacy, egress));
    expect(mapped.attributes.description).toBe('Managed by Terraform');
    expect(mapped.attributes.vpcId).toBe('aws_vpc.main');
    expect(mapped.attributes.ingress).toEqual([
      rule({
        fromPort: 80,
        toPort: 80,
        ipv4Ranges: ['10.0.0.0/8'],
        sourceGroupIds: ['aws_security_group.this'],
      }),
      rule({ protocol: '-1', ipv4Ranges: ['0.0.0.0/0'] }),
    ]);
    expect(mapped.attributes.egress).toEqual([
      rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }),
    ]);
    expect(mapped.locations.egress?.line).toBe(30);
  });

  it('Terraform: an empty aws_default_security_group is the default group with no rules', () => {
    const group = iacResource('aws_default_security_group', { vpc_id: 'vpc-1' });
    expect(map(group).attributes).toMatchObject({ groupName: 'default', ingress: [], egress: [] });
  });

  it('Terraform: a rule whose type is unknown makes both directions gaps', () => {
    const group = iacResource('aws_security_group', { name: 'web' });
    const unknown = iacResource(
      'aws_security_group_rule',
      {
        type: new Unresolved('var.direction'),
        security_group_id: new Reference('aws_security_group.this', 'id'),
      },
      { address: 'aws_security_group_rule.x' },
    );
    expect(map(group, contextOf(group, unknown)).gaps.map((gap) => gap.field)).toEqual(['ingress', 'egress']);
  });

  it('an unresolved CIDR makes ingress a gap and leaves the other fields', () => {
    const group = iacResource('aws_security_group', {
      name: 'web',
      ingress: [
        { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: [new Unresolved('var.admin_cidr')] },
      ],
    });
    const mapped = map(group);
    expect(mapped.gaps).toEqual([{ field: 'ingress', reason: 'unresolved', detail: 'var.admin_cidr' }]);
    expect(mapped.attributes.egress).toEqual([]);
    expect(mapped.attributes.groupName).toBe('web');
  });
});

describe('instances', () => {
  it('CloudFormation: metadata options and instance profile as written', () => {
    const instance = iacResource('AWS::EC2::Instance', {
      IamInstanceProfile: new Reference('Profile', null),
      MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
    });
    const profile = iacResource('AWS::IAM::InstanceProfile', { Roles: [] }, { address: 'Profile' });
    const mapped = map(instance, contextOf(instance, profile));
    expect(mapped.attributes).toMatchObject({
      state: 'running',
      iamInstanceProfileArn: 'Profile',
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
    });
  });

  it('defaults to IMDSv1 allowed and no profile when the code says nothing', () => {
    const mapped = map(iacResource('aws_instance', { ami: 'ami-1' }));
    expect(mapped.attributes.metadataOptions).toEqual({
      httpEndpoint: 'enabled',
      httpTokens: 'optional',
      httpPutResponseHopLimit: 1,
    });
    expect(mapped.attributes.iamInstanceProfileArn).toBeNull();
  });

  it('Terraform: takes metadata options from its launch template, and its VPC from its subnet', () => {
    const template = iacResource(
      'aws_launch_template',
      { metadata_options: [{ http_tokens: 'required' }] },
      { address: 'aws_launch_template.app' },
    );
    const subnet = iacResource(
      'aws_subnet',
      { vpc_id: new Reference('aws_vpc.app', 'id') },
      { address: 'aws_subnet.app' },
    );
    const instance = iacResource('aws_instance', {
      subnet_id: new Reference('aws_subnet.app', 'id'),
      launch_template: [{ id: new Reference('aws_launch_template.app', 'id') }],
    });
    const mapped = map(instance, contextOf(instance, template, subnet));
    expect(mapped.attributes.metadataOptions).toMatchObject({ httpTokens: 'required' });
    expect(mapped.attributes.vpcId).toBe('aws_vpc.app');
  });

  it('an instance without a subnet runs in the default VPC: known only when the code manages it', () => {
    const instance = iacResource('aws_instance', { ami: 'ami-1' });
    expect(map(instance).gaps.map((gap) => gap.field)).toEqual(['vpcId']);
    const vpc = iacResource('aws_default_vpc', {}, { address: 'aws_default_vpc.default' });
    expect(map(instance, contextOf(instance, vpc)).attributes.vpcId).toBe('aws_default_vpc.default');
  });

  it('a profile from a parameter without a default is a gap', () => {
    const instance = iacResource('AWS::EC2::Instance', {
      SubnetId: new Reference('Subnet', null),
      IamInstanceProfile: new Unresolved('Ref to parameter P'),
    });
    const subnet = iacResource('AWS::EC2::Subnet', { VpcId: 'vpc-1' }, { address: 'Subnet' });
    expect(map(instance, contextOf(instance, subnet)).gaps).toEqual([
      { field: 'iamInstanceProfileArn', reason: 'unresolved', detail: 'Ref to parameter P' },
    ]);
  });
});

describe('instance user data', () => {
  const userData = (resource: IacResource) => map(resource, contextOf(resource), 'ec2.instance-user-data');

  it('is the text under Fn::Base64, or Terraform user_data as written; null without any', () => {
    expect(
      userData(iacResource('AWS::EC2::Instance', { UserData: '#!/bin/bash\necho hi\n' })).attributes,
    ).toEqual({
      instanceId: 'Resource',
      userData: '#!/bin/bash\necho hi\n',
    });
    expect(userData(iacResource('aws_instance', {})).attributes.userData).toBeNull();
  });

  it('a plan keeps only a hash of user_data: a gap, not text to scan', () => {
    const planned = iacResource(
      'aws_instance',
      { user_data: '0123456789abcdef0123456789abcdef01234567' },
      { format: 'terraform-plan' },
    );
    expect(userData(planned).gaps).toEqual([
      { field: 'userData', reason: 'unresolved', detail: 'the plan holds only a hash of the user data' },
    ]);
  });
});

describe('launch templates', () => {
  it('CloudFormation: user data as written under Fn::Base64, and unset options stay null', () => {
    const template = iacResource('AWS::EC2::LaunchTemplate', {
      LaunchTemplateName: 'app',
      LaunchTemplateData: { UserData: '#!/bin/bash\necho hi\n' },
    });
    expect(map(template).attributes).toMatchObject({
      name: 'app',
      latestVersion: 1,
      metadataOptions: null,
      userData: '#!/bin/bash\necho hi\n',
      associatePublicIpAddress: null,
    });
  });

  it('Terraform: decodes base64 user data and reads metadata_options', () => {
    const template = iacResource('aws_launch_template', {
      user_data: Buffer.from('#!/bin/bash\nexport DB_PASSWORD=x\n').toString('base64'),
      metadata_options: [{ http_endpoint: 'enabled', http_tokens: 'optional' }],
      network_interfaces: [{ associate_public_ip_address: 'true' }],
    });
    expect(map(template).attributes).toMatchObject({
      name: 'aws_launch_template.this',
      userData: '#!/bin/bash\nexport DB_PASSWORD=x\n',
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'optional' },
      associatePublicIpAddress: true,
    });
  });

  it('unresolved user data is a gap', () => {
    const template = iacResource('aws_launch_template', { user_data: new Unresolved('var.user_data') });
    expect(map(template).gaps.map((gap) => gap.field)).toEqual(['userData']);
  });
});

describe('network ACLs', () => {
  it('CloudFormation: joins its entries, in evaluation order, with the catch-all denies', () => {
    const acl = iacResource('AWS::EC2::NetworkAcl', { VpcId: 'vpc-1' }, { address: 'Acl' });
    const entry = (address: string, properties: IacObject) =>
      iacResource(
        'AWS::EC2::NetworkAclEntry',
        { NetworkAclId: new Reference('Acl', null), CidrBlock: '0.0.0.0/0', ...properties },
        { address },
      );
    const ssh = entry('Ssh', {
      RuleNumber: 100,
      Protocol: 6,
      RuleAction: 'allow',
      PortRange: { From: 22, To: 22 },
    });
    const out = entry('Out', { RuleNumber: 100, Protocol: -1, RuleAction: 'allow', Egress: true });
    const deny = entry('Deny', {
      RuleNumber: 50,
      Protocol: 17,
      RuleAction: 'deny',
      PortRange: { From: 53, To: 53 },
    });
    const mapped = map(acl, contextOf(acl, ssh, out, deny));
    const entries = mapped.attributes.entries as { ruleNumber: number; egress: boolean; protocol: string }[];
    expect(entries.map((e) => [e.egress, e.ruleNumber, e.protocol])).toEqual([
      [false, 50, 'udp'],
      [false, 100, 'tcp'],
      [false, 32767, '-1'],
      [true, 100, '-1'],
      [true, 32767, '-1'],
    ]);
    expect(entries[1]).toMatchObject({
      ruleAction: 'allow',
      fromPort: 22,
      toPort: 22,
      cidrBlock: '0.0.0.0/0',
    });
    expect(mapped.attributes.isDefault).toBe(false);
  });

  it('Terraform: inline blocks and aws_network_acl_rule; a TCP rule without ports is a gap', () => {
    const acl = iacResource('aws_network_acl', {
      vpc_id: 'vpc-1',
      ingress: [
        { rule_no: 10, action: 'deny', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 },
      ],
    });
    const bad = iacResource(
      'aws_network_acl_rule',
      {
        network_acl_id: new Reference('aws_network_acl.this', 'id'),
        rule_number: 20,
        protocol: 'tcp',
        rule_action: 'allow',
        cidr_block: '0.0.0.0/0',
      },
      { address: 'aws_network_acl_rule.bad' },
    );
    expect(map(acl).attributes.entries).toHaveLength(3);
    expect(map(acl, contextOf(acl, bad)).gaps).toEqual([
      {
        field: 'entries',
        reason: 'unresolved',
        detail: 'aws_network_acl_rule.bad: a tcp entry without its port range',
      },
    ]);
  });
});

describe('subnets, volumes and VPCs', () => {
  it('a subnet does not map public IPs unless it says so', () => {
    expect(map(iacResource('AWS::EC2::Subnet', { VpcId: 'vpc-1' })).attributes.mapPublicIpOnLaunch).toBe(
      false,
    );
    expect(
      map(iacResource('aws_subnet', { vpc_id: 'vpc-1', map_public_ip_on_launch: true })).attributes,
    ).toMatchObject({ mapPublicIpOnLaunch: true, defaultForAz: false, vpcId: 'vpc-1' });
  });

  it('a volume is unencrypted by default, and in use once an attachment names it', () => {
    const volume = iacResource('aws_ebs_volume', { size: 10 }, { address: 'aws_ebs_volume.data' });
    const attachment = iacResource(
      'aws_volume_attachment',
      {
        volume_id: new Reference('aws_ebs_volume.data', 'id'),
        instance_id: new Reference('aws_instance.app', 'id'),
      },
      { address: 'aws_volume_attachment.data' },
    );
    expect(map(volume, contextOf(volume, attachment)).attributes).toEqual({
      volumeId: 'aws_ebs_volume.data',
      encrypted: false,
      kmsKeyId: null,
      state: 'in-use',
      attachedInstanceIds: ['aws_instance.app'],
    });
    const encrypted = iacResource('AWS::EC2::Volume', { Encrypted: 'true' });
    expect(map(encrypted).attributes).toMatchObject({
      encrypted: true,
      kmsKeyId: 'alias/aws/ebs',
      state: 'available',
    });
  });

  it('a VPC joins its flow logs; a flow log with an unknown traffic type is a gap', () => {
    const vpc = iacResource('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }, { address: 'Vpc' });
    const log = iacResource(
      'AWS::EC2::FlowLog',
      {
        ResourceId: new Reference('Vpc', null),
        ResourceType: 'VPC',
        TrafficType: 'REJECT',
        LogDestinationType: 's3',
        LogDestination: 'arn:aws:s3:::logs',
      },
      { address: 'FlowLog', line: 12 },
    );
    const mapped = map(vpc, contextOf(vpc, log));
    expect(mapped.attributes.flowLogs).toEqual([
      {
        id: 'FlowLog',
        status: 'ACTIVE',
        trafficType: 'REJECT',
        destinationType: 's3',
        logDestination: 'arn:aws:s3:::logs',
      },
    ]);
    expect(mapped.locations.flowLogs?.line).toBe(12);
    expect(map(iacResource('aws_default_vpc', {})).attributes).toEqual({
      vpcId: 'aws_default_vpc.this',
      isDefault: true,
      flowLogs: [],
    });
    const tfVpc = iacResource('aws_vpc', {}, { address: 'aws_vpc.main' });
    const unknown = iacResource(
      'aws_flow_log',
      { vpc_id: new Reference('aws_vpc.main', 'id'), traffic_type: new Unresolved('var.traffic') },
      { address: 'aws_flow_log.main' },
    );
    expect(map(tfVpc, contextOf(tfVpc, unknown)).gaps).toEqual([
      { field: 'flowLogs', reason: 'unresolved', detail: 'var.traffic' },
    ]);
  });
});
