import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, REGION, resource, withGap } from './builders.js';
import type { CheckCases } from './check-tester.js';

/** CloudTrail builders and shared cases for check tests. */

/**
 * The trail `main` (or `overrides.name`) homed in `region`: multi-region, logging, validating its log files and
 * recording all management events, with no KMS key, no CloudWatch Logs delivery and no S3 data events.
 */
export function cloudtrailTrail(
  overrides: Partial<AttributesOf<'cloudtrail.trail'>> = {},
  region = REGION,
): Resource<'cloudtrail.trail'> {
  const name = overrides.name ?? 'main';
  const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
  return resource(
    'cloudtrail.trail',
    arn,
    {
      name,
      homeRegion: region,
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      isLogging: true,
      logFileValidationEnabled: true,
      s3BucketName: 'trail-logs',
      kmsKeyId: null,
      managementEvents: { read: true, write: true },
      cloudWatchLogsLogGroupArn: null,
      latestCloudWatchLogsDeliveryAt: null,
      s3DataEvents: { read: false, write: false },
      ...overrides,
    },
    { region, arn },
  );
}

/** DescribeTrails denied in us-east-1: any trail homed there is unseen. */
export const TRAILS_NOT_LISTED = {
  region: 'us-east-1',
  kind: 'cloudtrail.trail',
  field: '*',
  reason: 'access-denied' as const,
  action: 'cloudtrail:DescribeTrails',
};

/** A region the account has not enabled: nothing can live there. */
export const REGION_DISABLED = {
  region: 'me-central-1',
  kind: '*',
  field: '*',
  reason: 'region-disabled' as const,
};

/**
 * The cases of the CIS 3.8 / 3.9 checks, which ask the same of S3 `access` data events: some logging,
 * multi-region trail must record them for all buckets.
 */
export function s3DataEventsCases(access: 'read' | 'write'): CheckCases {
  const other = access === 'read' ? 'write' : 'read';
  const ALL = { read: true, write: true };
  const NONE = { read: false, write: false };
  return {
    pass: [
      {
        name: 'the multi-region trail records S3 object reads and writes for all buckets',
        resources: [cloudtrailTrail({ s3DataEvents: ALL })],
        message: new RegExp(`Trail main records S3 object-level ${access} events for all buckets`),
      },
      {
        name: `a separate data-events trail records only ${access}s, beside a management trail`,
        resources: [
          cloudtrailTrail(),
          cloudtrailTrail(
            { name: 'data-events', s3DataEvents: { ...NONE, [access]: true }, managementEvents: NONE },
            'us-east-1',
          ),
        ],
        message: /data-events/,
      },
      {
        name: 'one trail records them although trails could not be listed in another region',
        resources: [cloudtrailTrail({ s3DataEvents: ALL })],
        scopeGaps: [TRAILS_NOT_LISTED],
      },
    ],
    fail: [
      {
        name: 'the trail records management events only',
        resources: [cloudtrailTrail()],
        message: new RegExp(`No trail records S3 object-level ${access} events for all buckets \\(main`),
      },
      {
        name: `the trail records S3 ${other}s but not ${access}s`,
        resources: [cloudtrailTrail({ s3DataEvents: { ...NONE, [other]: true } })],
        message: new RegExp(`No trail records S3 object-level ${access} events`),
      },
      {
        name: 'only a single-region trail records them',
        resources: [cloudtrailTrail({ isMultiRegionTrail: false, s3DataEvents: ALL })],
        message: /only by trails that do not cover the account: main \(single-region\)/,
      },
      {
        name: 'the trail that records them has stopped logging',
        resources: [cloudtrailTrail({ isLogging: false, s3DataEvents: ALL })],
        message: /main \(not logging\)/,
      },
      {
        name: 'the account has no trail, and the only unseen region is not enabled',
        resources: [],
        regions: [REGION],
        scopeGaps: [REGION_DISABLED],
        message: /no CloudTrail trail/,
      },
    ],
    notEvaluated: [
      {
        name: 'the event selectors of the only trail could not be read',
        resources: [
          withGap(cloudtrailTrail(), 's3DataEvents', 'access-denied', 'cloudtrail:GetEventSelectors'),
        ],
        reason: 'access-denied',
      },
      {
        name: 'trails could not be listed in a region and no recording trail was seen elsewhere',
        resources: [cloudtrailTrail()],
        scopeGaps: [TRAILS_NOT_LISTED],
        reason: 'access-denied',
        message: /could not be observed: access-denied: cloudtrail:DescribeTrails/,
      },
    ],
  };
}
