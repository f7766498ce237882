import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-network-gateway-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [chain.complete],
  fail: [
    {
      name: 'a filter that leaves out DetachInternetGateway',
      resources: monitored(
        '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) }',
      ),
      message: /no filter matches DetachInternetGateway/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
