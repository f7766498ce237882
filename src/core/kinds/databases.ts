import { z } from 'zod';
import { defineKind } from './kind.js';

/**
 * An ElastiCache replication group: a Redis OSS or Valkey cache with its replicas, and where its security
 * settings live (encryption, AUTH, failover, backups apply to the whole group, not to its member nodes).
 */
export const elasticacheReplicationGroup = defineKind({
  name: 'elasticache.replication-group',
  service: 'elasticache',
  title: 'ElastiCache replication group',
  global: false,
  attributes: z.object({
    replicationGroupId: z.string(),
    /** `redis` or `valkey`. */
    engine: z.string(),
    /** Data on disk (snapshots, swap) is encrypted; only settable when the group is created. */
    atRestEncryptionEnabled: z.boolean(),
    /** Connections can use TLS; whether they must is `transitEncryptionMode`. */
    transitEncryptionEnabled: z.boolean(),
    /**
     * `required`: plaintext connections are refused; `preferred`: both are accepted (a migration step).
     * Null when in-transit encryption is off, or on a group older than the setting (which requires TLS).
     */
    transitEncryptionMode: z.enum(['preferred', 'required']).nullable(),
    /** Clients must present the AUTH token (password) to run commands. */
    authTokenEnabled: z.boolean(),
    /** RBAC user groups (Redis OSS 6 and later, Valkey): each client authenticates as a user; empty when none. */
    userGroupIds: z.array(z.string()),
    /** A replica is promoted when the primary fails; while `disabled`, a failed primary means downtime. */
    automaticFailover: z.enum(['enabled', 'disabled', 'enabling', 'disabling']),
    /** Replicas are kept in other Availability Zones, so a zone outage does not take the cache down. */
    multiAZ: z.boolean(),
    /** Days automatic snapshots are kept; 0 means automatic backups are off. */
    snapshotRetentionLimit: z.number().int().nonnegative(),
    /** The customer managed key encrypting data at rest; null for the AWS owned key or no encryption. */
    kmsKeyId: z.string().nullable(),
    /** ElastiCache applies minor (security) engine updates in the maintenance window. */
    autoMinorVersionUpgrade: z.boolean(),
    /** The subnet group of its nodes; `default` is the one ElastiCache makes over the default VPC's subnets. */
    cacheSubnetGroupName: z.string(),
  }),
});

/**
 * An ElastiCache cache cluster that belongs to no replication group: Memcached clusters and single-node
 * Redis OSS clusters. Nodes of a replication group are covered by `elasticache.replication-group`.
 */
export const elasticacheCacheCluster = defineKind({
  name: 'elasticache.cache-cluster',
  service: 'elasticache',
  title: 'ElastiCache cache cluster',
  global: false,
  attributes: z.object({
    cacheClusterId: z.string(),
    /** `memcached`, `redis` or `valkey`. */
    engine: z.string(),
    engineVersion: z.string(),
    /** ElastiCache applies minor (security) engine updates in the maintenance window. */
    autoMinorVersionUpgrade: z.boolean(),
    /** Days automatic snapshots are kept (0: off); null for Memcached, which has no snapshots. */
    snapshotRetentionLimit: z.number().int().nonnegative().nullable(),
    /** Connections can use TLS. */
    transitEncryptionEnabled: z.boolean(),
    /** Data on disk is encrypted. */
    atRestEncryptionEnabled: z.boolean(),
    /** The subnet group placing the nodes; `default` is the one ElastiCache makes over the default VPC's subnets. */
    cacheSubnetGroupName: z.string(),
  }),
});

/** A provisioned Amazon Redshift cluster (Redshift Serverless workgroups are not clusters). */
export const redshiftCluster = defineKind({
  name: 'redshift.cluster',
  service: 'redshift',
  title: 'Redshift cluster',
  global: false,
  attributes: z.object({
    clusterIdentifier: z.string(),
    /** The database, its backups and snapshots are encrypted at rest. */
    encrypted: z.boolean(),
    /** The KMS key that encrypts it; null when it is not encrypted with a KMS key. */
    kmsKeyId: z.string().nullable(),
    /** The cluster has a public IP and resolves publicly; the security group is then all that keeps it private. */
    publiclyAccessible: z.boolean(),
    /** `require_ssl` is true in every parameter group of the cluster: plaintext connections are refused. */
    requireSsl: z.boolean(),
    /** Audit logging (connection, user and user activity logs) to S3 or CloudWatch Logs is on. */
    loggingEnabled: z.boolean(),
    /** COPY and UNLOAD traffic goes through the VPC, where security groups, endpoints and flow logs apply. */
    enhancedVpcRouting: z.boolean(),
    /** Major version upgrades are applied in the maintenance window. */
    allowVersionUpgrade: z.boolean(),
    /** Days automated snapshots are kept; 0 means automated snapshots are off. */
    automatedSnapshotRetentionPeriod: z.number().int().nonnegative(),
  }),
});
