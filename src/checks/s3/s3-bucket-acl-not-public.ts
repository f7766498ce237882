import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { publicAclGrants, settingSource } from './support/public-access.js';

export default defineCheck({
  id: 's3-bucket-acl-not-public',
  title: 'S3 bucket ACL does not grant access to everyone',
  description:
    'A bucket ACL that grants the AllUsers group (anyone, anonymously) or the AuthenticatedUsers group (any AWS account) makes the bucket public. IgnorePublicAcls, on the bucket or the account, makes such grants inert. Object ACLs are not read.',
  risk: 'Anyone can list the bucket (READ), write to it (WRITE), or read and rewrite its permissions (READ_ACP, WRITE_ACP) with the granted permission.',
  severity: 'high',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'acl', 'publicAccessBlock'],
  related: { 's3.account-public-access-block': ['configuration'] },
  remediation: {
    text: 'Disable ACLs by setting Object Ownership to BucketOwnerEnforced (which resets the bucket to owner-only access), or replace the ACL with the private canned ACL; turn on IgnorePublicAcls for the account.',
    cli: 'aws s3api put-bucket-acl --bucket <bucket> --acl private\naws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    OwnershipControls:\n      Rules:\n        - ObjectOwnership: BucketOwnerEnforced\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  },
  evaluate(bucket, ctx) {
    const { name, acl, publicAccessBlock } = bucket.attributes;
    const grants = publicAclGrants(acl);
    if (grants.length === 0)
      return pass(`The ACL of bucket ${name} grants nothing to everyone`, { grants: [] });
    const source = settingSource(
      publicAccessBlock,
      () => {
        const [account] = ctx.related('s3.account-public-access-block', { account: bucket.account });
        return account ? ctx.read(account, 'configuration') : null;
      },
      'ignorePublicAcls',
    );
    if (source) {
      return pass(
        `Bucket ${name} has public ACL grants (${grants.join(', ')}), but IgnorePublicAcls on the ${source} makes S3 ignore them`,
        { grants, ignorePublicAcls: source },
      );
    }
    return fail(`The ACL of bucket ${name} is public: ${grants.join(', ')}`, { grants });
  },
});
