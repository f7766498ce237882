import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-root-usage.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [
    chain.complete,
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
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
