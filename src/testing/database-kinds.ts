import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { resource, type Placement } from './builders.js';

/** Builders for the database kinds' check tests: compliant by default, with overrides for the case at hand. */

/** A Redis OSS 7 group `sessions`: encrypted both ways, RBAC users, failover across zones, a week of backups. */
export function elasticacheReplicationGroup(
  overrides: Partial<AttributesOf<'elasticache.replication-group'>> = {},
  placement: Placement = {},
): Resource<'elasticache.replication-group'> {
  const attributes: AttributesOf<'elasticache.replication-group'> = {
    replicationGroupId: 'sessions',
    engine: 'redis',
    atRestEncryptionEnabled: true,
    transitEncryptionEnabled: true,
    transitEncryptionMode: 'required',
    authTokenEnabled: false,
    userGroupIds: ['app-users'],
    automaticFailover: 'enabled',
    multiAZ: true,
    snapshotRetentionLimit: 7,
    kmsKeyId: null,
    autoMinorVersionUpgrade: true,
    cacheSubnetGroupName: 'cache-private',
    ...overrides,
  };
  return resource('elasticache.replication-group', attributes.replicationGroupId, attributes, placement);
}

/** A standalone Memcached cluster `catalog-cache` in its own subnet group, taking minor upgrades. */
export function elasticacheCacheCluster(
  overrides: Partial<AttributesOf<'elasticache.cache-cluster'>> = {},
  placement: Placement = {},
): Resource<'elasticache.cache-cluster'> {
  const attributes: AttributesOf<'elasticache.cache-cluster'> = {
    cacheClusterId: 'catalog-cache',
    engine: 'memcached',
    engineVersion: '1.6.22',
    autoMinorVersionUpgrade: true,
    snapshotRetentionLimit: null,
    transitEncryptionEnabled: true,
    atRestEncryptionEnabled: false,
    cacheSubnetGroupName: 'cache-private',
    ...overrides,
  };
  return resource('elasticache.cache-cluster', attributes.cacheClusterId, attributes, placement);
}

/** A private, encrypted, TLS-only, logged Redshift cluster `warehouse` keeping a week of snapshots. */
export function redshiftCluster(
  overrides: Partial<AttributesOf<'redshift.cluster'>> = {},
  placement: Placement = {},
): Resource<'redshift.cluster'> {
  const attributes: AttributesOf<'redshift.cluster'> = {
    clusterIdentifier: 'warehouse',
    encrypted: true,
    kmsKeyId: null,
    publiclyAccessible: false,
    requireSsl: true,
    loggingEnabled: true,
    enhancedVpcRouting: true,
    allowVersionUpgrade: true,
    automatedSnapshotRetentionPeriod: 7,
    ...overrides,
  };
  return resource('redshift.cluster', attributes.clusterIdentifier, attributes, placement);
}

/** An encrypted, deletion-protected Aurora PostgreSQL cluster `orders-aurora` with IAM authentication. */
export function rdsCluster(
  overrides: Partial<AttributesOf<'rds.db-cluster'>> = {},
  placement: Placement = {},
): Resource<'rds.db-cluster'> {
  const attributes: AttributesOf<'rds.db-cluster'> = {
    identifier: 'orders-aurora',
    engine: 'aurora-postgresql',
    storageEncrypted: true,
    kmsKeyId: null,
    deletionProtection: true,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: 7,
    multiAZ: true,
    ...overrides,
  };
  return resource('rds.db-cluster', attributes.identifier, attributes, placement);
}

/** A PostgreSQL 16 parameter group `tls-only` that sets rds.force_ssl. */
export function rdsParameterGroup(
  overrides: Partial<AttributesOf<'rds.db-parameter-group'>> = {},
  placement: Placement = {},
): Resource<'rds.db-parameter-group'> {
  const attributes: AttributesOf<'rds.db-parameter-group'> = {
    name: 'tls-only',
    family: 'postgres16',
    forceSsl: true,
    requireSecureTransport: null,
    ...overrides,
  };
  return resource('rds.db-parameter-group', attributes.name, attributes, placement);
}
