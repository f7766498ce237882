import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

export const ec2Volume = defineKind({
  name: 'ec2.volume',
  service: 'ec2',
  title: 'EBS volume',
  global: false,
  attributes: z.object({
    volumeId: z.string(),
    encrypted: z.boolean(),
    /** Null when the volume is not encrypted. */
    kmsKeyId: z.string().nullable(),
    state: z.enum(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
    sizeGiB: z.number().int(),
    /** `[]` when the volume is not attached. */
    attachedInstanceIds: z.array(z.string()),
  }),
});

export const ec2Snapshot = defineKind({
  name: 'ec2.snapshot',
  service: 'ec2',
  title: 'EBS snapshot',
  global: false,
  attributes: z.object({
    snapshotId: z.string(),
    /** Null when the snapshot has no source volume (copies, which AWS shows as `vol-ffffffff`). */
    volumeId: z.string().nullable(),
    encrypted: z.boolean(),
    kmsKeyId: z.string().nullable(),
    startTime: timestamp,
    /** True when anyone (every AWS account) may create volumes from it. */
    public: z.boolean(),
  }),
});

export const ec2LaunchTemplate = defineKind({
  name: 'ec2.launch-template',
  service: 'ec2',
  title: 'EC2 launch template',
  global: false,
  /** The launch data fields describe the template's latest version. */
  attributes: z.object({
    launchTemplateId: z.string(),
    name: z.string(),
    latestVersion: z.number().int(),
    /**
     * Null when the version sets neither option; a null option inside is not set either. Unset options fall
     * back to the AMI's and the account's defaults at launch, so an unset `httpTokens` is not IMDSv2.
     */
    metadataOptions: z
      .object({
        httpEndpoint: z.enum(['enabled', 'disabled']).nullable(),
        httpTokens: z.enum(['optional', 'required']).nullable(),
      })
      .nullable(),
    /** The user data as text (base64-decoded, gunzipped if gzipped); null when there is none. May hold secrets. */
    userData: z.string().nullable(),
    /** Whether the primary network interface gets a public IPv4 address; null when the template does not say. */
    associatePublicIpAddress: z.boolean().nullable(),
  }),
});

export const ec2Image = defineKind({
  name: 'ec2.image',
  service: 'ec2',
  title: 'AMI',
  global: false,
  attributes: z.object({
    imageId: z.string(),
    name: z.string(),
    /** True when the AMI has public launch permissions. */
    public: z.boolean(),
    creationDate: timestamp,
    /** Whether every EBS snapshot in its block device mappings is encrypted; null when it has none (instance store). */
    encrypted: z.boolean().nullable(),
  }),
});
