import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './redshift.js';

type Code = ReturnType<typeof iacResource>;

function map(resource: Code, ...others: Code[]) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('redshift.cluster from CloudFormation', () => {
  it('reads a hardened cluster and the require_ssl of its parameter group', () => {
    const group = iacResource(
      'AWS::Redshift::ClusterParameterGroup',
      {
        ParameterGroupFamily: 'redshift-1.0',
        Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true' }],
      },
      { address: 'TlsOnly' },
    );
    const cluster = iacResource(
      'AWS::Redshift::Cluster',
      {
        ClusterIdentifier: 'analytics',
        Encrypted: true,
        KmsKeyId: new Reference('WarehouseKey', null),
        PubliclyAccessible: false,
        ClusterParameterGroupName: new Reference('TlsOnly', null),
        LoggingProperties: { LogDestinationType: 'cloudwatch' },
        EnhancedVpcRouting: true,
        AutomatedSnapshotRetentionPeriod: 7,
      },
      { address: 'Warehouse' },
    );
    const mapped = map(cluster, group);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      clusterIdentifier: 'analytics',
      encrypted: true,
      kmsKeyId: 'WarehouseKey',
      publiclyAccessible: false,
      requireSsl: true,
      loggingEnabled: true,
      enhancedVpcRouting: true,
      allowVersionUpgrade: true,
      automatedSnapshotRetentionPeriod: 7,
    });
  });

  it('leaves encryption, public access and TLS gaps when omitted: their defaults changed in 2025', () => {
    const mapped = map(iacResource('AWS::Redshift::Cluster', {}, { address: 'Warehouse' }));
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual([
      'encrypted',
      'publiclyAccessible',
      'requireSsl',
    ]);
    expect(mapped.attributes).toMatchObject({
      loggingEnabled: false,
      enhancedVpcRouting: false,
      automatedSnapshotRetentionPeriod: 1,
    });
  });

  it('knows the unmodifiable default group of redshift-1.0 leaves require_ssl off', () => {
    const mapped = map(
      iacResource(
        'AWS::Redshift::Cluster',
        { ClusterParameterGroupName: 'default.redshift-1.0' },
        { address: 'W' },
      ),
    );
    expect(mapped.attributes.requireSsl).toBe(false);
  });
});

describe('redshift.cluster from Terraform', () => {
  it('joins aws_redshift_logging to its cluster and points the logging field at it', () => {
    const cluster = iacResource(
      'aws_redshift_cluster',
      { cluster_identifier: 'analytics' },
      { address: 'aws_redshift_cluster.analytics' },
    );
    const logging = iacResource(
      'aws_redshift_logging',
      {
        cluster_identifier: new Reference('aws_redshift_cluster.analytics', 'id'),
        log_destination_type: 'cloudwatch',
      },
      { address: 'aws_redshift_logging.analytics', line: 20 },
    );
    const mapped = map(cluster, logging);
    expect(mapped.attributes.loggingEnabled).toBe(true);
    expect(mapped.locations.loggingEnabled?.line).toBe(20);
  });

  it('reads require_ssl from a parameter block of the group it names', () => {
    const group = iacResource(
      'aws_redshift_parameter_group',
      { name: 'plain', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'false' }] },
      { address: 'aws_redshift_parameter_group.plain' },
    );
    const cluster = iacResource('aws_redshift_cluster', {
      cluster_parameter_group_name: new Reference('aws_redshift_parameter_group.plain', 'name'),
    });
    expect(map(cluster, group).attributes.requireSsl).toBe(false);
  });

  it('makes an unresolved setting a gap on that field only', () => {
    const mapped = map(
      iacResource('aws_redshift_cluster', {
        encrypted: true,
        publicly_accessible: new Unresolved('var.public, which has no value'),
        cluster_parameter_group_name: 'default.redshift-1.0',
      }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'publiclyAccessible', reason: 'unresolved', detail: 'var.public, which has no value' },
    ]);
  });
});

describe('redshift.cluster locations', () => {
  it('points require_ssl at the parameters of the group that decides it', () => {
    const group = iacResource(
      'aws_redshift_parameter_group',
      { name: 'plain', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'false' }] },
      { address: 'aws_redshift_parameter_group.plain', line: 12, lines: { parameter: 15 } },
    );
    const cluster = iacResource('aws_redshift_cluster', {
      cluster_parameter_group_name: new Reference('aws_redshift_parameter_group.plain', 'name'),
    });
    expect(map(cluster, group).locations.requireSsl?.line).toBe(15);
  });
});
