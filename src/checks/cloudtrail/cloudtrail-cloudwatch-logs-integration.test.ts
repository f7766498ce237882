import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { LOG_GROUP_ARN, trail } from '../cloudwatch/support/monitoring-fixtures.js';
import check from './cloudtrail-cloudwatch-logs-integration.js';

// The tests run at 2026-06-01T12:00:00Z.
testCheck(check, {
  pass: [
    {
      name: 'the trail delivered to its log group five minutes ago',
      resources: [trail({ latestCloudWatchLogsDeliveryAt: '2026-06-01T11:55:00Z' })],
      message: /main delivers to arn:aws:logs:eu-west-1:111122223333:log-group:aws-cloudtrail-logs-main/,
    },
    {
      name: 'a quiet trail delivered 20 hours ago, within the default day',
      resources: [trail({ latestCloudWatchLogsDeliveryAt: '2026-05-31T16:00:00Z' })],
    },
  ],
  fail: [
    {
      name: 'the trail writes to S3 only',
      resources: [trail({ cloudWatchLogsLogGroupArn: null, latestCloudWatchLogsDeliveryAt: null })],
      message: /main does not send its events to CloudWatch Logs/,
    },
    {
      name: 'the trail names a log group but has never delivered to it',
      resources: [trail({ latestCloudWatchLogsDeliveryAt: null })],
      message: new RegExp(`configured to deliver to ${LOG_GROUP_ARN.replace(/[*]/g, '\\*')} but never has`),
    },
    {
      name: 'delivery stopped three days ago (a broken role, for instance)',
      resources: [trail({ latestCloudWatchLogsDeliveryAt: '2026-05-29T11:00:00Z' })],
      message: /last delivered to CloudWatch Logs 73 hours ago/,
    },
    {
      name: 'a stricter threshold of 6 hours flags a delivery 20 hours old',
      resources: [trail({ latestCloudWatchLogsDeliveryAt: '2026-05-31T16:00:00Z' })],
      thresholds: { maxDeliveryAgeHours: 6 },
      message: /20 hours ago/,
    },
  ],
  notEvaluated: [
    {
      name: 'the trail status (last delivery) could not be read',
      resources: [
        withGap(trail(), 'latestCloudWatchLogsDeliveryAt', 'access-denied', 'cloudtrail:GetTrailStatus'),
      ],
      reason: 'access-denied',
    },
  ],
});
