import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-mfa-delete-enabled',
  title: 'S3 bucket has MFA Delete enabled',
  description:
    "MFA Delete (CIS 2.1.2) makes S3 require the bucket owner's (root user's) MFA code to delete an object version or to change the bucket's versioning state. It needs versioning, and only the root user can turn it on, through the API or CLI.",
  risk: 'Stolen or misused credentials can permanently delete object versions, or suspend versioning first, leaving no copy to restore.',
  severity: 'low',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'versioning', 'mfaDelete'],
  remediation: {
    text: "As the root user with an MFA device, enable versioning with MFA Delete. It cannot be set from the console, CloudFormation or Terraform's usual credentials; buckets under a lifecycle configuration cannot use it. Where root MFA is impractical, S3 Object Lock or AWS Backup give similar protection.",
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<account-id>:mfa/root-account-mfa-device <code>"',
    terraform:
      'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  mfa    = "<root MFA serial> <code>"\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
  },
  evaluate(bucket) {
    const { name, versioning, mfaDelete } = bucket.attributes;
    if (mfaDelete)
      return pass(`Deleting versions in bucket ${name} requires the root user's MFA`, { mfaDelete });
    const why =
      versioning === 'Enabled'
        ? ''
        : ` (versioning is ${versioning === 'Suspended' ? 'suspended' : 'off'}, and MFA Delete needs it)`;
    return fail(`Bucket ${name} does not have MFA Delete: its versions can be deleted without MFA${why}`, {
      mfaDelete,
      versioning,
    });
  },
});
