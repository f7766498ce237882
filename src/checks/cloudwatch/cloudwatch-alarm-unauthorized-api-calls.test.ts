import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-unauthorized-api-calls.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
    {
      name: 'the same events caught by the shorter pattern of earlier CIS versions',
      resources: monitored('{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'),
    },
  ],
  fail: [
    {
      name: 'a filter that counts UnauthorizedOperation errors but not AccessDenied ones',
      resources: monitored('{ ($.errorCode = "*UnauthorizedOperation") }'),
      message: /no filter matches ListUsers refused with AccessDenied/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
