import type { IacResource, IacValue, Location } from '../types.js';
import { optionalId, parameterSwitch, targetName } from './data-support.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  blocks,
  bool,
  get,
  list,
  num,
  obj,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

const FIELDS = [
  'clusterIdentifier',
  'encrypted',
  'kmsKeyId',
  'publiclyAccessible',
  'requireSsl',
  'loggingEnabled',
  'enhancedVpcRouting',
  'allowVersionUpgrade',
  'automatedSnapshotRetentionPeriod',
] as const;

/**
 * Redshift changed these defaults for clusters created since January 2025 (encrypted, private, TLS required by
 * the new default parameter group), and Terraform AWS providers before v6 send the old ones explicitly: when the
 * code leaves them out, what the cluster gets depends on when and with what it is created.
 */
function changedDefault(argument: string): never {
  throw new UnresolvedValue(
    `${argument} is not set: its default depends on the creation date and the tool that creates the cluster; set it explicitly`,
  );
}

/** A default parameter group of Redshift, which cannot be modified: `default.redshift-1.0` has require_ssl false. */
function defaultGroupRequireSsl(name: string): boolean {
  if (name === 'default.redshift-1.0') return false;
  throw new UnresolvedValue(`parameter group ${name} is not in the code`);
}

/** The `require_ssl` of a parameter group of the same code, or of a default group named literally. */
function requireSslOf(
  value: IacValue | undefined,
  ctx: MapContext,
  argument: string,
  readGroup: (group: IacResource) => { value: IacValue | undefined; family: IacValue | undefined },
): boolean {
  if (value === undefined || value === null) changedDefault(argument);
  const group = ctx.target(value);
  if (!group) return defaultGroupRequireSsl(targetName(value, ctx) ?? '');
  const read = readGroup(group);
  const setting = parameterSwitch(read.value, 'require_ssl');
  if (setting !== undefined) return setting;
  // A parameter group that does not set require_ssl keeps its family's default: false for redshift-1.0.
  if (str(read.family) === 'redshift-1.0') return false;
  throw new UnresolvedValue(`parameter group ${group.address} leaves require_ssl at its family's default`);
}

/** Where the parameter group a cluster names sets its parameters, when that group is in the code. */
function groupLocation(
  value: IacValue | undefined,
  ctx: MapContext,
  parameters: string,
): Location | undefined {
  const group = ctx.target(value);
  return group ? (group.locate([parameters]) ?? group.location) : undefined;
}

const cloudformation: KindMapper<'redshift.cluster'> = {
  kind: 'redshift.cluster',
  format: 'cloudformation',
  types: ['AWS::Redshift::Cluster'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'redshift.cluster'>(resource);
    const restored = p.SnapshotIdentifier !== undefined && p.SnapshotIdentifier !== null;
    const encrypted = (): boolean => {
      const given = bool(p.Encrypted);
      if (given !== undefined) return given;
      if (restored)
        throw new UnresolvedValue('Encrypted is not set and the cluster is restored from a snapshot');
      return changedDefault('Encrypted');
    };
    b.set('clusterIdentifier', () => nameOf(resource, 'ClusterIdentifier'), ['ClusterIdentifier'])
      .set('encrypted', encrypted, ['Encrypted'])
      .set('kmsKeyId', () => optionalId(p.KmsKeyId, ctx), ['KmsKeyId'])
      .set('publiclyAccessible', () => bool(p.PubliclyAccessible) ?? changedDefault('PubliclyAccessible'), [
        'PubliclyAccessible',
      ])
      .set(
        'requireSsl',
        () =>
          requireSslOf(p.ClusterParameterGroupName, ctx, 'ClusterParameterGroupName', (group) => {
            const entry = list(group.properties.Parameters).find(
              (parameter) => str(get(parameter, 'ParameterName')) === 'require_ssl',
            );
            return { value: get(entry, 'ParameterValue'), family: group.properties.ParameterGroupFamily };
          }),
        ['ClusterParameterGroupName'],
      )
      .at('requireSsl', groupLocation(p.ClusterParameterGroupName, ctx, 'Parameters'))
      // Audit logging is on when the cluster names a destination (an S3 bucket or CloudWatch Logs).
      .set('loggingEnabled', () => obj(p.LoggingProperties) !== undefined, ['LoggingProperties'])
      // CreateCluster: EnhancedVpcRouting defaults to false, AllowVersionUpgrade to true.
      .set('enhancedVpcRouting', () => bool(p.EnhancedVpcRouting) ?? false, ['EnhancedVpcRouting'])
      .set('allowVersionUpgrade', () => bool(p.AllowVersionUpgrade) ?? true, ['AllowVersionUpgrade'])
      // CreateCluster: AutomatedSnapshotRetentionPeriod defaults to 1.
      .set('automatedSnapshotRetentionPeriod', () => num(p.AutomatedSnapshotRetentionPeriod) ?? 1, [
        'AutomatedSnapshotRetentionPeriod',
      ]);
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'redshift.cluster'> = {
  kind: 'redshift.cluster',
  format: 'terraform',
  types: ['aws_redshift_cluster'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'redshift.cluster'>(resource);
    const restored = p.snapshot_identifier !== undefined && p.snapshot_identifier !== null;
    const logging = ctx.attached(resource, ['aws_redshift_logging'], 'cluster_identifier');
    b.set('clusterIdentifier', () => nameOf(resource, 'cluster_identifier'), ['cluster_identifier'])
      .set(
        'encrypted',
        () => {
          const given = bool(p.encrypted);
          if (given !== undefined) return given;
          if (restored)
            throw new UnresolvedValue('encrypted is not set and the cluster is restored from a snapshot');
          return changedDefault('encrypted');
        },
        ['encrypted'],
      )
      .set('kmsKeyId', () => optionalId(p.kms_key_id, ctx), ['kms_key_id'])
      .set('publiclyAccessible', () => bool(p.publicly_accessible) ?? changedDefault('publicly_accessible'), [
        'publicly_accessible',
      ])
      .set(
        'requireSsl',
        () =>
          requireSslOf(p.cluster_parameter_group_name, ctx, 'cluster_parameter_group_name', (group) => {
            const entry = blocks(group.properties, 'parameter').find(
              (parameter) => str(get(parameter, 'name')) === 'require_ssl',
            );
            return { value: get(entry, 'value'), family: group.properties.family };
          }),
        ['cluster_parameter_group_name'],
      )
      .at('requireSsl', groupLocation(p.cluster_parameter_group_name, ctx, 'parameter'))
      .set(
        'loggingEnabled',
        () => {
          // aws_redshift_logging configures it; the `logging` block of providers before v6 did too.
          if (logging.length > 0) return true;
          return bool(get(block(p, 'logging'), 'enable')) ?? false;
        },
        ['logging', 0, 'enable'],
      )
      .at('loggingEnabled', logging[0]?.location)
      // aws_redshift_cluster: enhanced_vpc_routing defaults to false, allow_version_upgrade to true.
      .set('enhancedVpcRouting', () => bool(p.enhanced_vpc_routing) ?? false, ['enhanced_vpc_routing'])
      .set('allowVersionUpgrade', () => bool(p.allow_version_upgrade) ?? true, ['allow_version_upgrade'])
      // aws_redshift_cluster: automated_snapshot_retention_period defaults to 1.
      .set('automatedSnapshotRetentionPeriod', () => num(p.automated_snapshot_retention_period) ?? 1, [
        'automated_snapshot_retention_period',
      ]);
    return b.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform];
