import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/resource.js';
import { ACCOUNT, inventoryOf, withGap } from '../../testing/builders.js';
import { defaultKeyPolicy, kmsKey, s3Bucket, secret } from '../../testing/kinds.js';
import { iamUser, policy } from '../../testing/iam-kinds.js';
import { buildAccountModel } from '../model.js';
import { whoCan } from './who-can.js';

const inline = (...statements: Record<string, unknown>[]) => [
  { name: 'grants', document: policy(...statements) },
];
const reader = iamUser('amy', {
  groups: [],
  inlinePolicies: inline({
    Effect: 'Allow',
    Action: ['s3:GetObject', 'kms:Decrypt', 'secretsmanager:GetSecretValue'],
    Resource: '*',
  }),
});
const nobody = iamUser('bob', { groups: [], inlinePolicies: [] });

function ask(resources: Resource[], action: string, arn: string) {
  const report = whoCan(buildAccountModel(inventoryOf([reader, nobody, ...resources])), action, arn);
  return {
    inside: report.inside.map((entry) => entry.principal.name),
    outside: report.outside.map((entry) => entry.type),
  };
}

const bucketWith = (...statements: Record<string, unknown>[]) =>
  s3Bucket('drop', { policy: policy(...statements) });
const DROP = 'arn:aws:s3:::drop/file.csv';

describe('whoCan', () => {
  it('a bucket without a policy: only the account principals its IAM policies allow', () => {
    expect(ask([s3Bucket('drop', { policy: null })], 's3:GetObject', DROP)).toEqual({
      inside: ['amy'],
      outside: [],
    });
  });

  it('a bucket policy with Principal "*": anyone, and every AWS account', () => {
    const open = bucketWith({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::drop/*',
    });
    expect(ask([open], 's3:GetObject', DROP)).toEqual({
      inside: ['amy', 'bob'],
      outside: ['anonymous', 'any-account'],
    });
  });

  it('Principal "*" restricted by aws:PrincipalOrgID: the organization only, not anyone', () => {
    const org = bucketWith({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::drop/*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    });
    expect(ask([org], 's3:GetObject', DROP).outside).toEqual(['organization']);
  });

  it('s3:Get* in a public statement is read access: GetObject is allowed to anyone', () => {
    const open = bucketWith({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:Get*',
      Resource: 'arn:aws:s3:::drop/*',
    });
    expect(ask([open], 's3:GetObject', DROP).outside).toEqual(['anonymous', 'any-account']);
  });

  it('a Deny with "Action": "*" for everyone outside the account wins over a public Allow', () => {
    const guarded = bucketWith(
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::drop/*' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: '*',
        Resource: 'arn:aws:s3:::drop/*',
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } },
      },
    );
    expect(ask([guarded], 's3:GetObject', DROP)).toEqual({ inside: ['amy', 'bob'], outside: [] });
  });

  it('a bucket shared with one named account lets that account in, and no other', () => {
    const shared = bucketWith({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::999988887777:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::drop/*',
    });
    expect(ask([shared], 's3:GetObject', DROP).outside).toEqual(['account']);
  });

  it('a service principal limited by aws:SourceAccount is not a confused deputy for other accounts', () => {
    const statement = {
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::drop/*',
    };
    expect(ask([bucketWith(statement)], 's3:PutObject', DROP).outside).toEqual(['service']);
    const pinned = { ...statement, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } };
    expect(ask([bucketWith(pinned)], 's3:PutObject', DROP).outside).toEqual([]);
  });

  it('a KMS key whose policy delegates to the account: IAM policies decide inside the account', () => {
    const key = kmsKey({ policy: defaultKeyPolicy() });
    const arn = key.arn as string;
    expect(ask([key], 'kms:Decrypt', arn)).toEqual({ inside: ['amy'], outside: [] });
  });

  it('a KMS key whose policy names only one role: identity policies alone do not open it', () => {
    const key = kmsKey({
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/key-admin` },
        Action: 'kms:*',
        Resource: '*',
      }),
    });
    expect(ask([key], 'kms:Decrypt', key.arn as string).inside).toEqual([]);
  });

  it('a secret whose policy is unknown says so', () => {
    const hidden = withGap(secret(), 'policy', 'access-denied', 'secretsmanager:GetResourcePolicy');
    const report = whoCan(
      buildAccountModel(inventoryOf([reader, hidden])),
      'secretsmanager:GetSecretValue',
      hidden.arn as string,
    );
    expect(report.resourceUnknown[0]).toMatch(/resource policy of .* could not be read/);
  });
});
