import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './efs.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount' }],
};

describe('file systems', () => {
  it('maps a typical CloudFormation file system with its inline policy and backup policy', () => {
    const mapped = map(
      iacResource(
        'AWS::EFS::FileSystem',
        {
          Encrypted: true,
          KmsKeyId: 'alias/efs',
          BackupPolicy: { Status: 'ENABLED' },
          FileSystemPolicy: POLICY,
        },
        { address: 'Files', lines: { 'BackupPolicy.Status': 4 } },
      ),
    );
    expect(mapped.attributes).toEqual({
      fileSystemId: 'Files',
      encrypted: true,
      kmsKeyId: 'alias/efs',
      backupPolicyEnabled: true,
      policy: POLICY,
    });
    expect(mapped.locations.backupPolicyEnabled?.line).toBe(4);
  });

  it('applies the defaults: unencrypted, no policy; backups off for Regional, on for One Zone', () => {
    expect(map(iacResource('AWS::EFS::FileSystem', {}, { address: 'Files' })).attributes).toEqual({
      fileSystemId: 'Files',
      encrypted: false,
      kmsKeyId: null,
      backupPolicyEnabled: false,
      policy: null,
    });
    expect(
      map(iacResource('aws_efs_file_system', { availability_zone_name: 'eu-west-1a' })).attributes
        .backupPolicyEnabled,
    ).toBe(true);
  });

  it('joins aws_efs_backup_policy and aws_efs_file_system_policy by file_system_id', () => {
    const files = iacResource('aws_efs_file_system', { encrypted: true });
    const id = new Reference('aws_efs_file_system.this', 'id');
    const backup = iacResource(
      'aws_efs_backup_policy',
      { file_system_id: id, backup_policy: [{ status: 'ENABLED' }] },
      { address: 'aws_efs_backup_policy.this', line: 5 },
    );
    const policy = iacResource(
      'aws_efs_file_system_policy',
      { file_system_id: id, policy: JSON.stringify(POLICY) },
      { address: 'aws_efs_file_system_policy.this' },
    );
    const mapped = map(files, backup, policy);
    expect(mapped.attributes).toMatchObject({ encrypted: true, backupPolicyEnabled: true, policy: POLICY });
    expect(mapped.locations.backupPolicyEnabled?.line).toBe(5);
  });

  it('makes a gap of an unresolved encryption flag only', () => {
    const mapped = map(
      iacResource('aws_efs_file_system', { encrypted: new Unresolved('var.encrypted has no value') }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'encrypted', reason: 'unresolved', detail: 'var.encrypted has no value' },
    ]);
    expect(mapped.attributes.backupPolicyEnabled).toBe(false);
  });
});
