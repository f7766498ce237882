import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-acls-disabled',
  title: 'S3 bucket ACLs are disabled (Object Ownership is BucketOwnerEnforced)',
  description:
    'With Object Ownership set to BucketOwnerEnforced (FSBP S3.12), S3 ignores bucket and object ACLs: the bucket owner owns every object and only policies grant access. BucketOwnerPreferred and ObjectWriter keep ACLs in force, as does a bucket without ownership controls.',
  risk: 'ACLs are a second, easily overlooked way to grant access: an object or bucket ACL can make data public or hand objects to another account that policy reviews never see.',
  severity: 'medium',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'objectOwnership'],
  remediation: {
    text: 'Set Object Ownership to BucketOwnerEnforced. First move any access that ACLs grant into the bucket policy, and make sure writers (log delivery, other accounts) no longer send ACLs other than bucket-owner-full-control.',
    cli: 'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    OwnershipControls:\n      Rules:\n        - ObjectOwnership: BucketOwnerEnforced',
    terraform:
      'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  evaluate(bucket) {
    const { name, objectOwnership } = bucket.attributes;
    if (objectOwnership === 'BucketOwnerEnforced') {
      return pass(`ACLs are disabled on bucket ${name}: only policies grant access`, { objectOwnership });
    }
    const setting = objectOwnership ?? 'no ownership controls';
    return fail(`ACLs still grant access on bucket ${name} (Object Ownership: ${setting})`, {
      objectOwnership,
    });
  },
});
