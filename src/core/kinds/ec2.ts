import { z } from 'zod';
import { defineKind } from './kind.js';

export const securityGroupRule = z.object({
  /** `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all traffic. */
  protocol: z.string(),
  /** Absent (null) when the protocol has no ports, or for all traffic. */
  fromPort: z.number().int().nullable(),
  toPort: z.number().int().nullable(),
  ipv4Ranges: z.array(z.string()),
  ipv6Ranges: z.array(z.string()),
  prefixListIds: z.array(z.string()),
  sourceGroupIds: z.array(z.string()),
  description: z.string().nullable(),
});
export type SecurityGroupRule = z.infer<typeof securityGroupRule>;

export const ec2SecurityGroup = defineKind({
  name: 'ec2.security-group',
  service: 'ec2',
  title: 'Security group',
  global: false,
  attributes: z.object({
    groupId: z.string(),
    groupName: z.string(),
    vpcId: z.string().nullable(),
    description: z.string(),
    ingress: z.array(securityGroupRule),
    egress: z.array(securityGroupRule),
  }),
});

export const ec2EbsEncryptionByDefault = defineKind({
  name: 'ec2.ebs-encryption-by-default',
  service: 'ec2',
  title: 'EBS encryption by default',
  global: false,
  attributes: z.object({
    enabled: z.boolean(),
    /** The default KMS key for EBS encryption in the region. */
    kmsKeyId: z.string().nullable(),
  }),
});

export const ec2Instance = defineKind({
  name: 'ec2.instance',
  service: 'ec2',
  title: 'EC2 instance',
  global: false,
  attributes: z.object({
    instanceId: z.string(),
    state: z.enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']),
    instanceType: z.string(),
    imageId: z.string(),
    vpcId: z.string().nullable(),
    /** The subnet of its primary network interface; null outside a VPC or once terminated. */
    subnetId: z.string().nullable(),
    publicIpAddress: z.string().nullable(),
    iamInstanceProfileArn: z.string().nullable(),
    metadataOptions: z.object({
      httpEndpoint: z.enum(['enabled', 'disabled']),
      /** `required` means IMDSv2 only. */
      httpTokens: z.enum(['optional', 'required']),
      httpPutResponseHopLimit: z.number().int(),
    }),
  }),
});

/** An instance's user data, apart from the instance: it takes one call per instance and holds secrets. */
export const ec2InstanceUserData = defineKind({
  name: 'ec2.instance-user-data',
  service: 'ec2',
  title: 'EC2 instance user data',
  global: false,
  attributes: z.object({
    instanceId: z.string(),
    /** Decoded (and gunzipped) text; null when the instance has none. Redacted in every output. */
    userData: z.string().nullable(),
  }),
});
