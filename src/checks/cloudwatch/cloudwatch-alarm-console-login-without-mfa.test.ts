import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-console-login-without-mfa.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
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
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
