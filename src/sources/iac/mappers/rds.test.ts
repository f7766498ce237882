import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './rds.js';

function mapperFor(type: string) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(type));
  if (!mapper) throw new Error(`no mapper for ${type}`);
  return mapper;
}

function map(resource: ReturnType<typeof iacResource>, ...others: ReturnType<typeof iacResource>[]) {
  const mapped = mapperFor(resource.type).map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('rds.db-instance from CloudFormation', () => {
  it('reads a hardened instance as written, with the line of each setting', () => {
    const key = iacResource('AWS::KMS::Key', {}, { address: 'DatabaseKey' });
    const instance = iacResource(
      'AWS::RDS::DBInstance',
      {
        DBInstanceIdentifier: 'orders-db',
        Engine: 'Postgres',
        EngineVersion: '16.3',
        StorageEncrypted: 'true',
        KmsKeyId: new Reference('DatabaseKey', 'Arn'),
        PubliclyAccessible: false,
        MultiAZ: true,
        BackupRetentionPeriod: '7',
        EnableIAMDatabaseAuthentication: true,
        DeletionProtection: true,
        AutoMinorVersionUpgrade: false,
        DBParameterGroupName: 'default.postgres16',
        Tags: [{ Key: 'team', Value: 'orders' }],
      },
      { address: 'Database', lines: { PubliclyAccessible: 9 } },
    );
    const mapped = map(instance, key);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toMatchObject({
      identifier: 'orders-db',
      engine: 'postgres',
      engineVersion: '16.3',
      storageEncrypted: true,
      kmsKeyId: 'DatabaseKey',
      publiclyAccessible: false,
      multiAZ: true,
      backupRetentionPeriod: 7,
      iamDatabaseAuthenticationEnabled: true,
      deletionProtection: true,
      autoMinorVersionUpgrade: false,
      dbClusterIdentifier: null,
      readReplicaSourceIdentifier: null,
      parameterGroupNames: ['default.postgres16'],
    });
    expect(mapped.tags).toEqual({ team: 'orders' });
    expect(mapped.locations.publiclyAccessible?.line).toBe(9);
  });

  it('applies the RDS defaults, and leaves public accessibility a gap when the template does not set it', () => {
    const mapped = map(iacResource('AWS::RDS::DBInstance', { Engine: 'mysql' }, { address: 'Database' }));
    expect(mapped.attributes).toMatchObject({
      identifier: 'Database',
      engineVersion: 'default',
      storageEncrypted: false,
      kmsKeyId: null,
      autoMinorVersionUpgrade: true,
      multiAZ: false,
      backupRetentionPeriod: 1,
      iamDatabaseAuthenticationEnabled: false,
      deletionProtection: false,
    });
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['parameterGroupNames', 'publiclyAccessible']);
    expect(mapped.gaps.find((gap) => gap.field === 'publiclyAccessible')?.detail).toMatch(/internet gateway/);
  });

  it('names the cluster of an Aurora instance and the source of a read replica by their identifiers', () => {
    const cluster = iacResource(
      'AWS::RDS::DBCluster',
      { DBClusterIdentifier: 'orders-cluster' },
      { address: 'Cluster' },
    );
    const member = iacResource(
      'AWS::RDS::DBInstance',
      { Engine: 'aurora-postgresql', DBClusterIdentifier: new Reference('Cluster', null) },
      { address: 'Writer' },
    );
    expect(map(member, cluster).attributes).toMatchObject({
      dbClusterIdentifier: 'orders-cluster',
      multiAZ: false,
    });
    const replica = iacResource(
      'AWS::RDS::DBInstance',
      { SourceDBInstanceIdentifier: new Reference('Database', null) },
      { address: 'Replica' },
    );
    const source = iacResource('AWS::RDS::DBInstance', { Engine: 'mysql' }, { address: 'Database' });
    const mapped = map(replica, source);
    expect(mapped.attributes.readReplicaSourceIdentifier).toBe('Database');
    // A replica inherits engine and encryption from its source: neither is guessed.
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(
      expect.arrayContaining(['engine', 'storageEncrypted', 'kmsKeyId']),
    );
  });

  it('names the parameter group an instance refers to by its physical name', () => {
    const group = iacResource(
      'AWS::RDS::DBParameterGroup',
      { DBParameterGroupName: 'tls-only', Family: 'postgres16' },
      { address: 'TlsOnly' },
    );
    const instance = iacResource(
      'AWS::RDS::DBInstance',
      { Engine: 'postgres', DBParameterGroupName: new Reference('TlsOnly', null) },
      { address: 'Database' },
    );
    expect(map(instance, group).attributes.parameterGroupNames).toEqual(['tls-only']);
  });

  it('makes an unresolved setting a gap on that field only', () => {
    const mapped = map(
      iacResource(
        'AWS::RDS::DBInstance',
        {
          Engine: 'postgres',
          DeletionProtection: new Unresolved('Ref to parameter Protect, which has no default'),
        },
        { address: 'Database' },
      ),
    );
    expect(mapped.gaps.find((gap) => gap.field === 'deletionProtection')).toEqual({
      field: 'deletionProtection',
      reason: 'unresolved',
      detail: 'Ref to parameter Protect, which has no default',
    });
    expect(mapped.attributes.multiAZ).toBe(false);
  });
});

