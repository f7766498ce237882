import { testCheck } from '../../testing/check-tester.js';
import check from './cloudwatch-alarm-nacl-changes.js';
import { chainCases, monitored } from './support/monitoring-fixtures.js';

const CIS_PATTERN =
  '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }';

const chain = chainCases(CIS_PATTERN);

testCheck(check, {
  pass: [chain.complete],
  fail: [
    {
      name: 'a filter that leaves out ReplaceNetworkAclAssociation',
      resources: monitored(
        '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) }',
      ),
      message: /no filter matches ReplaceNetworkAclAssociation/,
    },
    chain.alarmSilent,
  ],
  notEvaluated: [chain.alarmsNotListed],
});
