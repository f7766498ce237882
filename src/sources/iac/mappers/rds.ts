import type { IacObject, IacResource, IacValue } from '../types.js';
import { optionalId, parameterSwitch, targetName } from './data-support.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  blocks,
  bool,
  get,
  num,
  obj,
  str,
  tagsOf,
  type KindMapper,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

type TlsField = 'forceSsl' | 'requireSecureTransport';

/** The engine version RDS chooses when the code names none: the checks only print it. */
const DEFAULT_VERSION = 'default';
/** The AWS managed key RDS encrypts with when encryption is on and no key is named. */
const RDS_MANAGED_KEY = 'alias/aws/rds';

// Names other resources designate RDS resources by (their physical names, else their addresses).
const INSTANCE_NAMES = ['DBInstanceIdentifier', 'identifier'];
const CLUSTER_NAMES = ['DBClusterIdentifier', 'cluster_identifier'];
const PARAMETER_GROUP_NAMES = ['DBParameterGroupName', 'DBClusterParameterGroupName', 'name'];

/** RDS stores engine names in lower case (`MySQL` in a template is `mysql`). */
function engineOf(value: IacValue | undefined): string | undefined {
  return str(value)?.toLowerCase();
}

/**
 * Why the settings of an instance or cluster are not all in its code: it is restored from a snapshot, or a
 * copy of another database, and inherits storage encryption and engine from that. Null for a new database.
 */
function inheritedFrom(properties: IacObject, names: readonly string[]): string | null {
  for (const name of names) {
    const value = properties[name];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
      return `${name} is set: the value comes from that source`;
    }
  }
  return null;
}

function required<T>(value: T | undefined, detail: string): T {
  if (value === undefined) throw new UnresolvedValue(detail);
  return value;
}

const CFN_INHERITING = [
  'DBSnapshotIdentifier',
  'DBClusterSnapshotIdentifier',
  'SourceDBInstanceIdentifier',
  'SourceDBClusterIdentifier',
  'SourceDBInstanceAutomatedBackupsArn',
  'SourceDbiResourceId',
];

