import { consoleLogin } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-console-auth-failures',
  title: 'Console authentication failures raise a CloudWatch alarm',
  events: 'console authentication failures',
  description:
    'A metric filter on the log group of a multi-region trail counts failed console sign-ins, and an alarm on it notifies a subscribed SNS topic (CIS 4.6).',
  risk: 'Repeated failed sign-ins are password guessing in progress; without an alarm the attempts continue until one works.',
  severity: 'low',
  cisPattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  metricName: 'ConsoleSigninFailures',
  samples: [consoleLogin('a failed console sign-in', 'Failure')],
});
