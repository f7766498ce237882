import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-console-auth-failures.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN = '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [chain.complete],
  fail: [
    {
      name: 'a filter that counts successful sign-ins only',
      resources: monitored(
        '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Success") }',
      ),
      message: /No metric filter .* matches console authentication failures/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
