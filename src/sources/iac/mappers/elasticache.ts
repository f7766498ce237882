import type { IacValue } from '../types.js';
import { optionalId, targetName, written } from './data-support.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  bool,
  list,
  num,
  str,
  tagsOf,
  type KindMapper,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

/** The subnet group ElastiCache places nodes in when none is named: the default VPC's subnets. */
const DEFAULT_SUBNET_GROUP = 'default';
/** The engine version ElastiCache chooses when the code names none: the checks only print it. */
const DEFAULT_VERSION = 'default';
const SUBNET_GROUP_NAMES = ['CacheSubnetGroupName', 'name'];
const USER_GROUP_NAMES = ['UserGroupId', 'user_group_id'];

function engineOf(value: IacValue | undefined, fallback: string | undefined): string {
  const engine = str(value)?.toLowerCase() ?? fallback;
  if (engine === undefined) throw new UnresolvedValue('the engine is not set');
  return engine;
}

/** CreateReplicationGroup: at-rest encryption defaults to true for Valkey, false for Redis OSS. */
function atRestDefault(engine: string): boolean {
  return engine === 'valkey';
}

const GROUP_FIELDS = [
  'replicationGroupId',
  'engine',
  'atRestEncryptionEnabled',
  'transitEncryptionEnabled',
  'transitEncryptionMode',
  'authTokenEnabled',
  'userGroupIds',
  'automaticFailover',
  'multiAZ',
  'snapshotRetentionLimit',
  'kmsKeyId',
  'autoMinorVersionUpgrade',
  'cacheSubnetGroupName',
] as const;

const cfnReplicationGroup: KindMapper<'elasticache.replication-group'> = {
  kind: 'elasticache.replication-group',
  format: 'cloudformation',
  types: ['AWS::ElastiCache::ReplicationGroup'],
  fields: GROUP_FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'elasticache.replication-group'>(resource);
    // AWS::ElastiCache::ReplicationGroup: Engine defaults to redis.
    const engine = (): string => engineOf(p.Engine, 'redis');
    const transit = (): boolean => bool(p.TransitEncryptionEnabled) ?? false;
    b.set('replicationGroupId', () => nameOf(resource, 'ReplicationGroupId'), ['ReplicationGroupId'])
      .set('engine', engine, ['Engine'])
      .set('atRestEncryptionEnabled', () => bool(p.AtRestEncryptionEnabled) ?? atRestDefault(engine()), [
        'AtRestEncryptionEnabled',
      ])
      // CreateReplicationGroup: TransitEncryptionEnabled defaults to false.
      .set('transitEncryptionEnabled', transit, ['TransitEncryptionEnabled'])
      .set(
        'transitEncryptionMode',
        // A group created with TLS on and no mode requires TLS; `preferred` is only ever asked for.
        () => (transit() ? transitMode(p.TransitEncryptionMode) : null),
        ['TransitEncryptionMode'],
        ['TransitEncryptionEnabled'],
      )
      .set('authTokenEnabled', () => written(p.AuthToken), ['AuthToken'])
      .set(
        'userGroupIds',
        () => userGroups(p.UserGroupIds, (value) => targetName(value, ctx, ...USER_GROUP_NAMES)),
        ['UserGroupIds'],
      )
      // CreateReplicationGroup: AutomaticFailoverEnabled and MultiAZEnabled default to false.
      .set('automaticFailover', () => (bool(p.AutomaticFailoverEnabled) ? 'enabled' : 'disabled'), [
        'AutomaticFailoverEnabled',
      ])
      .set('multiAZ', () => bool(p.MultiAZEnabled) ?? false, ['MultiAZEnabled'])
      // CreateReplicationGroup: SnapshotRetentionLimit defaults to 0 (no automatic backups).
      .set('snapshotRetentionLimit', () => num(p.SnapshotRetentionLimit) ?? 0, ['SnapshotRetentionLimit'])
      .set('kmsKeyId', () => optionalId(p.KmsKeyId, ctx), ['KmsKeyId'])
      // CreateReplicationGroup: AutoMinorVersionUpgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.AutoMinorVersionUpgrade) ?? true, [
        'AutoMinorVersionUpgrade',
      ])
      .set(
        'cacheSubnetGroupName',
        () => targetName(p.CacheSubnetGroupName, ctx, ...SUBNET_GROUP_NAMES) ?? DEFAULT_SUBNET_GROUP,
        ['CacheSubnetGroupName'],
      );
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const tfReplicationGroup: KindMapper<'elasticache.replication-group'> = {
  kind: 'elasticache.replication-group',
  format: 'terraform',
  types: ['aws_elasticache_replication_group'],
  fields: GROUP_FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'elasticache.replication-group'>(resource);
    // aws_elasticache_replication_group: engine defaults to redis.
    const engine = (): string => engineOf(p.engine, 'redis');
    const transit = (): boolean => bool(p.transit_encryption_enabled) ?? false;
    b.set('replicationGroupId', () => nameOf(resource, 'replication_group_id'), ['replication_group_id'])
      .set('engine', engine, ['engine'])
      // aws_elasticache_replication_group: at_rest_encryption_enabled defaults to true for valkey, false for redis.
      .set('atRestEncryptionEnabled', () => bool(p.at_rest_encryption_enabled) ?? atRestDefault(engine()), [
        'at_rest_encryption_enabled',
      ])
      .set('transitEncryptionEnabled', transit, ['transit_encryption_enabled'])
      .set(
        'transitEncryptionMode',
        () => (transit() ? transitMode(p.transit_encryption_mode) : null),
        ['transit_encryption_mode'],
        ['transit_encryption_enabled'],
      )
      .set('authTokenEnabled', () => written(p.auth_token), ['auth_token'])
      .set(
        'userGroupIds',
        () => userGroups(p.user_group_ids, (value) => targetName(value, ctx, ...USER_GROUP_NAMES)),
        ['user_group_ids'],
      )
      // aws_elasticache_replication_group: automatic_failover_enabled and multi_az_enabled default to false.
      .set('automaticFailover', () => (bool(p.automatic_failover_enabled) ? 'enabled' : 'disabled'), [
        'automatic_failover_enabled',
      ])
      .set('multiAZ', () => bool(p.multi_az_enabled) ?? false, ['multi_az_enabled'])
      .set('snapshotRetentionLimit', () => num(p.snapshot_retention_limit) ?? 0, ['snapshot_retention_limit'])
      .set('kmsKeyId', () => optionalId(p.kms_key_id, ctx), ['kms_key_id'])
      // aws_elasticache_replication_group: auto_minor_version_upgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.auto_minor_version_upgrade) ?? true, [
        'auto_minor_version_upgrade',
      ])
      .set(
        'cacheSubnetGroupName',
        () => targetName(p.subnet_group_name, ctx, ...SUBNET_GROUP_NAMES) ?? DEFAULT_SUBNET_GROUP,
        ['subnet_group_name'],
      );
    return b.build({ tags: tagsOf(p.tags) });
  },
};

