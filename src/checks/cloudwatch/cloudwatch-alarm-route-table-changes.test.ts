import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-route-table-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [chain.complete],
  fail: [
    {
      name: 'a filter that leaves out DisassociateRouteTable',
      resources: monitored(
        '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) }',
      ),
      message: /no filter matches DisassociateRouteTable/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
