import { z } from 'zod';
import { defineKind } from './kind.js';

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
  }),
});
