import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
  type Bucket,
  type Grant,
  type PublicAccessBlockConfiguration,
  type ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { AclGrant, PublicAccessBlock } from '../../../core/kinds/s3.js';
import type { Collector, CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';
import { allPages, oneOf, parsePolicy, UnexpectedResponse } from './support.js';

type BucketAttributes = AttributesOf<'s3.bucket'>;
type DefaultEncryption = NonNullable<BucketAttributes['defaultEncryption']>;

const ALGORITHMS: readonly DefaultEncryption['algorithm'][] = ['AES256', 'aws:kms', 'aws:kms:dsse'];
const GRANTEE_TYPES: readonly AclGrant['granteeType'][] = ['CanonicalUser', 'Group', 'AmazonCustomerByEmail'];
const PERMISSIONS: readonly AclGrant['permission'][] = [
  'FULL_CONTROL',
  'WRITE',
  'WRITE_ACP',
  'READ',
  'READ_ACP',
];
const VERSIONING: readonly NonNullable<BucketAttributes['versioning']>[] = ['Enabled', 'Suspended'];
const OWNERSHIPS: readonly NonNullable<BucketAttributes['objectOwnership']>[] = [
  'BucketOwnerEnforced',
  'BucketOwnerPreferred',
  'ObjectWriter',
];

/** ListBuckets only reports each bucket's region when the request has a parameter; this one also pages. */
const PAGE_SIZE = 1000;

/** Runs S3 calls on a client. */
type Reader = <T>(call: (client: S3Client) => Promise<T>) => Promise<T>;

function direct(client: S3Client): Reader {
  return (call) => call(client);
}

export const s3Collector: Collector = {
  service: 's3',
  global: true,
  actions: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketPolicy',
    's3:GetEncryptionConfiguration',
    's3:GetBucketTagging',
    's3:GetBucketVersioning',
    's3:GetBucketAcl',
    's3:GetBucketOwnershipControls',
    's3:GetBucketLogging',
    's3:GetAccountPublicAccessBlock',
  ],
  kinds: {
    's3.bucket': [
      'name',
      'createdAt',
      'publicAccessBlock',
      'policy',
      'defaultEncryption',
      'versioning',
      'mfaDelete',
      'acl',
      'objectOwnership',
      'logging',
    ],
    's3.account-public-access-block': ['configuration'],
  },
  async collect(ctx) {
    await Promise.all([collectAccountPublicAccessBlock(ctx), collectBuckets(ctx)]);
  },
};

async function collectAccountPublicAccessBlock(ctx: CollectorContext): Promise<void> {
  const control = ctx.client(S3ControlClient);
  const read = await ctx.observe(
    's3:GetAccountPublicAccessBlock',
    () => control.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.account })),
    ['NoSuchPublicAccessBlockConfiguration'],
  );
  ctx.emit({
    kind: 's3.account-public-access-block',
    id: ctx.account,
    arn: null,
    attributes: read.ok
      ? { configuration: publicAccessBlockOf(read.value?.PublicAccessBlockConfiguration) }
      : {},
    gaps: read.ok ? [] : [read.failure.gap('configuration')],
  });
}

async function collectBuckets(ctx: CollectorContext): Promise<void> {
  const home = ctx.client(S3Client);
  let buckets: Bucket[];
  try {
    buckets = await ctx.call('s3:ListAllMyBuckets', () =>
      allPages(paginateListBuckets({ client: home }, { MaxBuckets: PAGE_SIZE }), (page) => page.Buckets),
    );
  } catch (error) {
    // Only the buckets are unknown, in every region in scope; the account's public access block was read apart.
    if (!(error instanceof AwsCallFailed)) throw error;
    ctx.kindGap('s3.bucket', error, ctx.regions);
    return;
  }
  // Each bucket is read through a client in its own region, so S3 never has to redirect.
  const here = direct(home);
  const inScope = new Set(ctx.regions);
  const unlocated: { name: string; failure: AwsCallFailed }[] = [];
  await Promise.all(
    buckets.map(async (bucket) => {
      const name = bucket.Name;
      if (!name) return;
      const region = await locate(ctx, here, name, bucket.BucketRegion);
      if (region instanceof AwsCallFailed) {
        unlocated.push({ name, failure: region });
        return;
      }
      if (!inScope.has(region)) return;
      await collectBucket(ctx, direct(ctx.client(S3Client, region)), name, region, bucket.CreationDate);
    }),
  );
  const first = unlocated[0];
  if (first) {
    // A bucket whose region is unknown may sit in any region in scope: none of them has a complete bucket list.
    const names = unlocated.map((entry) => entry.name).sort();
    const shown =
      names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    const { action, reason, code, detail } = first.failure;
    const what = `could not find the region of ${names.length === 1 ? 'bucket' : 'buckets'} ${shown}`;
    ctx.kindGap('s3.bucket', new AwsCallFailed(action, reason, code, `${what}: ${detail}`), ctx.regions);
  }
}

