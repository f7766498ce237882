import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './elasticache.js';

type Code = ReturnType<typeof iacResource>;

function map(resource: Code, ...others: Code[]) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('elasticache.replication-group', () => {
  it('applies the CreateReplicationGroup defaults: redis, no encryption, no backups, default subnet group', () => {
    const mapped = map(iacResource('AWS::ElastiCache::ReplicationGroup', {}, { address: 'Cache' }));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      replicationGroupId: 'Cache',
      engine: 'redis',
      atRestEncryptionEnabled: false,
      transitEncryptionEnabled: false,
      transitEncryptionMode: null,
      authTokenEnabled: false,
      userGroupIds: [],
      automaticFailover: 'disabled',
      multiAZ: false,
      snapshotRetentionLimit: 0,
      kmsKeyId: null,
      autoMinorVersionUpgrade: true,
      cacheSubnetGroupName: 'default',
    });
  });

  it('encrypts Valkey at rest by default, and requires TLS when it is on without a mode', () => {
    const mapped = map(
      iacResource('aws_elasticache_replication_group', {
        engine: 'valkey',
        transit_encryption_enabled: true,
      }),
    );
    expect(mapped.attributes).toMatchObject({
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
    });
  });

  it('joins the subnet group and user group it refers to, by their names', () => {
    const subnets = iacResource(
      'aws_elasticache_subnet_group',
      { name: 'cache-private' },
      { address: 'aws_elasticache_subnet_group.private' },
    );
    const users = iacResource(
      'aws_elasticache_user_group',
      { user_group_id: 'app-users' },
      { address: 'aws_elasticache_user_group.app' },
    );
    const group = iacResource('aws_elasticache_replication_group', {
      subnet_group_name: new Reference('aws_elasticache_subnet_group.private', 'name'),
      user_group_ids: [new Reference('aws_elasticache_user_group.app', 'user_group_id')],
    });
    expect(map(group, subnets, users).attributes).toMatchObject({
      cacheSubnetGroupName: 'cache-private',
      userGroupIds: ['app-users'],
    });
  });

  it('counts an AUTH token from an unresolved NoEcho parameter as a token', () => {
    const mapped = map(
      iacResource(
        'AWS::ElastiCache::ReplicationGroup',
        { AuthToken: new Unresolved('Ref to parameter CacheToken, which has no default') },
        { address: 'Cache' },
      ),
    );
    expect(mapped.attributes.authTokenEnabled).toBe(true);
  });

  it('makes an unresolved setting a gap on that field only', () => {
    const mapped = map(
      iacResource(
        'AWS::ElastiCache::ReplicationGroup',
        { SnapshotRetentionLimit: new Unresolved('Ref to parameter Days, which has no default') },
        { address: 'Cache' },
      ),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'snapshotRetentionLimit',
        reason: 'unresolved',
        detail: 'Ref to parameter Days, which has no default',
      },
    ]);
  });
});

describe('elasticache.cache-cluster', () => {
  it('reads a Memcached cluster: no snapshots, the default version and subnet group when not named', () => {
    const mapped = map(
      iacResource('AWS::ElastiCache::CacheCluster', { Engine: 'memcached' }, { address: 'Memcached' }),
    );
    expect(mapped.attributes).toEqual({
      cacheClusterId: 'Memcached',
      engine: 'memcached',
      engineVersion: 'default',
      autoMinorVersionUpgrade: true,
      snapshotRetentionLimit: null,
      transitEncryptionEnabled: false,
      cacheSubnetGroupName: 'default',
    });
  });

  it('reads Terraform string booleans', () => {
    const mapped = map(
      iacResource('aws_elasticache_cluster', {
        cluster_id: 'catalog',
        engine: 'redis',
        auto_minor_version_upgrade: 'false',
        snapshot_retention_limit: 5,
      }),
    );
    expect(mapped.attributes).toMatchObject({ autoMinorVersionUpgrade: false, snapshotRetentionLimit: 5 });
  });

  it('leaves the settings of a replication group member to the group', () => {
    const mapped = map(
      iacResource('aws_elasticache_cluster', {
        cluster_id: 'sessions-002',
        replication_group_id: new Reference('aws_elasticache_replication_group.sessions', 'id'),
      }),
    );
    expect(mapped.attributes).toEqual({ cacheClusterId: 'sessions-002' });
    expect(mapped.gaps.map((gap) => gap.field)).toContain('autoMinorVersionUpgrade');
  });
});
