import { exposureTarget } from '../../iam/analyses/exposure.js';
import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { bucketPublicity } from '../s3/support/public-access.js';
import { isBucket, trailBucket } from './support/trail-bucket.js';

export default defineCheck({
  id: 'cloudtrail-bucket-not-public',
  title: 'The S3 bucket CloudTrail delivers to is not public',
  description:
    'The bucket a trail writes its logs to must not be public through its bucket policy or its ACL (CIS 3.3 in earlier versions), once Block Public Access on the bucket and its account is applied. The bucket is looked up by name in the scanned accounts; one in an account outside the scan cannot be judged.',
  risk: 'Public CloudTrail logs hand an attacker a map of the account (users, roles, resources, IP addresses, activity patterns), and a writable log bucket lets them tamper with the record of what they did.',
  severity: 'critical',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'resource',
  reads: ['name', 's3BucketName'],
  related: {
    's3.bucket': ['policy', 'acl', 'publicAccessBlock'],
    's3.account-public-access-block': ['configuration'],
  },
  appliesTo: (trail) => trail.attributes.s3BucketName !== null,
  remediation: {
    text: 'Remove the public statements from the log bucket policy (keep the grants to cloudtrail.amazonaws.com, conditioned on aws:SourceArn), set Object Ownership to BucketOwnerEnforced, and turn on all four Block Public Access settings for the bucket and the account.',
    cli: 'aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\naws s3api get-bucket-policy --bucket <trail-bucket>',
    cloudformation:
      'TrailBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    OwnershipControls:\n      Rules:\n        - ObjectOwnership: BucketOwnerEnforced\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "trail" {\n  bucket                  = aws_s3_bucket.trail.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  },
  evaluate(trail, ctx) {
    const { name } = trail.attributes;
    const bucketName = trail.attributes.s3BucketName ?? '';
    const found = trailBucket(ctx, { account: trail.account, name, bucketName });
    if (!isBucket(found)) return found;
    const publicity = bucketPublicity(
      {
        name: bucketName,
        policy: ctx.read(found, 'policy'),
        acl: ctx.read(found, 'acl'),
        publicAccessBlock: ctx.read(found, 'publicAccessBlock'),
      },
      () => {
        const [account] = ctx.related('s3.account-public-access-block', { account: found.account });
        return account ? ctx.read(account, 'configuration') : null;
      },
      exposureTarget(found, 's3'),
    );
    const evidence = { bucket: bucketName, bucketAccount: found.account, ...publicity };
    if (publicity.exposures.length > 0) {
      return fail(
        `Trail ${name} delivers its logs to bucket ${bucketName}, which is public: ${publicity.exposures.join('; ')}`,
        evidence,
      );
    }
    const blocked = publicity.blocked.length > 0 ? ` (${publicity.blocked.join('; ')})` : '';
    return pass(
      `Bucket ${bucketName}, where trail ${name} delivers its logs, is not public${blocked}`,
      evidence,
    );
  },
});
