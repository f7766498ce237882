import { describe, expect, it } from 'vitest';
import { withGap } from '../../testing/builders.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import check from './s3-bucket-deny-insecure-transport.js';

const BUCKET = 'arn:aws:s3:::reports';
const OBJECTS = 'arn:aws:s3:::reports/*';
const INSECURE = { Bool: { 'aws:SecureTransport': 'false' } };

/** The usual TLS guard with `overrides`; an override of `undefined` leaves the element out. */
const deny = (overrides: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries<unknown>({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [BUCKET, OBJECTS],
      Condition: INSECURE,
      ...overrides,
    }).filter(([, value]) => value !== undefined),
  );
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const bucket = (bucketPolicy: Record<string, unknown> | null, arn: string | null = null) =>
  s3Bucket('reports', { policy: bucketPolicy }, { arn });
const readOnlyAllow = {
  Sid: 'ReadForAnalytics',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:role/analytics' },
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [BUCKET, OBJECTS],
};

testCheck(check, {
  pass: [
    {
      name: 'the usual deny of s3:* without TLS on the bucket and its objects',
      resources: [bucket(policy(deny()))],
      message: /denies every request made without TLS \(statement DenyInsecureTransport\)/,
    },
    { name: 'the deny sits next to Allow statements', resources: [bucket(policy(readOnlyAllow, deny()))] },
    { name: 'Action "*" covers every S3 action', resources: [bucket(policy(deny({ Action: '*' })))] },
    {
      name: 'Principal {"AWS": "*"} is everyone',
      resources: [bucket(policy(deny({ Principal: { AWS: '*' } })))],
    },
    {
      name: 'one Resource pattern "arn:aws:s3:::reports*" covers the bucket and its objects',
      resources: [bucket(policy(deny({ Resource: 'arn:aws:s3:::reports*' })))],
    },
    { name: 'Resource "*" covers everything', resources: [bucket(policy(deny({ Resource: '*' })))] },
    {
      name: 'NotResource naming only another bucket',
      resources: [bucket(policy(deny({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' })))],
    },
    {
      name: 'NotAction exempting only non-S3 actions',
      resources: [bucket(policy(deny({ Action: undefined, NotAction: ['ec2:*', 'sqs:SendMessage'] })))],
    },
    {
      name: 'the condition value is a JSON boolean',
      resources: [bucket(policy(deny({ Condition: { Bool: { 'aws:SecureTransport': false } } })))],
    },
    {
      name: 'BoolIfExists with the key in another case',
      resources: [bucket(policy(deny({ Condition: { BoolIfExists: { 'aws:securetransport': 'false' } } })))],
    },
    {
      name: 'a single statement rather than a list',
      resources: [bucket({ Version: '2012-10-17', Statement: deny({ Sid: undefined }) })],
      message: /statement #1/,
    },
    {
      name: 'the bucket and its objects are guarded by two statements',
      resources: [
        bucket(
          policy(deny({ Sid: 'Bucket', Resource: BUCKET }), deny({ Sid: 'Objects', Resource: OBJECTS })),
        ),
      ],
      message: /statement Bucket and Objects/,
    },
    {
      name: 'a bucket in the China partition with a policy in its partition',
      resources: [
        bucket(
          policy(deny({ Resource: ['arn:aws-cn:s3:::reports', 'arn:aws-cn:s3:::reports/*'] })),
          'arn:aws-cn:s3:::reports',
        ),
      ],
    },
  ],
  fail: [
    { name: 'the bucket has no policy', resources: [bucket(null)], message: /no bucket policy/ },
    {
      name: 'the policy says nothing about TLS',
      resources: [bucket(policy(readOnlyAllow))],
      message: /no statement denies requests where aws:SecureTransport is false/,
    },
    {
      name: 'the deny covers only s3:GetObject',
      resources: [bucket(policy(deny({ Action: 's3:GetObject' })))],
      message: /covers only s3:GetObject, not every S3 action/,
    },
    {
      name: 'the deny covers only s3:Get* and s3:Put*',
      resources: [bucket(policy(deny({ Action: ['s3:Get*', 's3:Put*'] })))],
      message: /covers only s3:Get\*, s3:Put\*/,
    },
    {
      name: 'the deny is scoped to the objects only (the CIS example)',
      resources: [bucket(policy(deny({ Resource: OBJECTS })))],
      message:
        /to the bucket: statement DenyInsecureTransport does not cover the bucket itself \(arn:aws:s3:::reports\)/,
    },
    {
      name: 'the deny is scoped to the bucket only',
      resources: [bucket(policy(deny({ Resource: BUCKET })))],
      message: /to its objects: .*does not cover every object/,
    },
    {
      name: 'the deny is scoped to some objects only',
      resources: [bucket(policy(deny({ Resource: [BUCKET, 'arn:aws:s3:::reports/private/*'] })))],
      message: /does not cover every object/,
    },
    {
      name: 'the deny names another bucket',
      resources: [bucket(policy(deny({ Resource: ['arn:aws:s3:::report', 'arn:aws:s3:::report/*'] })))],
      message: /to the bucket and its objects/,
    },
    {
      name: 'an Allow with the same condition denies nothing',
      resources: [bucket(policy(deny({ Effect: 'Allow' })))],
      message: /is an Allow/,
    },
    {
      name: 'an Allow only over TLS does not deny plain HTTP',
      resources: [
        bucket(policy(deny({ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))),
      ],
      message: /is an Allow.*aws:SecureTransport = true, not false/,
    },
    {
      name: 'the deny is further conditioned on aws:SourceIp',
      resources: [
        bucket(
          policy(deny({ Condition: { ...INSECURE, NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
        ),
      ],
      message: /is also conditioned on aws:SourceIp \(NotIpAddress\)/,
    },
    {
      name: 'the deny applies to one account only',
      resources: [bucket(policy(deny({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not apply to every principal/,
    },
    {
      name: 'NotPrincipal spares some callers',
      resources: [
        bucket(
          policy(deny({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })),
        ),
      ],
      message: /does not apply to every principal/,
    },
    {
      name: 'NotAction spares an S3 action',
      resources: [bucket(policy(deny({ Action: undefined, NotAction: 's3:GetObject' })))],
      message: /exempts s3:GetObject through NotAction/,
    },
    {
      name: 'NotResource spares some objects',
      resources: [
        bucket(policy(deny({ Resource: undefined, NotResource: 'arn:aws:s3:::reports/public/*' }))),
      ],
      message: /to its objects/,
    },
    {
      name: 'the key is tested with StringEquals rather than Bool',
      resources: [bucket(policy(deny({ Condition: { StringEquals: { 'aws:SecureTransport': 'false' } } })))],
      message: /with StringEquals rather than Bool/,
    },
    {
      name: 'the policy is in another partition than the bucket',
      resources: [bucket(policy(deny()), 'arn:aws-cn:s3:::reports')],
      message: /does not cover the bucket itself \(arn:aws-cn:s3:::reports\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetBucketPolicy was denied',
      resources: [withGap(bucket(null), 'policy', 'access-denied', 's3:GetBucketPolicy')],
      reason: 'access-denied',
    },
    listingFailed('buckets could not be listed', 's3.bucket', 's3:ListAllMyBuckets'),
  ],
});

describe('s3-bucket-deny-insecure-transport evidence', () => {
  it('says which part is unguarded and why each TLS statement falls short', () => {
    const [result] = runCase(check, {
      name: 'IP-conditioned deny on the objects',
      resources: [
        bucket(
          policy(
            deny({
              Resource: OBJECTS,
              Condition: { ...INSECURE, IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
            }),
          ),
        ),
      ],
    });
    expect(result?.evidence).toEqual({
      bucketCovered: false,
      objectsCovered: false,
      statements: [
        {
          statement: 'DenyInsecureTransport',
          problems: [
            'is also conditioned on aws:SourceIp (IpAddress)',
            'does not cover the bucket itself (arn:aws:s3:::reports)',
          ],
        },
      ],
    });
  });
});
