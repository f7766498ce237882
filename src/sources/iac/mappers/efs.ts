import type { IacResource } from '../types.js';
import { AttributeBuilder, bool, get, str, tagsOf, type KindMapper, type MapContext } from './mapper.js';
import { resourcePolicy } from './resource-policies.js';
import { idOf } from './resource-ids.js';

const FIELDS = ['fileSystemId', 'encrypted', 'kmsKeyId', 'backupPolicyEnabled', 'policy'] as const;

/**
 * Automatic backups when the code sets no backup policy (CreateFileSystem `Backup`): off for Regional file
 * systems, on for One Zone ones (an availability zone is named).
 */
function defaultBackup(availabilityZone: string | undefined): boolean {
  return availabilityZone !== undefined;
}

const cloudformation: KindMapper<'efs.file-system'> = {
  kind: 'efs.file-system',
  format: 'cloudformation',
  types: ['AWS::EFS::FileSystem'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'efs.file-system'>(resource);
    // The fs-... id is generated at creation: the logical id stands for it.
    builder.set('fileSystemId', () => resource.address);
    // Encrypted defaults to false (CreateFileSystem); a KmsKeyId requires Encrypted: true.
    builder.set('encrypted', () => bool(p.Encrypted) ?? false, ['Encrypted']);
    // Encrypted without KmsKeyId uses the AWS managed key aws/elasticfilesystem.
    builder.set('kmsKeyId', () => idOf(p.KmsKeyId, ctx) ?? null, ['KmsKeyId']);
    builder.set(
      'backupPolicyEnabled',
      () => {
        const status = str(get(p, 'BackupPolicy', 'Status'));
        return status === undefined ? defaultBackup(str(p.AvailabilityZoneName)) : status === 'ENABLED';
      },
      ['BackupPolicy', 'Status'],
      ['BackupPolicy'],
    );
    // CloudFormation writes the file system policy inline; none means no policy.
    builder.set('policy', () => resourcePolicy(p.FileSystemPolicy) ?? null, ['FileSystemPolicy']);
    return builder.build({ tags: tagsOf(p.FileSystemTags) });
  },
};

const terraform: KindMapper<'efs.file-system'> = {
  kind: 'efs.file-system',
  format: 'terraform',
  types: ['aws_efs_file_system'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'efs.file-system'>(resource);
    builder.set('fileSystemId', () => resource.address);
    // encrypted defaults to false.
    builder.set('encrypted', () => bool(p.encrypted) ?? false, ['encrypted']);
    builder.set('kmsKeyId', () => idOf(p.kms_key_id, ctx) ?? null, ['kms_key_id']);
    // aws_efs_backup_policy (file_system_id) sets the backup policy; without it the CreateFileSystem default.
    const backup = ctx.attached(resource, ['aws_efs_backup_policy'], 'file_system_id')[0];
    builder.set('backupPolicyEnabled', () => {
      if (!backup) return defaultBackup(str(p.availability_zone_name));
      return str(get(backup.properties, 'backup_policy', 0, 'status')) === 'ENABLED';
    });
    if (backup) builder.at('backupPolicyEnabled', backup.locate(['backup_policy']) ?? backup.location);
    const separate = ctx.attached(resource, ['aws_efs_file_system_policy'], 'file_system_id')[0];
    builder.set('policy', () => (separate ? (resourcePolicy(separate.properties.policy) ?? null) : null));
    if (separate) builder.at('policy', separate.locate(['policy']) ?? separate.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
