import { REGION } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-console-login-without-mfa.js';
import {
  ALARMS_DENIED,
  alarm,
  filter,
  logGroup,
  monitored,
  topic,
  trail,
} from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';

testCheck(check, {
  pass: [
    {
      name: 'the CIS filter on the trail log group has an alarm notifying a subscribed topic',
      resources: monitored(CIS_PATTERN),
      message: /are monitored: filter Monitored → alarm Monitored-alarm/,
    },
    {
      name: 'the same events caught by a pattern without the user-type and success conditions',
      resources: monitored('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'),
    },
  ],
  fail: [
    {
      name: 'a filter that counts sign-ins WITH MFA instead',
      resources: monitored('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }'),
      message:
        /No metric filter on log group aws-cloudtrail-logs-main \(trail main\) matches console sign-ins without MFA/,
    },
    {
      name: 'the alarm on the CIS filter has its actions disabled',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS_PATTERN)]),
        alarm('Monitored', { actionsEnabled: false }),
        topic(),
      ],
      message: /but alarm Monitored-alarm has its actions disabled/,
    },
  ],
  notEvaluated: [
    {
      name: 'alarms could not be listed where the log group is',
      resources: monitored(CIS_PATTERN),
      regions: [REGION],
      scopeGaps: [ALARMS_DENIED],
      reason: 'access-denied',
    },
  ],
});
