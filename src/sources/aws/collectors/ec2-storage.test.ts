import { gzipSync } from 'node:zlib';
import {
  DescribeImagesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type DescribeSnapshotsRequest,
  type Image,
  type LaunchTemplateVersion,
  type ResponseLaunchTemplateData,
  type Snapshot,
  type Volume,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import type { CollectionSink } from '../collector.js';
import { ec2StorageCollector } from './ec2-storage.js';

const ec2 = mockClient(EC2Client);

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function volume(id: string, overrides: Partial<Volume> = {}): Volume {
  return {
    VolumeId: id,
    Encrypted: true,
    KmsKeyId: KEY,
    State: 'in-use',
    Size: 8,
    Attachments: [{ VolumeId: id, InstanceId: 'i-1', State: 'attached', Device: '/dev/xvda' }],
    ...overrides,
  };
}

function snapshot(id: string, overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    SnapshotId: id,
    VolumeId: 'vol-1',
    Encrypted: true,
    KmsKeyId: KEY,
    StartTime: new Date('2026-05-01T10:00:00Z'),
    OwnerId: ACCOUNT,
    State: 'completed',
    ...overrides,
  };
}

function image(id: string, overrides: Partial<Image> = {}): Image {
  return {
    ImageId: id,
    Name: `image-${id}`,
    Public: false,
    CreationDate: '2026-04-01T08:30:00.000Z',
    OwnerId: ACCOUNT,
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-1', Encrypted: true } }],
    ...overrides,
  };
}

function version(templateId: string, data: ResponseLaunchTemplateData): LaunchTemplateVersion {
  return {
    LaunchTemplateId: templateId,
    LaunchTemplateName: templateId,
    VersionNumber: 3,
    LaunchTemplateData: data,
  };
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * Snapshots answered by who may restore them: `owned` (pages) to the owner's listing, `open` to the public one.
 * Returns the requests as they were sent.
 */
function snapshots(owned: Snapshot[][], open: Snapshot[]): DescribeSnapshotsRequest[] {
  const sent: DescribeSnapshotsRequest[] = [];
  ec2.on(DescribeSnapshotsCommand).callsFake((input: DescribeSnapshotsRequest) => {
    sent.push({ ...input });
    if (input.RestorableByUserIds?.includes('all')) return Promise.resolve({ Snapshots: open });
    const page = Number(input.NextToken ?? 0);
    const next = page + 1 < owned.length ? { NextToken: String(page + 1) } : {};
    return Promise.resolve({ Snapshots: owned[page] ?? [], ...next });
  });
  return sent;
}

/** A region with one of each, all private and encrypted, and a template requiring IMDSv2. */
function answerEverything() {
  ec2.on(DescribeVolumesCommand).resolves({ Volumes: [volume('vol-1')] });
  snapshots([[snapshot('snap-1')]], []);
  ec2.on(DescribeLaunchTemplatesCommand).resolves({
    LaunchTemplates: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', LatestVersionNumber: 3 }],
  });
  ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
    LaunchTemplateVersions: [
      version('lt-1', { MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } }),
    ],
  });
  ec2.on(DescribeImagesCommand).resolves({ Images: [image('ami-1')] });
}

