import {
  EC2Client,
  paginateDescribeImages,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  type DescribeSnapshotsRequest,
  type LaunchTemplateVersion,
  type ResponseLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import type { Gap } from '../../../core/gap.js';
import { ec2LaunchTemplate, ec2Volume } from '../../../core/kinds/ec2-storage.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { timestamp } from '../../../core/kinds/kind.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import {
  allPages,
  listOrGap,
  missing,
  oneOf,
  present,
  regionalArn,
  tagsOf,
  userDataText,
} from './support.js';

type LaunchTemplateAttributes = AttributesOf<'ec2.launch-template'>;

const SNAPSHOTS = 'ec2:DescribeSnapshots';
const VERSIONS = 'ec2:DescribeLaunchTemplateVersions';
/** The fields of a launch template read from its latest version. */
const VERSION_FIELDS = ['metadataOptions', 'userData', 'associatePublicIpAddress'] as const;

export const ec2StorageCollector: Collector = {
  // The EC2 API: its calls share the ec2 rate limit with the other EC2 collectors.
  service: 'ec2',
  global: false,
  actions: ['ec2:DescribeVolumes', SNAPSHOTS, 'ec2:DescribeLaunchTemplates', VERSIONS, 'ec2:DescribeImages'],
  kinds: {
    'ec2.volume': ['volumeId', 'encrypted', 'kmsKeyId', 'state', 'sizeGiB', 'attachedInstanceIds'],
    'ec2.snapshot': ['snapshotId', 'volumeId', 'encrypted', 'kmsKeyId', 'startTime', 'public'],
    'ec2.launch-template': ['launchTemplateId', 'name', 'latestVersion', ...VERSION_FIELDS],
    'ec2.image': ['imageId', 'name', 'public', 'creationDate', 'encrypted'],
  },
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    // Each kind stands alone: a denied listing leaves a gap on its kind and the others observed.
    await Promise.all([
      collectVolumes(ctx, client),
      collectSnapshots(ctx, client),
      collectLaunchTemplates(ctx, client),
      collectImages(ctx, client),
    ]);
  },
};

async function collectVolumes(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeVolumes';
  const volumes = await listOrGap(ctx, 'ec2.volume', action, () =>
    allPages(paginateDescribeVolumes({ client }, { MaxResults: 500 }), (page) => page.Volumes),
  );
  for (const volume of volumes ?? []) {
    const volumeId = volume.VolumeId;
    if (!volumeId) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<AttributesOf<'ec2.volume'>> = {
      volumeId,
      kmsKeyId: volume.KmsKeyId ?? null,
      attachedInstanceIds: (volume.Attachments ?? []).flatMap((attachment) =>
        attachment.InstanceId && attachment.State !== 'detached' ? [attachment.InstanceId] : [],
      ),
    };
    present(attributes, gaps, action, 'encrypted', volume.Encrypted);
    present(attributes, gaps, action, 'state', oneOf(ec2Volume.attributes.shape.state.options, volume.State));
    present(attributes, gaps, action, 'sizeGiB', volume.Size);
    ctx.emit({
      kind: 'ec2.volume',
      id: volumeId,
      arn: volume.VolumeArn ?? regionalArn(ctx, 'ec2', `volume/${volumeId}`),
      tags: tagsOf(volume.Tags),
      attributes,
      gaps,
    });
  }
}

/** Copied snapshots name this placeholder as their volume. */
const NO_VOLUME = 'vol-ffffffff';

async function collectSnapshots(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const list = (filter: DescribeSnapshotsRequest) =>
    allPages(
      paginateDescribeSnapshots({ client }, { ...filter, MaxResults: 1000 }),
      (page) => page.Snapshots,
    );
  const snapshots = await listOrGap(ctx, 'ec2.snapshot', SNAPSHOTS, () => list({ OwnerIds: ['self'] }));
  if (!snapshots || snapshots.length === 0) return;
  // The public ones are those everyone may restore. If that listing fails, no snapshot's `public` is known.
  const open = await ctx.observe(SNAPSHOTS, async () => {
    const found = await list({ OwnerIds: ['self'], RestorableByUserIds: ['all'] });
    return new Set(found.flatMap((snapshot) => (snapshot.SnapshotId ? [snapshot.SnapshotId] : [])));
  });

  for (const snapshot of snapshots) {
    const snapshotId = snapshot.SnapshotId;
    if (!snapshotId) continue;
    const gaps: Gap[] = [];
    const volumeId = snapshot.VolumeId;
    const attributes: Partial<AttributesOf<'ec2.snapshot'>> = {
      snapshotId,
      volumeId: volumeId && volumeId !== NO_VOLUME ? volumeId : null,
      kmsKeyId: snapshot.KmsKeyId ?? null,
    };
    present(attributes, gaps, SNAPSHOTS, 'encrypted', snapshot.Encrypted);
    present(attributes, gaps, SNAPSHOTS, 'startTime', snapshot.StartTime?.toISOString());
    if (open.ok) attributes.public = open.value?.has(snapshotId) ?? false;
    else gaps.push(open.failure.gap('public'));
    ctx.emit({
      kind: 'ec2.snapshot',
      id: snapshotId,
      arn: regionalArn(ctx, 'ec2', `snapshot/${snapshotId}`),
      tags: tagsOf(snapshot.Tags),
      attributes,
      gaps,
    });
  }
}

