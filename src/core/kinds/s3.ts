import { z } from 'zod';
import { defineKind, policyDocument, timestamp } from './kind.js';

export const publicAccessBlock = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type PublicAccessBlock = z.infer<typeof publicAccessBlock>;

export const PUBLIC_ACCESS_BLOCK_SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;
export type PublicAccessBlockSetting = (typeof PUBLIC_ACCESS_BLOCK_SETTINGS)[number];

/** The settings that are not on; all four when there is no configuration. */
export function settingsOff(configuration: PublicAccessBlock | null): PublicAccessBlockSetting[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => configuration?.[setting] !== true);
}

/** One grant of a bucket ACL. */
export const aclGrant = z.object({
  /** CanonicalUser (an account), Group (AllUsers, AuthenticatedUsers, LogDelivery) or AmazonCustomerByEmail. */
  granteeType: z.enum(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']),
  /** The canonical user id, group URI or email address the grant names. */
  grantee: z.string(),
  permission: z.enum(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']),
});
export type AclGrant = z.infer<typeof aclGrant>;

/** The ACL groups that mean everyone: anonymous callers, and any AWS account. */
export const ALL_USERS_URI = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS_URI = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

export const s3AccountPublicAccessBlock = defineKind({
  name: 's3.account-public-access-block',
  service: 's3',
  title: 'S3 account public access block',
  global: true,
  attributes: z.object({
    /** Null when no account-level configuration exists. */
    configuration: publicAccessBlock.nullable(),
  }),
});

export const s3Bucket = defineKind({
  name: 's3.bucket',
  service: 's3',
  title: 'S3 bucket',
  global: false,
  attributes: z.object({
    name: z.string(),
    createdAt: timestamp.nullable(),
    /** Null when the bucket has no public access block of its own. */
    publicAccessBlock: publicAccessBlock.nullable(),
    /** Null when the bucket has no bucket policy. */
    policy: policyDocument.nullable(),
    /** Default encryption. Since 2023-01-05 every bucket has at least SSE-S3. */
    defaultEncryption: z
      .object({
        algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']),
        kmsKeyId: z.string().nullable(),
        bucketKeyEnabled: z.boolean(),
      })
      .nullable(),
    /** Object versioning; null when it was never enabled. Without it an overwrite or delete loses the data. */
    versioning: z.enum(['Enabled', 'Suspended']).nullable(),
    /** MFA Delete: changing versioning or deleting a version needs the root user's MFA. */
    mfaDelete: z.boolean(),
    /** The bucket ACL's grants; grants to AllUsers or AuthenticatedUsers make the bucket public. */
    acl: z.array(aclGrant),
    /** Object Ownership; BucketOwnerEnforced turns ACLs off. Null when the bucket has no ownership controls. */
    objectOwnership: z.enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']).nullable(),
    /** Server access logging target; null when access logging is off. */
    logging: z.object({ targetBucket: z.string(), targetPrefix: z.string() }).nullable(),
  }),
});