function ofKind(sink: CollectionSink, kind: string) {
  return sink.resources.filter((resource) => resource.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

const KINDS = ['ec2.volume', 'ec2.snapshot', 'ec2.launch-template', 'ec2.image'];

describe('ec2 storage collector', () => {
  beforeEach(() => ec2.reset());

  it('reports volumes, snapshots, launch templates and images across pages', async () => {
    ec2
      .on(DescribeVolumesCommand)
      .resolvesOnce({
        Volumes: [volume('vol-1', { VolumeArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-1` })],
        NextToken: 'vol-page-2',
      })
      .resolvesOnce({
        Volumes: [
          volume('vol-2', {
            Encrypted: false,
            KmsKeyId: undefined,
            State: 'available',
            Size: 100,
            Attachments: [],
            Tags: [{ Key: 'team', Value: 'data' }],
          }),
        ],
      });
    const snapshotCalls = snapshots(
      [[snapshot('snap-1')], [snapshot('snap-2', { Encrypted: false, KmsKeyId: undefined })]],
      [snapshot('snap-2')],
    );
    ec2
      .on(DescribeLaunchTemplatesCommand)
      .resolvesOnce({
        LaunchTemplates: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', LatestVersionNumber: 3 }],
        NextToken: 'lt-page-2',
      })
      .resolvesOnce({
        LaunchTemplates: [{ LaunchTemplateId: 'lt-2', LaunchTemplateName: 'batch', LatestVersionNumber: 1 }],
      });
    ec2
      .on(DescribeLaunchTemplateVersionsCommand)
      .resolvesOnce({
        LaunchTemplateVersions: [
          version('lt-1', {
            MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
            UserData: base64('#!/bin/bash\nyum -y update\n'),
            NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }],
          }),
        ],
        NextToken: 'ltv-page-2',
      })
      .resolvesOnce({ LaunchTemplateVersions: [version('lt-2', {})] });
    ec2
      .on(DescribeImagesCommand)
      .resolvesOnce({ Images: [image('ami-1')], NextToken: 'ami-page-2' })
      .resolvesOnce({ Images: [image('ami-2', { Public: true })] });

    const sink = await collectWith(ec2StorageCollector);

    const [attached, loose] = ofKind(sink, 'ec2.volume');
    expect(attached).toEqual({
      kind: 'ec2.volume',
      id: 'vol-1',
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-1`,
      region: REGION,
      tags: {},
      attributes: {
        volumeId: 'vol-1',
        encrypted: true,
        kmsKeyId: KEY,
        state: 'in-use',
        sizeGiB: 8,
        attachedInstanceIds: ['i-1'],
      },
      gaps: [],
    });
    expect(loose).toMatchObject({
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-2`,
      tags: { team: 'data' },
      attributes: {
        encrypted: false,
        kmsKeyId: null,
        state: 'available',
        sizeGiB: 100,
        attachedInstanceIds: [],
      },
    });

    const [privateSnapshot, publicSnapshot] = ofKind(sink, 'ec2.snapshot');
    expect(privateSnapshot).toMatchObject({
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:snapshot/snap-1`,
      attributes: {
        snapshotId: 'snap-1',
        volumeId: 'vol-1',
        encrypted: true,
        kmsKeyId: KEY,
        startTime: '2026-05-01T10:00:00.000Z',
        public: false,
      },
      gaps: [],
    });
    expect(publicSnapshot?.attributes).toMatchObject({ encrypted: false, kmsKeyId: null, public: true });
    expect(snapshotCalls).toEqual([
      { OwnerIds: ['self'], MaxResults: 1000 },
      { OwnerIds: ['self'], MaxResults: 1000, NextToken: '1' },
      { OwnerIds: ['self'], RestorableByUserIds: ['all'], MaxResults: 1000 },
    ]);

    const [web, batch] = ofKind(sink, 'ec2.launch-template');
    expect(web).toMatchObject({
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:launch-template/lt-1`,
      attributes: {
        launchTemplateId: 'lt-1',
        name: 'web',
        latestVersion: 3,
        metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required' },
        userData: '#!/bin/bash\nyum -y update\n',
        associatePublicIpAddress: true,
      },
      gaps: [],
    });
    // A version that sets nothing: every launch-data field observed as unset.
    expect(batch?.attributes).toEqual({
      launchTemplateId: 'lt-2',
      name: 'batch',
      latestVersion: 1,
      metadataOptions: null,
      userData: null,
      associatePublicIpAddress: null,
    });
    // The latest version of every template comes from one listing, not a call per template.
    const versionCalls = ec2
      .commandCalls(DescribeLaunchTemplateVersionsCommand)
      .map((call) => call.args[0].input);
    expect(versionCalls).toHaveLength(2);
    for (const input of versionCalls) {
      expect(input).toMatchObject({ Versions: ['$Latest'] });
      expect(input).not.toHaveProperty('LaunchTemplateId');
    }
    expect(versionCalls[1]?.NextToken).toBe('ltv-page-2');

    const images = ofKind(sink, 'ec2.image');
    expect(images.map((found) => [found.id, found.attributes.public])).toEqual([
      ['ami-1', false],
      ['ami-2', true],
    ]);
    expect(images[0]).toMatchObject({
      arn: `arn:aws:ec2:${REGION}::image/ami-1`,
      attributes: {
        imageId: 'ami-1',
        name: 'image-ami-1',
        creationDate: '2026-04-01T08:30:00.000Z',
        encrypted: true,
      },
    });
    expect(ec2.commandCalls(DescribeImagesCommand)[0]?.args[0].input.Owners).toEqual(['self']);
    expect(ec2.commandCalls(DescribeVolumesCommand)[1]?.args[0].input.NextToken).toBe('vol-page-2');
    expect(ec2.commandCalls(DescribeLaunchTemplatesCommand)[1]?.args[0].input.NextToken).toBe('lt-page-2');
    expect(ec2.commandCalls(DescribeImagesCommand)[1]?.args[0].input.NextToken).toBe('ami-page-2');
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports an empty region as nothing and no gaps, asking nothing further', async () => {
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [] });
    ec2.on(DescribeImagesCommand).resolves({ Images: [] });

    const sink = await collectWith(ec2StorageCollector);

    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(ec2.commandCalls(DescribeSnapshotsCommand)).toHaveLength(1);
    expect(ec2.commandCalls(DescribeLaunchTemplateVersionsCommand)).toHaveLength(0);
  });

  it.each([
    [DescribeVolumesCommand, 'ec2.volume', 'ec2:DescribeVolumes'],
    [DescribeSnapshotsCommand, 'ec2.snapshot', 'ec2:DescribeSnapshots'],
    [DescribeLaunchTemplatesCommand, 'ec2.launch-template', 'ec2:DescribeLaunchTemplates'],
    [DescribeImagesCommand, 'ec2.image', 'ec2:DescribeImages'],
  ] as const)('turns a denied listing into a gap on that kind alone (%o)', async (command, kind, action) => {
    answerEverything();
    ec2.on(command).rejects(awsError('UnauthorizedOperation', 403));

    const sink = await collectWith(ec2StorageCollector);

    expect(sink.gaps).toEqual([
      expect.objectContaining({ kind, region: REGION, field: '*', reason: 'access-denied', action }),
    ]);
    expect(ofKind(sink, kind)).toEqual([]);
    for (const other of KINDS.filter((k) => k !== kind)) expect(ofKind(sink, other)).toHaveLength(1);
    expect(sink.errors).toEqual([expect.objectContaining({ action })]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['denied', awsError('UnauthorizedOperation', 403), 'access-denied'],
    ['throttled for good', awsError('RequestLimitExceeded', 503), 'throttled'],
  ] as const)(
    'gaps public on every snapshot when the public-snapshot listing is %s, never calling them private',
    async (_, error, reason) => {
      answerEverything();
      ec2
        .on(DescribeSnapshotsCommand)
        .callsFake((input: DescribeSnapshotsRequest) =>
          input.RestorableByUserIds
            ? Promise.reject(error)
            : Promise.resolve({ Snapshots: [snapshot('snap-1'), snapshot('snap-2')] }),
        );

      const sink = await collectWith(ec2StorageCollector);

      const found = ofKind(sink, 'ec2.snapshot');
      expect(found).toHaveLength(2);
      for (const snap of found) {
        expect(snap.attributes).not.toHaveProperty('public');
        expect(snap.attributes).toMatchObject({ snapshotId: snap.id, encrypted: true, kmsKeyId: KEY });
        expect(snap.gaps).toEqual([
          expect.objectContaining({ field: 'public', reason, action: 'ec2:DescribeSnapshots' }),
        ]);
      }
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it.each([
    ['denied', awsError('UnauthorizedOperation', 403), 'access-denied'],
    ['throttled for good', awsError('RequestLimitExceeded', 503), 'throttled'],
  ] as const)(
    'gaps the launch-data fields of every template when DescribeLaunchTemplateVersions is %s',
    async (_, error, reason) => {
      answerEverything();
      ec2.on(DescribeLaunchTemplateVersionsCommand).rejects(error);

      const sink = await collectWith(ec2StorageCollector);

      const [template] = ofKind(sink, 'ec2.launch-template');
      expect(template?.attributes).toEqual({ launchTemplateId: 'lt-1', name: 'web', latestVersion: 3 });
      expect(template?.gaps).toEqual(
        ['metadataOptions', 'userData', 'associatePublicIpAddress'].map((field) =>
          expect.objectContaining({ field, reason, action: 'ec2:DescribeLaunchTemplateVersions' }),
        ),
      );
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gaps the launch-data fields of a template whose latest version the listing left out', async () => {
    answerEverything();
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [] });

    const sink = await collectWith(ec2StorageCollector);

    const [template] = ofKind(sink, 'ec2.launch-template');
    expect(template?.attributes).toEqual({ launchTemplateId: 'lt-1', name: 'web', latestVersion: 3 });
    expect(template?.gaps?.map((gap) => [gap.field, gap.reason])).toEqual([
      ['metadataOptions', 'not-collected'],
      ['userData', 'not-collected'],
      ['associatePublicIpAddress', 'not-collected'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['IMDSv1 allowed', { HttpTokens: 'optional' }, { httpEndpoint: null, httpTokens: 'optional' }],
    ['the endpoint off', { HttpEndpoint: 'disabled' }, { httpEndpoint: 'disabled', httpTokens: null }],
    ['only a hop limit', { HttpPutResponseHopLimit: 2 }, null],
  ] as const)(
    'reads metadata options that set %s as given, unset ones as null',
    async (_, options, expected) => {
      answerEverything();
      ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
        LaunchTemplateVersions: [version('lt-1', { MetadataOptions: options })],
      });

      const sink = await collectWith(ec2StorageCollector);

      expect(ofKind(sink, 'ec2.launch-template')[0]?.attributes.metadataOptions).toEqual(expected);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('decodes gzipped user data, so the secrets scan sees the text', async () => {
    answerEverything();
    const script = '#!/bin/bash\nexport DB_PASSWORD=hunter2\n';
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
      LaunchTemplateVersions: [
        version('lt-1', {
          UserData: gzipSync(script).toString('base64'),
          NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }],
        }),
      ],
    });

    const sink = await collectWith(ec2StorageCollector);

    expect(ofKind(sink, 'ec2.launch-template')[0]?.attributes).toMatchObject({
      userData: script,
      associatePublicIpAddress: false,
    });
  });

  it('gaps user data that claims to be gzip but does not decompress, rather than passing on garbage', async () => {
    answerEverything();
    const broken = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]).toString('base64');
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
      LaunchTemplateVersions: [version('lt-1', { UserData: broken })],
    });

    const sink = await collectWith(ec2StorageCollector);

    const [template] = ofKind(sink, 'ec2.launch-template');
    expect(template?.attributes).not.toHaveProperty('userData');
    expect(template?.attributes).toMatchObject({ metadataOptions: null, associatePublicIpAddress: null });
    expect(template?.gaps).toEqual([
      expect.objectContaining({ field: 'userData', action: 'ec2:DescribeLaunchTemplateVersions' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a copied snapshot as having no source volume', async () => {
    answerEverything();
    snapshots([[snapshot('snap-copy', { VolumeId: 'vol-ffffffff' })]], []);

    const sink = await collectWith(ec2StorageCollector);

    expect(ofKind(sink, 'ec2.snapshot')[0]?.attributes).toMatchObject({ volumeId: null, public: false });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['some unencrypted EBS mapping', [{ Ebs: { Encrypted: true } }, { Ebs: { Encrypted: false } }], false],
    ['only instance-store devices', [{ DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }], null],
    ['no mappings', [], null],
  ] as const)('reads the encryption of an image with %s', async (_, mappings, expected) => {
    answerEverything();
    ec2
      .on(DescribeImagesCommand)
      .resolves({ Images: [image('ami-1', { BlockDeviceMappings: [...mappings] })] });

    const sink = await collectWith(ec2StorageCollector);

    const [found] = ofKind(sink, 'ec2.image');
    expect(found?.attributes.encrypted).toBe(expected);
    expect(found?.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps what an image answer leaves out or gives in an unknown shape', async () => {
    answerEverything();
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        image('ami-1', {
          CreationDate: 'yesterday',
          BlockDeviceMappings: [{ Ebs: { SnapshotId: 'snap-1' } }],
        }),
      ],
    });

    const sink = await collectWith(ec2StorageCollector);

    const [found] = ofKind(sink, 'ec2.image');
    expect(found?.attributes).toEqual({ imageId: 'ami-1', name: 'image-ami-1', public: false });
    expect(found?.gaps?.map((gap) => [gap.field, gap.reason])).toEqual([
      ['creationDate', 'not-collected'],
      ['encrypted', 'not-collected'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(ec2StorageCollector);
    expect(sink.errors).toEqual([]);
    const called = ec2.calls().map((call) => `ec2:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(ec2StorageCollector.actions));
  });
});
