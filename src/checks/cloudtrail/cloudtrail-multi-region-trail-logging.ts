import { defineCheck } from '../../core/check.js';
import { describeGap } from '../../core/gap.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

interface TrailFacts {
  isMultiRegionTrail: boolean;
  isLogging: boolean;
  managementEvents: { read: boolean; write: boolean };
}

/** What keeps a trail from being the account's audit trail; empty when nothing does. */
function shortcomings(trail: TrailFacts): string[] {
  const problems: string[] = [];
  if (!trail.isMultiRegionTrail) problems.push('single-region');
  if (!trail.isLogging) problems.push('not logging');
  const { read, write } = trail.managementEvents;
  if (!read && !write) problems.push('records no management events');
  else if (!read) problems.push('records write management events only');
  else if (!write) problems.push('records read management events only');
  return problems;
}

export default defineCheck({
  id: 'cloudtrail-multi-region-trail-logging',
  title: 'A multi-region CloudTrail trail is logging all management events',
  description:
    'The account needs at least one trail that covers every region, is logging, and records both read and write management events. An organization trail counts. Trails in regions that are not enabled for the account are not needed; any other part of the account that could not be observed leaves the question open unless a qualifying trail was seen.',
  risk: 'Without a complete trail, API activity in some regions, or reads such as secret and key retrievals, leaves no durable record: intrusions cannot be investigated and go unnoticed by anything that reads the logs.',
  severity: 'high',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'account',
  partial: true,
  reads: ['name', 'isMultiRegionTrail', 'isLogging', 'managementEvents'],
  remediation: {
    text: 'Create a multi-region trail (an organization trail from the management or delegated administrator account covers every member) that records all management events, read and write, to a dedicated S3 bucket, and make sure logging is started.',
    cli: 'aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation\naws cloudtrail put-event-selectors --trail-name <trail> --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'\naws cloudtrail start-logging --name <trail>',
    cloudformation:
      'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    S3BucketName: !Ref TrailBucket\n    IsLogging: true\n    IsMultiRegionTrail: true\n    IncludeGlobalServiceEvents: true\n    EnableLogFileValidation: true\n    EventSelectors:\n      - ReadWriteType: All\n        IncludeManagementEvents: true',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  name                          = "account-trail"\n  s3_bucket_name                = aws_s3_bucket.trail.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_logging                = true\n  enable_log_file_validation    = true\n\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  },
  evaluate(account) {
    const trails = account.resources.map((trail) => ({
      name: trail.attributes.name,
      problems: shortcomings(trail.attributes),
    }));
    const good = trails.find((trail) => trail.problems.length === 0);
    if (good) {
      return pass(`Trail ${good.name} is multi-region, logging, and records all management events`, {
        trail: good.name,
      });
    }
    // A region that is not enabled cannot hold activity, so a trail there is not missing; anything else unseen
    // could be the trail we are looking for.
    const unseen = account.unobserved.find((part) => part.gap.reason !== 'region-disabled');
    if (unseen) {
      const what = unseen.ref
        ? `${unseen.ref.id} (${unseen.gap.field})`
        : 'the trails of part of the account';
      return notEvaluated(
        unseen.gap,
        `No observed trail qualifies, and ${what} could not be observed: ${describeGap(unseen.gap)}`,
      );
    }
    if (trails.length === 0) return fail('The account has no CloudTrail trail', { trails: [] });
    const summary = trails.map((trail) => `${trail.name} (${trail.problems.join(', ')})`).join('; ');
    return fail(`No trail is multi-region, logging and recording all management events: ${summary}`, {
      trails,
    });
  },
});