const cfnInstance: KindMapper<'rds.db-instance'> = {
  kind: 'rds.db-instance',
  format: 'cloudformation',
  types: ['AWS::RDS::DBInstance'],
  fields: [
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
    // Not `parameterGroupNames` yet: rds-instance-require-tls looks parameter groups up by resource id, and ids
    // from code are prefixed with their document set (inventory.ts), so the group named here is never found.
    // The attribute is built below; add the field once ids from code can be looked up by name.
  ],
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'rds.db-instance'>(resource);
    const inherited = inheritedFrom(p, CFN_INHERITING);
    const cluster = (): string | null => targetName(p.DBClusterIdentifier, ctx, ...CLUSTER_NAMES) ?? null;
    const encrypted = (): boolean => {
      const given = bool(p.StorageEncrypted);
      if (given !== undefined) return given;
      if (inherited) throw new UnresolvedValue(`StorageEncrypted is not set and ${inherited}`);
      const member = cluster();
      if (member !== null) throw new UnresolvedValue(`storage encryption is the cluster's (${member})`);
      // CreateDBInstance: StorageEncrypted defaults to false.
      return false;
    };
    b.set('identifier', () => nameOf(resource, 'DBInstanceIdentifier'), ['DBInstanceIdentifier'])
      .set(
        'engine',
        () =>
          required(
            engineOf(p.Engine),
            inherited ? `Engine is not set and ${inherited}` : 'Engine is not set',
          ),
        ['Engine'],
      )
      .set('engineVersion', () => str(p.EngineVersion) ?? DEFAULT_VERSION, ['EngineVersion'])
      .set('storageEncrypted', encrypted, ['StorageEncrypted'])
      .set(
        'kmsKeyId',
        () => optionalId(p.KmsKeyId, ctx) ?? (encrypted() ? RDS_MANAGED_KEY : null),
        ['KmsKeyId'],
        ['StorageEncrypted'],
      )
      .set(
        'publiclyAccessible',
        () => {
          const given = bool(p.PubliclyAccessible);
          if (given !== undefined) return given;
          // CreateDBInstance: without PubliclyAccessible, the instance is public when its VPC (the default VPC
          // without a DBSubnetGroupName) has an internet gateway: that is not in the template.
          throw new UnresolvedValue(
            'PubliclyAccessible is not set: RDS then makes the instance public if its VPC has an internet gateway; set it explicitly',
          );
        },
        ['PubliclyAccessible'],
      )
      // CreateDBInstance: AutoMinorVersionUpgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.AutoMinorVersionUpgrade) ?? true, [
        'AutoMinorVersionUpgrade',
      ])
      // CreateDBInstance: MultiAZ defaults to false; Aurora instances report false (the cluster spreads).
      .set('multiAZ', () => (cluster() !== null ? false : (bool(p.MultiAZ) ?? false)), ['MultiAZ'])
      // AWS::RDS::DBInstance: BackupRetentionPeriod defaults to 1.
      .set('backupRetentionPeriod', () => num(p.BackupRetentionPeriod) ?? 1, ['BackupRetentionPeriod'])
      .set('iamDatabaseAuthenticationEnabled', () => bool(p.EnableIAMDatabaseAuthentication) ?? false, [
        'EnableIAMDatabaseAuthentication',
      ])
      .set('deletionProtection', () => bool(p.DeletionProtection) ?? false, ['DeletionProtection'])
      .set('dbClusterIdentifier', cluster, ['DBClusterIdentifier'])
      .set(
        'readReplicaSourceIdentifier',
        () => {
          // With RestoreTime or UseLatestRestorableTime, SourceDBInstanceIdentifier is a point-in-time restore.
          const restore = p.RestoreTime !== undefined || p.UseLatestRestorableTime !== undefined;
          const source = restore
            ? undefined
            : targetName(p.SourceDBInstanceIdentifier, ctx, ...INSTANCE_NAMES);
          return source ?? targetName(p.SourceDBClusterIdentifier, ctx, ...CLUSTER_NAMES) ?? null;
        },
        ['SourceDBInstanceIdentifier'],
        ['SourceDBClusterIdentifier'],
      )
      .set(
        'parameterGroupNames',
        () => {
          const group = targetName(p.DBParameterGroupName, ctx, ...PARAMETER_GROUP_NAMES);
          if (group !== undefined) return [group];
          throw new UnresolvedValue(
            "DBParameterGroupName is not set: the instance uses its engine version's default parameter group",
          );
        },
        ['DBParameterGroupName'],
      );
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const TF_INHERITING = ['snapshot_identifier', 'replicate_source_db', 'restore_to_point_in_time', 's3_import'];

const tfInstance: KindMapper<'rds.db-instance'> = {
  kind: 'rds.db-instance',
  format: 'terraform',
  types: ['aws_db_instance'],
  fields: cfnInstance.fields,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'rds.db-instance'>(resource);
    const inherited = inheritedFrom(p, TF_INHERITING);
    const encrypted = (): boolean => {
      const given = bool(p.storage_encrypted);
      if (given !== undefined) return given;
      if (inherited) throw new UnresolvedValue(`storage_encrypted is not set and ${inherited}`);
      // aws_db_instance: storage_encrypted defaults to false.
      return false;
    };
    b.set('identifier', () => nameOf(resource, 'identifier'), ['identifier'])
      .set(
        'engine',
        () =>
          required(
            engineOf(p.engine),
            inherited ? `engine is not set and ${inherited}` : 'engine is not set',
          ),
        ['engine'],
      )
      .set('engineVersion', () => str(p.engine_version) ?? DEFAULT_VERSION, ['engine_version'])
      .set('storageEncrypted', encrypted, ['storage_encrypted'])
      .set(
        'kmsKeyId',
        () => optionalId(p.kms_key_id, ctx) ?? (encrypted() ? RDS_MANAGED_KEY : null),
        ['kms_key_id'],
        ['storage_encrypted'],
      )
      // aws_db_instance: publicly_accessible defaults to false (the provider sends it).
      .set('publiclyAccessible', () => bool(p.publicly_accessible) ?? false, ['publicly_accessible'])
      // aws_db_instance: auto_minor_version_upgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.auto_minor_version_upgrade) ?? true, [
        'auto_minor_version_upgrade',
      ])
      // CreateDBInstance: MultiAZ defaults to false.
      .set('multiAZ', () => bool(p.multi_az) ?? false, ['multi_az'])
      // CreateDBInstance: BackupRetentionPeriod defaults to 1 (the provider leaves it to RDS).
      .set('backupRetentionPeriod', () => num(p.backup_retention_period) ?? 1, ['backup_retention_period'])
      .set('iamDatabaseAuthenticationEnabled', () => bool(p.iam_database_authentication_enabled) ?? false, [
        'iam_database_authentication_enabled',
      ])
      .set('deletionProtection', () => bool(p.deletion_protection) ?? false, ['deletion_protection'])
      // Instances of Aurora clusters are aws_rds_cluster_instance, never aws_db_instance.
      .set('dbClusterIdentifier', () => null)
      .set(
        'readReplicaSourceIdentifier',
        () => targetName(p.replicate_source_db, ctx, ...INSTANCE_NAMES) ?? null,
        ['replicate_source_db'],
      )
      .set(
        'parameterGroupNames',
        () => {
          const group = targetName(p.parameter_group_name, ctx, ...PARAMETER_GROUP_NAMES);
          if (group !== undefined) return [group];
          throw new UnresolvedValue(
            "parameter_group_name is not set: the instance uses its engine version's default parameter group",
          );
        },
        ['parameter_group_name'],
      );
    return b.build({ tags: tagsOf(p.tags) });
  },
};

