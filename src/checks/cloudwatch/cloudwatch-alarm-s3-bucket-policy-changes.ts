import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-s3-bucket-policy-changes',
  title: 'S3 bucket policy changes raise a CloudWatch alarm',
  events: 'S3 bucket policy changes',
  description:
    'A metric filter on the log group of a multi-region trail counts changes to bucket policies, ACLs, CORS, lifecycle and replication settings, and an alarm on it notifies a subscribed SNS topic (CIS 4.8).',
  risk: 'One policy or ACL change can make a bucket public or copy its objects elsewhere; unwatched, the exposure lasts until someone stumbles on it.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  metricName: 'S3BucketPolicyChanges',
  samples: apiCalls('s3', [
    'PutBucketAcl',
    'PutBucketPolicy',
    'PutBucketCors',
    'PutBucketLifecycle',
    'PutBucketReplication',
    'DeleteBucketPolicy',
    'DeleteBucketCors',
    'DeleteBucketLifecycle',
    'DeleteBucketReplication',
  ]),
});
