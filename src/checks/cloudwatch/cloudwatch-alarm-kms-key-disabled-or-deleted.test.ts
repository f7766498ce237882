import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-kms-key-disabled-or-deleted.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
    {
      name: 'the same events caught by the CIS pattern with quoted values',
      resources: monitored(
        '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }',
      ),
    },
  ],
  fail: [
    {
      name: 'a filter that leaves out ScheduleKeyDeletion',
      resources: monitored('{ ($.eventName = DisableKey) }'),
      message: /no filter matches ScheduleKeyDeletion/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
