import {
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  EFSClient,
  paginateDescribeFileSystems,
  type FileSystemDescription,
} from '@aws-sdk/client-efs';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, missing, parsePolicy, regionalArn, tagsOf } from './support.js';

type FileSystemAttributes = AttributesOf<'efs.file-system'>;

/** EFS answers both "no backup policy" and "no file system policy" with this code: absence, not a gap. */
const POLICY_NOT_FOUND = ['PolicyNotFound'];

/** The most file systems DescribeFileSystems returns per page. */
const PAGE_SIZE = 100;

export const efsCollector: Collector = {
  service: 'efs',
  global: false,
  actions: [
    'elasticfilesystem:DescribeFileSystems',
    'elasticfilesystem:DescribeBackupPolicy',
    'elasticfilesystem:DescribeFileSystemPolicy',
  ],
  kinds: {
    'efs.file-system': ['fileSystemId', 'encrypted', 'kmsKeyId', 'backupPolicyEnabled', 'policy'],
  },
  async collect(ctx) {
    const client = ctx.client(EFSClient);
    // A failed listing throws out of collect(): the runner records a gap on efs.file-system here.
    const fileSystems = await ctx.call('elasticfilesystem:DescribeFileSystems', () =>
      allPages(paginateDescribeFileSystems({ client, pageSize: PAGE_SIZE }, {}), (page) => page.FileSystems),
    );
    await Promise.all(fileSystems.map((fileSystem) => collectFileSystem(ctx, client, fileSystem)));
  },
};

async function collectFileSystem(
  ctx: CollectorContext,
  client: EFSClient,
  fileSystem: FileSystemDescription,
): Promise<void> {
  const fileSystemId = fileSystem.FileSystemId;
  if (!fileSystemId) return;
  const [backup, policy] = await Promise.all([
    ctx.observe(
      'elasticfilesystem:DescribeBackupPolicy',
      async () => {
        const output = await client.send(new DescribeBackupPolicyCommand({ FileSystemId: fileSystemId }));
        return output.BackupPolicy?.Status === 'ENABLED';
      },
      POLICY_NOT_FOUND,
    ),
    ctx.observe(
      'elasticfilesystem:DescribeFileSystemPolicy',
      async () => {
        const output = await client.send(new DescribeFileSystemPolicyCommand({ FileSystemId: fileSystemId }));
        return parsePolicy(output.Policy, 'file system policy');
      },
      POLICY_NOT_FOUND,
    ),
  ]);
  const attributes: Partial<FileSystemAttributes> = {
    fileSystemId,
    kmsKeyId: fileSystem.KmsKeyId ?? null,
  };
  const gaps: Gap[] = [];
  if (fileSystem.Encrypted !== undefined) attributes.encrypted = fileSystem.Encrypted;
  else
    gaps.push(missing('encrypted', 'elasticfilesystem:DescribeFileSystems', 'no Encrypted in the response'));
  // No backup policy at all means automatic backups are off.
  if (backup.ok) attributes.backupPolicyEnabled = backup.value === true;
  else gaps.push(backup.failure.gap('backupPolicyEnabled'));
  if (policy.ok) attributes.policy = policy.value;
  else gaps.push(policy.failure.gap('policy'));
  ctx.emit({
    kind: 'efs.file-system',
    id: fileSystemId,
    arn: fileSystem.FileSystemArn ?? regionalArn(ctx, 'elasticfilesystem', `file-system/${fileSystemId}`),
    tags: tagsOf(fileSystem.Tags),
    attributes,
    gaps,
  });
}
