import { REGION } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-security-group-changes.js';
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
  '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }';

testCheck(check, {
  pass: [
    {
      name: 'the CIS filter on the trail log group has an alarm notifying a subscribed topic',
      resources: monitored(CIS_PATTERN),
      message: /are monitored: filter Monitored → alarm Monitored-alarm/,
    },
    {
      name: 'the same events caught by a wildcard on the event name',
      resources: monitored('{ ($.eventName = *SecurityGroup*) }'),
    },
  ],
  fail: [
    {
      name: 'a filter that leaves out DeleteSecurityGroup',
      resources: monitored(
        '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) }',
      ),
      message: /no filter matches DeleteSecurityGroup/,
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
