import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './cloudtrail.js';

type Code = ReturnType<typeof iacResource>;

function map(resource: Code, ...others: Code[]) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('cloudtrail.trail from CloudFormation', () => {
  it('reads a trail and names its bucket as the s3 mappers do', () => {
    const bucket = iacResource(
      'AWS::S3::Bucket',
      { BucketName: 'acme-trail-logs' },
      { address: 'TrailBucket' },
    );
    const trail = iacResource(
      'AWS::CloudTrail::Trail',
      {
        TrailName: 'account-trail',
        S3BucketName: new Reference('TrailBucket', null),
        IsLogging: true,
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        KMSKeyId: new Reference('TrailKey', 'Arn'),
        CloudWatchLogsLogGroupArn: new Reference('TrailLogs', 'Arn'),
      },
      { address: 'Trail' },
    );
    const mapped = map(trail, bucket);
    expect(mapped.attributes).toEqual({
      name: 'account-trail',
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      isLogging: true,
      logFileValidationEnabled: true,
      s3BucketName: 'acme-trail-logs',
      kmsKeyId: 'TrailKey',
      managementEvents: { read: true, write: true },
      cloudWatchLogsLogGroupArn: 'TrailLogs',
      s3DataEvents: { read: false, write: false },
    });
    // The region a template is deployed to is not in it.
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(['homeRegion']);
  });

  it('names a bucket without a physical name by its address', () => {
    const bucket = iacResource('AWS::S3::Bucket', {}, { address: 'TrailBucket' });
    const trail = iacResource(
      'AWS::CloudTrail::Trail',
      { S3BucketName: new Reference('TrailBucket', null), IsLogging: true },
      { address: 'Trail' },
    );
    expect(map(trail, bucket).attributes).toMatchObject({ name: 'Trail', s3BucketName: 'TrailBucket' });
  });

  it('reads event selectors as the live collector does', () => {
    const trail = iacResource(
      'AWS::CloudTrail::Trail',
      {
        IsLogging: true,
        EventSelectors: [
          {
            ReadWriteType: 'WriteOnly',
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
          },
        ],
      },
      { address: 'Trail' },
    );
    expect(map(trail).attributes).toMatchObject({
      managementEvents: { read: false, write: true },
      s3DataEvents: { read: false, write: true },
    });
  });

  it('makes an unresolved setting a gap on that field only', () => {
    const mapped = map(
      iacResource(
        'AWS::CloudTrail::Trail',
        { IsLogging: true, EnableLogFileValidation: new Unresolved('Ref to parameter Validate') },
        { address: 'Trail' },
      ),
    );
    expect(mapped.gaps.filter((gap) => gap.field !== 'homeRegion')).toEqual([
      { field: 'logFileValidationEnabled', reason: 'unresolved', detail: 'Ref to parameter Validate' },
    ]);
  });
});

describe('cloudtrail.trail from Terraform', () => {
  it('applies the provider defaults and follows a bucket named through its policy', () => {
    const bucket = iacResource(
      'aws_s3_bucket',
      { bucket: 'acme-trail-logs' },
      { address: 'aws_s3_bucket.trail' },
    );
    const policy = iacResource(
      'aws_s3_bucket_policy',
      { bucket: new Reference('aws_s3_bucket.trail', 'id') },
      { address: 'aws_s3_bucket_policy.trail' },
    );
    const trail = iacResource(
      'aws_cloudtrail',
      { name: 'account-trail', s3_bucket_name: new Reference('aws_s3_bucket_policy.trail', 'bucket') },
      { address: 'aws_cloudtrail.account' },
    );
    trail.region = 'eu-west-1';
    const mapped = map(trail, bucket, policy);
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toMatchObject({
      homeRegion: 'eu-west-1',
      isLogging: true,
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      s3BucketName: 'acme-trail-logs',
      kmsKeyId: null,
    });
  });

  it('reads advanced event selectors: all S3 object reads and writes', () => {
    const trail = iacResource('aws_cloudtrail', {
      name: 'data-trail',
      advanced_event_selector: [
        {
          field_selector: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    });
    expect(map(trail).attributes).toMatchObject({
      managementEvents: { read: false, write: false },
      s3DataEvents: { read: true, write: true },
    });
  });
});
