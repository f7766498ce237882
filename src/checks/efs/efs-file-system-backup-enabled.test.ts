import { withGap } from '../../testing/builders.js';
import { efsFileSystem } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './efs-file-system-backup-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'a file system with automatic backups',
      resources: [efsFileSystem()],
      message: /^EFS file system fs-0123456789abcdef0 has automatic backups on$/,
    },
  ],
  fail: [
    {
      name: 'a file system that has no backup policy, or a disabled one',
      resources: [efsFileSystem({ backupPolicyEnabled: false })],
      message: /^EFS file system fs-0123456789abcdef0 has automatic backups off$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the backup policy could not be read',
      resources: [
        withGap(
          efsFileSystem(),
          'backupPolicyEnabled',
          'access-denied',
          'elasticfilesystem:DescribeBackupPolicy',
        ),
      ],
      reason: 'access-denied',
    },
  ],
});
