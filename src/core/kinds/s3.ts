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
  }),
});
