import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBInstances,
  paginateDescribeDBParameterGroups,
  paginateDescribeDBParameters,
  paginateDescribeDBSnapshots,
  RDSClient,
  type DBParameterGroup,
  type DBSnapshotAttribute,
  type Parameter,
} from '@aws-sdk/client-rds';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import {
  allPages,
  listOrGap,
  missing,
  presentFrom,
  regionalArn,
  tagsOf,
  UnexpectedResponse,
} from './support.js';

type InstanceAttributes = AttributesOf<'rds.db-instance'>;
type ClusterAttributes = AttributesOf<'rds.db-cluster'>;
type SnapshotAttributes = AttributesOf<'rds.db-snapshot'>;
type ParameterGroupAttributes = AttributesOf<'rds.db-parameter-group'>;

/** The most records RDS returns per page. */
const PAGE_SIZE = 100;

/** The parameters that make an engine refuse connections without TLS, by the attribute they fill. */
const TLS_PARAMETERS = {
  forceSsl: 'rds.force_ssl',
  requireSecureTransport: 'require_secure_transport',
} as const;
type TlsField = keyof typeof TLS_PARAMETERS;
const TLS_FIELDS = Object.keys(TLS_PARAMETERS) as TlsField[];

export const rdsCollector: Collector = {
  service: 'rds',
  global: false,
  actions: [
    'rds:DescribeDBInstances',
    'rds:DescribeDBClusters',
    'rds:DescribeDBSnapshots',
    'rds:DescribeDBClusterSnapshots',
    'rds:DescribeDBSnapshotAttributes',
    'rds:DescribeDBClusterSnapshotAttributes',
    'rds:DescribeDBParameterGroups',
    'rds:DescribeDBParameters',
  ],
  kinds: {
    'rds.db-instance': [
      'identifier',
      'engine',
      'engineVersion',
      'storageEncrypted',
      'kmsKeyId',
      'publiclyAccessible',
      'autoMinorVersionUpgrade',
      'multiAZ',
      'backupRetentionPeriod',
      'iamDatabaseAuthenticationEnabled',
      'deletionProtection',
      'dbClusterIdentifier',
      'readReplicaSourceIdentifier',
      'parameterGroupNames',
    ],
    'rds.db-cluster': [
      'identifier',
      'engine',
      'storageEncrypted',
      'kmsKeyId',
      'deletionProtection',
      'iamDatabaseAuthenticationEnabled',
      'backupRetentionPeriod',
      'multiAZ',
    ],
    'rds.db-snapshot': ['identifier', 'cluster', 'encrypted', 'public'],
    'rds.db-parameter-group': ['name', 'family', 'forceSsl', 'requireSecureTransport'],
  },
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    // Each listing stands alone: a denied DescribeDBClusters leaves instances and snapshots observed.
    await Promise.all([
      collectInstancesAndParameterGroups(ctx, client),
      collectClusters(ctx, client),
      collectSnapshots(ctx, client),
    ]);
  },
};

async function collectInstancesAndParameterGroups(ctx: CollectorContext, client: RDSClient): Promise<void> {
  const action = 'rds:DescribeDBInstances';
  // Which parameter groups are in use is only known from the instances: without them, neither kind is.
  const instances = await listOrGap(ctx, ['rds.db-instance', 'rds.db-parameter-group'], action, () =>
    allPages(paginateDescribeDBInstances({ client, pageSize: PAGE_SIZE }, {}), (page) => page.DBInstances),
  );
  if (!instances) return;
  const used = new Set<string>();
  for (const instance of instances) {
    const identifier = instance.DBInstanceIdentifier;
    if (!identifier) continue;
    const parameterGroupNames = (instance.DBParameterGroups ?? []).flatMap((group) =>
      group.DBParameterGroupName ? [group.DBParameterGroupName] : [],
    );
    for (const name of parameterGroupNames) used.add(name);
    const gaps: Gap[] = [];
    const attributes: Partial<InstanceAttributes> = {
      identifier,
      kmsKeyId: instance.KmsKeyId ?? null,
      dbClusterIdentifier: instance.DBClusterIdentifier ?? null,
      readReplicaSourceIdentifier:
        instance.ReadReplicaSourceDBInstanceIdentifier ??
        instance.ReadReplicaSourceDBClusterIdentifier ??
        null,
      parameterGroupNames,
    };
    const required = presentFrom(attributes, gaps, action);
    required('engine', instance.Engine);
    required('engineVersion', instance.EngineVersion);
    required('storageEncrypted', instance.StorageEncrypted);
    required('publiclyAccessible', instance.PubliclyAccessible);
    required('autoMinorVersionUpgrade', instance.AutoMinorVersionUpgrade);
    required('multiAZ', instance.MultiAZ);
    required('backupRetentionPeriod', instance.BackupRetentionPeriod);
    required('iamDatabaseAuthenticationEnabled', instance.IAMDatabaseAuthenticationEnabled);
    required('deletionProtection', instance.DeletionProtection);
    ctx.emit({
      kind: 'rds.db-instance',
      id: identifier,
      arn: instance.DBInstanceArn ?? regionalArn(ctx, 'rds', `db:${identifier}`),
      tags: tagsOf(instance.TagList),
      attributes,
      gaps,
    });
  }
  await collectParameterGroups(ctx, client, [...used].sort());
}

