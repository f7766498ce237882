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
  type DBCluster,
  type DBClusterSnapshot,
  type DBInstance,
  type DBParameterGroup,
  type DBSnapshot,
  type DBSnapshotAttribute,
  type Parameter,
  type Tag,
} from '@aws-sdk/client-rds';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf, KindName } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext, Observed } from '../collector.js';
import { AwsCallFailed } from '../errors.js';

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

/** A response the kind cannot hold (a TLS parameter set to something not boolean): a gap, not a guess. */
class UnexpectedResponse extends Error {
  override readonly name = 'UnexpectedResponse';
}

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

/** Lists; a failure becomes a gap on `kinds` in this region (and `null`), so other kinds go on. */
async function listOrGap<T>(
  ctx: CollectorContext,
  kinds: readonly KindName[],
  action: string,
  list: () => Promise<T[]>,
): Promise<T[] | null> {
  try {
    return await ctx.call(action, list);
  } catch (error) {
    if (!(error instanceof AwsCallFailed)) throw error;
    for (const kind of kinds) ctx.kindGap(kind, error);
    return null;
  }
}

async function collectInstancesAndParameterGroups(ctx: CollectorContext, client: RDSClient): Promise<void> {
  const action = 'rds:DescribeDBInstances';
  // Which parameter groups are in use is only known from the instances: without them, neither kind is.
  const instances = await listOrGap(ctx, ['rds.db-instance', 'rds.db-parameter-group'], action, async () => {
    const found: DBInstance[] = [];
    for await (const page of paginateDescribeDBInstances({ client, pageSize: PAGE_SIZE }, {})) {
      found.push(...(page.DBInstances ?? []));
    }
    return found;
  });
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
      parameterGroupNames,
    };
    const required = present(attributes, gaps, action);
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
      arn: instance.DBInstanceArn ?? arnOf(ctx, 'db', identifier),
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
      arn: group?.DBParameterGroupArn ?? arnOf(ctx, 'pg', name),
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
  const clusters = await listOrGap(ctx, ['rds.db-cluster'], action, async () => {
    const found: DBCluster[] = [];
    for await (const page of paginateDescribeDBClusters({ client, pageSize: PAGE_SIZE }, {})) {
      found.push(...(page.DBClusters ?? []));
    }
    return found;
  });
  for (const cluster of clusters ?? []) {
    const identifier = cluster.DBClusterIdentifier;
    if (!identifier) continue;
    const gaps: Gap[] = [];
    const attributes: Partial<ClusterAttributes> = { identifier, kmsKeyId: cluster.KmsKeyId ?? null };
    const required = present(attributes, gaps, action);
    required('engine', cluster.Engine);
    required('storageEncrypted', cluster.StorageEncrypted);
    required('deletionProtection', cluster.DeletionProtection);
    required('iamDatabaseAuthenticationEnabled', cluster.IAMDatabaseAuthenticationEnabled);
    required('backupRetentionPeriod', cluster.BackupRetentionPeriod);
    required('multiAZ', cluster.MultiAZ);
    ctx.emit({
      kind: 'rds.db-cluster',
      id: identifier,
      arn: cluster.DBClusterArn ?? arnOf(ctx, 'cluster', identifier),
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
    listOrGap(ctx, ['rds.db-snapshot'], 'rds:DescribeDBSnapshots', async () => {
      const found: DBSnapshot[] = [];
      const input = { SnapshotType: 'manual' };
      for await (const page of paginateDescribeDBSnapshots({ client, pageSize: PAGE_SIZE }, input)) {
        found.push(...(page.DBSnapshots ?? []));
      }
      return found;
    }),
    listOrGap(ctx, ['rds.db-snapshot'], 'rds:DescribeDBClusterSnapshots', async () => {
      const found: DBClusterSnapshot[] = [];
      const input = { SnapshotType: 'manual' };
      for await (const page of paginateDescribeDBClusterSnapshots({ client, pageSize: PAGE_SIZE }, input)) {
        found.push(...(page.DBClusterSnapshots ?? []));
      }
      return found;
    }),
  ]);
  const instanceListed = (instanceSnapshots ?? []).flatMap((snapshot): Listed[] => {
    const identifier = snapshot.DBSnapshotIdentifier;
    if (!identifier) return [];
    const arn = snapshot.DBSnapshotArn ?? arnOf(ctx, 'snapshot', identifier);
    return [{ identifier, arn, encrypted: snapshot.Encrypted, tags: tagsOf(snapshot.TagList) }];
  });
  const clusterListed = (clusterSnapshots ?? []).flatMap((snapshot): Listed[] => {
    const identifier = snapshot.DBClusterSnapshotIdentifier;
    if (!identifier) return [];
    const arn = snapshot.DBClusterSnapshotArn ?? arnOf(ctx, 'cluster-snapshot', identifier);
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
  present(attributes, gaps, listAction)('encrypted', listed.encrypted);
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

/** Sets fields the API always returns; one it did not is a gap rather than a made-up value. */
function present<A>(attributes: Partial<A>, gaps: Gap[], action: string) {
  return <F extends keyof A & string>(field: F, value: A[F] | undefined): void => {
    if (value === undefined) gaps.push(missing(field, action));
    else attributes[field] = value;
  };
}

function missing(field: string, action: string): Gap {
  return { field, reason: 'not-collected', action, detail: `no ${field} in the response` };
}

function arnOf(ctx: CollectorContext, type: string, name: string): string {
  return `arn:${ctx.partition}:rds:${ctx.region}:${ctx.account}:${type}:${name}`;
}

function tagsOf(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? '']] : [])));
}
