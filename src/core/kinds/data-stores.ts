import { z } from 'zod';
import { defineKind, policyDocument } from './kind.js';

/**
 * An RDS DB instance (RDS, Aurora, and the Neptune and DocumentDB instances the same API lists: `engine` says
 * which). For Aurora instances, storage, backups and Multi-AZ belong to the cluster: see `rds.db-cluster`.
 */
export const rdsDbInstance = defineKind({
  name: 'rds.db-instance',
  service: 'rds',
  title: 'RDS DB instance',
  global: false,
  attributes: z.object({
    identifier: z.string(),
    /** `mysql`, `postgres`, `aurora-postgresql`, `sqlserver-se`, ... */
    engine: z.string(),
    engineVersion: z.string(),
    storageEncrypted: z.boolean(),
    /** The key that encrypts the storage; null when it is not encrypted. */
    kmsKeyId: z.string().nullable(),
    publiclyAccessible: z.boolean(),
    autoMinorVersionUpgrade: z.boolean(),
    /** Always false for Aurora instances: their cluster spreads over zones (`rds.db-cluster` multiAZ). */
    multiAZ: z.boolean(),
    /** Days automated backups are kept; 0 means automated backups are off. */
    backupRetentionPeriod: z.number().int().nonnegative(),
    iamDatabaseAuthenticationEnabled: z.boolean(),
    deletionProtection: z.boolean(),
    /** The Aurora (or Multi-AZ DB) cluster the instance belongs to; null for a standalone instance. */
    dbClusterIdentifier: z.string().nullable(),
    /**
     * The instance (or cluster) this one is a read replica of; null for a primary. A replica's backups and
     * deletion matter less: the data lives on in its source.
     */
    readReplicaSourceIdentifier: z.string().nullable(),
    /** Its DB parameter groups (`rds.db-parameter-group` ids), usually one. */
    parameterGroupNames: z.array(z.string()),
  }),
});

export const rdsDbCluster = defineKind({
  name: 'rds.db-cluster',
  service: 'rds',
  title: 'RDS DB cluster',
  global: false,
  attributes: z.object({
    identifier: z.string(),
    /** `aurora-mysql`, `aurora-postgresql`, `mysql`/`postgres` (Multi-AZ DB clusters), `neptune`, `docdb`. */
    engine: z.string(),
    storageEncrypted: z.boolean(),
    kmsKeyId: z.string().nullable(),
    deletionProtection: z.boolean(),
    iamDatabaseAuthenticationEnabled: z.boolean(),
    backupRetentionPeriod: z.number().int().nonnegative(),
    multiAZ: z.boolean(),
  }),
});

/** A manual DB snapshot or DB cluster snapshot owned by the account (automated ones cannot be shared). */
export const rdsDbSnapshot = defineKind({
  name: 'rds.db-snapshot',
  service: 'rds',
  title: 'RDS DB snapshot',
  global: false,
  attributes: z.object({
    identifier: z.string(),
    /** A DB cluster snapshot (Aurora, Multi-AZ DB cluster) rather than a DB instance snapshot. */
    cluster: z.boolean(),
    encrypted: z.boolean(),
    /** Anyone may restore it: its `restore` attribute holds `all`. */
    public: z.boolean(),
  }),
});

/**
 * A DB parameter group in use by at least one DB instance, with the parameters that enforce TLS. Each is
 * null when the group's family has no such parameter (Oracle, Db2; and Aurora, which sets them in cluster
 * parameter groups instead).
 */
export const rdsDbParameterGroup = defineKind({
  name: 'rds.db-parameter-group',
  service: 'rds',
  title: 'RDS DB parameter group',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** `postgres16`, `mysql8.0`, `sqlserver-se-15.0`, ... */
    family: z.string(),
    /** `rds.force_ssl` (PostgreSQL, SQL Server). */
    forceSsl: z.boolean().nullable(),
    /** `require_secure_transport` (MySQL, MariaDB). */
    requireSecureTransport: z.boolean().nullable(),
  }),
});

export const dynamodbTable = defineKind({
  name: 'dynamodb.table',
  service: 'dynamodb',
  title: 'DynamoDB table',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** `AWS_OWNED`: the default key DynamoDB owns; `KMS`: a KMS key, AWS managed or customer managed. */
    sseType: z.enum(['AWS_OWNED', 'KMS']),
    /** The KMS key of a `KMS` table; null for an AWS owned key. */
    kmsKeyArn: z.string().nullable(),
    pointInTimeRecovery: z.boolean(),
    deletionProtection: z.boolean(),
    billingMode: z.enum(['PROVISIONED', 'PAY_PER_REQUEST']),
  }),
});

export const efsFileSystem = defineKind({
  name: 'efs.file-system',
  service: 'efs',
  title: 'EFS file system',
  global: false,
  attributes: z.object({
    fileSystemId: z.string(),
    encrypted: z.boolean(),
    kmsKeyId: z.string().nullable(),
    /** Automatic backups by AWS Backup (the file system's backup policy) are on. */
    backupPolicyEnabled: z.boolean(),
    /** The file system policy; null when it has none (then any client with network access may mount it). */
    policy: policyDocument.nullable(),
  }),
});
