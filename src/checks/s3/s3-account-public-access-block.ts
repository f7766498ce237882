import { defineCheck } from '../../core/check.js';
import { settingsOff } from '../../core/kinds/s3.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is on for the whole account',
  description:
    'The account-level Block Public Access configuration applies to every bucket, existing and future, and overrides bucket settings. All four settings must be on.',
  risk: 'Without the account-wide guard, each new bucket is one permissive ACL or policy away from being public; bucket-level settings are easy to forget or remove.',
  severity: 'high',
  service: 's3',
  domain: 'data',
  kind: 's3.account-public-access-block',
  scope: 'resource',
  reads: ['configuration'],
  remediation: {
    text: 'Turn on all four Block Public Access settings for the account. Content that must be public belongs behind CloudFront with origin access control, which does not need public buckets.',
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      '# CloudFormation has no resource type for the account-level setting: apply it with the CLI or Terraform.',
    terraform:
      'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  },
  evaluate(account) {
    const { configuration } = account.attributes;
    if (configuration === null) {
      return fail('The account has no Block Public Access configuration: all four settings are off', {
        configuration: null,
      });
    }
    const off = settingsOff(configuration);
    return off.length === 0
      ? pass('All four Block Public Access settings are on for the account', { configuration })
      : fail(`Block Public Access is not fully on for the account: ${off.join(', ')} off`, {
          off,
          configuration,
        });
  },
});
