import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './efs-file-system-encrypted.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const fileSystem = (encrypted: boolean) =>
  resource('efs.file-system', 'fs-0abc', {
    fileSystemId: 'fs-0abc',
    encrypted,
    kmsKeyId: encrypted ? KEY : null,
    backupPolicyEnabled: true,
    policy: null,
  });

testCheck(check, {
  pass: [
    {
      name: 'a file system encrypted with a KMS key',
      resources: [fileSystem(true)],
      message: /fs-0abc is encrypted at rest with arn:aws:kms/,
    },
  ],
  fail: [
    {
      name: 'a file system created without encryption',
      resources: [fileSystem(false)],
      message: /^EFS file system fs-0abc is not encrypted at rest$/,
    },
  ],
  notEvaluated: [
    {
      name: 'whether the file system is encrypted could not be read',
      resources: [
        withGap(fileSystem(true), 'encrypted', 'access-denied', 'elasticfilesystem:DescribeFileSystems'),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'file systems could not be listed in the region',
      'efs.file-system',
      'elasticfilesystem:DescribeFileSystems',
    ),
  ],
});
