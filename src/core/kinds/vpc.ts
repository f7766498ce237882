import { z } from 'zod';
import { defineKind } from './kind.js';

export const flowLog = z.object({
  id: z.string(),
  /** The flow log's own status (`ACTIVE`), not whether delivery works. */
  status: z.string(),
  trafficType: z.enum(['ACCEPT', 'REJECT', 'ALL']),
  destinationType: z.enum(['cloud-watch-logs', 's3', 'kinesis-data-firehose']),
  /** ARN of the log group, bucket (or prefix) or stream; a log group name where AWS gives no ARN. */
  logDestination: z.string().nullable(),
});
export type FlowLog = z.infer<typeof flowLog>;

export const ec2Vpc = defineKind({
  name: 'ec2.vpc',
  service: 'ec2',
  title: 'VPC',
  global: false,
  attributes: z.object({
    vpcId: z.string(),
    isDefault: z.boolean(),
    /** Associated IPv4 then IPv6 CIDR blocks. */
    cidrBlocks: z.array(z.string()),
    /** Flow logs on the VPC itself (not those on its subnets or interfaces); `[]` when there are none. */
    flowLogs: z.array(flowLog),
  }),
});

export const networkAclEntry = z.object({
  ruleNumber: z.number().int(),
  egress: z.boolean(),
  ruleAction: z.enum(['allow', 'deny']),
  /** As in security group rules: `tcp`, `udp`, `icmp`, `icmpv6`, another protocol number, or `-1` for all. */
  protocol: z.string(),
  /** Exactly one of the two CIDR blocks is set. */
  cidrBlock: z.string().nullable(),
  ipv6CidrBlock: z.string().nullable(),
  /** Null when the protocol has no ports (ICMP, all traffic); set for every TCP and UDP entry. */
  fromPort: z.number().int().nullable(),
  toPort: z.number().int().nullable(),
});
export type NetworkAclEntry = z.infer<typeof networkAclEntry>;

export const ec2NetworkAcl = defineKind({
  name: 'ec2.network-acl',
  service: 'ec2',
  title: 'Network ACL',
  global: false,
  attributes: z.object({
    networkAclId: z.string(),
    vpcId: z.string(),
    isDefault: z.boolean(),
    /**
     * Ingress entries then egress entries, each in evaluation order (ascending rule number); the final
     * catch-all deny (rule 32767) is included.
     */
    entries: z.array(networkAclEntry),
    associatedSubnetIds: z.array(z.string()),
  }),
});

export const ec2Subnet = defineKind({
  name: 'ec2.subnet',
  service: 'ec2',
  title: 'Subnet',
  global: false,
  attributes: z.object({
    subnetId: z.string(),
    vpcId: z.string(),
    availabilityZone: z.string(),
    /** One of the default VPC's subnets, which AWS creates public and auto-assigning public IPs. */
    defaultForAz: z.boolean(),
    /** Instances launched here get a public IPv4 address unless their launch says otherwise (FSBP EC2.15). */
    mapPublicIpOnLaunch: z.boolean(),
    /** The route table that routes the subnet: its explicitly associated one, else the VPC's main table. */
    routeTableId: z.string(),
    /**
     * That route table sends 0.0.0.0/0 or ::/0 to an internet gateway: hosts with a public address here are
     * reachable from the internet, as far as security groups and network ACLs let them.
     */
    public: z.boolean(),
  }),
});
