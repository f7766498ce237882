import { defineCheck } from '../../core/check.js';
import { describeGap } from '../../core/gap.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudtrail-centralized-logging',
  title: 'CloudTrail logs go to a central log archive outside the account',
  description:
    "At least one multi-region, logging trail must be an organization trail or deliver to an S3 bucket that is not in the audited account (a log archive account). The bucket is looked up among the account's buckets in every region: found there, the logs stay with the account; found in none of them while every region was listed, the bucket lives elsewhere.",
  risk: 'When the trail and its bucket live in the account they audit, whoever takes over that account can stop the trail, change the bucket policy and delete the evidence; a separate log archive account keeps the record out of their reach.',
  severity: 'medium',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'account',
  partial: true,
  reads: ['name', 'isMultiRegionTrail', 'isLogging', 'isOrganizationTrail', 's3BucketName'],
  related: { 's3.bucket': ['name'] },
  remediation: {
    text: 'Log to a dedicated log archive account: create an organization trail from the management (or delegated administrator) account, or point the trail at a bucket in the log archive account whose bucket policy lets CloudTrail write and denies deletion.',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name <log-archive-bucket> --is-organization-trail --is-multi-region-trail --enable-log-file-validation\naws cloudtrail start-logging --name org-trail',
    cloudformation:
      'OrganizationTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    S3BucketName: <log-archive-bucket>\n    IsOrganizationTrail: true\n    IsMultiRegionTrail: true\n    IsLogging: true\n    EnableLogFileValidation: true',
    terraform:
      'resource "aws_cloudtrail" "organization" {\n  name                       = "org-trail"\n  s3_bucket_name             = "<log-archive-bucket>"\n  is_organization_trail      = true\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
  },
  evaluate(account, ctx) {
    const trails = account.resources
      .map((trail) => trail.attributes)
      .filter((trail) => trail.isMultiRegionTrail && trail.isLogging);
    const organizationTrail = trails.find((trail) => trail.isOrganizationTrail);
    if (organizationTrail) {
      return pass(`Organization trail ${organizationTrail.name} keeps the account's logs centrally`, {
        trail: organizationTrail.name,
      });
    }
    const local: string[] = [];
    for (const trail of trails) {
      const bucketName = trail.s3BucketName;
      if (bucketName === null) continue;
      // Unobserved (a region whose buckets could not be listed) becomes NOT_EVALUATED in the engine.
      const bucket = ctx.find(
        's3.bucket',
        { account: account.account },
        (candidate) => candidate.id === bucketName,
      );
      if (!bucket) {
        return pass(`Trail ${trail.name} delivers to bucket ${bucketName}, which is outside this account`, {
          trail: trail.name,
          bucket: bucketName,
        });
      }
      local.push(`${trail.name} -> ${bucketName}`);
    }
    const unseen = account.unobserved.find((part) => part.gap.reason !== 'region-disabled');
    if (unseen) {
      return notEvaluated(
        unseen.gap,
        `No observed trail logs outside the account, and part of its trails could not be observed: ${describeGap(unseen.gap)}`,
      );
    }
    if (trails.length === 0) {
      return fail('No multi-region trail is logging, so nothing reaches a central log archive', {
        trails: [],
      });
    }
    return fail(
      `Every multi-region trail delivers to a bucket in the account it audits: ${local.join('; ')}`,
      {
        trails: local,
      },
    );
  },
});