/** The DB parameter groups instances use: their family, and the TLS parameters they set. */
async function collectParameterGroups(
  ctx: CollectorContext,
  client: RDSClient,
  names: readonly string[],
): Promise<void> {
  if (names.length === 0) return;
  const [groups, ...parameters] = await Promise.all([
    ctx.observe('rds:DescribeDBParameterGroups', async () => {
      const found = new Map<string, DBParameterGroup>();
      for await (const page of paginateDescribeDBParameterGroups({ client, pageSize: PAGE_SIZE }, {})) {
        for (const group of page.DBParameterGroups ?? []) {
          if (group.DBParameterGroupName) found.set(group.DBParameterGroupName, group);
        }
      }
      return found;
    }),
    ...names.map((name) => ctx.observe('rds:DescribeDBParameters', () => tlsParametersOf(client, name))),
  ]);
  names.forEach((name, index) => {
    const group = groups.ok ? groups.value?.get(name) : undefined;
    const attributes: Partial<ParameterGroupAttributes> = { name };
    const gaps: Gap[] = [];
    if (!groups.ok) gaps.push(groups.failure.gap('family'));
    else if (group?.DBParameterGroupFamily) attributes.family = group.DBParameterGroupFamily;
    else gaps.push(missing('family', 'rds:DescribeDBParameterGroups'));
    const read = parameters[index];
    const settings = read?.ok ? read.value : null;
    if (!settings) {
      gaps.push(
        ...TLS_FIELDS.map((field) =>
          read && !read.ok ? read.failure.gap(field) : missing(field, 'rds:DescribeDBParameters'),
        ),
      );
    } else {
      for (const field of TLS_FIELDS) {
        const value = settings[field];
        if (value === ENGINE_DEFAULT) {
          gaps.push({
            field,
            reason: 'not-collected',
            action: 'rds:DescribeDBParameters',
            detail: `the group leaves ${TLS_PARAMETERS[field]} at the engine default, which depends on the engine version`,
          });
        } else attributes[field] = value;
      }
    }
    ctx.emit({
      kind: 'rds.db-parameter-group',
      id: name,
      arn: group?.DBParameterGroupArn ?? regionalArn(ctx, 'rds', `pg:${name}`),
      attributes,
      gaps,
    });
  });
}

/** A TLS parameter the group has but gives no value: what applies is the engine's own default. */
const ENGINE_DEFAULT = 'engine-default';
type TlsSetting = boolean | null | typeof ENGINE_DEFAULT;

/**
 * The group's TLS parameters: null when its family has none. Parameters cannot be filtered by name, so this
 * pages through the group, and stops at the first TLS parameter: no engine has both.
 */
async function tlsParametersOf(client: RDSClient, name: string): Promise<Record<TlsField, TlsSetting>> {
  const settings: Record<TlsField, TlsSetting> = { forceSsl: null, requireSecureTransport: null };
  for await (const page of paginateDescribeDBParameters(
    { client, pageSize: PAGE_SIZE },
    { DBParameterGroupName: name },
  )) {
    let found = false;
    for (const parameter of page.Parameters ?? []) {
      for (const field of TLS_FIELDS) {
        if (parameter.ParameterName !== TLS_PARAMETERS[field]) continue;
        settings[field] = settingOf(parameter);
        found = true;
      }
    }
    if (found) break;
  }
  return settings;
}

function settingOf(parameter: Parameter): TlsSetting {
  const value = parameter.ParameterValue?.trim().toLowerCase();
  if (value === undefined || value === '') return ENGINE_DEFAULT;
  if (['1', 'on', 'true'].includes(value)) return true;
  if (['0', 'off', 'false'].includes(value)) return false;
  throw new UnexpectedResponse(`${parameter.ParameterName} is ${parameter.ParameterValue}, not a boolean`);
}

async function collectClusters(ctx: CollectorContext, client: RDSClient): Promise<void> {
  const action = 'rds:DescribeDBClusters';
  const clusters = await listOrGap(ctx, 'rds.db-cluster', action, () =>
    allPages(paginateDescribeDBClusters({ client, pageSize: PAGE_SIZE }, {}), (page) => page.DBClusters),
  );
  for (const cluster of clusters ?? []) {
    const identifier = cluster.DBClusterIdentifier;
    if (!identifier) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<ClusterAttributes> = { identifier, kmsKeyId: cluster.KmsKeyId ?? null };
    const required = presentFrom(attributes, gaps, action);
    required('engine', cluster.Engine);
    required('storageEncrypted', cluster.StorageEncrypted);
    required('deletionProtection', cluster.DeletionProtection);
    required('iamDatabaseAuthenticationEnabled', cluster.IAMDatabaseAuthenticationEnabled);
    required('backupRetentionPeriod', cluster.BackupRetentionPeriod);
    required('multiAZ', cluster.MultiAZ);
    ctx.emit({
      kind: 'rds.db-cluster',
      id: identifier,
      arn: cluster.DBClusterArn ?? regionalArn(ctx, 'rds', `cluster:${identifier}`),
      tags: tagsOf(cluster.TagList),
      attributes,
      gaps,
    });
  }
}

