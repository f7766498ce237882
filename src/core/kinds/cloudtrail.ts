import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

export const cloudtrailTrail = defineKind({
  name: 'cloudtrail.trail',
  service: 'cloudtrail',
  title: 'CloudTrail trail',
  global: false,
  attributes: z.object({
    name: z.string(),
    homeRegion: z.string(),
    isMultiRegionTrail: z.boolean(),
    isOrganizationTrail: z.boolean(),
    /** From GetTrailStatus. */
    isLogging: z.boolean(),
    logFileValidationEnabled: z.boolean(),
    s3BucketName: z.string().nullable(),
    kmsKeyId: z.string().nullable(),
    /** Which management events the trail's (basic or advanced) event selectors record. */
    managementEvents: z.object({ read: z.boolean(), write: z.boolean() }),
    /**
     * The CloudWatch Logs log group the trail also delivers to (what metric filters and alarms watch, CIS 4.x);
     * null when the trail is not integrated with CloudWatch Logs.
     */
    cloudWatchLogsLogGroupArn: z.string().nullable(),
    /** From GetTrailStatus: the last delivery to CloudWatch Logs; null when none ever happened. */
    latestCloudWatchLogsDeliveryAt: timestamp.nullable(),
    /**
     * Whether the trail records S3 object-level (data) events for ALL buckets, reads and writes (CIS 3.8, 3.9).
     * Selectors narrowed to some buckets or prefixes do not count: objects elsewhere go unrecorded.
     */
    s3DataEvents: z.object({ read: z.boolean(), write: z.boolean() }),
  }),
});
