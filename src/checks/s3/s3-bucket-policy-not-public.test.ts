import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-policy-not-public.js';

const OBJECTS = 'arn:aws:s3:::reports/*';
const publicRead = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: OBJECTS,
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const OPEN = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
const bucket = (bucketPolicy: Record<string, unknown> | null, publicAccessBlock: typeof OPEN | null = OPEN) =>
  s3Bucket('reports', { policy: bucketPolicy, publicAccessBlock });
const account = (configuration: typeof OPEN | null) =>
  resource('s3.account-public-access-block', '111122223333', { configuration });

testCheck(check, {
  pass: [
    { name: 'the bucket has no policy', resources: [bucket(null)], message: /no bucket policy/ },
    {
      // String matchers see "Principal": "*" and an Allow; the Deny of every action outside the organization
      // takes it away from everyone else.
      name: 'a Deny of "Action": "*" outside the organization confines the public grant',
      resources: [
        bucket(
          policy(publicRead(), {
            Sid: 'OrgOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: '*',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
          }),
        ),
      ],
      message: /confined by Deny statement OrgOnly/,
    },
    {
      name: 'the policy grants a role in another account',
      resources: [
        bucket(policy(publicRead({ Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' } }))),
      ],
      message: /shared with account 444455556666/,
    },
    {
      name: 'the public grant is tied to the organization',
      resources: [
        bucket(policy(publicRead({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }))),
      ],
    },
    {
      name: 'the public grant only reaches a VPC endpoint',
      resources: [
        bucket(policy(publicRead({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c' } } }))),
      ],
    },
    {
      name: 'CloudTrail may write to it (a service principal)',
      resources: [
        bucket(
          policy(publicRead({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject' })),
        ),
      ],
    },
    {
      name: 'a public policy on a bucket with RestrictPublicBuckets on',
      resources: [bucket(policy(publicRead()), { ...OPEN, restrictPublicBuckets: true })],
      message: /RestrictPublicBuckets on the bucket confines it/,
    },
    {
      name: 'a public policy in an account with RestrictPublicBuckets on',
      resources: [bucket(policy(publicRead()), null), account({ ...OPEN, restrictPublicBuckets: true })],
      message: /RestrictPublicBuckets on the account/,
    },
    {
      name: 'the public grant is limited to the office network',
      resources: [
        bucket(policy(publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))),
      ],
      message: /limited by source IP: anyone from 203\.0\.113\.0\/24 can s3:GetObject/,
    },
  ],
  fail: [
    {
      name: 's3:Get* for everyone: public, and said to be read access',
      resources: [bucket(policy(publicRead({ Action: 's3:Get*' })))],
      message: /^Bucket reports is public: anyone can s3:Get\* \(read; statement PublicRead\)$/,
    },
    {
      name: 'a Deny that everyone outside the organization can step around (it also needs plain HTTP)',
      resources: [
        bucket(
          policy(publicRead(), {
            Effect: 'Deny',
            Principal: '*',
            Action: '*',
            Resource: '*',
            Condition: {
              StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
              Bool: { 'aws:SecureTransport': 'false' },
            },
          }),
        ),
      ],
    },
    {
      name: 'anyone can read the objects',
      resources: [bucket(policy(publicRead())), account(null)],
      message: /^Bucket reports is public: anyone can s3:GetObject \(read; statement PublicRead\)$/,
    },
    {
      name: 'anyone can write, through {"AWS": "*"}',
      resources: [
        bucket(policy(publicRead({ Principal: { AWS: '*' }, Action: ['s3:PutObject', 's3:DeleteObject'] }))),
        account(null),
      ],
      message: /anyone can s3:PutObject, s3:DeleteObject/,
    },
    {
      name: 'the only condition requires TLS, which anyone can use',
      resources: [
        bucket(policy(publicRead({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))),
        account(null),
      ],
    },
    {
      name: 'the account blocks public policies from now on, but this one is already in place',
      resources: [bucket(policy(publicRead()), null), account({ ...OPEN, blockPublicPolicy: true })],
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketPolicy was denied',
      resources: [withGap(bucket(null), 'policy', 'access-denied', 's3:GetBucketPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the policy is public and the account public access block could not be read',
      resources: [
        bucket(policy(publicRead()), null),
        withGap(account(null), 'configuration', 'access-denied', 's3:GetAccountPublicAccessBlock'),
      ],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket'),
  ],
});
