import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-cloudtrail-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
    {
      name: 'the same events caught by a filter on every write to CloudTrail',
      resources: monitored('{ ($.eventSource = cloudtrail.amazonaws.com) && ($.readOnly IS FALSE) }'),
    },
  ],
  fail: [
    {
      name: 'a filter that leaves out StopLogging',
      resources: monitored(
        '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }',
      ),
      message: /no filter matches StopLogging/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
