import {
  ALL_USERS_URI,
  AUTHENTICATED_USERS_URI,
  type AclGrant,
  type PublicAccessBlock,
} from '../../../core/kinds/s3.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { Reference, Unresolved, type IacObject, type IacResource, type IacValue } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  blocks,
  bool,
  get,
  list,
  obj,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { withStandIns } from './iam.js';
import { idOf, nameOf } from './resource-ids.js';
import { resourcePolicy } from './resource-policies.js';

/**
 * S3 buckets and the account-level Block Public Access, from CloudFormation (`AWS::S3::Bucket` with its
 * `AWS::S3::BucketPolicy`) and Terraform (`aws_s3_bucket` with the split resources that configure it, and the
 * legacy inline arguments of the bucket).
 */

type Bucket = AttributesOf<'s3.bucket'>;
type DefaultEncryption = NonNullable<Bucket['defaultEncryption']>;

const LOG_DELIVERY_URI = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/**
 * S3 defaults for buckets created today. Since 2023-01-05 every bucket encrypts new objects with SSE-S3
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html); since April 2023 new
 * buckets have all four Block Public Access settings on and Object Ownership BucketOwnerEnforced, ACLs disabled
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html).
 */
const DEFAULT_ENCRYPTION: DefaultEncryption = {
  algorithm: 'AES256',
  kmsKeyId: null,
  bucketKeyEnabled: false,
};
const DEFAULT_PUBLIC_ACCESS_BLOCK: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const DEFAULT_OWNERSHIP = 'BucketOwnerEnforced';

const ALGORITHMS: readonly DefaultEncryption['algorithm'][] = ['AES256', 'aws:kms', 'aws:kms:dsse'];
const OWNERSHIPS: readonly NonNullable<Bucket['objectOwnership']>[] = [
  'BucketOwnerEnforced',
  'BucketOwnerPreferred',
  'ObjectWriter',
];
const GRANTEE_TYPES: readonly AclGrant['granteeType'][] = ['CanonicalUser', 'Group', 'AmazonCustomerByEmail'];
const PERMISSIONS: readonly AclGrant['permission'][] = [
  'FULL_CONTROL',
  'WRITE',
  'WRITE_ACP',
  'READ',
  'READ_ACP',
];

function group(uri: string, permission: AclGrant['permission']): AclGrant {
  return { granteeType: 'Group', grantee: uri, permission };
}

/**
 * The grants of each canned ACL (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl)
 * beyond the owner's FULL_CONTROL, which every canned ACL gives and whose canonical id only the account knows
 * (the checks judge grants to groups). `aws-exec-read` adds a READ for EC2's own account: not public.
 */
const CANNED_ACLS: Record<string, AclGrant[]> = {
  private: [],
  'bucket-owner-read': [],
  'bucket-owner-full-control': [],
  'aws-exec-read': [],
  'public-read': [group(ALL_USERS_URI, 'READ')],
  'public-read-write': [group(ALL_USERS_URI, 'READ'), group(ALL_USERS_URI, 'WRITE')],
  'authenticated-read': [group(AUTHENTICATED_USERS_URI, 'READ')],
  'log-delivery-write': [group(LOG_DELIVERY_URI, 'WRITE'), group(LOG_DELIVERY_URI, 'READ_ACP')],
};

/** `PublicRead` (CloudFormation) or `public-read` (Terraform) -> its grants. */
function cannedAcl(value: IacValue | undefined): AclGrant[] | undefined {
  const name = str(value);
  if (name === undefined) return undefined;
  const key = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  const grants = CANNED_ACLS[key];
  if (!grants) throw new UnresolvedValue(`unknown canned ACL ${name}`);
  return grants;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new UnresolvedValue(`unknown ${what} ${value}`);
  return found;
}

/**
 * A bucket policy. A principal of the code (`Principal: { AWS: !GetAtt AppRole.Arn }`) is that role's or user's
 * ARN in the code's account; references in `Resource` stand for the bucket (see resourcePolicy).
 */
function bucketPolicy(value: IacValue | undefined, ctx: MapContext): Record<string, unknown> | null {
  const document = typeof value === 'string' ? undefined : obj(value);
  const statements = document?.Statement;
  if (!document || statements === undefined || statements instanceof Unresolved) {
    return resourcePolicy(value) ?? null;
  }
  const fixed = list(statements).map((statement) => {
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return statement;
    if (statement instanceof Unresolved || statement instanceof Reference) return statement;
    const copy = { ...statement };
    for (const key of ['Principal', 'NotPrincipal']) {
      const principal = copy[key];
      if (principal !== undefined) copy[key] = withStandIns(principal, ctx);
    }
    return copy;
  });
  return resourcePolicy({ ...document, Statement: fixed }) ?? null;
}

