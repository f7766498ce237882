import { exposureTarget } from '../../iam/analyses/exposure.js';
import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { bucketPolicyVerdict, settingSource } from './support/public-access.js';

export default defineCheck({
  id: 's3-bucket-policy-not-public',
  title: 'S3 bucket policy does not grant access to everyone',
  description:
    'A bucket policy is public when an Allow statement names every principal ("*", {"AWS": "*"} or NotPrincipal) and no condition ties it to an account, organization, VPC, endpoint or source, as IAM Access Analyzer reads it. A Deny that turns away everyone outside the organization or account cancels such a grant. RestrictPublicBuckets (on the bucket or the account) confines a public policy to AWS services and the owner account, so it passes with a note.',
  risk: 'Anyone on the internet can use the actions the policy grants: read or list the data, or write and delete it, without credentials.',
  severity: 'critical',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'policy', 'publicAccessBlock'],
  related: { 's3.account-public-access-block': ['configuration'] },
  remediation: {
    text: 'Remove the statements that allow "*" or add a condition that ties them to your account or organization (aws:PrincipalOrgID, aws:SourceVpce...). Serve public content through CloudFront with origin access control, and turn on Block Public Access for the account.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\naws s3api delete-bucket-policy --bucket <bucket>  # or put-bucket-policy without the public statements',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
  },
  evaluate(bucket, ctx) {
    const { name, policy, publicAccessBlock } = bucket.attributes;
    const verdict = bucketPolicyVerdict(name, policy, exposureTarget(bucket, 's3'));
    if (!verdict.public) return pass(verdict.message, verdict.evidence);
    const source = settingSource(
      publicAccessBlock,
      () => {
        const [account] = ctx.related('s3.account-public-access-block', { account: bucket.account });
        return account ? ctx.read(account, 'configuration') : null;
      },
      'restrictPublicBuckets',
    );
    if (source) {
      return pass(
        `${verdict.message}, but RestrictPublicBuckets on the ${source} confines it to AWS services and the owner account`,
        { ...verdict.evidence, restrictPublicBuckets: source },
      );
    }
    return fail(verdict.message, verdict.evidence);
  },
});
