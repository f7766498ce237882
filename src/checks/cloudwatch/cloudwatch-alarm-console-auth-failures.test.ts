import { REGION } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-console-auth-failures.js';
import {
  ALARMS_DENIED,
  alarm,
  filter,
  logGroup,
  monitored,
  topic,
  trail,
} from './support/monitoring-fixtures.js';

const CIS_PATTERN = '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }';

testCheck(check, {
  pass: [
    {
      name: 'the CIS filter on the trail log group has an alarm notifying a subscribed topic',
      resources: monitored(CIS_PATTERN),
      message: /are monitored: filter Monitored → alarm Monitored-alarm/,
    },
  ],
  fail: [
    {
      name: 'a filter that counts successful sign-ins only',
      resources: monitored(
        '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Success") }',
      ),
      message: /No metric filter .* matches console authentication failures/,
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