/** An instance of an Aurora cluster: storage, backups and protection are the cluster's. */
const tfClusterInstance: KindMapper<'rds.db-instance'> = {
  kind: 'rds.db-instance',
  format: 'terraform',
  types: ['aws_rds_cluster_instance'],
  fields: [
    'identifier',
    'engine',
    'engineVersion',
    'publiclyAccessible',
    'autoMinorVersionUpgrade',
    'multiAZ',
    'dbClusterIdentifier',
    'readReplicaSourceIdentifier',
  ],
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'rds.db-instance'>(resource);
    b.set('identifier', () => nameOf(resource, 'identifier'), ['identifier'])
      .set('engine', () => required(engineOf(p.engine), 'engine is not set'), ['engine'])
      .set('engineVersion', () => str(p.engine_version) ?? DEFAULT_VERSION, ['engine_version'])
      // aws_rds_cluster_instance: publicly_accessible defaults to false.
      .set('publiclyAccessible', () => bool(p.publicly_accessible) ?? false, ['publicly_accessible'])
      // aws_rds_cluster_instance: auto_minor_version_upgrade defaults to true.
      .set('autoMinorVersionUpgrade', () => bool(p.auto_minor_version_upgrade) ?? true, [
        'auto_minor_version_upgrade',
      ])
      // Aurora instances report MultiAZ false: the cluster spreads over zones.
      .set('multiAZ', () => false)
      .set(
        'dbClusterIdentifier',
        () =>
          required(targetName(p.cluster_identifier, ctx, ...CLUSTER_NAMES), 'cluster_identifier is not set'),
        ['cluster_identifier'],
      )
      .set('readReplicaSourceIdentifier', () => null)
      .set(
        'parameterGroupNames',
        () => {
          const group = targetName(p.db_parameter_group_name, ctx, ...PARAMETER_GROUP_NAMES);
          if (group !== undefined) return [group];
          throw new UnresolvedValue(
            "db_parameter_group_name is not set: the instance uses its engine version's default parameter group",
          );
        },
        ['db_parameter_group_name'],
      );
    return b.build({ tags: tagsOf(p.tags) });
  },
};