/** The bucket's region: from ListBuckets when it says, else from GetBucketLocation. */
async function locate(
  ctx: CollectorContext,
  read: Reader,
  name: string,
  listed: string | undefined,
): Promise<string | AwsCallFailed> {
  if (listed) return listed;
  const location = await ctx.observe('s3:GetBucketLocation', async () => {
    const output = await read((client) => client.send(new GetBucketLocationCommand({ Bucket: name })));
    return regionOfLocation(output.LocationConstraint, ctx.partition);
  });
  if (!location.ok) return location.failure;
  return (
    location.value ??
    new AwsCallFailed('s3:GetBucketLocation', 'collection-error', 'UnexpectedResponse', name)
  );
}

/** A LocationConstraint as a region: empty is the original us-east-1, `EU` the original eu-west-1. */
function regionOfLocation(location: string | undefined, partition: string): string {
  if (location === 'EU') return 'eu-west-1';
  if (location) return location;
  if (partition === 'aws') return 'us-east-1';
  // Other partitions have no documented meaning for an empty constraint; guessing could hide the bucket.
  throw new UnexpectedResponse(`empty LocationConstraint has no known region in partition ${partition}`);
}

async function collectBucket(
  ctx: CollectorContext,
  read: Reader,
  name: string,
  region: string,
  created: Date | undefined,
): Promise<void> {
  const [publicAccessBlock, policy, encryption, tagging, versioning, acl, ownership, logging] =
    await Promise.all([
      ctx.observe(
        's3:GetBucketPublicAccessBlock',
        async () => {
          const output = await read((client) =>
            client.send(new GetPublicAccessBlockCommand({ Bucket: name })),
          );
          return publicAccessBlockOf(output.PublicAccessBlockConfiguration);
        },
        ['NoSuchPublicAccessBlockConfiguration'],
      ),
      ctx.observe(
        's3:GetBucketPolicy',
        async () =>
          parsePolicy(
            (await read((client) => client.send(new GetBucketPolicyCommand({ Bucket: name })))).Policy,
            'bucket policy',
          ),
        ['NoSuchBucketPolicy'],
      ),
      ctx.observe(
        's3:GetEncryptionConfiguration',
        async () => {
          const output = await read((client) =>
            client.send(new GetBucketEncryptionCommand({ Bucket: name })),
          );
          return defaultEncryptionOf(output.ServerSideEncryptionConfiguration);
        },
        ['ServerSideEncryptionConfigurationNotFoundError'],
      ),
      ctx.observe(
        's3:GetBucketTagging',
        async () => {
          const output = await read((client) => client.send(new GetBucketTaggingCommand({ Bucket: name })));
          return Object.fromEntries((output.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
        },
        ['NoSuchTagSet'],
      ),
      ctx.observe('s3:GetBucketVersioning', async () => {
        const output = await read((client) => client.send(new GetBucketVersioningCommand({ Bucket: name })));
        // A bucket whose versioning was never enabled answers without a Status.
        if (output.Status === undefined)
          return { versioning: null, mfaDelete: output.MFADelete === 'Enabled' };
        const versioning = oneOf(VERSIONING, output.Status);
        if (!versioning) throw new UnexpectedResponse(`unknown versioning status ${output.Status}`);
        return { versioning, mfaDelete: output.MFADelete === 'Enabled' };
      }),
      ctx.observe('s3:GetBucketAcl', async () => {
        const output = await read((client) => client.send(new GetBucketAclCommand({ Bucket: name })));
        return (output.Grants ?? []).map(aclGrantOf);
      }),
      ctx.observe(
        's3:GetBucketOwnershipControls',
        async () => {
          const output = await read((client) =>
            client.send(new GetBucketOwnershipControlsCommand({ Bucket: name })),
          );
          const setting = output.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
          if (setting === undefined) return null;
          const ownership = oneOf(OWNERSHIPS, setting);
          if (!ownership) throw new UnexpectedResponse(`unknown object ownership ${setting}`);
          return ownership;
        },
        ['OwnershipControlsNotFoundError'],
      ),
      ctx.observe('s3:GetBucketLogging', async () => {
        const output = await read((client) => client.send(new GetBucketLoggingCommand({ Bucket: name })));
        const target = output.LoggingEnabled;
        if (!target) return null;
        if (!target.TargetBucket) throw new UnexpectedResponse('logging is enabled without a target bucket');
        return { targetBucket: target.TargetBucket, targetPrefix: target.TargetPrefix ?? '' };
      }),
    ]);
  const attributes: Partial<BucketAttributes> = { name, createdAt: created ? created.toISOString() : null };
  const gaps: Gap[] = [];
  if (publicAccessBlock.ok) attributes.publicAccessBlock = publicAccessBlock.value;
  else gaps.push(publicAccessBlock.failure.gap('publicAccessBlock'));
  if (policy.ok) attributes.policy = policy.value;
  else gaps.push(policy.failure.gap('policy'));
  if (encryption.ok) attributes.defaultEncryption = encryption.value;
  else gaps.push(encryption.failure.gap('defaultEncryption'));
  if (versioning.ok) {
    attributes.versioning = versioning.value?.versioning ?? null;
    attributes.mfaDelete = versioning.value?.mfaDelete ?? false;
  } else gaps.push(versioning.failure.gap('versioning'), versioning.failure.gap('mfaDelete'));
  if (acl.ok) attributes.acl = acl.value ?? [];
  else gaps.push(acl.failure.gap('acl'));
  if (ownership.ok) attributes.objectOwnership = ownership.value;
  else gaps.push(ownership.failure.gap('objectOwnership'));
  if (logging.ok) attributes.logging = logging.value;
  else gaps.push(logging.failure.gap('logging'));
  ctx.emit({
    kind: 's3.bucket',
    id: name,
    arn: `arn:${ctx.partition}:s3:::${name}`,
    region,
    // Tags are not an attribute, so a failed GetBucketTagging cannot be a gap: it is in the collection errors.
    tags: tagging.ok ? (tagging.value ?? {}) : {},
    attributes,
    gaps,
  });
}

/** One ACL grant; a grantee type or permission onus does not know is an answer the kind cannot hold. */
function aclGrantOf(grant: Grant): AclGrant {
  const grantee = grant.Grantee;
  const granteeType = oneOf(GRANTEE_TYPES, grantee?.Type);
  const permission = oneOf(PERMISSIONS, grant.Permission);
  const id = grantee?.URI ?? grantee?.ID ?? grantee?.EmailAddress;
  if (!granteeType || !permission || id === undefined) {
    throw new UnexpectedResponse(`unexpected ACL grant ${JSON.stringify(grant).slice(0, 200)}`);
  }
  return { granteeType, grantee: id, permission };
}

/** Unset settings are off, as S3 applies them. */
function publicAccessBlockOf(
  configuration: PublicAccessBlockConfiguration | undefined,
): PublicAccessBlock | null {
  if (!configuration) return null;
  return {
    blockPublicAcls: configuration.BlockPublicAcls === true,
    ignorePublicAcls: configuration.IgnorePublicAcls === true,
    blockPublicPolicy: configuration.BlockPublicPolicy === true,
    restrictPublicBuckets: configuration.RestrictPublicBuckets === true,
  };
}

function defaultEncryptionOf(
  configuration: ServerSideEncryptionConfiguration | undefined,
): DefaultEncryption | null {
  const rule = configuration?.Rules?.find((candidate) => candidate.ApplyServerSideEncryptionByDefault);
  const byDefault = rule?.ApplyServerSideEncryptionByDefault;
  if (!rule || !byDefault) return null;
  const algorithm = oneOf(ALGORITHMS, byDefault.SSEAlgorithm);
  if (!algorithm) {
    throw new UnexpectedResponse(`unknown default encryption algorithm ${String(byDefault.SSEAlgorithm)}`);
  }
  return {
    algorithm,
    kmsKeyId: byDefault.KMSMasterKeyID ?? null,
    bucketKeyEnabled: rule.BucketKeyEnabled === true,
  };
}
