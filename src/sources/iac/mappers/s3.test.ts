import { describe, expect, it } from 'vitest';

import { ALL_USERS_URI, AUTHENTICATED_USERS_URI } from '../../../core/kinds/s3.js';
import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import type { KindMapper, MapContext } from './mapper.js';
import { MAPPERS } from './s3.js';

function mapperFor(type: string): KindMapper {
  const found = MAPPERS.find((mapper) => mapper.types.includes(type));
  if (!found) throw new Error(`no mapper for ${type}`);
  return found;
}

function map(resource: IacResource, ctx: MapContext = contextOf(resource)) {
  const mapped = mapperFor(resource.type).map(resource, ctx);
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const SECURE_TRANSPORT = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

describe('CloudFormation AWS::S3::Bucket', () => {
  it('maps a typical bucket with its bucket policy', () => {
    const bucket = iacResource(
      'AWS::S3::Bucket',
      {
        BucketName: 'logs',
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: new Reference('Key', 'Arn'),
              },
              BucketKeyEnabled: true,
            },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        LoggingConfiguration: { DestinationBucketName: new Reference('Audit', null), LogFilePrefix: 'logs/' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: 'true' },
        Tags: [{ Key: 'team', Value: 'data' }],
      },
      { address: 'Logs', lines: { 'VersioningConfiguration.Status': 7 } },
    );
    const audit = iacResource('AWS::S3::Bucket', { BucketName: 'audit-trail' }, { address: 'Audit' });
    const policy = iacResource(
      'AWS::S3::BucketPolicy',
      { Bucket: new Reference('Logs', null), PolicyDocument: SECURE_TRANSPORT },
      { address: 'LogsPolicy', line: 30 },
    );
    const mapped = map(bucket, contextOf(bucket, audit, policy));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.arn).toBe('arn:aws:s3:::logs');
    expect(mapped.tags).toEqual({ team: 'data' });
    expect(mapped.attributes).toEqual({
      name: 'logs',
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
      policy: SECURE_TRANSPORT,
      defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: 'Key', bucketKeyEnabled: true },
      versioning: 'Enabled',
      acl: [],
      objectOwnership: 'BucketOwnerPreferred',
      logging: { targetBucket: 'audit-trail', targetPrefix: 'logs/' },
    });
    expect(mapped.locations.versioning?.line).toBe(7);
    expect(mapped.locations.policy?.line).toBe(30);
  });

  it('gives a bucket without settings the defaults S3 applies to new buckets', () => {
    const mapped = map(iacResource('AWS::S3::Bucket', {}, { address: 'Data' }));
    expect(mapped.attributes).toEqual({
      name: 'Data',
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      policy: null,
      defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
      versioning: null,
      acl: [],
      objectOwnership: 'BucketOwnerEnforced',
      logging: null,
    });
    expect(mapperFor('AWS::S3::Bucket').fields).not.toContain('mfaDelete');
  });

  it('turns canned ACLs into the grants that make a bucket public', () => {
    expect(map(iacResource('AWS::S3::Bucket', { AccessControl: 'PublicReadWrite' })).attributes.acl).toEqual([
      { granteeType: 'Group', grantee: ALL_USERS_URI, permission: 'READ' },
      { granteeType: 'Group', grantee: ALL_USERS_URI, permission: 'WRITE' },
    ]);
    expect(map(iacResource('AWS::S3::Bucket', { AccessControl: 'Private' })).attributes.acl).toEqual([]);
  });

  it('reads a role of the code named in the bucket policy as that role ARN', () => {
    const bucket = iacResource('AWS::S3::Bucket', {}, { address: 'Data' });
    const role = iacResource('AWS::IAM::Role', { RoleName: 'app' }, { address: 'App' });
    const policy = iacResource('AWS::S3::BucketPolicy', {
      Bucket: new Reference('Data', null),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: new Reference('App', 'Arn') },
            Action: 's3:GetObject',
            Resource: new Reference('Data', 'Arn'),
          },
        ],
      },
    });
    expect(map(bucket, contextOf(bucket, role, policy)).attributes.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::iac:role/app' },
          Action: 's3:GetObject',
          Resource: '*',
        },
      ],
    });
  });

  it('logs into the bucket itself when the logging configuration names no destination', () => {
    const mapped = map(iacResource('AWS::S3::Bucket', { BucketName: 'self', LoggingConfiguration: {} }));
    expect(mapped.attributes.logging).toEqual({ targetBucket: 'self', targetPrefix: '' });
  });

  it('makes an unresolved value a gap on exactly that field', () => {
    const mapped = map(
      iacResource('AWS::S3::Bucket', {
        VersioningConfiguration: {
          Status: new Unresolved('Ref to parameter Versioning, which has no default'),
        },
      }),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'versioning',
        reason: 'unresolved',
        detail: 'Ref to parameter Versioning, which has no default',
      },
    ]);
    expect(mapped.attributes.versioning).toBeUndefined();
    expect(mapped.attributes.objectOwnership).toBe('BucketOwnerEnforced');
  });

  it('names a bucket by its address when its name is unresolved', () => {
    const mapped = map(
      iacResource(
        'AWS::S3::Bucket',
        { BucketName: new Unresolved('Ref to parameter Name') },
        { address: 'Raw' },
      ),
    );
    expect(mapped.attributes.name).toBe('Raw');
    expect(mapped.gaps).toEqual([]);
  });
});