const cfnCluster: KindMapper<'rds.db-cluster'> = {
  kind: 'rds.db-cluster',
  format: 'cloudformation',
  types: ['AWS::RDS::DBCluster'],
  fields: [
    'identifier',
    'engine',
    'storageEncrypted',
    'kmsKeyId',
    'deletionProtection',
    'iamDatabaseAuthenticationEnabled',
    'backupRetentionPeriod',
  ],
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'rds.db-cluster'>(resource);
    const inherited = inheritedFrom(p, ['SnapshotIdentifier', 'SourceDBClusterIdentifier']);
    const encrypted = (): boolean => {
      const given = bool(p.StorageEncrypted);
      if (given !== undefined) return given;
      if (inherited) throw new UnresolvedValue(`StorageEncrypted is not set and ${inherited}`);
      // CreateDBCluster: StorageEncrypted defaults to false, except Aurora Serverless v1, always encrypted.
      return str(p.EngineMode)?.toLowerCase() === 'serverless';
    };
    b.set('identifier', () => nameOf(resource, 'DBClusterIdentifier'), ['DBClusterIdentifier'])
      .set(
        'engine',
        () =>
          required(
            engineOf(p.Engine),
            inherited ? `Engine is not set and ${inherited}` : 'Engine is not set',
          ),
        ['Engine'],
      )
      .set('storageEncrypted', encrypted, ['StorageEncrypted'])
      .set(
        'kmsKeyId',
        () => optionalId(p.KmsKeyId, ctx) ?? (encrypted() ? RDS_MANAGED_KEY : null),
        ['KmsKeyId'],
        ['StorageEncrypted'],
      )
      .set('deletionProtection', () => bool(p.DeletionProtection) ?? false, ['DeletionProtection'])
      .set('iamDatabaseAuthenticationEnabled', () => bool(p.EnableIAMDatabaseAuthentication) ?? false, [
        'EnableIAMDatabaseAuthentication',
      ])
      // AWS::RDS::DBCluster: BackupRetentionPeriod defaults to 1.
      .set('backupRetentionPeriod', () => num(p.BackupRetentionPeriod) ?? 1, ['BackupRetentionPeriod']);
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const tfCluster: KindMapper<'rds.db-cluster'> = {
  kind: 'rds.db-cluster',
  format: 'terraform',
  types: ['aws_rds_cluster'],
  fields: cfnCluster.fields,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'rds.db-cluster'>(resource);
    const inherited = inheritedFrom(p, [
      'snapshot_identifier',
      'replication_source_identifier',
      'restore_to_point_in_time',
      's3_import',
    ]);
    const encrypted = (): boolean => {
      const given = bool(p.storage_encrypted);
      if (given !== undefined) return given;
      if (inherited) throw new UnresolvedValue(`storage_encrypted is not set and ${inherited}`);
      // aws_rds_cluster: storage_encrypted defaults to false for provisioned clusters, true for serverless.
      return str(p.engine_mode)?.toLowerCase() === 'serverless';
    };
    b.set('identifier', () => nameOf(resource, 'cluster_identifier'), ['cluster_identifier'])
      .set(
        'engine',
        () =>
          required(
            engineOf(p.engine),
            inherited ? `engine is not set and ${inherited}` : 'engine is not set',
          ),
        ['engine'],
      )
      .set('storageEncrypted', encrypted, ['storage_encrypted'])
      .set(
        'kmsKeyId',
        () => optionalId(p.kms_key_id, ctx) ?? (encrypted() ? RDS_MANAGED_KEY : null),
        ['kms_key_id'],
        ['storage_encrypted'],
      )
      .set('deletionProtection', () => bool(p.deletion_protection) ?? false, ['deletion_protection'])
      .set('iamDatabaseAuthenticationEnabled', () => bool(p.iam_database_authentication_enabled) ?? false, [
        'iam_database_authentication_enabled',
      ])
      // aws_rds_cluster: backup_retention_period defaults to 1.
      .set('backupRetentionPeriod', () => num(p.backup_retention_period) ?? 1, ['backup_retention_period']);
    return b.build({ tags: tagsOf(p.tags) });
  },
};

/**
 * Which TLS parameter a family has: PostgreSQL and SQL Server `rds.force_ssl`, MySQL and MariaDB
 * `require_secure_transport`. Aurora sets them in cluster parameter groups only, so Aurora DB parameter groups
 * have neither.
 */
function tlsFieldOf(family: string, cluster: boolean): TlsField | null {
  const name = family.toLowerCase();
  if (name.startsWith('aurora') && !cluster) return null;
  if (name.includes('postgres') || name.startsWith('sqlserver')) return 'forceSsl';
  if (name.includes('mysql') || name.startsWith('mariadb')) return 'requireSecureTransport';
  return null;
}

const TLS_PARAMETERS: Record<TlsField, string> = {
  forceSsl: 'rds.force_ssl',
  requireSecureTransport: 'require_secure_transport',
};

