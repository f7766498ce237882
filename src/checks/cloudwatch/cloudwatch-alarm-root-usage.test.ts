import { REGION } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-root-usage.js';
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
  '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';

testCheck(check, {
  pass: [
    {
      name: 'the CIS filter on the trail log group has an alarm notifying a subscribed topic',
      resources: monitored(CIS_PATTERN),
      message: /are monitored: filter Monitored → alarm Monitored-alarm/,
    },
    {
      name: 'the same events caught by a pattern that leaves out the service-event condition',
      resources: monitored('{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS }'),
    },
  ],
  fail: [
    {
      name: 'a filter that counts root sign-ins but not root API calls',
      resources: monitored('{ $.userIdentity.type = "Root" && $.eventName = "ConsoleLogin" }'),
      message: /no filter matches CreateAccessKey by the root user/,
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
