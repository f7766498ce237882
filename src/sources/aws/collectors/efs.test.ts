import {
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  DescribeFileSystemsCommand,
  EFSClient,
  type FileSystemDescription,
} from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { efsCollector } from './efs.js';

const efs = mockClient(EFSClient);
const KINDS = Object.keys(efsCollector.kinds);

const fsArn = (id: string) => `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

function fileSystem(id: string, overrides: Partial<FileSystemDescription> = {}): FileSystemDescription {
  return {
    FileSystemId: id,
    FileSystemArn: fsArn(id),
    OwnerId: ACCOUNT,
    CreationToken: id,
    CreationTime: new Date('2026-01-01T00:00:00Z'),
    LifeCycleState: 'available',
    NumberOfMountTargets: 2,
    SizeInBytes: { Value: 6144 },
    PerformanceMode: 'generalPurpose',
    Encrypted: true,
    KmsKeyId: KEY,
    Tags: [],
    ...overrides,
  };
}

/** File systems (one page), each with backups on and a policy. */
function account(fileSystems: FileSystemDescription[]) {
  efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: fileSystems });
  efs.on(DescribeBackupPolicyCommand).resolves({ BackupPolicy: { Status: 'ENABLED' } });
  efs.on(DescribeFileSystemPolicyCommand).resolves({ Policy: JSON.stringify(POLICY) });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('efs collector', () => {
  beforeEach(() => efs.reset());

  it('reports every file system across pages, with every attribute of the kind and its tags', async () => {
    account([]);
    efs
      .on(DescribeFileSystemsCommand)
      .resolvesOnce({
        FileSystems: [fileSystem('fs-1', { Tags: [{ Key: 'Name', Value: 'shared' }] })],
        NextMarker: 'm2',
      })
      .resolvesOnce({ FileSystems: [fileSystem('fs-2', { Encrypted: false, KmsKeyId: undefined })] });

    const sink = await collectWith(efsCollector);

    expect(byId(sink, 'fs-1')).toEqual({
      kind: 'efs.file-system',
      id: 'fs-1',
      arn: fsArn('fs-1'),
      region: REGION,
      tags: { Name: 'shared' },
      attributes: {
        fileSystemId: 'fs-1',
        encrypted: true,
        kmsKeyId: KEY,
        backupPolicyEnabled: true,
        policy: POLICY,
      },
      gaps: [],
    });
    expect(byId(sink, 'fs-2')?.attributes).toMatchObject({ encrypted: false, kmsKeyId: null });
    expect(efs.commandCalls(DescribeFileSystemsCommand)[1]?.args[0].input.Marker).toBe('m2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads "no policy" as absence: backups off and a null file system policy, not gaps', async () => {
    account([fileSystem('fs-1')]);
    efs.on(DescribeBackupPolicyCommand).rejects(awsError('PolicyNotFound', 404));
    efs.on(DescribeFileSystemPolicyCommand).rejects(awsError('PolicyNotFound', 404));

    const sink = await collectWith(efsCollector);

    expect(sink.resources[0]).toMatchObject({
      attributes: { backupPolicyEnabled: false, policy: null },
      gaps: [],
    });
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each(['DISABLED', 'ENABLING', 'DISABLING'] as const)(
    'counts a backup policy %s as not enabled',
    async (status) => {
      account([fileSystem('fs-1')]);
      efs.on(DescribeBackupPolicyCommand).resolves({ BackupPolicy: { Status: status } });
      const sink = await collectWith(efsCollector);
      expect(sink.resources[0]?.attributes).toMatchObject({ backupPolicyEnabled: false });
    },
  );

  it('reports a region without file systems as no resources and no gap', async () => {
    efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [] });
    const sink = await collectWith(efsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeFileSystems into a gap on the kind, naming the action', async () => {
    efs.on(DescribeFileSystemsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(efsCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('efs.file-system', 'access-denied', 'elasticfilesystem:DescribeFileSystems'),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    [DescribeBackupPolicyCommand, 'backupPolicyEnabled', 'elasticfilesystem:DescribeBackupPolicy', 'policy'],
    [
      DescribeFileSystemPolicyCommand,
      'policy',
      'elasticfilesystem:DescribeFileSystemPolicy',
      'backupPolicyEnabled',
    ],
  ] as const)(
    'keeps a file system whose %o was denied, with a gap on the field it reads only',
    async (command, field, action, kept) => {
      account([fileSystem('fs-1')]);
      efs.on(command).rejects(awsError('AccessDeniedException', 403));

      const sink = await collectWith(efsCollector);

      const [found] = sink.resources;
      expect(found?.attributes).not.toHaveProperty(field);
      expect(found?.attributes).toHaveProperty(kept);
      expect(found?.attributes).toMatchObject({ encrypted: true });
      expect(found?.gaps).toEqual([expect.objectContaining({ field, reason: 'access-denied', action })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gives a throttled gap on policy when DescribeFileSystemPolicy is throttled for good', async () => {
    account([fileSystem('fs-1')]);
    efs.on(DescribeFileSystemPolicyCommand).rejects(awsError('ThrottlingException', 429));
    const sink = await collectWith(efsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'policy',
        reason: 'throttled',
        action: 'elasticfilesystem:DescribeFileSystemPolicy',
      }),
    ]);
  });

  it('gaps a policy that is not a JSON object rather than reporting none', async () => {
    account([fileSystem('fs-1')]);
    efs.on(DescribeFileSystemPolicyCommand).resolves({ Policy: '{not json' });
    const sink = await collectWith(efsCollector);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('policy');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'collection-error' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    account([fileSystem('fs-1')]);
    const sink = await collectWith(efsCollector);
    expect(sink.errors).toEqual([]);
    const called = efs
      .calls()
      .map((call) => `elasticfilesystem:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(efsCollector.actions));
  });
});
