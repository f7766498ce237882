import { defineCheck } from '../../core/check.js';
import { settingsOff } from '../../core/kinds/s3.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-public-access-block',
  title: 'S3 bucket public access is blocked (bucket or account level)',
  description:
    'Block Public Access overrides ACLs and policies that would make a bucket public. The effective setting is the union of the bucket and the account configuration: all four settings must be on at one level or the other.',
  risk: 'A single permissive ACL or policy statement exposes the bucket to the internet; public buckets are a leading cause of data leaks.',
  severity: 'high',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'publicAccessBlock'],
  related: { 's3.account-public-access-block': ['configuration'] },
  remediation: {
    text: 'Turn on all four Block Public Access settings for the account (preferred) or for the bucket. Buckets that must serve public content belong behind CloudFront with origin access control.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate(bucket, ctx) {
    const own = bucket.attributes.publicAccessBlock;
    const ownMissing = settingsOff(own);
    if (ownMissing.length === 0) return pass('All four settings are on for the bucket', { bucket: own });
    const [accountSettings] = ctx.related('s3.account-public-access-block', { account: bucket.account });
    const account = accountSettings ? ctx.read(accountSettings, 'configuration') : null;
    const effective = ownMissing.filter((setting) => account?.[setting] !== true);
    if (effective.length === 0) {
      return pass('All four settings are on through the account configuration', { bucket: own, account });
    }
    return fail(`Public access is not fully blocked: ${effective.join(', ')} off at both levels`, {
      off: effective,
      bucket: own,
      account,
    });
  },
});
