import type { AclGrant, PublicAccessBlock } from '../../core/kinds/s3.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-acl-not-public.js';

const OWNER: AclGrant = {
  granteeType: 'CanonicalUser',
  grantee: 'owner-canonical-id',
  permission: 'FULL_CONTROL',
};
const group = (name: string, permission: AclGrant['permission']): AclGrant => ({
  granteeType: 'Group',
  grantee: `http://acs.amazonaws.com/groups/${name}`,
  permission,
});
const OPEN: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
const bucket = (acl: AclGrant[], publicAccessBlock: PublicAccessBlock | null = OPEN) =>
  s3Bucket('reports', { acl, publicAccessBlock });
const account = (configuration: PublicAccessBlock | null) =>
  resource('s3.account-public-access-block', '111122223333', { configuration });

testCheck(check, {
  pass: [
    {
      name: 'only the owner is granted',
      resources: [bucket([OWNER])],
      message: /grants nothing to everyone/,
    },
    {
      name: 'the S3 log delivery group may write access logs',
      resources: [bucket([OWNER, group('s3/LogDelivery', 'WRITE')])],
    },
    {
      name: 'AllUsers may read, but the bucket ignores public ACLs',
      resources: [bucket([OWNER, group('global/AllUsers', 'READ')], { ...OPEN, ignorePublicAcls: true })],
      message: /IgnorePublicAcls on the bucket makes S3 ignore them/,
    },
    {
      name: 'AllUsers may read, but the account ignores public ACLs',
      resources: [
        bucket([group('global/AllUsers', 'READ')], null),
        account({ ...OPEN, ignorePublicAcls: true }),
      ],
      message: /on the account/,
    },
  ],
  fail: [
    {
      name: 'anyone may list the bucket',
      resources: [bucket([OWNER, group('global/AllUsers', 'READ')]), account(null)],
      message: /^The ACL of bucket reports is public: everyone \(AllUsers\) has READ$/,
    },
    {
      name: 'any AWS account may write to it',
      resources: [bucket([group('global/AuthenticatedUsers', 'WRITE')]), account(null)],
      message: /every AWS account \(AuthenticatedUsers\) has WRITE/,
    },
    {
      name: 'the account blocks new public ACLs only, which leaves existing ones in force',
      resources: [
        bucket([group('global/AllUsers', 'FULL_CONTROL')], null),
        account({ ...OPEN, blockPublicAcls: true }),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketAcl was denied',
      resources: [withGap(bucket([]), 'acl', 'access-denied', 's3:GetBucketAcl')],
      reason: 'access-denied',
    },
    {
      name: 'the ACL is public and the account settings could not be read',
      resources: [
        bucket([group('global/AllUsers', 'READ')], null),
        withGap(account(null), 'configuration', 'throttled', 's3:GetAccountPublicAccessBlock'),
      ],
      reason: 'throttled',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
