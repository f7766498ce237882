import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './efs-file-system-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'elasticfilesystem:ClientMount',
  Resource: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const fileSystem = (policy: Record<string, unknown> | null) =>
  // The check reads the id and the policy only.
  resource('efs.file-system', 'fs-0123456789abcdef0', {
    fileSystemId: 'fs-0123456789abcdef0',
    policy,
  } as AttributesOf<'efs.file-system'>);

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [fileSystem(null)],
      message: /has no file system policy: who can mount it depends on the network reach/,
    },
    {
      name: 'it is shared with one other account',
      resources: [fileSystem(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'mounts are allowed from one VPC only',
      resources: [
        fileSystem(policy(grant({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } } }))),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        fileSystem(
          policy(
            grant(),
            grant({
              Sid: 'OrgOnly',
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          ),
        ),
      ],
      message: /confined by Deny statement OrgOnly/,
    },
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [fileSystem(policy(grant()))],
      message:
        /^File system fs-0123456789abcdef0 is public: anyone can elasticfilesystem:ClientMount \(statement Everyone\)$/,
    },
    {
      name: 'anyone can mount it for writing and as root',
      resources: [
        fileSystem(
          policy(
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
    {
      name: 'the policy could not be read',
      resources: [
        withGap(fileSystem(null), 'policy', 'access-denied', 'elasticfilesystem:DescribeFileSystemPolicy'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'efs.file-system', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