describe('rds.db-instance from Terraform', () => {
  it('applies the provider defaults: private, unencrypted, one day of backups', () => {
    const mapped = map(iacResource('aws_db_instance', { identifier: 'orders-db', engine: 'postgres' }));
    expect(mapped.attributes).toMatchObject({
      identifier: 'orders-db',
      publiclyAccessible: false,
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      autoMinorVersionUpgrade: true,
      dbClusterIdentifier: null,
    });
  });

  it('reads an encrypted instance with the AWS managed key when no key is named', () => {
    const mapped = map(iacResource('aws_db_instance', { engine: 'mysql', storage_encrypted: true }));
    expect(mapped.attributes).toMatchObject({ storageEncrypted: true, kmsKeyId: 'alias/aws/rds' });
  });

  it('maps an Aurora cluster instance to its cluster', () => {
    const cluster = iacResource(
      'aws_rds_cluster',
      { cluster_identifier: 'orders' },
      { address: 'aws_rds_cluster.orders' },
    );
    const member = iacResource('aws_rds_cluster_instance', {
      engine: 'aurora-postgresql',
      cluster_identifier: new Reference('aws_rds_cluster.orders', 'id'),
      publicly_accessible: true,
    });
    expect(map(member, cluster).attributes).toMatchObject({
      dbClusterIdentifier: 'orders',
      publiclyAccessible: true,
      multiAZ: false,
    });
  });
});

describe('rds.db-cluster', () => {
  it('reads CloudFormation and Terraform clusters with their defaults', () => {
    const cfn = map(iacResource('AWS::RDS::DBCluster', { Engine: 'aurora-mysql' }, { address: 'Cluster' }));
    expect(cfn.attributes).toMatchObject({
      identifier: 'Cluster',
      engine: 'aurora-mysql',
      storageEncrypted: false,
      kmsKeyId: null,
      deletionProtection: false,
      iamDatabaseAuthenticationEnabled: false,
      backupRetentionPeriod: 1,
    });
    const tf = map(
      iacResource('aws_rds_cluster', { engine: 'aurora-postgresql', engine_mode: 'serverless' }),
    );
    expect(tf.attributes).toMatchObject({ storageEncrypted: true, kmsKeyId: 'alias/aws/rds' });
  });

  it('leaves the encryption of a cluster restored from a snapshot a gap', () => {
    const mapped = map(
      iacResource('aws_rds_cluster', { engine: 'aurora-mysql', snapshot_identifier: 'nightly' }),
    );
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['kmsKeyId', 'storageEncrypted']);
  });
});

describe('rds.db-parameter-group', () => {
  it('reads rds.force_ssl from a CloudFormation group, identified by its name', () => {
    const mapped = map(
      iacResource(
        'AWS::RDS::DBParameterGroup',
        { DBParameterGroupName: 'tls-only', Family: 'postgres16', Parameters: { 'rds.force_ssl': '1' } },
        { address: 'TlsOnly' },
      ),
    );
    expect(mapped.id).toBe('tls-only');
    expect(mapped.attributes).toEqual({
      name: 'tls-only',
      family: 'postgres16',
      forceSsl: true,
      requireSecureTransport: null,
    });
  });

  it('reads require_secure_transport from a Terraform parameter block', () => {
    const mapped = map(
      iacResource('aws_db_parameter_group', {
        name: 'plaintext-ok',
        family: 'mysql8.0',
        parameter: [{ name: 'require_secure_transport', value: 'OFF' }],
      }),
    );
    expect(mapped.attributes).toMatchObject({ forceSsl: null, requireSecureTransport: false });
  });

  it('leaves a TLS parameter at the engine default a gap, as the live collector does', () => {
    const mapped = map(iacResource('aws_db_parameter_group', { name: 'plain', family: 'postgres16' }));
    expect(mapped.gaps).toEqual([
      {
        field: 'forceSsl',
        reason: 'unresolved',
        detail: 'the group leaves rds.force_ssl at the engine default, which depends on the engine version',
      },
    ]);
    expect(mapped.attributes.requireSecureTransport).toBeNull();
  });

  it('knows Aurora DB parameter groups have no TLS parameter, and Aurora cluster parameter groups do', () => {
    const db = map(iacResource('aws_db_parameter_group', { name: 'a', family: 'aurora-postgresql16' }));
    expect(db.attributes).toMatchObject({ forceSsl: null, requireSecureTransport: null });
    const cluster = map(
      iacResource('aws_rds_cluster_parameter_group', {
        name: 'b',
        family: 'aurora-postgresql16',
        parameter: [{ name: 'rds.force_ssl', value: '1' }],
      }),
    );
    expect(cluster.attributes).toMatchObject({ forceSsl: true, requireSecureTransport: null });
  });
});