/** The bucket's name as other resources designate it: `BucketName` / `bucket`, else its address. */
function bucketName(resource: IacResource): string {
  return nameOf(resource, resource.format === 'cloudformation' ? 'BucketName' : 'bucket');
}

/** The name of the bucket a value designates: a bucket of the code (by its name), or the literal name. */
function bucketNamed(value: IacValue | undefined, ctx: MapContext): string | undefined {
  const target = ctx.target(value);
  if (target && (target.type === 'AWS::S3::Bucket' || target.type === 'aws_s3_bucket'))
    return bucketName(target);
  return idOf(value, ctx);
}

/** Unset settings are off, as S3 applies a configuration (and as the Terraform provider defaults them). */
function publicAccessBlockOf(
  configuration: IacObject,
  keys: Record<keyof PublicAccessBlock, string>,
): PublicAccessBlock {
  return {
    blockPublicAcls: bool(configuration[keys.blockPublicAcls]) === true,
    ignorePublicAcls: bool(configuration[keys.ignorePublicAcls]) === true,
    blockPublicPolicy: bool(configuration[keys.blockPublicPolicy]) === true,
    restrictPublicBuckets: bool(configuration[keys.restrictPublicBuckets]) === true,
  };
}

const CFN_PUBLIC_ACCESS_KEYS = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};
const TF_PUBLIC_ACCESS_KEYS = {
  blockPublicAcls: 'block_public_acls',
  ignorePublicAcls: 'ignore_public_acls',
  blockPublicPolicy: 'block_public_policy',
  restrictPublicBuckets: 'restrict_public_buckets',
};

function encryptionOf(
  algorithm: IacValue | undefined,
  kmsKeyId: IacValue | undefined,
  bucketKey: IacValue | undefined,
  ctx: MapContext,
): DefaultEncryption {
  const given = str(algorithm);
  if (given === undefined) throw new UnresolvedValue('the default encryption rule has no algorithm');
  return {
    algorithm: oneOf(ALGORITHMS, given, 'encryption algorithm'),
    // A key of the same code is named by its address: its id exists only once deployed.
    kmsKeyId: idOf(kmsKeyId, ctx) ?? null,
    bucketKeyEnabled: bool(bucketKey) === true,
  };
}

function versioningOf(status: string | undefined): Bucket['versioning'] {
  // Terraform's `Disabled` is only valid for a bucket whose versioning was never enabled.
  if (status === undefined || status === 'Disabled') return null;
  return oneOf(['Enabled', 'Suspended'] as const, status, 'versioning status');
}