async function collectLaunchTemplates(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeLaunchTemplates';
  const templates = await listOrGap(ctx, 'ec2.launch-template', action, () =>
    allPages(
      paginateDescribeLaunchTemplates({ client }, { MaxResults: 200 }),
      (page) => page.LaunchTemplates,
    ),
  );
  if (!templates || templates.length === 0) return;
  // One listing gives the latest version of every template in the region (no template id, `$Latest`).
  const latest: Observed<Map<string, LaunchTemplateVersion> | null> = await ctx.observe(
    VERSIONS,
    async () => {
      const found = new Map<string, LaunchTemplateVersion>();
      const input = { Versions: ['$Latest'], MaxResults: 200 };
      for await (const page of paginateDescribeLaunchTemplateVersions({ client }, input)) {
        for (const version of page.LaunchTemplateVersions ?? []) {
          if (version.LaunchTemplateId) found.set(version.LaunchTemplateId, version);
        }
      }
      return found;
    },
  );

  for (const template of templates) {
    const launchTemplateId = template.LaunchTemplateId;
    if (!launchTemplateId) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<LaunchTemplateAttributes> = { launchTemplateId };
    present(attributes, gaps, action, 'name', template.LaunchTemplateName);
    present(attributes, gaps, action, 'latestVersion', template.LatestVersionNumber);
    if (!latest.ok) gaps.push(...VERSION_FIELDS.map((field) => latest.failure.gap(field)));
    else {
      const version = latest.value?.get(launchTemplateId);
      if (version) {
        launchData(version.LaunchTemplateData ?? {}, attributes, gaps);
      } else {
        gaps.push(
          ...VERSION_FIELDS.map((field) => missing(field, VERSIONS, 'no $Latest version in the response')),
        );
      }
    }
    ctx.emit({
      kind: 'ec2.launch-template',
      id: launchTemplateId,
      arn: regionalArn(ctx, 'ec2', `launch-template/${launchTemplateId}`),
      tags: tagsOf(template.Tags),
      attributes,
      gaps,
    });
  }
}

const METADATA = ec2LaunchTemplate.attributes.shape.metadataOptions.unwrap().shape;

/** Fills the fields read from a template version's launch data. */
function launchData(
  data: ResponseLaunchTemplateData,
  attributes: Partial<LaunchTemplateAttributes>,
  gaps: Gap[],
) {
  const options = data.MetadataOptions;
  const httpEndpoint = oneOf(METADATA.httpEndpoint.unwrap().options, options?.HttpEndpoint) ?? null;
  const httpTokens = oneOf(METADATA.httpTokens.unwrap().options, options?.HttpTokens) ?? null;
  if ((options?.HttpEndpoint && !httpEndpoint) || (options?.HttpTokens && !httpTokens)) {
    gaps.push(missing('metadataOptions', VERSIONS, 'metadata options onus does not know'));
  } else {
    attributes.metadataOptions = httpEndpoint || httpTokens ? { httpEndpoint, httpTokens } : null;
  }

  const userData = userDataText(data.UserData);
  if (userData === undefined)
    gaps.push(missing('userData', VERSIONS, 'gzipped user data that does not decompress'));
  else attributes.userData = userData;

  const settings = (data.NetworkInterfaces ?? []).flatMap((network) =>
    network.AssociatePublicIpAddress === undefined ? [] : [network.AssociatePublicIpAddress],
  );
  attributes.associatePublicIpAddress = settings.includes(true)
    ? true
    : settings.includes(false)
      ? false
      : null;
}

async function collectImages(ctx: CollectorContext, client: EC2Client): Promise<void> {
  const action = 'ec2:DescribeImages';
  const images = await listOrGap(ctx, 'ec2.image', action, () =>
    allPages(
      paginateDescribeImages({ client }, { Owners: ['self'], MaxResults: 1000 }),
      (page) => page.Images,
    ),
  );
  for (const image of images ?? []) {
    const imageId = image.ImageId;
    if (!imageId) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<AttributesOf<'ec2.image'>> = { imageId };
    present(attributes, gaps, action, 'name', image.Name);
    present(attributes, gaps, action, 'public', image.Public);
    const created = timestamp.safeParse(image.CreationDate);
    present(attributes, gaps, action, 'creationDate', created.success ? created.data : undefined);
    const ebs = (image.BlockDeviceMappings ?? []).flatMap((mapping) => (mapping.Ebs ? [mapping.Ebs] : []));
    present(
      attributes,
      gaps,
      action,
      'encrypted',
      ebs.some((device) => device.Encrypted === undefined)
        ? undefined
        : ebs.length === 0
          ? null
          : ebs.every((device) => device.Encrypted === true),
    );
    ctx.emit({
      kind: 'ec2.image',
      id: imageId,
      // AMI ARNs name no account.
      arn: regionalArn(ctx, 'ec2', `image/${imageId}`, ''),
      tags: tagsOf(image.Tags),
      attributes,
      gaps,
    });
  }
}
