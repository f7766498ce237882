import type { SecurityGroupRule } from '../core/kinds/ec2.js';
import type { PasswordPolicy } from '../core/kinds/iam.js';
import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, REGION, resource, type Placement } from './builders.js';

/** Per-kind resource builders for check tests: a compliant resource by default, with overrides for the case at hand. */

export const KMS_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** An enabled, rotating customer managed KMS key; its ARN follows its key id unless `placement.arn` says otherwise. */
export function kmsKey(
  overrides: Partial<AttributesOf<'kms.key'>> = {},
  placement: Placement = {},
): Resource<'kms.key'> {
  const attributes: AttributesOf<'kms.key'> = {
    keyId: KMS_KEY_ID,
    description: 'application data',
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    keyState: 'Enabled',
    origin: 'AWS_KMS',
    rotationEnabled: true,
    policy: defaultKeyPolicy(),
    ...overrides,
  };
  return resource('kms.key', attributes.keyId, attributes, {
    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${attributes.keyId}`,
    ...placement,
  });
}

/** The key policy KMS gives a key by default: the account's IAM policies decide who uses it. */
export function defaultKeyPolicy(account: string = ACCOUNT): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

/**
 * A private S3 bucket named `name` with every protection on: its own public access block, versioning with
 * MFA Delete, ACLs disabled, SSE-KMS and access logging. No bucket policy.
 */
export function s3Bucket(
  name = 'reports',
  overrides: Partial<AttributesOf<'s3.bucket'>> = {},
  placement: Placement = {},
): Resource<'s3.bucket'> {
  const attributes: AttributesOf<'s3.bucket'> = {
    name,
    createdAt: null,
    publicAccessBlock: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    },
    policy: null,
    defaultEncryption: {
      algorithm: 'aws:kms',
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KMS_KEY_ID}`,
      bucketKeyEnabled: true,
    },
    versioning: 'Enabled',
    mfaDelete: true,
    acl: [{ granteeType: 'CanonicalUser', grantee: 'owner-canonical-id', permission: 'FULL_CONTROL' }],
    objectOwnership: 'BucketOwnerEnforced',
    logging: { targetBucket: 'access-logs', targetPrefix: `${name}/` },
    ...overrides,
  };
  return resource('s3.bucket', name, attributes, { arn: `arn:aws:s3:::${name}`, ...placement });
}

/** A secret named `name`, rotated monthly, last rotated and read 3 days ago, without a resource policy. */
export function secret(
  name = 'prod/db',
  overrides: Partial<AttributesOf<'secretsmanager.secret'>> = {},
  placement: Placement = {},
): Resource<'secretsmanager.secret'> {
  const arn = `arn:aws:secretsmanager:${placement.region ?? REGION}:${placement.account ?? ACCOUNT}:secret:${name}-AbCdEf`;
  const attributes: AttributesOf<'secretsmanager.secret'> = {
    name,
    rotationEnabled: true,
    rotationIntervalDays: 30,
    lastRotatedAt: '2026-05-29T12:00:00.000Z',
    createdAt: '2025-01-10T12:00:00.000Z',
    kmsKeyId: null,
    policy: null,
    lastAccessedAt: '2026-05-29',
    ...overrides,
  };
  return resource('secretsmanager.secret', arn, attributes, { arn, ...placement });
}

/** A private, encrypted, deletion-protected PostgreSQL 16 instance named `orders`. */
export function rdsInstance(
  overrides: Partial<AttributesOf<'rds.db-instance'>> = {},
  placement: Placement = {},
): Resource<'rds.db-instance'> {
  const attributes: AttributesOf<'rds.db-instance'> = {
    identifier: 'orders',
    engine: 'postgres',
    engineVersion: '16.3',
    storageEncrypted: true,
    kmsKeyId: null,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    multiAZ: true,
    backupRetentionPeriod: 7,
    iamDatabaseAuthenticationEnabled: false,
    deletionProtection: true,
    dbClusterIdentifier: null,
    readReplicaSourceIdentifier: null,
    parameterGroupNames: ['default.postgres16'],
    ...overrides,
  };
  return resource('rds.db-instance', attributes.identifier, attributes, placement);
}

/** A password policy meeting the CIS benchmark, passwords never expiring. */
export const CIS_PASSWORD_POLICY: PasswordPolicy = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  maxPasswordAge: null,
  passwordReusePrevention: 24,
  hardExpiry: false,
};

/** The account's password policy: the CIS one with `overrides`, or none at all when `null`. */
export function passwordPolicy(
  overrides: Partial<PasswordPolicy> | null = {},
  placement: Placement = {},
): Resource<'iam.password-policy'> {
  const policy = overrides === null ? null : { ...CIS_PASSWORD_POLICY, ...overrides };
  return resource('iam.password-policy', placement.account ?? ACCOUNT, { policy }, placement);
}

/** A security group rule allowing all traffic from nowhere; override the protocol, ports and sources. */
export function securityGroupRule(overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return {
    protocol: '-1',
    fromPort: null,
    toPort: null,
    ipv4Ranges: [],
    ipv6Ranges: [],
    prefixListIds: [],
    sourceGroupIds: [],
    description: null,
    ...overrides,
  };
}

/** A `web` security group with no ingress and the default allow-all egress. */
export function securityGroup(
  overrides: Partial<AttributesOf<'ec2.security-group'>> = {},
  placement: Placement = {},
): Resource<'ec2.security-group'> {
  const attributes: AttributesOf<'ec2.security-group'> = {
    groupId: 'sg-0abc',
    groupName: 'web',
    vpcId: 'vpc-1',
    description: 'web servers',
    ingress: [],
    egress: [securityGroupRule({ ipv4Ranges: ['0.0.0.0/0'] })],
    ...overrides,
  };
  return resource('ec2.security-group', attributes.groupId, attributes, placement);
}
