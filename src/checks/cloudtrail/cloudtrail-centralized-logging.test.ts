import { testCheck } from '../../testing/check-tester.js';
import { s3Bucket } from '../../testing/kinds.js';
import { cloudtrailTrail } from '../../testing/logging-kinds.js';
import check from './cloudtrail-centralized-logging.js';

const trail = (name: string, overrides: Parameters<typeof cloudtrailTrail>[0] = {}) =>
  cloudtrailTrail({ name, ...overrides });

const BUCKETS_DENIED_IN_TOKYO = {
  region: 'ap-northeast-1',
  kind: 's3.bucket',
  field: '*',
  reason: 'access-denied' as const,
  action: 's3:ListBuckets',
};

testCheck(check, {
  pass: [
    {
      name: 'an organization trail covers the account',
      resources: [trail('org', { isOrganizationTrail: true })],
      message: /^Organization trail org keeps the account's logs centrally$/,
    },
    {
      name: "the trail writes to a bucket of a log archive account, not among this account's buckets",
      resources: [trail('main', { s3BucketName: 'acme-log-archive' }), s3Bucket('app-data')],
      message: /^Trail main delivers to bucket acme-log-archive, which is outside this account$/,
    },
  ],
  fail: [
    {
      name: 'the only trail writes to a bucket in the account it audits',
      resources: [trail('main'), s3Bucket('trail-logs')],
      message: /^Every multi-region trail delivers to a bucket in the account it audits: main -> trail-logs$/,
    },
    {
      name: 'a single-region trail to a log archive does not count',
      resources: [trail('regional', { isMultiRegionTrail: false, s3BucketName: 'acme-log-archive' })],
      message: /No multi-region trail is logging/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trail bucket is not among the buckets seen, but one region could not be listed',
      resources: [trail('main', { s3BucketName: 'somewhere' })],
      scopeGaps: [BUCKETS_DENIED_IN_TOKYO],
      reason: 'access-denied',
    },
  ],
});
