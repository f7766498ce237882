import { defineCheck, type Check } from '../../../core/check.js';
import { describeGap } from '../../../core/gap.js';
import { fail, notEvaluated, pass } from '../../../core/outcome.js';

/** CIS 3.8 and 3.9 ask the same of a trail, one for S3 object writes and one for reads. */
export interface S3DataEventsSpec {
  id: string;
  title: string;
  description: string;
  risk: string;
  /** Which S3 data events a trail must record for every bucket. */
  access: 'read' | 'write';
}

/** A check that some logging, multi-region trail records S3 object-level `access` events for all buckets. */
export function defineS3DataEventsCheck(spec: S3DataEventsSpec): Check {
  const { access } = spec;
  // The event selector's ReadWriteType that records this access (All records both).
  const selector = access === 'read' ? 'ReadOnly' : 'WriteOnly';
  return defineCheck({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    risk: spec.risk,
    severity: 'medium',
    service: 'cloudtrail',
    domain: 'logging',
    kind: 'cloudtrail.trail',
    scope: 'account',
    partial: true,
    reads: ['name', 'isMultiRegionTrail', 'isLogging', 's3DataEvents'],
    remediation: {
      text: `Add an S3 data event selector for all buckets to a multi-region trail (${selector} or All). Data events are charged per event: on busy buckets consider a separate trail or CloudTrail Lake with advanced selectors, but keep every bucket covered.`,
      cli: `aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors '[{"ReadWriteType":"${selector}","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]'`,
      cloudformation: `Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    S3BucketName: !Ref TrailBucket\n    IsLogging: true\n    IsMultiRegionTrail: true\n    EventSelectors:\n      - ReadWriteType: ${selector}\n        IncludeManagementEvents: true\n        DataResources:\n          - Type: AWS::S3::Object\n            Values: ["arn:aws:s3"]`,
      terraform: `resource "aws_cloudtrail" "this" {\n  name                  = "account-trail"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n\n  event_selector {\n    read_write_type           = "${selector}"\n    include_management_events = true\n\n    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["arn:aws:s3"]\n    }\n  }\n}`,
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html',
    },
    evaluate(account) {
      const trails = account.resources.map((trail) => trail.attributes);
      const recording = trails.filter((trail) => trail.s3DataEvents[access]);
      const good = recording.find((trail) => trail.isMultiRegionTrail && trail.isLogging);
      if (good)
        return pass(
          `Trail ${good.name} records S3 object-level ${access} events for all buckets in every region`,
          {
            trail: good.name,
          },
        );
      // A region that is not enabled holds no buckets; any other unseen trail could be the one that records.
      const unseen = account.unobserved.find((part) => part.gap.reason !== 'region-disabled');
      if (unseen) {
        const what = unseen.ref
          ? `${unseen.ref.id} (${unseen.gap.field})`
          : 'the trails of part of the account';
        return notEvaluated(
          unseen.gap,
          `No observed trail records S3 ${access} data events for all buckets, and ${what} could not be observed: ${describeGap(unseen.gap)}`,
        );
      }
      if (recording.length > 0) {
        const partial = recording.map(
          (trail) =>
            `${trail.name} (${[!trail.isMultiRegionTrail && 'single-region', !trail.isLogging && 'not logging'].filter(Boolean).join(', ')})`,
        );
        return fail(
          `S3 ${access} data events for all buckets are recorded only by trails that do not cover the account: ${partial.join('; ')}`,
          {
            trails: recording.map((trail) => trail.name),
          },
        );
      }
      return fail(
        trails.length === 0
          ? `The account has no CloudTrail trail, so no S3 object ${access} is recorded`
          : `No trail records S3 object-level ${access} events for all buckets (${trails.map((trail) => trail.name).join(', ')} record none, or only for some buckets)`,
        { trails: trails.map((trail) => trail.name) },
      );
    },
  });
}
