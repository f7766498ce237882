import { consoleLogin } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-console-login-without-mfa',
  title: 'Console sign-ins without MFA raise a CloudWatch alarm',
  events: 'console sign-ins without MFA',
  description:
    'A metric filter on the log group of a multi-region trail counts successful console sign-ins that did not use MFA, and an alarm on it notifies a subscribed SNS topic (CIS 4.2).',
  risk: 'A password alone is easily phished or guessed; sign-ins without MFA are the ones a stolen password makes possible, and no one hears of them.',
  severity: 'medium',
  cisPattern:
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  metricName: 'ConsoleSignInWithoutMfa',
  samples: [consoleLogin('a successful console sign-in without MFA', 'Success', { mfaUsed: 'No' })],
});