describe('Terraform aws_s3_bucket', () => {
  const bucketRef = new Reference('aws_s3_bucket.data', 'id');

  it('joins the split resources that configure the bucket', () => {
    const bucket = iacResource(
      'aws_s3_bucket',
      { bucket: 'data', tags: { env: 'prod' } },
      { address: 'aws_s3_bucket.data' },
    );
    const split = [
      iacResource(
        'aws_s3_bucket_versioning',
        { bucket: bucketRef, versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Enabled' }] },
        { address: 'aws_s3_bucket_versioning.data', lines: { 'versioning_configuration.0.status': 12 } },
      ),
      iacResource(
        'aws_s3_bucket_server_side_encryption_configuration',
        {
          bucket: bucketRef,
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { sse_algorithm: 'aws:kms:dsse', kms_master_key_id: 'alias/data' },
              ],
              bucket_key_enabled: true,
            },
          ],
        },
        { address: 'aws_s3_bucket_server_side_encryption_configuration.data' },
      ),
      iacResource(
        'aws_s3_bucket_public_access_block',
        { bucket: bucketRef, block_public_acls: true, block_public_policy: true },
        { address: 'aws_s3_bucket_public_access_block.data', line: 40 },
      ),
      iacResource(
        'aws_s3_bucket_policy',
        { bucket: bucketRef, policy: JSON.stringify(SECURE_TRANSPORT) },
        { address: 'aws_s3_bucket_policy.data' },
      ),
      iacResource(
        'aws_s3_bucket_acl',
        {
          bucket: bucketRef,
          access_control_policy: [
            {
              grant: [{ grantee: [{ type: 'Group', uri: AUTHENTICATED_USERS_URI }], permission: 'READ' }],
              owner: [{ id: 'abc' }],
            },
          ],
        },
        { address: 'aws_s3_bucket_acl.data' },
      ),
      iacResource(
        'aws_s3_bucket_ownership_controls',
        { bucket: bucketRef, rule: [{ object_ownership: 'ObjectWriter' }] },
        { address: 'aws_s3_bucket_ownership_controls.data' },
      ),
      // Plan JSON and literal code name the bucket rather than refer to its block.
      iacResource(
        'aws_s3_bucket_logging',
        { bucket: 'data', target_bucket: 'audit', target_prefix: 'data/' },
        { address: 'aws_s3_bucket_logging.data' },
      ),
    ];
    const mapped = map(bucket, contextOf(bucket, ...split));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.tags).toEqual({ env: 'prod' });
    expect(mapped.attributes).toEqual({
      name: 'data',
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: false,
        blockPublicPolicy: true,
        restrictPublicBuckets: false,
      },
      policy: SECURE_TRANSPORT,
      defaultEncryption: { algorithm: 'aws:kms:dsse', kmsKeyId: 'alias/data', bucketKeyEnabled: true },
      versioning: 'Enabled',
      mfaDelete: true,
      acl: [{ granteeType: 'Group', grantee: AUTHENTICATED_USERS_URI, permission: 'READ' }],
      objectOwnership: 'ObjectWriter',
      logging: { targetBucket: 'audit', targetPrefix: 'data/' },
    });
    expect(mapped.locations.versioning?.line).toBe(12);
    expect(mapped.locations.publicAccessBlock?.line).toBe(40);
  });

  it('reads the legacy inline arguments of the bucket', () => {
    const mapped = map(
      iacResource('aws_s3_bucket', {
        bucket: 'old',
        acl: 'public-read',
        versioning: [{ enabled: true, mfa_delete: false }],
        server_side_encryption_configuration: [
          { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] },
        ],
        logging: [{ target_bucket: 'audit', target_prefix: 'old/' }],
      }),
    );
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toMatchObject({
      acl: [{ granteeType: 'Group', grantee: ALL_USERS_URI, permission: 'READ' }],
      versioning: 'Enabled',
      mfaDelete: false,
      defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
      logging: { targetBucket: 'audit', targetPrefix: 'old/' },
    });
  });

  it('gives a bucket without settings the defaults S3 applies to new buckets', () => {
    const mapped = map(iacResource('aws_s3_bucket', {}, { address: 'aws_s3_bucket.b' }));
    expect(mapped.attributes).toMatchObject({
      name: 'aws_s3_bucket.b',
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      policy: null,
      defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
      versioning: null,
      mfaDelete: false,
      acl: [],
      objectOwnership: 'BucketOwnerEnforced',
      logging: null,
    });
  });

  it('reads computed legacy arguments of a plan as not set, and other unknowns as gaps', () => {
    const bucket = iacResource(
      'aws_s3_bucket',
      {
        bucket: 'p',
        versioning: new Unresolved('known after apply'),
        policy: new Unresolved('known after apply'),
      },
      { address: 'aws_s3_bucket.p', format: 'terraform-plan' },
    );
    const versioning = iacResource(
      'aws_s3_bucket_versioning',
      {
        bucket: 'p',
        versioning_configuration: [
          { status: new Unresolved('known after apply'), mfa_delete: new Unresolved('known after apply') },
        ],
      },
      { address: 'aws_s3_bucket_versioning.p', format: 'terraform-plan' },
    );
    const mapped = map(bucket, contextOf(bucket, versioning));
    expect(mapped.attributes.policy).toBeNull();
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(['versioning']);
    expect(mapped.attributes.mfaDelete).toBe(false);
  });

  it('makes an unresolved split value a gap on exactly that field', () => {
    const bucket = iacResource('aws_s3_bucket', { bucket: 'x' }, { address: 'aws_s3_bucket.x' });
    const pab = iacResource('aws_s3_bucket_public_access_block', {
      bucket: new Reference('aws_s3_bucket.x', 'id'),
      block_public_acls: new Unresolved('variable block has no value'),
    });
    const mapped = map(bucket, contextOf(bucket, pab));
    expect(mapped.gaps).toEqual([
      { field: 'publicAccessBlock', reason: 'unresolved', detail: 'variable block has no value' },
    ]);
  });
});

describe('Terraform aws_s3_account_public_access_block', () => {
  it('maps the account settings, unset ones off', () => {
    const mapped = map(
      iacResource('aws_s3_account_public_access_block', {
        block_public_acls: true,
        ignore_public_acls: true,
      }),
    );
    expect(mapped.attributes.configuration).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    });
  });
});
