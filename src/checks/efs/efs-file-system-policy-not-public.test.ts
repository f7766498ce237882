import type { AttributesOf } from '../../core/kinds/index.js';
import { resource } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './efs-file-system-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone(
    'elasticfilesystem:ClientMount',
    'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0',
    overrides,
  );
const fileSystem = (policy: Record<string, unknown> | null) =>
  // The check reads the id and the policy only.
  resource('efs.file-system', 'fs-0123456789abcdef0', {
    fileSystemId: 'fs-0123456789abcdef0',
    policy,
  } as AttributesOf<'efs.file-system'>);
const cases = policyCases({ withPolicy: fileSystem, grant });

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [fileSystem(null)],
      message: /has no file system policy: who can mount it depends on the network reach/,
    },
    cases.sharedWithAnotherAccount,
    {
      name: 'mounts are allowed from one VPC only',
      resources: [
        fileSystem(
          resourcePolicy(grant({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } } })),
        ),
      ],
    },
    cases.confinedToOrganization,
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [fileSystem(resourcePolicy(grant()))],
      message:
        /^File system fs-0123456789abcdef0 is public: anyone can elasticfilesystem:ClientMount \(read; statement Everyone\)$/,
    },
    {
      name: 'anyone can mount it for writing and as root',
      resources: [
        fileSystem(
          resourcePolicy(
            grant({
              Action: [
                'elasticfilesystem:ClientMount',
                'elasticfilesystem:ClientWrite',
                'elasticfilesystem:ClientRootAccess',
              ],
            }),
          ),
        ),
      ],
      message: /ClientRootAccess/,
    },
  ],
  notEvaluated: [
    cases.notRead(fileSystem(null), 'elasticfilesystem:DescribeFileSystemPolicy'),
    listingFailed('the resources could not be listed', 'efs.file-system'),
  ],
});
