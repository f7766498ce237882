import {
  DescribeCacheClustersCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
  type CacheCluster,
  type ReplicationGroup,
} from '@aws-sdk/client-elasticache';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { elasticacheCollector } from './elasticache.js';

const elasticache = mockClient(ElastiCacheClient);
const KINDS = Object.keys(elasticacheCollector.kinds);
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

function group(id: string, overrides: Partial<ReplicationGroup> = {}): ReplicationGroup {
  return {
    ReplicationGroupId: id,
    ARN: `arn:aws:elasticache:${REGION}:${ACCOUNT}:replicationgroup:${id}`,
    Engine: 'redis',
    Status: 'available',
    MemberClusters: [`${id}-001`, `${id}-002`],
    AtRestEncryptionEnabled: true,
    TransitEncryptionEnabled: true,
    TransitEncryptionMode: 'required',
    AuthTokenEnabled: false,
    UserGroupIds: ['app-users'],
    AutomaticFailover: 'enabled',
    MultiAZ: 'enabled',
    SnapshotRetentionLimit: 7,
    KmsKeyId: KEY,
    AutoMinorVersionUpgrade: true,
    ...overrides,
  };
}

function cluster(id: string, overrides: Partial<CacheCluster> = {}): CacheCluster {
  return {
    CacheClusterId: id,
    ARN: `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:${id}`,
    Engine: 'memcached',
    EngineVersion: '1.6.22',
    CacheClusterStatus: 'available',
    AutoMinorVersionUpgrade: true,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: false,
    CacheSubnetGroupName: 'cache-private',
    ...overrides,
  };
}

/** One replication group with its two nodes, and one standalone Memcached cluster. */
function answerEverything() {
  elasticache.on(DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [group('sessions')] });
  elasticache.on(DescribeCacheClustersCommand).resolves({
    CacheClusters: [
      cluster('sessions-001', { Engine: 'redis', EngineVersion: '7.1', ReplicationGroupId: 'sessions' }),
      cluster('sessions-002', { Engine: 'redis', EngineVersion: '7.1', ReplicationGroupId: 'sessions' }),
      cluster('catalog-cache'),
    ],
  });
}

const ofKind = (sink: CollectionSink, kind: string) => sink.resources.filter((found) => found.kind === kind);

