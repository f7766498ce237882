import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'efs-file-system-backup-enabled',
  title: 'EFS file systems have automatic backups on',
  description:
    "Every EFS file system must have its backup policy on, so AWS Backup takes daily backups of it (Security Hub EFS.2). File systems backed up by a backup plan of their own may still be reported here: the check reads the file system's own backup policy.",
  risk: 'Without backups, files deleted or overwritten by mistake, by a faulty deployment or by ransomware cannot be recovered.',
  severity: 'medium',
  service: 'efs',
  domain: 'data',
  kind: 'efs.file-system',
  scope: 'resource',
  reads: ['fileSystemId', 'backupPolicyEnabled'],
  remediation: {
    text: 'Turn on automatic backups for the file system (daily backups kept 35 days by the default AWS Backup plan), or cover it with a backup plan of your own. Backups are billed by size.',
    cli: 'aws efs put-backup-policy --file-system-id <file-system-id> --backup-policy Status=ENABLED',
    cloudformation:
      'FileSystem:\n  Type: AWS::EFS::FileSystem\n  Properties:\n    BackupPolicy:\n      Status: ENABLED',
    terraform:
      'resource "aws_efs_backup_policy" "this" {\n  file_system_id = aws_efs_file_system.this.id\n  backup_policy {\n    status = "ENABLED"\n  }\n}',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
  },
  evaluate(fileSystem) {
    const { fileSystemId, backupPolicyEnabled } = fileSystem.attributes;
    return backupPolicyEnabled
      ? pass(`EFS file system ${fileSystemId} has automatic backups on`, { backupPolicyEnabled })
      : fail(`EFS file system ${fileSystemId} has automatic backups off`, { backupPolicyEnabled });
  },
});
