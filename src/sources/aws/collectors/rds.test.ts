import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBParameterGroupsCommand,
  DescribeDBParametersCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBCluster,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import type { CollectionSink } from '../collector.js';
import { rdsCollector } from './rds.js';

const rds = mockClient(RDSClient);
const KINDS = Object.keys(rdsCollector.kinds);

const arn = (type: string, name: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:${type}:${name}`;

function instance(id: string, overrides: Partial<DBInstance> = {}): DBInstance {
  return {
    DBInstanceIdentifier: id,
    DBInstanceArn: arn('db', id),
    Engine: 'postgres',
    EngineVersion: '16.3',
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
    PubliclyAccessible: false,
    AutoMinorVersionUpgrade: true,
    MultiAZ: true,
    BackupRetentionPeriod: 7,
    IAMDatabaseAuthenticationEnabled: false,
    DeletionProtection: true,
    DBParameterGroups: [{ DBParameterGroupName: 'pg-secure', ParameterApplyStatus: 'in-sync' }],
    ...overrides,
  };
}

function cluster(id: string, overrides: Partial<DBCluster> = {}): DBCluster {
  return {
    DBClusterIdentifier: id,
    DBClusterArn: arn('cluster', id),
    Engine: 'aurora-postgresql',
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    BackupRetentionPeriod: 14,
    MultiAZ: true,
    ...overrides,
  };
}

const restore = (...values: string[]) => [{ AttributeName: 'restore', AttributeValues: values }];

/** One instance on a group that forces TLS, one cluster, one private snapshot of each sort. */
function answerEverything() {
  rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('db-1')] });
  rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster('cl-1')] });
  rds.on(DescribeDBSnapshotsCommand).resolves({
    DBSnapshots: [
      { DBSnapshotIdentifier: 'snap-1', DBSnapshotArn: arn('snapshot', 'snap-1'), Encrypted: true },
    ],
  });
  rds.on(DescribeDBClusterSnapshotsCommand).resolves({
    DBClusterSnapshots: [
      {
        DBClusterSnapshotIdentifier: 'csnap-1',
        DBClusterSnapshotArn: arn('cluster-snapshot', 'csnap-1'),
        StorageEncrypted: true,
      },
    ],
  });
  rds.on(DescribeDBSnapshotAttributesCommand).resolves({
    DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'snap-1', DBSnapshotAttributes: restore() },
  });
  rds.on(DescribeDBClusterSnapshotAttributesCommand).resolves({
    DBClusterSnapshotAttributesResult: {
      DBClusterSnapshotIdentifier: 'csnap-1',
      DBClusterSnapshotAttributes: restore(),
    },
  });
  rds.on(DescribeDBParameterGroupsCommand).resolves({
    DBParameterGroups: [
      {
        DBParameterGroupName: 'pg-secure',
        DBParameterGroupFamily: 'postgres16',
        DBParameterGroupArn: arn('pg', 'pg-secure'),
      },
    ],
  });
  rds.on(DescribeDBParametersCommand).resolves({
    Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user' }],
  });
}

function ofKind(sink: CollectionSink, kind: string) {
  return sink.resources.filter((resource) => resource.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

const byId = (sink: CollectionSink, kind: string, id: string) => ofKind(sink, kind).find((r) => r.id === id);

describe('rds collector', () => {
  beforeEach(() => rds.reset());

  it('reports instances, clusters and manual snapshots across pages, with every attribute of each kind', async () => {
    answerEverything();
    rds
      .on(DescribeDBInstancesCommand)
      .resolvesOnce({ DBInstances: [instance('db-1')], Marker: 'i2' })
      .resolvesOnce({
        DBInstances: [
          instance('db-2', {
            Engine: 'aurora-postgresql',
            DBClusterIdentifier: 'cl-1',
            ReadReplicaSourceDBClusterIdentifier: 'cl-0',
            MultiAZ: false,
            TagList: [{ Key: 'team', Value: 'data' }],
          }),
        ],
      });
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster('cl-1')], Marker: 'c2' })
      .resolvesOnce({
        DBClusters: [
          cluster('cl-2', {
            Engine: 'aurora-mysql',
            StorageEncrypted: false,
            KmsKeyId: undefined,
            MultiAZ: false,
          }),
        ],
      });
    rds
      .on(DescribeDBSnapshotsCommand)
      .resolvesOnce({
        DBSnapshots: [
          { DBSnapshotIdentifier: 'snap-1', DBSnapshotArn: arn('snapshot', 'snap-1'), Encrypted: true },
        ],
        Marker: 's2',
      })
      .resolvesOnce({
        DBSnapshots: [
          { DBSnapshotIdentifier: 'snap-2', DBSnapshotArn: arn('snapshot', 'snap-2'), Encrypted: false },
        ],
      });

    const sink = await collectWith(rdsCollector);

    expect(byId(sink, 'rds.db-instance', 'db-1')).toEqual({
      kind: 'rds.db-instance',
      id: 'db-1',
      arn: arn('db', 'db-1'),
      region: REGION,
      tags: {},
      attributes: {
        identifier: 'db-1',
        engine: 'postgres',
        engineVersion: '16.3',
        storageEncrypted: true,
        kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        multiAZ: true,
        backupRetentionPeriod: 7,
        iamDatabaseAuthenticationEnabled: false,
        deletionProtection: true,
        dbClusterIdentifier: null,
        readReplicaSourceIdentifier: null,
        parameterGroupNames: ['pg-secure'],
      },
      gaps: [],
    });
    expect(byId(sink, 'rds.db-instance', 'db-2')).toMatchObject({
      tags: { team: 'data' },
      attributes: {
        engine: 'aurora-postgresql',
        dbClusterIdentifier: 'cl-1',
        readReplicaSourceIdentifier: 'cl-0',
      },
    });
    expect(ofKind(sink, 'rds.db-cluster').map((c) => c.attributes)).toEqual([
      {
        identifier: 'cl-1',
        engine: 'aurora-postgresql',
        storageEncrypted: true,
        kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
        deletionProtection: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 14,
        multiAZ: true,
      },
      {
        identifier: 'cl-2',
        engine: 'aurora-mysql',
        storageEncrypted: false,
        kmsKeyId: null,
        deletionProtection: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 14,
        multiAZ: false,
      },
    ]);
    expect(ofKind(sink, 'rds.db-snapshot').map((s) => [s.id, s.attributes])).toEqual([
      [
        arn('cluster-snapshot', 'csnap-1'),
        { identifier: 'csnap-1', cluster: true, encrypted: true, public: false },
      ],
      [arn('snapshot', 'snap-1'), { identifier: 'snap-1', cluster: false, encrypted: true, public: false }],
      [arn('snapshot', 'snap-2'), { identifier: 'snap-2', cluster: false, encrypted: false, public: false }],
    ]);
    // The one group both instances use is read once.
    expect(ofKind(sink, 'rds.db-parameter-group')).toEqual([
      expect.objectContaining({
        id: 'pg-secure',
        arn: arn('pg', 'pg-secure'),
        attributes: { name: 'pg-secure', family: 'postgres16', forceSsl: true, requireSecureTransport: null },
        gaps: [],
      }),
    ]);
    expect(rds.commandCalls(DescribeDBParametersCommand)).toHaveLength(1);
    expect(rds.commandCalls(DescribeDBInstancesCommand)[1]?.args[0].input.Marker).toBe('i2');
    expect(rds.commandCalls(DescribeDBClustersCommand)[1]?.args[0].input.Marker).toBe('c2');
    expect(rds.commandCalls(DescribeDBSnapshotsCommand)[1]?.args[0].input.Marker).toBe('s2');
    // Only manual snapshots are listed: automated ones cannot be shared.
    expect(rds.commandCalls(DescribeDBSnapshotsCommand)[0]?.args[0].input.SnapshotType).toBe('manual');
    expect(rds.commandCalls(DescribeDBClusterSnapshotsCommand)[0]?.args[0].input.SnapshotType).toBe('manual');
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports an empty region as no resources and no gaps, and reads no parameter groups', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    rds.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [] });
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });

    const sink = await collectWith(rdsCollector);

    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(rds.commandCalls(DescribeDBParameterGroupsCommand)).toHaveLength(0);
    expect(rds.commandCalls(DescribeDBParametersCommand)).toHaveLength(0);
  });

  it('marks a snapshot anyone may restore as public, and one shared with an account as not', async () => {
    answerEverything();
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        { DBSnapshotIdentifier: 'open', DBSnapshotArn: arn('snapshot', 'open'), Encrypted: false },
        { DBSnapshotIdentifier: 'partner', DBSnapshotArn: arn('snapshot', 'partner'), Encrypted: false },
      ],
    });
    rds
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'open' })
      .resolves({ DBSnapshotAttributesResult: { DBSnapshotAttributes: restore('all') } });
    rds
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'partner' })
      .resolves({ DBSnapshotAttributesResult: { DBSnapshotAttributes: restore('444455556666') } });
    rds
      .on(DescribeDBClusterSnapshotAttributesCommand)
      .resolves({ DBClusterSnapshotAttributesResult: { DBClusterSnapshotAttributes: restore('all') } });

    const sink = await collectWith(rdsCollector);

    const shared = Object.fromEntries(
      ofKind(sink, 'rds.db-snapshot').map((s) => [s.attributes.identifier, s.attributes.public]),
    );
    expect(shared).toEqual({ open: true, partner: false, 'csnap-1': true });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    [DescribeDBInstancesCommand, 'rds:DescribeDBInstances', ['rds.db-instance', 'rds.db-parameter-group']],
    [DescribeDBClustersCommand, 'rds:DescribeDBClusters', ['rds.db-cluster']],
  ] as const)(
    'turns a denied listing into a gap on the kinds it lists, alone (%o)',
    async (command, action, kinds) => {
      answerEverything();
      rds.on(command).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(rdsCollector);

      expect(sink.gaps).toEqual(
        kinds.map((kind) =>
          expect.objectContaining({ kind, region: REGION, field: '*', reason: 'access-denied', action }),
        ),
      );
      for (const kind of kinds) expect(ofKind(sink, kind)).toEqual([]);
      const others = Object.keys(rdsCollector.kinds).filter(
        (kind) => !(kinds as readonly string[]).includes(kind),
      );
      for (const other of others) expect(ofKind(sink, other).length).toBeGreaterThan(0);
      expect(sink.errors).toEqual([expect.objectContaining({ action })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it.each([
    [DescribeDBSnapshotsCommand, 'rds:DescribeDBSnapshots', 'csnap-1'],
    [DescribeDBClusterSnapshotsCommand, 'rds:DescribeDBClusterSnapshots', 'snap-1'],
  ] as const)(
    'gaps the snapshot kind when one snapshot listing is denied, keeping the snapshots the other listed (%o)',
    async (command, action, kept) => {
      answerEverything();
      rds.on(command).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(rdsCollector);

      expect(sink.gaps).toEqual([
        expect.objectContaining({ kind: 'rds.db-snapshot', field: '*', reason: 'access-denied', action }),
      ]);
      expect(ofKind(sink, 'rds.db-snapshot').map((s) => s.attributes.identifier)).toEqual([kept]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it.each([
    ['rds:DescribeDBSnapshotAttributes', 'snap-1', 'csnap-1'],
    ['rds:DescribeDBClusterSnapshotAttributes', 'csnap-1', 'snap-1'],
  ] as const)(
    'keeps a snapshot whose %s was denied, with a gap on public only',
    async (action, hidden, seen) => {
      answerEverything();
      if (action === 'rds:DescribeDBSnapshotAttributes')
        rds.on(DescribeDBSnapshotAttributesCommand).rejects(awsError('AccessDenied', 403));
      else rds.on(DescribeDBClusterSnapshotAttributesCommand).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(rdsCollector);

      const snapshots = ofKind(sink, 'rds.db-snapshot');
      const denied = snapshots.find((s) => s.attributes.identifier === hidden);
      expect(denied?.attributes).not.toHaveProperty('public');
      expect(denied?.attributes).toMatchObject({ encrypted: true });
      expect(denied?.gaps).toEqual([
        expect.objectContaining({ field: 'public', reason: 'access-denied', action }),
      ]);
      expect(snapshots.find((s) => s.attributes.identifier === seen)).toMatchObject({
        attributes: { public: false },
        gaps: [],
      });
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gives a throttled gap on public when DescribeDBSnapshotAttributes is throttled for good', async () => {
    answerEverything();
    rds.on(DescribeDBSnapshotAttributesCommand).rejects(awsError('Throttling', 400));

    const sink = await collectWith(rdsCollector);

    expect(byId(sink, 'rds.db-snapshot', arn('snapshot', 'snap-1'))?.gaps).toEqual([
      expect.objectContaining({
        field: 'public',
        reason: 'throttled',
        action: 'rds:DescribeDBSnapshotAttributes',
      }),
    ]);
  });

  it('gaps the TLS parameters of a group whose DescribeDBParameters is denied, keeping its family', async () => {
    answerEverything();
    rds.on(DescribeDBParametersCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(rdsCollector);

    const [group] = ofKind(sink, 'rds.db-parameter-group');
    expect(group?.attributes).toEqual({ name: 'pg-secure', family: 'postgres16' });
    expect(group?.gaps).toEqual([
      expect.objectContaining({
        field: 'forceSsl',
        reason: 'access-denied',
        action: 'rds:DescribeDBParameters',
      }),
      expect.objectContaining({
        field: 'requireSecureTransport',
        reason: 'access-denied',
        action: 'rds:DescribeDBParameters',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the family of groups when DescribeDBParameterGroups is denied, keeping their TLS parameters', async () => {
    answerEverything();
    rds.on(DescribeDBParameterGroupsCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(rdsCollector);

    const [group] = ofKind(sink, 'rds.db-parameter-group');
    expect(group?.attributes).toEqual({ name: 'pg-secure', forceSsl: true, requireSecureTransport: null });
    expect(group?.gaps).toEqual([
      expect.objectContaining({
        field: 'family',
        reason: 'access-denied',
        action: 'rds:DescribeDBParameterGroups',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gives a throttled gap on the TLS parameters when DescribeDBParameters is throttled for good', async () => {
    answerEverything();
    rds.on(DescribeDBParametersCommand).rejects(awsError('ThrottlingException', 400));

    const sink = await collectWith(rdsCollector);

    expect(ofKind(sink, 'rds.db-parameter-group')[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'forceSsl', reason: 'throttled' }),
      expect.objectContaining({ field: 'requireSecureTransport', reason: 'throttled' }),
    ]);
  });

  it('reads each group in use once, pages until it meets a TLS parameter, and gives null where a family has none', async () => {
    answerEverything();
    rds.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        instance('pg', { DBParameterGroups: [{ DBParameterGroupName: 'pg-secure' }] }),
        instance('my', { Engine: 'mysql', DBParameterGroups: [{ DBParameterGroupName: 'my-open' }] }),
        instance('my-2', { Engine: 'mysql', DBParameterGroups: [{ DBParameterGroupName: 'my-open' }] }),
        instance('ora', { Engine: 'oracle-ee', DBParameterGroups: [{ DBParameterGroupName: 'ora' }] }),
      ],
    });
    rds.on(DescribeDBParameterGroupsCommand).resolves({
      DBParameterGroups: [
        { DBParameterGroupName: 'pg-secure', DBParameterGroupFamily: 'postgres16' },
        { DBParameterGroupName: 'my-open', DBParameterGroupFamily: 'mysql8.0' },
        { DBParameterGroupName: 'ora', DBParameterGroupFamily: 'oracle-ee-19' },
        { DBParameterGroupName: 'unused', DBParameterGroupFamily: 'mysql8.0' },
      ],
    });
    rds
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'my-open' })
      .resolvesOnce({ Parameters: [{ ParameterName: 'autocommit', ParameterValue: '1' }], Marker: 'p2' })
      .resolvesOnce({
        Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'OFF' }],
        Marker: 'p3',
      })
      .resolvesOnce({ Parameters: [{ ParameterName: 'wait_timeout', ParameterValue: '28800' }] });
    rds
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'ora' })
      .resolvesOnce({ Parameters: [{ ParameterName: 'open_cursors', ParameterValue: '300' }], Marker: 'o2' })
      .resolvesOnce({ Parameters: [{ ParameterName: 'processes', ParameterValue: '1000' }] });

    const sink = await collectWith(rdsCollector);

    const groups = Object.fromEntries(
      ofKind(sink, 'rds.db-parameter-group').map((g) => [g.id, g.attributes]),
    );
    expect(groups).toEqual({
      'my-open': { name: 'my-open', family: 'mysql8.0', forceSsl: null, requireSecureTransport: false },
      ora: { name: 'ora', family: 'oracle-ee-19', forceSsl: null, requireSecureTransport: null },
      'pg-secure': { name: 'pg-secure', family: 'postgres16', forceSsl: true, requireSecureTransport: null },
    });
    const calls = rds
      .commandCalls(DescribeDBParametersCommand)
      .map((call) => call.args[0].input.DBParameterGroupName);
    // my-open: two pages (the third is never asked for); ora: every page; pg-secure: one; unused: none.
    expect(calls.sort()).toEqual(['my-open', 'my-open', 'ora', 'ora', 'pg-secure']);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves a TLS parameter a gap when the group gives it no value, rather than guessing the engine default', async () => {
    answerEverything();
    rds.on(DescribeDBParametersCommand).resolves({
      Parameters: [{ ParameterName: 'rds.force_ssl', Source: 'engine-default', DataType: 'boolean' }],
    });

    const sink = await collectWith(rdsCollector);

    const [group] = ofKind(sink, 'rds.db-parameter-group');
    expect(group?.attributes).toEqual({
      name: 'pg-secure',
      family: 'postgres16',
      requireSecureTransport: null,
    });
    expect(group?.gaps).toEqual([
      expect.objectContaining({
        field: 'forceSsl',
        reason: 'not-collected',
        action: 'rds:DescribeDBParameters',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves a field the API left out a gap, rather than a made-up value', async () => {
    answerEverything();
    rds
      .on(DescribeDBInstancesCommand)
      .resolves({ DBInstances: [instance('db-1', { PubliclyAccessible: undefined })] });

    const sink = await collectWith(rdsCollector);

    const [found] = ofKind(sink, 'rds.db-instance');
    expect(found?.attributes).not.toHaveProperty('publiclyAccessible');
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'publiclyAccessible',
        reason: 'not-collected',
        action: 'rds:DescribeDBInstances',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(rdsCollector);
    expect(sink.errors).toEqual([]);
    const called = rds.calls().map((call) => `rds:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(rdsCollector.actions));
  });
});
