import { gzipSync } from 'node:zlib';
import {
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CollectionSink } from '../collector.js';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { ec2Collector } from './ec2.js';

const ec2 = mockClient(EC2Client);
const KINDS = Object.keys(ec2Collector.kinds);

function instance(id: string, overrides: Partial<Instance> = {}): Instance {
  return {
    InstanceId: id,
    State: { Name: 'running', Code: 16 },
    InstanceType: 't3.micro',
    ImageId: 'ami-0c7217cdde317cfec',
    VpcId: 'vpc-1',
    SubnetId: 'subnet-1',
    MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
    ...overrides,
  };
}

/** A region with one open group, one instance and EBS encryption on: what most tests start from. */
function answerEverything() {
  ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', Description: 'web', VpcId: 'vpc-1' }],
  });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [instance('i-1')] }] });
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
  ec2.on(DescribeInstanceAttributeCommand).resolves({ InstanceId: 'i-1', UserData: {} });
}

function ofKind(sink: CollectionSink, kind: string) {
  return sink.resources.filter((resource) => resource.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

describe('ec2 collector', () => {
  beforeEach(() => ec2.reset());

  it('reports security groups and instances across pages, and the region EBS default', async () => {
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({
        SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', Description: 'web', VpcId: 'vpc-1' }],
        NextToken: 'sg-page-2',
      })
      .resolvesOnce({
        SecurityGroups: [
          { GroupId: 'sg-2', GroupName: 'db', Description: 'db', Tags: [{ Key: 'app', Value: 'shop' }] },
        ],
      });
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [{ Instances: [instance('i-1'), instance('i-2')] }],
        NextToken: 'i-page-2',
      })
      .resolvesOnce({ Reservations: [{ Instances: [instance('i-3')] }, { Instances: [instance('i-4')] }] });
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });

    const sink = await collectWith(ec2Collector);

    const groups = ofKind(sink, 'ec2.security-group');
    expect(groups.map((group) => [group.id, group.region, group.attributes.vpcId, group.tags])).toEqual([
      ['sg-1', 'eu-west-1', 'vpc-1', {}],
      ['sg-2', 'eu-west-1', null, { app: 'shop' }],
    ]);
    expect(groups[0]?.arn).toBe(`arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-1`);
    expect(ofKind(sink, 'ec2.instance').map((found) => found.id)).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[1]?.args[0].input.NextToken).toBe('sg-page-2');
    expect(ec2.commandCalls(DescribeInstancesCommand)[1]?.args[0].input.NextToken).toBe('i-page-2');
    expect(ofKind(sink, 'ec2.ebs-encryption-by-default')).toEqual([
      expect.objectContaining({
        id: 'eu-west-1',
        attributes: { enabled: false, kmsKeyId: 'alias/aws/ebs' },
        gaps: [],
      }),
    ]);
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('maps each kind of rule source, and gives all-traffic rules no ports', async () => {
    answerEverything();
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [
        {
          GroupId: 'sg-1',
          GroupName: 'mixed',
          Description: 'every rule shape',
          VpcId: 'vpc-1',
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh from anywhere' }, { CidrIp: '10.0.0.0/8' }],
              Ipv6Ranges: [{ CidrIpv6: '::/0' }],
            },
            {
              IpProtocol: '-1',
              FromPort: -1,
              ToPort: -1,
              UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: ACCOUNT }],
            },
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-office' }] },
            { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
          ],
          IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        },
      ],
    });

    const sink = await collectWith(ec2Collector);

    const [group] = ofKind(sink, 'ec2.security-group');
    const none = { ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], sourceGroupIds: [] };
    expect(group?.attributes).toEqual({
      groupId: 'sg-1',
      groupName: 'mixed',
      vpcId: 'vpc-1',
      description: 'every rule shape',
      ingress: [
        {
          ...none,
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipv4Ranges: ['0.0.0.0/0', '10.0.0.0/8'],
          ipv6Ranges: ['::/0'],
          description: 'ssh from anywhere',
        },
        {
          ...none,
          protocol: '-1',
          fromPort: null,
          toPort: null,
          sourceGroupIds: ['sg-1'],
          description: null,
        },
        {
          ...none,
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          prefixListIds: ['pl-office'],
          description: null,
        },
        {
          ...none,
          protocol: 'icmp',
          fromPort: null,
          toPort: null,
          ipv4Ranges: ['10.0.0.0/8'],
          description: null,
        },
      ],
      egress: [
        {
          ...none,
          protocol: '-1',
          fromPort: null,
          toPort: null,
          ipv4Ranges: ['0.0.0.0/0'],
          description: null,
        },
      ],
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports every instance, terminated ones too, with its metadata options and tags', async () => {
    answerEverything();
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            instance('i-web', {
              PublicIpAddress: '203.0.113.24',
              IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`, Id: 'AIP1' },
              MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1 },
              Tags: [{ Key: 'Name', Value: 'web-1' }],
            }),
            instance('i-gone', {
              State: { Name: 'terminated', Code: 48 },
              VpcId: undefined,
              SubnetId: undefined,
            }),
          ],
        },
      ],
    });

    const sink = await collectWith(ec2Collector);

    const [gone, web] = ofKind(sink, 'ec2.instance');
    expect(web).toMatchObject({
      arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-web`,
      tags: { Name: 'web-1' },
      gaps: [],
      attributes: {
        instanceId: 'i-web',
        state: 'running',
        instanceType: 't3.micro',
        imageId: 'ami-0c7217cdde317cfec',
        vpcId: 'vpc-1',
        subnetId: 'subnet-1',
        publicIpAddress: '203.0.113.24',
        iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
        // No HttpEndpoint in the answer means the endpoint is on.
        metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'optional', httpPutResponseHopLimit: 1 },
      },
    });
    expect(gone?.attributes).toMatchObject({
      state: 'terminated',
      vpcId: null,
      subnetId: null,
      publicIpAddress: null,
      iamInstanceProfileArn: null,
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['without HttpTokens', { HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 }],
    ['without a hop limit', { HttpTokens: 'required' }],
    ['without MetadataOptions', undefined],
  ] as const)(
    'leaves metadata options a gap for an answer %s, rather than assuming IMDSv1 or v2',
    async (_, options) => {
      answerEverything();
      ec2.on(DescribeInstancesCommand).resolves({
        Reservations: [{ Instances: [instance('i-1', { MetadataOptions: options })] }],
      });

      const sink = await collectWith(ec2Collector);

      const [found] = ofKind(sink, 'ec2.instance');
      expect(found?.attributes).not.toHaveProperty('metadataOptions');
      expect(found?.attributes).toMatchObject({ instanceId: 'i-1', state: 'running' });
      expect(found?.gaps).toEqual([
        expect.objectContaining({
          field: 'metadataOptions',
          reason: 'not-collected',
          action: 'ec2:DescribeInstances',
        }),
      ]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('reports an empty region as no groups, no instances and no gaps, with the EBS default still read', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });

    const sink = await collectWith(ec2Collector);

    expect(sink.resources.map((resource) => resource.kind)).toEqual(['ec2.ebs-encryption-by-default']);
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
  });

  it.each([
    [DescribeSecurityGroupsCommand, 'ec2.security-group', 'ec2:DescribeSecurityGroups'],
    [DescribeInstancesCommand, 'ec2.instance', 'ec2:DescribeInstances'],
  ] as const)('turns a denied listing into a gap on that kind alone (%o)', async (command, kind, action) => {
    answerEverything();
    ec2.on(command).rejects(awsError('UnauthorizedOperation', 403));

    const sink = await collectWith(ec2Collector);

    // An instance listing that fails leaves their user data unknown too.
    const hidden = kind === 'ec2.instance' ? [kind, 'ec2.instance-user-data'] : [kind];
    expect(sink.gaps).toEqual(
      hidden.map((k) =>
        expect.objectContaining({
          kind: k,
          region: 'eu-west-1',
          field: '*',
          reason: 'access-denied',
          action,
        }),
      ),
    );
    expect(ofKind(sink, kind)).toEqual([]);
    // The other kinds were observed and stay so.
    const others = ['ec2.security-group', 'ec2.instance', 'ec2.ebs-encryption-by-default'].filter(
      (k) => k !== kind,
    );
    for (const other of others) expect(ofKind(sink, other)).toHaveLength(1);
    expect(sink.errors).toEqual([expect.objectContaining({ action })]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    [
      GetEbsEncryptionByDefaultCommand,
      'enabled',
      'ec2:GetEbsEncryptionByDefault',
      { kmsKeyId: 'alias/aws/ebs' },
    ],
    [GetEbsDefaultKmsKeyIdCommand, 'kmsKeyId', 'ec2:GetEbsDefaultKmsKeyId', { enabled: true }],
  ] as const)(
    'turns a denied EBS default call into a gap on the field it reads (%o)',
    async (command, field, action, kept) => {
      answerEverything();
      ec2.on(command).rejects(awsError('UnauthorizedOperation', 403));

      const sink = await collectWith(ec2Collector);

      const [defaults] = ofKind(sink, 'ec2.ebs-encryption-by-default');
      expect(defaults?.attributes).toEqual(kept);
      expect(defaults?.gaps).toEqual([expect.objectContaining({ field, reason: 'access-denied', action })]);
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('keeps the EBS default resource when its KMS key read is throttled, with a throttled gap on kmsKeyId', async () => {
    answerEverything();
    ec2.on(GetEbsDefaultKmsKeyIdCommand).rejects(awsError('RequestLimitExceeded', 503));

    const sink = await collectWith(ec2Collector);

    const [defaults] = ofKind(sink, 'ec2.ebs-encryption-by-default');
    expect(defaults?.attributes).toEqual({ enabled: true });
    expect(defaults?.gaps).toEqual([
      expect.objectContaining({
        field: 'kmsKeyId',
        reason: 'throttled',
        action: 'ec2:GetEbsDefaultKmsKeyId',
      }),
    ]);
  });

  it('reads each live instance user data, gunzipped when it is gzip, and never a terminated one', async () => {
    answerEverything();
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            instance('i-plain'),
            instance('i-gzip'),
            instance('i-none'),
            instance('i-gone', { State: { Name: 'terminated', Code: 48 } }),
          ],
        },
      ],
    });
    ec2.on(DescribeInstanceAttributeCommand, { InstanceId: 'i-plain' }).resolves({
      UserData: { Value: Buffer.from('#!/bin/bash\necho hello').toString('base64') },
    });
    ec2.on(DescribeInstanceAttributeCommand, { InstanceId: 'i-gzip' }).resolves({
      UserData: { Value: gzipSync('#cloud-config\npackages: [nginx]').toString('base64') },
    });
    ec2.on(DescribeInstanceAttributeCommand, { InstanceId: 'i-none' }).resolves({ UserData: {} });

    const sink = await collectWith(ec2Collector);

    expect(ofKind(sink, 'ec2.instance-user-data').map((r) => [r.id, r.attributes.userData])).toEqual([
      ['i-gzip', '#cloud-config\npackages: [nginx]'],
      ['i-none', null],
      ['i-plain', '#!/bin/bash\necho hello'],
    ]);
    const asked = ec2
      .commandCalls(DescribeInstanceAttributeCommand)
      .map((call) => call.args[0].input.InstanceId);
    expect(asked).not.toContain('i-gone');
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gives an instance whose user data was denied a gap on userData, naming the action', async () => {
    answerEverything();
    ec2.on(DescribeInstanceAttributeCommand).rejects(awsError('UnauthorizedOperation', 403));
    const sink = await collectWith(ec2Collector);
    const [data] = ofKind(sink, 'ec2.instance-user-data');
    expect(data?.attributes).toEqual({ instanceId: 'i-1' });
    expect(data?.gaps).toEqual([
      expect.objectContaining({
        field: 'userData',
        reason: 'access-denied',
        action: 'ec2:DescribeInstanceAttribute',
      }),
    ]);
    expect(ofKind(sink, 'ec2.instance')).toHaveLength(1);
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(ec2Collector);
    expect(sink.errors).toEqual([]);
    const called = ec2.calls().map((call) => `ec2:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(ec2Collector.actions));
  });
});