function transitMode(value: IacValue | undefined): 'preferred' | 'required' {
  const mode = str(value)?.toLowerCase() ?? 'required';
  if (mode === 'preferred' || mode === 'required') return mode;
  throw new UnresolvedValue(
    `transit encryption mode ${JSON.stringify(mode)} is neither preferred nor required`,
  );
}

function userGroups(
  value: IacValue | undefined,
  nameOfGroup: (value: IacValue) => string | undefined,
): string[] {
  return list(value).flatMap((entry) => {
    const name = nameOfGroup(entry);
    return name === undefined ? [] : [name];
  });
}

const CLUSTER_FIELDS = [
  'cacheClusterId',
  'engine',
  'engineVersion',
  'autoMinorVersionUpgrade',
  'snapshotRetentionLimit',
  'transitEncryptionEnabled',
  'cacheSubnetGroupName',
] as const;

const cfnCacheCluster: KindMapper<'elasticache.cache-cluster'> = {
  kind: 'elasticache.cache-cluster',
  format: 'cloudformation',
  types: ['AWS::ElastiCache::CacheCluster'],
  fields: CLUSTER_FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'elasticache.cache-cluster'>(resource);
    const engine = (): string => engineOf(p.Engine, undefined);
    b.set('cacheClusterId', () => nameOf(resource, 'ClusterName'), ['ClusterName'])
      .set('engine', engine, ['Engine'])
      .set('engineVersion', () => str(p.EngineVersion) ?? DEFAULT_VERSION, ['EngineVersion'])
      // CreateCacheCluster: AutoMinorVersionUpgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.AutoMinorVersionUpgrade) ?? true, [
        'AutoMinorVersionUpgrade',
      ])
      // Memcached keeps no snapshots; CreateCacheCluster: SnapshotRetentionLimit defaults to 0.
      .set(
        'snapshotRetentionLimit',
        () => (engine() === 'memcached' ? null : (num(p.SnapshotRetentionLimit) ?? 0)),
        ['SnapshotRetentionLimit'],
      )
      .set('transitEncryptionEnabled', () => bool(p.TransitEncryptionEnabled) ?? false, [
        'TransitEncryptionEnabled',
      ])
      .set(
        'cacheSubnetGroupName',
        () => targetName(p.CacheSubnetGroupName, ctx, ...SUBNET_GROUP_NAMES) ?? DEFAULT_SUBNET_GROUP,
        ['CacheSubnetGroupName'],
      );
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const tfCacheCluster: KindMapper<'elasticache.cache-cluster'> = {
  kind: 'elasticache.cache-cluster',
  format: 'terraform',
  types: ['aws_elasticache_cluster'],
  fields: CLUSTER_FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'elasticache.cache-cluster'>(resource);
    // A member of a replication group takes engine and settings from the group, which is checked instead.
    const member = written(p.replication_group_id)
      ? "a member of a replication group (replication_group_id): its settings are the group's, checked with it"
      : null;
    const ownSetting = <T>(compute: () => T): (() => T) =>
      member === null
        ? compute
        : () => {
            throw new UnresolvedValue(member);
          };
    const engine = (): string => engineOf(p.engine, undefined);
    b.set('cacheClusterId', () => nameOf(resource, 'cluster_id'), ['cluster_id'])
      .set('engine', ownSetting(engine), ['engine'])
      .set(
        'engineVersion',
        ownSetting(() => str(p.engine_version) ?? DEFAULT_VERSION),
        ['engine_version'],
      )
      // aws_elasticache_cluster: auto_minor_version_upgrade defaults to true.
      .set(
        'autoMinorVersionUpgrade',
        ownSetting(() => bool(p.auto_minor_version_upgrade) ?? true),
        ['auto_minor_version_upgrade'],
      )
      .set(
        'snapshotRetentionLimit',
        ownSetting(() => (engine() === 'memcached' ? null : (num(p.snapshot_retention_limit) ?? 0))),
        ['snapshot_retention_limit'],
      )
      .set(
        'transitEncryptionEnabled',
        ownSetting(() => bool(p.transit_encryption_enabled) ?? false),
        ['transit_encryption_enabled'],
      )
      .set(
        'cacheSubnetGroupName',
        ownSetting(() => targetName(p.subnet_group_name, ctx, ...SUBNET_GROUP_NAMES) ?? DEFAULT_SUBNET_GROUP),
        ['subnet_group_name'],
      );
    return b.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [
  cfnCacheCluster,
  cfnReplicationGroup,
  tfCacheCluster,
  tfReplicationGroup,
];