const cloudFormationBucket: KindMapper<'s3.bucket'> = {
  kind: 's3.bucket',
  format: 'cloudformation',
  types: ['AWS::S3::Bucket'],
  // mfaDelete is left out: CloudFormation cannot set it (only the root user can, with its MFA code, outside the
  // template), so the deployed value is known only after deployment.
  fields: [
    'name',
    'publicAccessBlock',
    'policy',
    'defaultEncryption',
    'versioning',
    'acl',
    'objectOwnership',
    'logging',
  ],
  map(resource, ctx) {
    const properties = resource.properties;
    const name = bucketName(resource);
    const builder = new AttributeBuilder<'s3.bucket'>(resource);
    builder.set('name', () => name, ['BucketName']);
    builder.set(
      'publicAccessBlock',
      () => {
        const configuration = obj(properties.PublicAccessBlockConfiguration);
        return configuration
          ? publicAccessBlockOf(configuration, CFN_PUBLIC_ACCESS_KEYS)
          : DEFAULT_PUBLIC_ACCESS_BLOCK;
      },
      ['PublicAccessBlockConfiguration'],
    );
    const [policyResource] = ctx.attached(resource, ['AWS::S3::BucketPolicy'], 'Bucket');
    builder.set('policy', () => bucketPolicy(policyResource?.properties.PolicyDocument, ctx));
    if (policyResource) {
      builder.at('policy', policyResource.locate(['PolicyDocument']) ?? policyResource.location);
    }
    builder.set(
      'defaultEncryption',
      () => {
        const rules = list(get(properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration'));
        const index = rules.findIndex((rule) => get(rule, 'ServerSideEncryptionByDefault') !== undefined);
        const rule = rules[index];
        if (rule === undefined) return DEFAULT_ENCRYPTION;
        const byDefault = get(rule, 'ServerSideEncryptionByDefault');
        return encryptionOf(
          get(byDefault, 'SSEAlgorithm'),
          get(byDefault, 'KMSMasterKeyID'),
          get(rule, 'BucketKeyEnabled'),
          ctx,
        );
      },
      [
        'BucketEncryption',
        'ServerSideEncryptionConfiguration',
        0,
        'ServerSideEncryptionByDefault',
        'SSEAlgorithm',
      ],
      ['BucketEncryption'],
    );
    builder.set(
      'versioning',
      () => versioningOf(str(get(properties, 'VersioningConfiguration', 'Status'))),
      ['VersioningConfiguration', 'Status'],
      ['VersioningConfiguration'],
    );
    builder.set('acl', () => cannedAcl(properties.AccessControl) ?? [], ['AccessControl']);
    builder.set(
      'objectOwnership',
      () => {
        const setting = str(get(properties, 'OwnershipControls', 'Rules', 0, 'ObjectOwnership'));
        return setting === undefined ? DEFAULT_OWNERSHIP : oneOf(OWNERSHIPS, setting, 'object ownership');
      },
      ['OwnershipControls', 'Rules', 0, 'ObjectOwnership'],
      ['OwnershipControls'],
    );
    builder.set(
      'logging',
      () => {
        const configuration = obj(properties.LoggingConfiguration);
        if (!configuration) return null;
        // Without a destination, S3 writes the logs into the bucket itself (CloudFormation
        // AWS::S3::Bucket LoggingConfiguration, DestinationBucketName).
        const target = bucketNamed(configuration.DestinationBucketName, ctx) ?? name;
        return { targetBucket: target, targetPrefix: str(configuration.LogFilePrefix) ?? '' };
      },
      ['LoggingConfiguration', 'DestinationBucketName'],
      ['LoggingConfiguration'],
    );
    return builder.build({ arn: `arn:aws:s3:::${name}`, tags: tagsOf(properties.Tags) });
  },
};

/**
 * A legacy inline argument of `aws_s3_bucket` (`versioning`, `acl`, `policy`...). The provider computes them
 * when the configuration leaves them out, so a plan marks them "known after apply": there that means "not set
 * here" (the split resources or the defaults decide), not a value to wait for.
 */
function legacy(resource: IacResource, name: string): IacValue | undefined {
  const value = resource.properties[name];
  if (resource.format === 'terraform-plan' && value instanceof Unresolved) return undefined;
  return value;
}

function legacyBlock(resource: IacResource, name: string): IacObject | undefined {
  const value = legacy(resource, name);
  return value === undefined ? undefined : block({ [name]: value }, name);
}

function grantOf(grant: IacObject): AclGrant {
  const grantee = block(grant, 'grantee');
  const type = oneOf(GRANTEE_TYPES, str(grantee?.type) ?? '', 'grantee type');
  const id =
    type === 'Group'
      ? str(grantee?.uri)
      : type === 'CanonicalUser'
        ? str(grantee?.id)
        : str(grantee?.email_address);
  if (id === undefined) throw new UnresolvedValue(`a ${type} grant names no grantee`);
  return {
    granteeType: type,
    grantee: id,
    permission: oneOf(PERMISSIONS, str(grant.permission) ?? '', 'permission'),
  };
}

const BUCKET_SPLITS = {
  versioning: 'aws_s3_bucket_versioning',
  encryption: 'aws_s3_bucket_server_side_encryption_configuration',
  publicAccessBlock: 'aws_s3_bucket_public_access_block',
  policy: 'aws_s3_bucket_policy',
  acl: 'aws_s3_bucket_acl',
  ownership: 'aws_s3_bucket_ownership_controls',
  logging: 'aws_s3_bucket_logging',
} as const;

const terraformBucket: KindMapper<'s3.bucket'> = {
  kind: 's3.bucket',
  format: 'terraform',
  types: ['aws_s3_bucket'],
  fields: [
    'name',
    'publicAccessBlock',
    'policy',
    'defaultEncryption',
    'versioning',
    'mfaDelete',
    'acl',
    'objectOwnership',
    'logging',
  ],
  map(resource, ctx) {
    const properties = resource.properties;
    const name = bucketName(resource);
    const builder = new AttributeBuilder<'s3.bucket'>(resource);
    const split = (type: string): IacResource | undefined => ctx.attached(resource, [type], 'bucket')[0];
    const at = (
      field: Extract<keyof Bucket, string>,
      found: IacResource | undefined,
      ...path: (string | number)[]
    ) => {
      if (found) builder.at(field, found.locate(path) ?? found.location);
    };

    builder.set('name', () => name, ['bucket']);

    const publicAccess = split(BUCKET_SPLITS.publicAccessBlock);
    builder.set('publicAccessBlock', () =>
      publicAccess
        ? publicAccessBlockOf(publicAccess.properties, TF_PUBLIC_ACCESS_KEYS)
        : DEFAULT_PUBLIC_ACCESS_BLOCK,
    );
    at('publicAccessBlock', publicAccess);

    const policyResource = split(BUCKET_SPLITS.policy);
    builder.set(
      'policy',
      () => bucketPolicy(policyResource ? policyResource.properties.policy : legacy(resource, 'policy'), ctx),
      ['policy'],
    );
    at('policy', policyResource, 'policy');

    const encryption = split(BUCKET_SPLITS.encryption);
    builder.set(
      'defaultEncryption',
      () => {
        const configuration =
          encryption?.properties ?? legacyBlock(resource, 'server_side_encryption_configuration');
        const rule = blocks(configuration, 'rule').find((candidate) =>
          block(candidate, 'apply_server_side_encryption_by_default'),
        );
        if (!rule) return DEFAULT_ENCRYPTION;
        const byDefault = block(rule, 'apply_server_side_encryption_by_default');
        return encryptionOf(
          byDefault?.sse_algorithm,
          byDefault?.kms_master_key_id,
          rule.bucket_key_enabled,
          ctx,
        );
      },
      ['server_side_encryption_configuration'],
    );
    at(
      'defaultEncryption',
      encryption,
      'rule',
      0,
      'apply_server_side_encryption_by_default',
      0,
      'sse_algorithm',
    );

    const versioning = split(BUCKET_SPLITS.versioning);
    // The versioning resource's configuration, else the legacy inline block; each setting is read on its own,
    // so an unknown MFA Delete leaves the versioning status known.
    const versioningSetting = (split: string, inline: string): IacValue | undefined => {
      if (versioning) {
        const value = get(versioning.properties, 'versioning_configuration', 0, split);
        // mfa_delete is computed when left out: a plan's "known after apply" there means "not set".
        const computed = split === 'mfa_delete' && versioning.format === 'terraform-plan';
        return computed && value instanceof Unresolved ? undefined : value;
      }
      return legacyBlock(resource, 'versioning')?.[inline];
    };
    builder.set(
      'versioning',
      () =>
        versioning
          ? versioningOf(str(versioningSetting('status', 'enabled')))
          : // The legacy block enables versioning, or leaves a new bucket's versioning never enabled.
            bool(versioningSetting('status', 'enabled')) === true
            ? 'Enabled'
            : null,
      ['versioning'],
    );
    // MFA Delete is off unless the code turns it on: a new bucket starts without it.
    builder.set(
      'mfaDelete',
      () => {
        const value = versioningSetting('mfa_delete', 'mfa_delete');
        return versioning ? str(value) === 'Enabled' : bool(value) === true;
      },
      ['versioning'],
    );
    at('versioning', versioning, 'versioning_configuration', 0, 'status');
    at('mfaDelete', versioning, 'versioning_configuration', 0, 'mfa_delete');

    const acl = split(BUCKET_SPLITS.acl);
    builder.set(
      'acl',
      () => {
        if (acl) {
          const policy = block(acl.properties, 'access_control_policy');
          if (policy) return blocks(policy, 'grant').map(grantOf);
          return cannedAcl(acl.properties.acl) ?? [];
        }
        return cannedAcl(legacy(resource, 'acl')) ?? [];
      },
      ['acl'],
    );
    at('acl', acl, 'acl');

    const ownership = split(BUCKET_SPLITS.ownership);
    builder.set('objectOwnership', () => {
      const setting = str(get(ownership?.properties, 'rule', 0, 'object_ownership'));
      return setting === undefined ? DEFAULT_OWNERSHIP : oneOf(OWNERSHIPS, setting, 'object ownership');
    });
    at('objectOwnership', ownership, 'rule', 0, 'object_ownership');

    const logging = split(BUCKET_SPLITS.logging);
    builder.set(
      'logging',
      () => {
        const configuration = logging?.properties ?? legacyBlock(resource, 'logging');
        if (!configuration) return null;
        const target = bucketNamed(configuration.target_bucket, ctx);
        if (target === undefined) throw new UnresolvedValue('access logging names no target bucket');
        return { targetBucket: target, targetPrefix: str(configuration.target_prefix) ?? '' };
      },
      ['logging'],
    );
    at('logging', logging, 'target_bucket');

    return builder.build({ arn: `arn:aws:s3:::${name}`, tags: tagsOf(properties.tags) });
  },
};

const terraformAccountPublicAccessBlock: KindMapper<'s3.account-public-access-block'> = {
  kind: 's3.account-public-access-block',
  format: 'terraform',
  types: ['aws_s3_account_public_access_block'],
  fields: ['configuration'],
  map(resource) {
    const builder = new AttributeBuilder<'s3.account-public-access-block'>(resource);
    // Each argument defaults to false in the Terraform AWS provider (aws_s3_account_public_access_block).
    builder.set('configuration', () => publicAccessBlockOf(resource.properties, TF_PUBLIC_ACCESS_KEYS));
    return builder.build();
  },
};

export const MAPPERS: KindMapper[] = [
  cloudFormationBucket,
  terraformBucket,
  terraformAccountPublicAccessBlock,
] as KindMapper[];
