import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'efs-file-system-encrypted',
  title: 'EFS file systems are encrypted at rest',
  description:
    'Every EFS file system must be encrypted at rest with a KMS key (the AWS managed key aws/elasticfilesystem or a customer managed key). Encryption in transit is a mount option and is not covered here.',
  risk: 'An unencrypted file system keeps its files and metadata in clear text on AWS storage, and access to them leaves no trace in KMS and cannot be revoked by disabling a key.',
  severity: 'medium',
  service: 'efs',
  domain: 'data',
  kind: 'efs.file-system',
  scope: 'resource',
  reads: ['fileSystemId', 'encrypted', 'kmsKeyId'],
  remediation: {
    text: 'Encryption at rest can only be chosen when a file system is created. Create an encrypted file system, copy the data to it (AWS DataSync, or a restore from AWS Backup into a new encrypted file system), switch the mounts and delete the old file system. To make it the rule, deny elasticfilesystem:CreateFileSystem when elasticfilesystem:Encrypted is false.',
    cli: 'aws efs create-file-system --encrypted --kms-key-id <key-id> --performance-mode generalPurpose --tags Key=Name,Value=<name>',
    cloudformation:
      'FileSystem:\n  Type: AWS::EFS::FileSystem\n  Properties:\n    Encrypted: true\n    KmsKeyId: <key-arn>',
    terraform:
      'resource "aws_efs_file_system" "this" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
  },
  evaluate(fileSystem) {
    const { fileSystemId, encrypted, kmsKeyId } = fileSystem.attributes;
    return encrypted
      ? pass(`EFS file system ${fileSystemId} is encrypted at rest with ${kmsKeyId ?? 'a KMS key'}`, {
          encrypted,
          kmsKeyId,
        })
      : fail(`EFS file system ${fileSystemId} is not encrypted at rest`, { encrypted, kmsKeyId });
  },
});
