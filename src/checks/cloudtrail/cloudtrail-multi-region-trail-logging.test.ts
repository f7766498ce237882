import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { cloudtrailTrail, REGION_DISABLED, TRAILS_NOT_LISTED } from '../../testing/logging-kinds.js';
import check from './cloudtrail-multi-region-trail-logging.js';

type Trail = AttributesOf<'cloudtrail.trail'>;

const trail = (name: string, overrides: Partial<Trail> = {}, region = REGION) =>
  cloudtrailTrail({ name, ...overrides }, region);

testCheck(check, {
  pass: [
    {
      name: 'a multi-region trail logs all management events',
      resources: [trail('main')],
      message: /Trail main is multi-region/,
    },
    {
      name: 'an organization trail covers the account',
      resources: [trail('org', { isOrganizationTrail: true })],
    },
    {
      name: 'one good trail among single-region and stopped ones',
      resources: [
        trail('regional', { isMultiRegionTrail: false }),
        trail('stopped', { isLogging: false }),
        trail('main', {}, 'us-east-1'),
      ],
      message: /main/,
    },
    {
      name: 'one good trail although trails could not be listed in another region',
      resources: [trail('main')],
      scopeGaps: [TRAILS_NOT_LISTED],
    },
    {
      name: 'one good trail although another trail status could not be read',
      resources: [
        trail('main'),
        withGap(trail('other', {}, 'us-east-1'), 'isLogging', 'access-denied', 'cloudtrail:GetTrailStatus'),
      ],
    },
  ],
  fail: [
    { name: 'the account has no trail', resources: [], regions: [REGION], message: /no CloudTrail trail/ },
    {
      name: 'no trail, and the only unseen region is not enabled',
      resources: [],
      regions: [REGION],
      scopeGaps: [REGION_DISABLED],
      message: /no CloudTrail trail/,
    },
    {
      name: 'the only trail is single-region',
      resources: [trail('regional', { isMultiRegionTrail: false })],
      message: /regional \(single-region\)/,
    },
    {
      name: 'the multi-region trail has stopped logging',
      resources: [trail('main', { isLogging: false })],
      message: /main \(not logging\)/,
    },
    {
      name: 'the multi-region trail records write events only',
      resources: [trail('main', { managementEvents: { read: false, write: true } })],
      message: /main \(records write management events only\)/,
    },
    {
      name: 'the multi-region trail records data events only',
      resources: [trail('data', { managementEvents: { read: false, write: false } })],
      message: /records no management events/,
    },
    {
      name: 'each trail misses a different requirement',
      resources: [
        trail('regional', { isMultiRegionTrail: false }),
        trail('stopped', { isLogging: false }, 'us-east-1'),
      ],
      message: /regional \(single-region\); stopped \(not logging\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'trails could not be listed in a region and no good trail was seen elsewhere',
      resources: [],
      regions: [REGION],
      scopeGaps: [TRAILS_NOT_LISTED],
      reason: 'access-denied',
      message: /could not be observed: access-denied: cloudtrail:DescribeTrails/,
    },
    {
      name: 'the only multi-region trail hides whether it is logging',
      resources: [
        withGap(trail('main'), 'isLogging', 'access-denied', 'cloudtrail:GetTrailStatus'),
        trail('regional', { isMultiRegionTrail: false }, 'us-east-1'),
      ],
      reason: 'access-denied',
      message: /arn:aws:cloudtrail:eu-west-1:111122223333:trail\/main \(isLogging\)/,
    },
    {
      name: 'the event selectors of the only trail could not be read',
      resources: [withGap(trail('main'), 'managementEvents', 'throttled', 'cloudtrail:GetEventSelectors')],
      reason: 'throttled',
    },
    {
      name: 'trails were not collected at all',
      resources: [],
      regions: [REGION],
      kinds: [],
      reason: 'not-collected',
    },
  ],
});
