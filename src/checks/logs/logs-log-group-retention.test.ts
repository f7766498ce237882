import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './logs-log-group-retention.js';

const group = (retentionInDays: number | null) =>
  resource('logs.log-group', '/aws/lambda/orders', {
    name: '/aws/lambda/orders',
    retentionInDays,
    kmsKeyId: null,
    metricFilters: [],
  });

testCheck(check, {
  pass: [
    {
      name: 'the log group never expires its events',
      resources: [group(null)],
      message: /\/aws\/lambda\/orders never expires/,
    },
    { name: 'the log group keeps events exactly one year', resources: [group(365)], message: /365 days/ },
    { name: 'the log group keeps events ten years', resources: [group(3653)] },
    {
      name: 'a 90-day retention meets a 90-day policy',
      resources: [group(90)],
      thresholds: { days: 90 },
    },
  ],
  fail: [
    {
      name: 'the log group deletes events after two weeks',
      resources: [group(14)],
      message: /^Log group \/aws\/lambda\/orders deletes events after 14 days, fewer than 365$/,
    },
    { name: 'a 180-day retention is short of a year', resources: [group(180)], message: /180 days/ },
  ],
  notEvaluated: [
    {
      name: 'the log group’s retention could not be read',
      resources: [withGap(group(365), 'retentionInDays', 'throttled', 'logs:DescribeLogGroups')],
      reason: 'throttled',
    },
    listingFailed('log groups could not be listed in the region', 'logs.log-group', 'logs:DescribeLogGroups'),
  ],
});