/** A snapshot as listed, before its sharing is read. */
interface Listed {
  identifier: string;
  arn: string;
  encrypted: boolean | undefined;
  tags: Record<string, string>;
}

async function collectSnapshots(ctx: CollectorContext, client: RDSClient): Promise<void> {
  // Manual snapshots the account owns (the API's default leaves out shared and public ones). Automated
  // snapshots cannot be shared and are encrypted exactly as their instance or cluster is.
  const [instanceSnapshots, clusterSnapshots] = await Promise.all([
    listOrGap(ctx, 'rds.db-snapshot', 'rds:DescribeDBSnapshots', () =>
      allPages(
        paginateDescribeDBSnapshots({ client, pageSize: PAGE_SIZE }, { SnapshotType: 'manual' }),
        (page) => page.DBSnapshots,
      ),
    ),
    listOrGap(ctx, 'rds.db-snapshot', 'rds:DescribeDBClusterSnapshots', () =>
      allPages(
        paginateDescribeDBClusterSnapshots({ client, pageSize: PAGE_SIZE }, { SnapshotType: 'manual' }),
        (page) => page.DBClusterSnapshots,
      ),
    ),
  ]);
  const instanceListed = (instanceSnapshots ?? []).flatMap((snapshot): Listed[] => {
    const identifier = snapshot.DBSnapshotIdentifier;
    if (!identifier) return [];
    const arn = snapshot.DBSnapshotArn ?? regionalArn(ctx, 'rds', `snapshot:${identifier}`);
    return [{ identifier, arn, encrypted: snapshot.Encrypted, tags: tagsOf(snapshot.TagList) }];
  });
  const clusterListed = (clusterSnapshots ?? []).flatMap((snapshot): Listed[] => {
    const identifier = snapshot.DBClusterSnapshotIdentifier;
    if (!identifier) return [];
    const arn = snapshot.DBClusterSnapshotArn ?? regionalArn(ctx, 'rds', `cluster-snapshot:${identifier}`);
    return [{ identifier, arn, encrypted: snapshot.StorageEncrypted, tags: tagsOf(snapshot.TagList) }];
  });
  await Promise.all([
    ...instanceListed.map((listed) =>
      emitSnapshot(ctx, listed, false, 'rds:DescribeDBSnapshots', () =>
        ctx.observe('rds:DescribeDBSnapshotAttributes', async () => {
          const output = await client.send(
            new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: listed.identifier }),
          );
          return restorableByAll(output.DBSnapshotAttributesResult?.DBSnapshotAttributes);
        }),
      ),
    ),
    ...clusterListed.map((listed) =>
      emitSnapshot(ctx, listed, true, 'rds:DescribeDBClusterSnapshots', () =>
        ctx.observe('rds:DescribeDBClusterSnapshotAttributes', async () => {
          const output = await client.send(
            new DescribeDBClusterSnapshotAttributesCommand({
              DBClusterSnapshotIdentifier: listed.identifier,
            }),
          );
          return restorableByAll(output.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes);
        }),
      ),
    ),
  ]);
}

async function emitSnapshot(
  ctx: CollectorContext,
  listed: Listed,
  cluster: boolean,
  listAction: string,
  readPublic: () => Promise<Observed<boolean | null | undefined>>,
): Promise<void> {
  const attributes: Partial<SnapshotAttributes> = { identifier: listed.identifier, cluster };
  const gaps: Gap[] = [];
  presentFrom(attributes, gaps, listAction)('encrypted', listed.encrypted);
  const shared = await readPublic();
  if (!shared.ok) gaps.push(shared.failure.gap('public'));
  else if (typeof shared.value === 'boolean') attributes.public = shared.value;
  else
    gaps.push(
      missing(
        'public',
        cluster ? 'rds:DescribeDBClusterSnapshotAttributes' : 'rds:DescribeDBSnapshotAttributes',
      ),
    );
  // Snapshot identifiers are unique among instance snapshots and among cluster snapshots, not across both.
  ctx.emit({ kind: 'rds.db-snapshot', id: listed.arn, arn: listed.arn, tags: listed.tags, attributes, gaps });
}

/** Whether the `restore` attribute lets anyone restore the snapshot; undefined without an answer. */
function restorableByAll(attributes: DBSnapshotAttribute[] | undefined): boolean | undefined {
  if (!attributes) return undefined;
  const restore = attributes.find((attribute) => attribute.AttributeName === 'restore');
  return (restore?.AttributeValues ?? []).includes('all');
}
