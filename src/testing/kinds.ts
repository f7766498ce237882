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
    ...overrides,
  };
  return resource('kms.key', attributes.keyId, attributes, {
    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${attributes.keyId}`,
    ...placement,
  });
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