/**
 * A TLS field of a parameter group: null when the family has no such parameter; the value the group sets;
 * unresolved when the group leaves it at the engine default, which depends on the engine version (as live).
 */
function tlsSetting(
  field: TlsField,
  family: string | undefined,
  cluster: boolean,
  value: IacValue | undefined,
): boolean | null {
  if (family === undefined) throw new UnresolvedValue('the family is not set');
  if (tlsFieldOf(family, cluster) !== field) return null;
  const parameter = TLS_PARAMETERS[field];
  const setting = parameterSwitch(value, parameter);
  if (setting !== undefined) return setting;
  throw new UnresolvedValue(
    `the group leaves ${parameter} at the engine default, which depends on the engine version`,
  );
}

function cfnParameterGroupMap(resource: IacResource, cluster: boolean) {
  const p = resource.properties;
  const b = new AttributeBuilder<'rds.db-parameter-group'>(resource);
  const name = nameOf(resource, cluster ? 'DBClusterParameterGroupName' : 'DBParameterGroupName');
  const family = (): string | undefined => str(p.Family);
  const parameter = (key: string): IacValue | undefined => obj(p.Parameters)?.[key];
  b.set('name', () => name, [cluster ? 'DBClusterParameterGroupName' : 'DBParameterGroupName'])
    .set('family', () => required(family(), 'Family is not set'), ['Family'])
    .set(
      'forceSsl',
      () => tlsSetting('forceSsl', family(), cluster, parameter('rds.force_ssl')),
      ['Parameters', 'rds.force_ssl'],
      ['Parameters'],
    )
    .set(
      'requireSecureTransport',
      () => tlsSetting('requireSecureTransport', family(), cluster, parameter('require_secure_transport')),
      ['Parameters', 'require_secure_transport'],
      ['Parameters'],
    );
  // Instances name their parameter groups by name, and the checks look them up by id: the id is the name.
  return b.build({ id: name, tags: tagsOf(p.Tags) });
}

function tfParameterGroupMap(resource: IacResource, cluster: boolean) {
  const p = resource.properties;
  const b = new AttributeBuilder<'rds.db-parameter-group'>(resource);
  const name = nameOf(resource, 'name');
  const family = (): string | undefined => str(p.family);
  const parameters = blocks(p, 'parameter');
  const find = (key: string): [IacValue | undefined, number] => {
    const index = parameters.findIndex((entry) => str(get(entry, 'name')) === key);
    return [index < 0 ? undefined : parameters[index]?.value, index];
  };
  const [forceSsl, forceIndex] = find('rds.force_ssl');
  const [secure, secureIndex] = find('require_secure_transport');
  b.set('name', () => name, ['name'])
    .set('family', () => required(family(), 'family is not set'), ['family'])
    .set(
      'forceSsl',
      () => tlsSetting('forceSsl', family(), cluster, forceSsl),
      ['parameter', forceIndex, 'value'],
      ['family'],
    )
    .set(
      'requireSecureTransport',
      () => tlsSetting('requireSecureTransport', family(), cluster, secure),
      ['parameter', secureIndex, 'value'],
      ['family'],
    );
  return b.build({ id: name, tags: tagsOf(p.tags) });
}

const PARAMETER_GROUP_FIELDS = ['name', 'family', 'forceSsl', 'requireSecureTransport'] as const;

const cfnParameterGroup: KindMapper<'rds.db-parameter-group'> = {
  kind: 'rds.db-parameter-group',
  format: 'cloudformation',
  types: ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
  fields: PARAMETER_GROUP_FIELDS,
  map: (resource) => cfnParameterGroupMap(resource, resource.type === 'AWS::RDS::DBClusterParameterGroup'),
};

const tfParameterGroup: KindMapper<'rds.db-parameter-group'> = {
  kind: 'rds.db-parameter-group',
  format: 'terraform',
  types: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group'],
  fields: PARAMETER_GROUP_FIELDS,
  map: (resource) => tfParameterGroupMap(resource, resource.type === 'aws_rds_cluster_parameter_group'),
};

export const MAPPERS: KindMapper[] = [
  cfnInstance,
  tfInstance,
  tfClusterInstance,
  cfnCluster,
  tfCluster,
  cfnParameterGroup,
  tfParameterGroup,
];
