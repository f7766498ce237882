import { consoleLogin, rootCall } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-root-usage',
  title: 'Use of the root user raises a CloudWatch alarm',
  events: 'use of the root user',
  description:
    'A metric filter on the log group of a multi-region trail counts sign-ins and API calls by the root user (not those AWS services make on its behalf), and an alarm on it notifies a subscribed SNS topic (CIS 4.3).',
  risk: 'The root user can do anything, including closing the account; its use should be rare and seen by someone every time.',
  severity: 'high',
  cisPattern:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  metricName: 'RootAccountUsage',
  samples: [
    consoleLogin('a root console sign-in', 'Success', { mfaUsed: 'Yes', root: true }),
    rootCall('iam', 'CreateAccessKey'),
  ],
});