describe('elasticache collector', () => {
  beforeEach(() => elasticache.reset());

  it('reports replication groups and standalone clusters across pages, leaving out the nodes of a group', async () => {
    elasticache
      .on(DescribeReplicationGroupsCommand)
      .resolvesOnce({ ReplicationGroups: [group('sessions')], Marker: 'g2' })
      .resolvesOnce({
        ReplicationGroups: [
          group('legacy', {
            Engine: 'valkey',
            TransitEncryptionEnabled: false,
            TransitEncryptionMode: undefined,
            UserGroupIds: undefined,
            AuthTokenEnabled: true,
            AutomaticFailover: 'disabled',
            MultiAZ: 'disabled',
            SnapshotRetentionLimit: 0,
            KmsKeyId: undefined,
          }),
        ],
      });
    elasticache
      .on(DescribeCacheClustersCommand)
      .resolvesOnce({
        CacheClusters: [cluster('sessions-001', { Engine: 'redis', ReplicationGroupId: 'sessions' })],
        Marker: 'c2',
      })
      .resolvesOnce({
        CacheClusters: [
          cluster('catalog-cache'),
          cluster('single-redis', { Engine: 'redis', EngineVersion: '6.2', SnapshotRetentionLimit: 1 }),
          cluster('legacy-001', {
            Engine: 'valkey',
            ReplicationGroupId: 'legacy',
            CacheSubnetGroupName: 'default',
          }),
        ],
      });

    const sink = await collectWith(elasticacheCollector);

    expect(ofKind(sink, 'elasticache.replication-group')).toEqual([
      {
        kind: 'elasticache.replication-group',
        id: 'sessions',
        arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:replicationgroup:sessions`,
        region: REGION,
        attributes: {
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
          kmsKeyId: KEY,
          autoMinorVersionUpgrade: true,
          cacheSubnetGroupName: 'cache-private',
        },
        gaps: [],
      },
      expect.objectContaining({
        id: 'legacy',
        attributes: expect.objectContaining({
          engine: 'valkey',
          transitEncryptionEnabled: false,
          transitEncryptionMode: null,
          userGroupIds: [],
          authTokenEnabled: true,
          automaticFailover: 'disabled',
          multiAZ: false,
          snapshotRetentionLimit: 0,
          kmsKeyId: null,
          cacheSubnetGroupName: 'default',
        }),
        gaps: [],
      }),
    ]);
    expect(ofKind(sink, 'elasticache.cache-cluster').map((found) => found.attributes)).toEqual([
      {
        cacheClusterId: 'catalog-cache',
        engine: 'memcached',
        engineVersion: '1.6.22',
        autoMinorVersionUpgrade: true,
        snapshotRetentionLimit: null,
        transitEncryptionEnabled: true,
        atRestEncryptionEnabled: false,
        cacheSubnetGroupName: 'cache-private',
      },
      expect.objectContaining({ cacheClusterId: 'single-redis', engine: 'redis', snapshotRetentionLimit: 1 }),
    ]);
    expect(elasticache.commandCalls(DescribeReplicationGroupsCommand)[1]?.args[0].input.Marker).toBe('g2');
    expect(elasticache.commandCalls(DescribeCacheClustersCommand)[1]?.args[0].input.Marker).toBe('c2');
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without caches as no resources and no gaps', async () => {
    elasticache.on(DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [] });
    elasticache.on(DescribeCacheClustersCommand).resolves({});
    const sink = await collectWith(elasticacheCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it.each([
    [
      DescribeReplicationGroupsCommand,
      'elasticache:DescribeReplicationGroups',
      'elasticache.replication-group',
    ],
    [DescribeCacheClustersCommand, 'elasticache:DescribeCacheClusters', 'elasticache.cache-cluster'],
  ] as const)(
    'turns a denied listing into a gap on the kind it lists, alone (%o)',
    async (command, action, kind) => {
      answerEverything();
      elasticache.on(command).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(elasticacheCollector);

      expect(sink.gaps).toEqual([kindGap(kind, 'access-denied', action)]);
      expect(ofKind(sink, kind)).toEqual([]);
      const other = KINDS.find((candidate) => candidate !== kind) ?? '';
      expect(ofKind(sink, other)).toHaveLength(1);
      expect(sink.errors).toEqual([expect.objectContaining({ action })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it("gaps a group's subnet group when the nodes cannot be listed, keeping its other settings", async () => {
    answerEverything();
    elasticache.on(DescribeCacheClustersCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(elasticacheCollector);

    const [found] = ofKind(sink, 'elasticache.replication-group');
    expect(found?.attributes).not.toHaveProperty('cacheSubnetGroupName');
    expect(found?.attributes).toMatchObject({ engine: 'redis', atRestEncryptionEnabled: true });
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'cacheSubnetGroupName',
        reason: 'access-denied',
        action: 'elasticache:DescribeCacheClusters',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves a setting the answer left out a gap, rather than a made-up value', async () => {
    answerEverything();
    elasticache.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [group('sessions', { AuthTokenEnabled: undefined, AutomaticFailover: undefined })],
    });

    const sink = await collectWith(elasticacheCollector);

    const [found] = ofKind(sink, 'elasticache.replication-group');
    expect(found?.attributes).not.toHaveProperty('authTokenEnabled');
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'authTokenEnabled',
        reason: 'not-collected',
        action: 'elasticache:DescribeReplicationGroups',
      }),
      expect.objectContaining({ field: 'automaticFailover', reason: 'not-collected' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it("takes a group's engine and upgrade setting from its nodes when the group's answer leaves them out", async () => {
    answerEverything();
    elasticache.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [
        group('sessions', { Engine: undefined, AutoMinorVersionUpgrade: undefined }),
        group('orphan', { Engine: undefined }),
      ],
    });

    const sink = await collectWith(elasticacheCollector);

    const [sessions, orphan] = ofKind(sink, 'elasticache.replication-group');
    expect(sessions).toMatchObject({
      attributes: { engine: 'redis', autoMinorVersionUpgrade: true },
      gaps: [],
    });
    expect(orphan?.attributes).not.toHaveProperty('engine');
    // A group without nodes (being created or deleted) has nothing to tell its engine or subnets by.
    expect(orphan?.gaps).toEqual([
      expect.objectContaining({ field: 'engine', reason: 'not-collected' }),
      expect.objectContaining({ field: 'cacheSubnetGroupName', reason: 'not-collected' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the snapshot retention of a Redis cluster that does not report it, but not of a Memcached one', async () => {
    answerEverything();
    elasticache.on(DescribeCacheClustersCommand).resolves({
      CacheClusters: [cluster('catalog-cache'), cluster('single-redis', { Engine: 'redis' })],
    });

    const sink = await collectWith(elasticacheCollector);

    const [memcached, redis] = ofKind(sink, 'elasticache.cache-cluster');
    expect(memcached?.gaps).toEqual([]);
    expect(redis?.gaps).toEqual([expect.objectContaining({ field: 'snapshotRetentionLimit' })]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(elasticacheCollector);
    expect(sink.errors).toEqual([]);
    const called = elasticache
      .calls()
      .map((call) => `elasticache:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(elasticacheCollector.actions));
  });
});
